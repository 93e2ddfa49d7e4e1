import type { Translation } from '../../message-types.ts';
import type { modelsEn } from '../models.ts';

export const modelsRu: Translation<typeof modelsEn> = {
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
