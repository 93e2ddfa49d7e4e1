import type { Translation } from '../../message-types.ts';
import type { joinEn } from '../join.ts';

/** Russian messages of the join cell. */
export const joinRu: Translation<typeof joinEn> = {
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
