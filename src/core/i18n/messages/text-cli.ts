import type { Message } from '../message-types.ts';

/** Messages of `cx-trace frequency` and `cx-trace clusters`, merged into `../messages.ts`. */
export const textCliEn = {
  'cli.frequency':
    'the words and phrases comments mention most (column --text COL of FILE); --by COL per group',
  'cli.clusters':
    'groups of comments that say similar things (column --text COL of FILE); k by silhouette or --k',
  'cli.textNeedFile': 'name the table to read: cx-trace {command} FILE --text COL',
  'cli.textNeedText': 'name the column of comments: cx-trace {command} {file} --text COL',
  'cli.textWholeOrAuto': 'a whole number from {min} to {max} or auto',
  'cli.clustersBadLang': '--lang must be ru, en or auto for clusters, not “{value}”',
  'cli.textNoWords': 'no comment in column “{column}” of {file} has words to count',
  'cli.textNoWordsLang': 'no comment in column “{column}” of {file} is in {lang} and has words',
  'cli.freqHead': 'Most mentioned in “{column}” of {file} ({comments} with words):',
  'cli.freqTerm': 'term',
  'cli.freqCount': 'comments',
  'cli.freqShare': 'share',
  'cli.freqNone': 'no term is in two comments or more',
  'cli.freqBy': 'By {column}:',
  'cli.freqGroup': '{key} ({comments} with words):',
  'cli.freqComments': { one: '{count} comment', other: '{count} comments' },
  'cli.freqBlankGroup': {
    one: '{count} comment with a blank group is in no group',
    other: '{count} comments with a blank group are in no group',
  },
  'cli.clustersHead':
    '{clusters} of {comments} in “{column}” of {file}, silhouette {silhouette} (−1…1, higher is clearer):',
  'cli.clustersCount': { one: '{count} cluster', other: '{count} clusters' },
  'cli.clusterLine': '#{id}, {comments}: {terms}',
  'cli.clustersOtherLang': {
    one: '{count} comment not in {lang} is left out',
    other: '{count} comments not in {lang} are left out',
  },
  'cli.clustersNoWords': {
    one: '{count} row without usable words is in no cluster',
    other: '{count} rows without usable words are in no cluster',
  },
} satisfies Record<string, Message>;
