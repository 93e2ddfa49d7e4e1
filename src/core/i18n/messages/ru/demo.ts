import type { Translation } from '../../message-types.ts';
import type { demoEn } from '../demo.ts';

export const demoRu: Translation<typeof demoEn> = {
  'cli.demo': 'записать демо-мир (шесть наборов CSV, model.json, truth.json) в папку DIR',
  'cli.demoNeedOut': 'укажите папку для записи: cx-trace demo --out DIR',
  'cli.demoBadNumber': '--{name}: нужно {what}, а не «{value}»',
  'cli.demoWholeFrom': 'целое число от {min}',
  'cli.demoWholeRange': 'целое число от {min} до {max}',
  'cli.demoPositive': 'число больше 0',
  'cli.demoBadLang': '--lang для демо: ru, en или mixed, а не «{value}»',
  'cli.demoCannotWrite': 'не удаётся записать {file}: {error}',
  'cli.demoWrote':
    'Записано в {dir} (seed {seed}, клиентов: {clients}, месяцев: {months}) за {seconds} с:',
  'cli.demoRows': {
    one: '{count} строка',
    few: '{count} строки',
    many: '{count} строк',
    other: '{count} строки',
  },
};
