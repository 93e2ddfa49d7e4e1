import type { Message, Translation } from '../message-types.ts';

/** Messages of the satisfaction-index cell, merged into `../messages.ts`. */
export const indexEn = {
  'kind.index': 'Satisfaction index',
  'chart.png': 'PNG',
  'chart.svg': 'SVG',
  'chart.failed': 'Could not draw the chart: {error}',
  'npsg.by': 'By column',
  'npsg.period': 'By period of',
  'npsg.grain': 'Period',
  'npsg.grain.month': 'month',
  'npsg.grain.quarter': 'quarter',
  'npsg.none': 'none',
  'npsg.title': 'NPS by {group}',
  'npsg.group': 'Group',
  'npsg.low': 'CI low',
  'npsg.high': 'CI high',
  'npsg.n': 'Answers',
  'npsg.unreliable': 'Too few answers',
  'npsg.yes': 'yes',
  'npsg.no': 'no',
  'npsg.chart': 'NPS by {group} with 95% intervals, chart',
  'npsg.blank': {
    one: '{count} answer has no group value and is in no group (it counts in the overall NPS).',
    other:
      '{count} answers have no group value and are in no group (they count in the overall NPS).',
  },
  'npsg.howToRead':
    'How to read this: each point is the NPS of a group, the band or bar its 95% interval — the range the NPS of all such clients is likely in. Where intervals overlap, the difference may be chance. Faint points have fewer than 30 answers: their interval is wide, so read them with care.',
  'index.trendLabel': 'Mean satisfaction index by period, chart',
  'index.distributionLabel': 'Clients by their latest satisfaction index, chart',
  'index.distributionHow':
    'How to read this: each bar counts the clients whose latest index falls in a band of 5 points. A hump on the left is a group of clearly unhappy clients worth looking at; the table below lists the lowest.',
  'index.trendHow':
    'How to read this: each point is the mean index of the clients with an index in that period; the axis runs from 0 to 100, so a small change looks small. Point at a period to see how many clients it averages.',
  'index.model': 'Service model',
  'index.noModels': 'No service model yet. Open the demo from the notebook list to get one.',
  'index.missingModel': 'The chosen service model no longer exists.',
  'index.run': 'Compute the index',
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
  'npsg.by': 'По столбцу',
  'npsg.period': 'По периодам столбца',
  'npsg.grain': 'Период',
  'npsg.grain.month': 'месяц',
  'npsg.grain.quarter': 'квартал',
  'npsg.none': 'нет',
  'npsg.title': 'NPS по {group}',
  'npsg.group': 'Группа',
  'npsg.low': 'Нижняя граница ДИ',
  'npsg.high': 'Верхняя граница ДИ',
  'npsg.n': 'Ответов',
  'npsg.unreliable': 'Мало ответов',
  'npsg.yes': 'да',
  'npsg.no': 'нет',
  'npsg.chart': 'График NPS по {group} с 95% интервалами',
  'npsg.blank': {
    one: '{count} ответ без значения группы не входит ни в одну группу (но учтён в общем NPS).',
    few: '{count} ответа без значения группы не входят ни в одну группу (но учтены в общем NPS).',
    many: '{count} ответов без значения группы не входят ни в одну группу (но учтены в общем NPS).',
    other: '{count} ответа без значения группы не входят ни в одну группу (но учтены в общем NPS).',
  },
  'npsg.howToRead':
    'Как читать: каждая точка — NPS группы, полоса или отрезок — его 95% интервал, в котором, скорее всего, лежит NPS всех таких клиентов. Где интервалы перекрываются, разница может быть случайной. Бледные точки — меньше 30 ответов: интервал широк, читайте их осторожно.',
  'index.trendLabel': 'График среднего индекса удовлетворённости по периодам',
  'index.distributionLabel':
    'График распределения клиентов по последнему индексу удовлетворённости',
  'index.distributionHow':
    'Как читать: каждый столбец — число клиентов, чей последний индекс попадает в полосу шириной 5 пунктов. Горб слева — группа явно недовольных клиентов, на которую стоит посмотреть; самые низкие — в таблице ниже.',
  'index.trendHow':
    'Как читать: каждая точка — средний индекс клиентов, у которых он есть в этом периоде; ось идёт от 0 до 100, поэтому небольшое изменение выглядит небольшим. Наведите на точку, чтобы увидеть, по скольким клиентам взято среднее.',
  'index.model': 'Сервисная модель',
  'index.noModels':
    'Сервисной модели пока нет. Откройте демо из списка блокнотов, чтобы её получить.',
  'index.missingModel': 'Выбранной сервисной модели больше нет.',
  'index.run': 'Рассчитать индекс',
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
