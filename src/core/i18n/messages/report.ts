import type { Message, Translation } from '../message-types.ts';

/** Messages of the reports handed to people who do not open the app. */
export const reportEn = {
  'cli.report':
    'a standalone HTML report for the front line, CX managers or executives, from a model and its data',
  'cli.reportNeedFiles':
    'name the model, the data folder and the file to write: cx-trace report --model model.json --data DIR --out report.html',
  'cli.reportBadAudience': '--audience must be frontline, managers or executives, not “{value}”',
  'cli.reportWritten': 'Wrote {out} ({sections} sections).',
  'report.nps.title': 'NPS',
  'report.title': 'CX Trace: report for {audience}',
  'report.audience.frontline': 'the front line',
  'report.audience.managers': 'CX managers',
  'report.audience.executives': 'executives',
  'report.for': 'For {audience}.',
  'report.period': 'Data from {from} to {to}.',
  'report.model': 'Service model: {model}.',
  'report.source': 'From: {source}.',
  'report.made': 'Made on {made}.',
  'report.missing.title': 'Not in this report',
  'report.missing.trace': 'The trace: add a Trace cell and run it.',
  'report.missing.nps': 'NPS by period: add an NPS summary cell split by period and run it.',
  'report.missing.index': 'The satisfaction index: add a Satisfaction index cell and run it.',
  'report.missing.front-line':
    'The clients to recover: the model needs an NPS indicator with dated answers and a client card.',
  'report.front.title': 'Clients to recover',
  'report.front.lead': '{clients} of {period} to call back, {order}.',
  'report.front.clients': {
    one: '{count} detractor',
    other: '{count} detractors',
  },
  'report.front.byValue': 'the most valuable first (by “{column}”)',
  'report.front.byScore': 'the lowest score first',
  'report.front.table': 'Detractors of {period}',
  'report.front.client': 'Client',
  'report.front.score': 'Score',
  'report.front.comment': 'What they wrote',
  'report.front.cause': 'Off at their unit',
  'report.front.pseudonymised':
    'Pseudonymised: clients are numbered, and the columns that name a person are left out.',
  'report.nps.headline':
    'NPS {nps} (95% interval {low} to {high}) from {answers}; {promoters} promoters and {detractors} detractors.',
  'report.nps.table': 'NPS by period',
  'report.nps.chart': 'NPS by period with 95% intervals, chart',
  'report.index.title': 'Satisfaction index',
  'report.index.headline':
    'Satisfaction index {value} of 100 (95% interval {low} to {high}) across {clients}.',
  'report.index.table': 'Satisfaction index by period',
  'report.answers': { one: '{count} answer', other: '{count} answers' },
  'report.clients': { one: '{count} client', other: '{count} clients' },
  'report.col.period': 'Period',
  'report.col.interval': '95% interval',
  'report.col.n': 'Answers',
  'report.col.clients': 'Clients',
  'report.fewAnswers': 'few answers: read with care',
} satisfies Record<string, Message>;

export const reportRu: Translation<typeof reportEn> = {
  'cli.report':
    'отдельный HTML-отчёт для первой линии, CX-менеджеров или руководства по модели и её данным',
  'cli.reportNeedFiles':
    'укажите модель, папку с данными и файл отчёта: cx-trace report --model model.json --data DIR --out report.html',
  'cli.reportBadAudience': '--audience: frontline, managers или executives, а не «{value}»',
  'cli.reportWritten': 'Записан {out} (разделов: {sections}).',
  'report.nps.title': 'NPS',
  'report.title': 'CX Trace: отчёт для {audience}',
  'report.audience.frontline': 'первой линии',
  'report.audience.managers': 'CX-менеджеров',
  'report.audience.executives': 'руководства',
  'report.for': 'Для {audience}.',
  'report.period': 'Данные с {from} по {to}.',
  'report.model': 'Сервисная модель: {model}.',
  'report.source': 'Источник: {source}.',
  'report.made': 'Составлен {made}.',
  'report.missing.title': 'Чего нет в этом отчёте',
  'report.missing.trace': 'Трассировки: добавьте ячейку «Трассировка» и запустите её.',
  'report.missing.nps':
    'NPS по периодам: добавьте ячейку «Сводка NPS» с разбивкой по периодам и запустите её.',
  'report.missing.index':
    'Индекса удовлетворённости: добавьте ячейку «Индекс удовлетворённости» и запустите её.',
  'report.missing.front-line':
    'Клиентов, которых нужно вернуть: в модели нужен показатель NPS с датами ответов и карточка клиента.',
  'report.front.title': 'Клиенты, которых нужно вернуть',
  'report.front.lead': '{clients} за {period}, кому перезвонить: {order}.',
  'report.front.clients': {
    one: '{count} критик',
    few: '{count} критика',
    many: '{count} критиков',
    other: '{count} критика',
  },
  'report.front.byValue': 'сначала самые ценные (по «{column}»)',
  'report.front.byScore': 'сначала с самой низкой оценкой',
  'report.front.table': 'Критики за {period}',
  'report.front.client': 'Клиент',
  'report.front.score': 'Оценка',
  'report.front.comment': 'Что написал',
  'report.front.cause': 'Что не так в его подразделении',
  'report.front.pseudonymised':
    'Псевдонимизировано: клиенты пронумерованы, столбцы с именами и контактами убраны.',
  'report.nps.headline':
    'NPS {nps} (95% интервал от {low} до {high}) по {answers}; сторонников {promoters}, критиков {detractors}.',
  'report.nps.table': 'NPS по периодам',
  'report.nps.chart': 'NPS по периодам с 95% интервалами, диаграмма',
  'report.index.title': 'Индекс удовлетворённости',
  'report.index.headline':
    'Индекс удовлетворённости {value} из 100 (95% интервал от {low} до {high}) по {clients}.',
  'report.index.table': 'Индекс удовлетворённости по периодам',
  'report.answers': {
    one: '{count} ответу',
    few: '{count} ответам',
    many: '{count} ответам',
    other: '{count} ответам',
  },
  'report.clients': {
    one: '{count} клиенту',
    few: '{count} клиентам',
    many: '{count} клиентам',
    other: '{count} клиентам',
  },
  'report.col.period': 'Период',
  'report.col.interval': '95% интервал',
  'report.col.n': 'Ответов',
  'report.col.clients': 'Клиентов',
  'report.fewAnswers': 'мало ответов: с осторожностью',
};
