import type { Message } from '../message-types.ts';

/** Messages of running cells: stale results, Run all, automatic runs, stored results. */
export const cellRunsEn = {
  'run.stale': 'Stale: {reasons}. It is shown greyed until it runs again.',
  'run.rerun': 'Re-run',
  'run.cancelled': 'Cancelled. The result shown, if any, is the last one computed.',
  'run.failed': 'Could not compute: {error}',
  'run.reason.dataset-refreshed': 'the dataset “{name}” has changed rows',
  'run.reason.dataset-deleted': 'the dataset “{name}” was deleted',
  'run.reason.model-edited': 'the service model “{name}” was edited',
  'run.reason.model-deleted': 'the service model “{name}” was deleted',
  'run.reason.source-changed': 'the cell it takes its input from has a new result',
  'run.reason.settings': 'it was computed with other settings of this cell',
  'run.all': 'Run all',
  'run.allRunning': 'Running {cell}…',
  'run.allStop': 'Stop',
  'run.allNothing': 'Every result is current.',
  'run.allPending': { one: '{count} cell to run', other: '{count} cells to run' },
  'run.auto': 'Re-run stale cells automatically',
} satisfies Record<string, Message>;
