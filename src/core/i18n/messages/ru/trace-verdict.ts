import type { Translation } from '../../message-types.ts';
import type { traceVerdictEn } from '../trace-verdict.ts';

export const traceVerdictRu: Translation<typeof traceVerdictEn> = {
  'cli.trace': 'трассировка группы по сервисной модели: вывод, причины и их подразделения',
  'cli.traceNeedFiles':
    'укажите модель и папку с данными: cx-trace trace --model model.json --data DIR',
  'cli.traceNotJson': '{file} — не JSON: {error}',
  'cli.traceNotModel': '{file} — не сервисная модель (в ней нет показателей)',
  'cli.traceNoFile':
    'в {dir} нет файла для набора «{dataset}» (ожидался {dataset}.csv или другой файл с именем {dataset})',
  'cli.traceNoNps':
    'в модели нет показателя NPS, по которому найти критиков: укажите --population COLUMN=VALUE',
  'cli.traceBadPopulation':
    '--population: нужно detractors, COLUMN=VALUE или COLUMN<=ЧИСЛО, а не «{value}»',
  'cli.traceBadWhatIf': '--what-if: нужно ID=ЧИСЛО, =median или =target, а не «{value}»',
  'cli.traceBadAt': '--at: нужно ВИД=ПОДРАЗДЕЛЕНИЕ1,ПОДРАЗДЕЛЕНИЕ2, а не «{value}»',
  'cli.traceUnknownIndicator': 'в модели нет показателя «{id}»',
  'cli.traceMissingColumn': 'в данных нет столбца «{column}», нужного для группы',
  'cli.traceNoStart': 'нет показателя с ответами или значениями клиент × период, с которого начать',
  'cli.traceNobody': 'в группе никого нет за сравниваемые периоды',
  'cli.traceWhatIfFailed': 'сценарий «что если» не рассчитать: {problems}',
  'cli.traceCausesHead':
    'Показатели процессов, персонала и ИТ по их устойчивой доле разрыва (✔ подтверждена и существенна):',
  'cli.traceLinksHead': 'Связи, которые данные не подтверждают:',
  'cli.traceLinkUnsupported': '95% интервал включает 0',
  'cli.traceLinkSign': 'знак противоречит направлениям показателей',
  'cli.traceWhatIfHead':
    'Что если {indicator} = {value}: изменения, ожидаемые, если связи модели причинные (95% интервал):',
  'cli.traceEstimator':
    'Неопределённость: {replicates} повторов бутстрепа с весами подразделений для связей ({units}) и подразделение-месяцев для сдвигов; связь через подразделения оценивается внутри них, где подразделения и месяцы расходятся; менее 8 подразделений отмечаются.',
  'tv.pop.detractors': 'Критики',
  'tv.pop.segment': 'Клиенты с {column} = {value}',
  'tv.pop.low': 'Ответы с {column} {rule}',
  'tv.ref.answers': 'остальных ответов',
  'tv.ref.clients': 'остальных клиентов',
  'tv.gap':
    '{population}: {start} {popValue} против {refValue} у {reference}, хуже на {gap} (95% интервал от {low} до {high}).',
  'tv.cause':
    'Главная подтверждённая причина — {indicator}{where}: {amount} разрыва, {share} (95% интервал от {low} до {high}).',
  'tv.causeAt': ' ({units})',
  'tv.causeAtValues': ' ({units}: {values} против {others} у остальных)',
  'tv.via': 'Разрыв идёт прежде всего через «{via}».',
  'tv.alsoSupported': 'Также подтверждены: {list}.',
  'tv.unexplained':
    'Ни один показатель процессов, персонала или ИТ в модели не несёт подтверждённой и существенной части разрыва (не меньше {materiality}): причина вне модели или в том, как эти клиенты отвечают. Чтобы её найти, в модель нужно добавить показатели процессов, персонала или ИТ, на которые указывают жалобы, — измеренные в подразделениях, обслуживающих этих клиентов.',
  'tv.largestCandidate':
    'Наибольший кандидат — {indicator}: {share} (95% интервал от {low} до {high}).',
  'tv.none':
    '{population} не хуже {reference} сверх случайного: {start} {popValue} против {refValue} (разница {gap}, 95% интервал от {low} до {high}).',
  'tv.fewUnits': {
    one: 'Опирается всего на {count} подразделение: это повод проверить, а не доказательство.',
    few: 'Опирается всего на {count} подразделения: это повод проверить, а не доказательство.',
    many: 'Опирается всего на {count} подразделений: это повод проверить, а не доказательство.',
    other: 'Опирается всего на {count} подразделения: это повод проверить, а не доказательство.',
  },
};
