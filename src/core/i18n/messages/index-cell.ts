import type { Message, Translation } from '../message-types.ts';

/** Messages of the satisfaction-index cell, merged into `../messages.ts`. */
export const indexEn = {
  'kind.index': 'Satisfaction index',
  'chart.png': 'PNG',
  'chart.svg': 'SVG',
  'chart.failed': 'Could not draw the chart: {error}',
  'index.trendLabel': 'Mean satisfaction index by period, chart',
  'index.trendHow':
    'How to read this: each point is the mean index of the clients with an index in that period; the axis runs from 0 to 100, so a small change looks small. Point at a period to see how many clients it averages.',
  'index.model': 'Service model',
  'index.noModels': 'No service model yet. Open the demo from the notebook list to get one.',
  'index.missingModel': 'The chosen service model no longer exists.',
  'index.run': 'Compute the index',
  'index.progress': 'Reading dataset {done} of {total}',
  'index.cancelled': 'Cancelled.',
  'index.failed': 'Could not compute the index: {error}',
  'index.noData': 'No client has an index: the model’s index members have no values in the data.',
  'index.overall': 'Satisfaction index',
  'index.clients': {
    one: 'mean of {count} client’s latest index, 0–100',
    other: 'mean of {count} clients’ latest index, 0–100',
  },
  'index.block.TX': 'Financial block (TX)',
  'index.block.CX': 'Customer block (CX)',
  'index.byPeriod': 'Mean index by period',
  'index.period': 'Period',
  'index.mean': 'Mean index',
  'index.n': 'Clients',
  'index.lowest': 'Clients with the lowest index',
  'index.client': 'Client',
  'index.latest': 'Index',
  'index.missingInputs': 'Missing inputs',
  'index.equalWeights': {
    one: '{count} client has no importance weights on its card: its factors weigh equally.',
    other: '{count} clients have no importance weights on their card: their factors weigh equally.',
  },
  'index.incomplete': {
    one: '{count} client-period lacks some inputs: its index uses those present, never zeros.',
    other: '{count} client-periods lack some inputs: their index uses those present, never zeros.',
  },
  'index.howToRead':
    'How to read this: each indicator of the model’s TX and CX blocks is put on a 0–100 scale (its worst value → 0, its best → 100), averaged within its block with the client’s own importance weight of its factor, and the blocks are combined with the model’s block weights. 100 is every indicator at its best.',
} satisfies Record<string, Message>;

export const indexRu: Translation<typeof indexEn> = {
  'kind.index': 'Индекс удовлетворённости',
  'chart.png': 'PNG',
  'chart.svg': 'SVG',
  'chart.failed': 'Не удалось построить график: {error}',
  'index.trendLabel': 'График среднего индекса удовлетворённости по периодам',
  'index.trendHow':
    'Как читать: каждая точка — средний индекс клиентов, у которых он есть в этом периоде; ось идёт от 0 до 100, поэтому небольшое изменение выглядит небольшим. Наведите на точку, чтобы увидеть, по скольким клиентам взято среднее.',
  'index.model': 'Сервисная модель',
  'index.noModels':
    'Сервисной модели пока нет. Откройте демо из списка блокнотов, чтобы её получить.',
  'index.missingModel': 'Выбранной сервисной модели больше нет.',
  'index.run': 'Рассчитать индекс',
  'index.progress': 'Чтение набора данных {done} из {total}',
  'index.cancelled': 'Отменено.',
  'index.failed': 'Не удалось рассчитать индекс: {error}',
  'index.noData':
    'Ни у одного клиента нет индекса: у показателей индекса в модели нет значений в данных.',
  'index.overall': 'Индекс удовлетворённости',
  'index.clients': {
    one: 'среднее последнего индекса {count} клиента, 0–100',
    few: 'среднее последнего индекса {count} клиентов, 0–100',
    many: 'среднее последнего индекса {count} клиентов, 0–100',
    other: 'среднее последнего индекса {count} клиента, 0–100',
  },
  'index.block.TX': 'Финансовый блок (TX)',
  'index.block.CX': 'Клиентский блок (CX)',
  'index.byPeriod': 'Средний индекс по периодам',
  'index.period': 'Период',
  'index.mean': 'Средний индекс',
  'index.n': 'Клиентов',
  'index.lowest': 'Клиенты с самым низким индексом',
  'index.client': 'Клиент',
  'index.latest': 'Индекс',
  'index.missingInputs': 'Нет данных',
  'index.equalWeights': {
    one: 'У {count} клиента в карточке нет весов важности: его факторы весят одинаково.',
    few: 'У {count} клиентов в карточке нет весов важности: их факторы весят одинаково.',
    many: 'У {count} клиентов в карточке нет весов важности: их факторы весят одинаково.',
    other: 'У {count} клиента в карточке нет весов важности: их факторы весят одинаково.',
  },
  'index.incomplete': {
    one: 'В {count} паре «клиент — период» не хватает данных: индекс считается по имеющимся, без нулей.',
    few: 'В {count} парах «клиент — период» не хватает данных: индекс считается по имеющимся, без нулей.',
    many: 'В {count} парах «клиент — период» не хватает данных: индекс считается по имеющимся, без нулей.',
    other:
      'В {count} паре «клиент — период» не хватает данных: индекс считается по имеющимся, без нулей.',
  },
  'index.howToRead':
    'Как читать: каждый показатель блоков TX и CX модели переводится в шкалу 0–100 (худшее значение → 0, лучшее → 100), усредняется внутри блока с весом важности его фактора для самого клиента, а блоки объединяются с весами блоков из модели. 100 — все показатели в лучшем значении.',
};
