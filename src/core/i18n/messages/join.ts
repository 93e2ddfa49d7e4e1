import type { Message, Translation } from '../message-types.ts';

/** Messages of the join cell, merged into `../messages.ts`. */
export const joinEn = {
  'kind.join': 'Join datasets',
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

/** Russian messages of the join cell. */
export const joinRu: Translation<typeof joinEn> = {
  'kind.join': 'Объединение наборов',
  'join.left': 'Строки из',
  'join.leftKey': 'Ключевой столбец',
  'join.right': 'Добавить столбцы из',
  'join.rightKey': 'Соответствующий ключевой столбец',
  'join.byPeriod': 'Сопоставлять также по периоду',
  'join.leftPeriod': 'Столбец периода (строки)',
  'join.rightPeriod': 'Столбец периода (добавляемые)',
  'join.grain': 'Сравнивать периоды по',
  'join.grain.exact': 'точному значению',
  'join.grain.month': 'месяцу',
  'join.grain.quarter': 'кварталу',
  'join.name': 'Название объединённого набора',
  'join.defaultName': '{left} + {right}',
  'join.run': 'Объединить',
  'join.progress': 'Сохранено {done} из {total}',
  'join.cancelled': 'Объединение отменено. Ничего не сохранено.',
  'join.failed': 'Объединение не удалось: {error}',
  'join.inputMissing':
    'Набор данных, который использует это объединение, больше не хранится (его удалили). Выберите другой.',
  'join.done': 'Создан набор «{name}»: {rows}.',
  'join.matched': 'Строк с парой: {matched} из {total}.',
  'join.unmatchedLeft': {
    one: '{count} ключ из «{left}» не найден в «{right}»: {examples}.',
    few: '{count} ключа из «{left}» не найдены в «{right}»: {examples}.',
    many: '{count} ключей из «{left}» не найдены в «{right}»: {examples}.',
    other: '{count} ключа из «{left}» не найдены в «{right}»: {examples}.',
  },
  'join.unmatchedRight': {
    one: '{count} ключ из «{right}» отсутствует в «{left}»: {examples}.',
    few: '{count} ключа из «{right}» отсутствуют в «{left}»: {examples}.',
    many: '{count} ключей из «{right}» отсутствуют в «{left}»: {examples}.',
    other: '{count} ключа из «{right}» отсутствуют в «{left}»: {examples}.',
  },
  'join.multi': {
    one: '{count} строка совпала с несколькими строками и повторена для каждой.',
    few: '{count} строки совпали с несколькими строками и повторены для каждой.',
    many: '{count} строк совпали с несколькими строками и повторены для каждой.',
    other: '{count} строки совпали с несколькими строками и повторены для каждой.',
  },
  'join.blankKeys': {
    one: '{count} строка с пустым ключом оставлена без пары.',
    few: '{count} строки с пустым ключом оставлены без пары.',
    many: '{count} строк с пустым ключом оставлены без пары.',
    other: '{count} строки с пустым ключом оставлены без пары.',
  },
  'join.howToRead':
    'Все строки первого набора сохраняются; подходящая строка второго добавляет свои столбцы. У строк без пары добавленные столбцы пусты — ничего не теряется молча.',
};
