import type { Translation } from '../../message-types.ts';
import type { cellRunsEn } from '../cell-runs.ts';

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
