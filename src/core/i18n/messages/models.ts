import type { Message, Translation } from '../message-types.ts';

/** Messages of the service-models page, merged into `../messages.ts`. */
export const modelsEn = {
  'models.title': 'Service models',
  'models.intro':
    'A service model lays out the journey, the factors of satisfaction and the indicators of every layer (TX → CX → OX → EX → IT) with the links between them, bound to your datasets.',
  'models.none':
    'No service model yet. Start from a template, import a model file, or open the demo.',
  'models.template': 'Template',
  'models.create': 'Create from template',
  'models.import': 'Import a model (JSON)…',
  'models.export': 'Export JSON',
  'models.exportOf': 'Export “{name}” as JSON',
  'models.delete': 'Delete',
  'models.deleteOf': 'Delete “{name}”',
  'models.deleteConfirm':
    'Delete the service model “{name}”? Cells that use it will ask for another.',
  'models.deleted': 'Deleted “{name}”.',
  'models.imported': 'Imported “{name}”.',
  'models.created': 'Created “{name}”.',
  'models.notJson': 'The file “{file}” is not JSON: {error}',
  'models.notModel': 'The file “{file}” is not a CX Trace service model.',
  'models.indicators': { one: '{count} indicator', other: '{count} indicators' },
  'models.links': { one: '{count} link', other: '{count} links' },
  'models.valid': 'No problems found.',
  'models.problems': { one: '{count} problem', other: '{count} problems' },
  'models.error': 'error',
  'models.warning': 'warning',
  'models.graph': 'Show the model with its values',
  'models.graphOf': 'Show “{name}” with its values',
  'models.graphLabel': 'Layered graph of “{name}”',
  'models.graphHow':
    'How to read this: the layers run from the financial results (TX) at the top down to the IT stack at the bottom; each line links an indicator to the higher one it feeds. Green is better than its target, red worse, by more than 5% of the indicator’s scale (0.5 points on a 0–10 scale); dark grey is within that of its target; blue has no target, light grey no data yet. Point at an indicator for its current value (the mean over clients or units in the latest period); click it for its history and what drives it.',
  'models.layer': 'Layer',
  'models.indicator': 'Indicator',
  'models.value': 'Current value',
  'models.status.on': 'on target',
  'models.status.near': 'near target (within 5% of scale)',
  'models.status.off': 'off target',
  'models.status.no-target': 'no target',
  'models.status.no-data': 'no data',
  /** Progress of work that loads a model's datasets (its graph, its index). */
  'models.reading': 'Reading dataset {done} of {total}',
} satisfies Record<string, Message>;

export const modelsRu: Translation<typeof modelsEn> = {
  'models.title': 'Сервисные модели',
  'models.intro':
    'Сервисная модель описывает путь клиента, факторы удовлетворённости и показатели всех уровней (TX → CX → OX → EX → IT) со связями между ними, привязанные к вашим наборам данных.',
  'models.none':
    'Сервисной модели пока нет. Начните с шаблона, импортируйте файл модели или откройте демо.',
  'models.template': 'Шаблон',
  'models.create': 'Создать по шаблону',
  'models.import': 'Импортировать модель (JSON)…',
  'models.export': 'Экспорт JSON',
  'models.exportOf': 'Экспортировать «{name}» в JSON',
  'models.delete': 'Удалить',
  'models.deleteOf': 'Удалить «{name}»',
  'models.deleteConfirm':
    'Удалить сервисную модель «{name}»? Ячейки, которые её используют, попросят выбрать другую.',
  'models.deleted': 'Удалено: «{name}».',
  'models.imported': 'Импортировано: «{name}».',
  'models.created': 'Создано: «{name}».',
  'models.notJson': 'Файл «{file}» — не JSON: {error}',
  'models.notModel': 'Файл «{file}» — не сервисная модель CX Trace.',
  'models.indicators': {
    one: '{count} показатель',
    few: '{count} показателя',
    many: '{count} показателей',
    other: '{count} показателя',
  },
  'models.links': {
    one: '{count} связь',
    few: '{count} связи',
    many: '{count} связей',
    other: '{count} связи',
  },
  'models.valid': 'Проблем не найдено.',
  'models.problems': {
    one: '{count} проблема',
    few: '{count} проблемы',
    many: '{count} проблем',
    other: '{count} проблемы',
  },
  'models.error': 'ошибка',
  'models.warning': 'предупреждение',
  'models.graph': 'Показать модель со значениями',
  'models.graphOf': 'Показать «{name}» со значениями',
  'models.graphLabel': 'Граф уровней модели «{name}»',
  'models.graphHow':
    'Как читать: уровни идут от финансовых результатов (TX) вверху до ИТ-инструментов внизу; каждая линия связывает показатель с вышестоящим, на который он влияет. Зелёный — лучше цели, красный — хуже, больше чем на 5% шкалы показателя (0,5 балла на шкале 0–10); тёмно-серый — в пределах этого от цели; синий — цель не задана, светло-серый — данных пока нет. Наведите на показатель, чтобы увидеть его текущее значение (среднее по клиентам или подразделениям за последний период); щёлкните — откроются его история и то, что на него влияет.',
  'models.layer': 'Уровень',
  'models.indicator': 'Показатель',
  'models.value': 'Текущее значение',
  'models.status.on': 'в цели',
  'models.status.near': 'около цели (в пределах 5% шкалы)',
  'models.status.off': 'вне цели',
  'models.status.no-target': 'цель не задана',
  'models.status.no-data': 'нет данных',
  'models.reading': 'Чтение набора данных {done} из {total}',
};
