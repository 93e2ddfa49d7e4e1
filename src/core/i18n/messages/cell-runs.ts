import type { Message, Translation } from '../message-types.ts';

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

export const cellRunsRu: Translation<typeof cellRunsEn> = {
  'run.stale': 'Устарело: {reasons}. Показано серым, пока не будет пересчитано.',
  'run.rerun': 'Пересчитать',
  'run.cancelled': 'Отменено. Показан последний рассчитанный результат, если он есть.',
  'run.failed': 'Не удалось рассчитать: {error}',
  'run.reason.dataset-refreshed': 'в наборе «{name}» изменились строки',
  'run.reason.dataset-deleted': 'набор «{name}» удалён',
  'run.reason.model-edited': 'сервисная модель «{name}» изменена',
  'run.reason.model-deleted': 'сервисная модель «{name}» удалена',
  'run.reason.source-changed': 'у ячейки, из которой берутся данные, новый результат',
  'run.reason.settings': 'рассчитано при других настройках этой ячейки',
  'run.all': 'Запустить все',
  'run.allRunning': 'Выполняется {cell}…',
  'run.allStop': 'Остановить',
  'run.allNothing': 'Все результаты актуальны.',
  'run.allPending': {
    one: '{count} ячейка к запуску',
    few: '{count} ячейки к запуску',
    many: '{count} ячеек к запуску',
    other: '{count} ячейки к запуску',
  },
  'run.auto': 'Пересчитывать устаревшие ячейки автоматически',
};
