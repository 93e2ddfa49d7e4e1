import type { Translation } from '../../message-types.ts';
import type { reportEn } from '../report.ts';

export const reportRu: Translation<typeof reportEn> = {
  'report.outcomes.table': 'Чем оборачивается разрыв: денежные показатели двух групп',
  'report.outcomes.difference': 'Разница',
  'report.outcomes.how':
    'Описание двух групп за те же периоды, каждый ответ учитывает своего клиента один раз: показывает, с чем связан разрыв, а не что он вызывает.',
  'report.drivers.lead':
    'Чаще всего «{target}» делают низким: {list} объяснённого риска (бустинг деревьев со значениями SHAP; AUC на отложенной выборке {auc}).',
  'report.drivers.share': 'Доля объяснённого риска',
  'report.drivers.how':
    'Доля фактора — его часть в среднем модуле значений SHAP; относительный вес (с 95% интервалом) — взгляд линейной модели на то же. Факторы объясняют прогноз, а не причину: где действовать, показывает трассировка.',
  'report.freq.lead': 'Из {comments} комментариев чаще всего жалуются на: {top}.',
  'report.freq.theme': 'Тема',
  'report.freq.cumulative': 'Накопленная доля',
  'report.dialog.title': 'Отчёт',
  'report.dialog.audience': 'Для кого?',
  'report.choose.frontline': 'Первая линия: клиенты, которых нужно вернуть, по строке на каждого',
  'report.choose.managers': 'CX-менеджеры: трассировка, причины в подразделениях, разрыв по шагам',
  'report.choose.executives': 'Руководство: индекс и NPS с интервалами, вывод',
  'report.dialog.pseudonymise': 'Псевдонимизировать клиентов (номера вместо кодов и имён)',
  'report.dialog.make': 'Составить отчёт',
  'report.dialog.saved': 'Сохранён «{file}».',
  'report.dialog.missingHead': 'Чего нет в отчёте:',
  'report.dialog.nothing': 'Для отчёта пока ничего нет:',
  'report.dialog.how':
    'Один HTML-файл: открывается в любом браузере без сети и печатается на A4; составляется из результатов, которые показывает этот блокнот. Клиенты перечислены только в отчёте для первой линии.',
  'report.dialog.failed': 'Не удалось составить отчёт: {error}',
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
  'report.missing.drivers': 'Ключевых факторов: добавьте ячейку «Ключевые факторы» и запустите её.',
  'report.missing.frequency': 'Тем жалоб: добавьте ячейку «Частотность жалоб» и запустите её.',
  'report.missing.front-line':
    'Клиентов, которых нужно вернуть: добавьте ячейку «Клиенты для возврата» и запустите её (в модели нужен показатель NPS с датами ответов и карточка клиента).',
  'front.model': 'Модель',
  'front.causesFrom': 'Причины из',
  'front.ownTrace': 'Собственной трассировки критиков модели',
  'front.traceCell': 'Трассировки, ячейка {n}',
  'front.run': 'Составить список',
  'front.noModel':
    'Сначала сохраните модель сервиса: список строится по её ответам NPS и карточке клиента.',
  'front.modelMissing': 'Модели, по которой составлен список, больше нет; выберите другую.',
  'front.none':
    'По этой модели нельзя составить список клиентов для возврата: нужен показатель NPS с датами ответов и карточка клиента.',
  'front.waiting': 'Ждём результата выбранной ячейки трассировки: запустите её.',
  'front.sourceMissing':
    'У выбранной ячейки трассировки нет результата: запустите её или выберите другой источник.',
  'front.untraced':
    'Ни одна трассировка не дала причин, поэтому столбец «Причина» пуст: запустите трассировку или выберите другой источник.',
  'front.sameAsReport':
    'Отчёт для первой линии (Отчёт → Первая линия) содержит ровно этих клиентов с этими столбцами.',
  'front.openClient': 'Открыть клиента {client}: ответы и записи CRM',
  'trace.toFrontLine': 'Список клиентов для возврата',
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
    'Псевдонимизировано: каждый клиент заменён кодом, созданным только для этого отчёта, столбцы с именами и контактами убраны, а из комментариев удалены адреса почты, номера телефонов и карт и имена.',
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
