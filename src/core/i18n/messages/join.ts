import type { Message } from '../message-types.ts';

/** Messages of the join cell, merged into `../messages.ts`. */
export const joinEn = {
  'join.left': 'Rows from',
  'join.leftKey': 'Key column',
  'join.right': 'Add columns from',
  'join.rightKey': 'Matching key column',
  'join.byPeriod': 'Also match the period',
  'join.leftPeriod': 'Period column (rows)',
  'join.rightPeriod': 'Period column (added)',
  'join.grain': 'Compare periods by',
  'join.grain.exact': 'exact value',
  'join.grain.month': 'month',
  'join.grain.quarter': 'quarter',
  'join.name': 'Name of the joined dataset',
  'join.defaultName': '{left} + {right}',
  'join.run': 'Join',
  'join.progress': 'Stored {done} of {total}',
  'join.cancelled': 'Join cancelled. Nothing was stored.',
  'join.failed': 'The join failed: {error}',
  'join.inputMissing':
    'A dataset this join uses is no longer stored (it was deleted). Choose another one.',
  'join.done': 'Made “{name}”: {rows}.',
  'join.matched': 'Rows with a match: {matched} of {total}.',
  'join.unmatchedLeft': {
    one: '{count} key of “{left}” has no match in “{right}”: {examples}.',
    other: '{count} keys of “{left}” have no match in “{right}”: {examples}.',
  },
  'join.unmatchedRight': {
    one: '{count} key of “{right}” is not in “{left}”: {examples}.',
    other: '{count} keys of “{right}” are not in “{left}”: {examples}.',
  },
  'join.multi': {
    one: '{count} row matched several rows and was repeated for each.',
    other: '{count} rows matched several rows and were repeated for each.',
  },
  'join.blankKeys': {
    one: '{count} row has a blank key and was kept without a match.',
    other: '{count} rows have a blank key and were kept without a match.',
  },
  'join.howToRead':
    'Every row of the first dataset is kept; the matching row of the second adds its columns. Rows with no match keep blanks in the added columns, so nothing is silently dropped.',
} satisfies Record<string, Message>;
