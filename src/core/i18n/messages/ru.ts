/** Every Russian message, one for each English key (see `en.ts`). */
import type { Plural } from '../message-types.ts';
import type { en, MessageKey } from './en.ts';
import { datasetsRu } from './ru/datasets.ts';
import { joinRu } from './ru/join.ts';
import { demoRu } from './ru/demo.ts';
import { indexRu } from './ru/index-cell.ts';
import { modelsRu } from './ru/models.ts';
import { metricsRu } from './ru/metrics.ts';
import { modelEditorRu } from './ru/model-editor.ts';
import { metricCellRu } from './ru/metric-cell.ts';
import { textCliRu } from './ru/text-cli.ts';
import { frequencyCellRu } from './ru/frequency-cell.ts';
import { clustersCellRu } from './ru/clusters-cell.ts';
import { driversRu } from './ru/drivers.ts';
import { traceRu } from './ru/trace.ts';
import { traceVerdictRu } from './ru/trace-verdict.ts';
import { indicatorUnitsRu } from './ru/indicator-units.ts';
import { reportRu } from './ru/report.ts';
import { shareRu } from './ru/share.ts';
import { backupRu } from './ru/backup.ts';
import { cellRunsRu } from './ru/cell-runs.ts';
import { transformCellRu } from './ru/transform-cell.ts';
import { chartCellRu } from './ru/chart-cell.ts';
import { startRu } from './ru/start.ts';

export const ru: { [K in MessageKey]: (typeof en)[K] extends string ? string : Plural } = {
  ...startRu,
  ...datasetsRu,
  ...joinRu,
  ...demoRu,
  ...indexRu,
  ...modelsRu,
  ...metricsRu,
  ...modelEditorRu,
  ...metricCellRu,
  ...textCliRu,
  ...frequencyCellRu,
  ...clustersCellRu,
  ...driversRu,
  ...traceRu,
  ...traceVerdictRu,
  ...indicatorUnitsRu,
  ...reportRu,
  ...shareRu,
  ...backupRu,
  ...cellRunsRu,
  ...transformCellRu,
  ...chartCellRu,
  'common.undo': 'Вернуть',
  'common.yes': 'да',
  'common.no': 'нет',
  'common.howToRead': 'Как это читать',

  'notebook.back': 'Все блокноты',
  'notebook.title': 'Название блокнота',
  'notebook.saving': 'Сохранение…',
  'notebook.saved': 'Сохранено',
  'notebook.saveFailed': 'Не сохранено: {error}',
  'notebook.notFound': 'Такого блокнота нет (возможно, его удалили).',
  'notebook.toolbar': 'Блокнот',
  'notebook.report': 'Отчёт',
  'notebook.empty': 'Блокнот пуст. Добавьте ячейку ниже.',
  'notebook.addCell': 'Добавить ячейку',
  'notebook.addKind': 'Добавить ячейку «{kind}»',

  'cell.moveUp': 'Переместить вверх',
  'cell.moveDown': 'Переместить вниз',
  'cell.delete': 'Удалить ячейку',
  'cell.insertBelow': 'Добавить ячейку ниже',
  'cell.collapse': 'Свернуть',
  'cell.expand': 'Развернуть',
  'cell.deleted': 'Ячейка удалена.',
  'cell.unknownKind':
    'Эту ячейку создала более новая версия CX Trace (тип «{kind}»). Она сохранена без изменений.',
  'cell.position': 'Ячейка {index} из {total}: {kind}',

  'markdown.edit': 'Редактировать текст',
  'markdown.done': 'Готово',
  'markdown.source': 'Текст в Markdown',
  'markdown.placeholder':
    'Заметки в Markdown: # заголовок, **жирный**, - список, [ссылка](https://…)',
  'markdown.emptyHint': 'Пустая текстовая ячейка. Нажмите «Редактировать текст».',
  'markdown.remoteImage': '[изображение с другого сайта не загружено: {src}]',

  'nps.dataset': 'Набор данных',
  'nps.column': 'Столбец оценок (0–10)',
  'nps.noDatasets': 'Наборов данных пока нет. Сначала импортируйте файл.',
  'nps.choose': 'Выберите…',
  'nps.run': 'Рассчитать NPS',
  'nps.progress': 'Обработано {done} из {total}',
  'nps.missingDataset': 'Набор данных этой ячейки больше не хранится.',
  'nps.value': 'NPS',
  'nps.ci': 'Доверительный интервал 95 %: от {low} до {high}',
  'nps.responses': {
    one: '{count} ответ',
    few: '{count} ответа',
    many: '{count} ответов',
    other: '{count} ответа',
  },
  'nps.promoters': 'Сторонники (9–10)',
  'nps.passives': 'Нейтральные (7–8)',
  'nps.detractors': 'Критики (0–6)',
  'nps.missing': {
    one: 'Пропущен {count} пустой ответ',
    few: 'Пропущено {count} пустых ответа',
    many: 'Пропущено {count} пустых ответов',
    other: 'Пропущено {count} пустого ответа',
  },
  'nps.invalid': {
    one: 'Пропущено {count} значение вне 0–10',
    few: 'Пропущено {count} значения вне 0–10',
    many: 'Пропущено {count} значений вне 0–10',
    other: 'Пропущено {count} значения вне 0–10',
  },
  'nps.noScores': 'В столбце нет оценок от 0 до 10.',
  'nps.howToRead':
    'NPS — доля сторонников минус доля критиков, от −100 до +100. Доверительный интервал показывает, насколько истинный NPS может отличаться от полученного на этой выборке: чем меньше ответов, тем он шире.',
  'nps.rows': {
    one: '{count} строка',
    few: '{count} строки',
    many: '{count} строк',
    other: '{count} строки',
  },

  'storage.title': 'Хранилище',
  'storage.where':
    'Ваши данные хранятся только в этом браузере на этом устройстве. Ничего не отправляется на сервер.',
  'storage.usage': 'Занято {used} из ≈ {quota}',
  'storage.unknown': 'Этот браузер не сообщает, сколько места занято.',
  'storage.persistent': 'Данные хранятся, пока вы их не удалите',
  'storage.notPersistent':
    'Данные пока не защищены: браузер может очистить их, когда на диске мало места.',
  'storage.askPersist': 'Попросить браузер сохранять мои данные',
  'storage.persistDenied':
    'Браузер отказал: при нехватке места на диске он может удалить это рабочее пространство. Храните резервную копию (ниже) в другом месте; после установки приложения браузер может согласиться.',
  'storage.datasets': {
    one: '{count} набор данных',
    few: '{count} набора данных',
    many: '{count} наборов данных',
    other: '{count} набора данных',
  },
  'storage.results': 'Сохранённые результаты',
  'storage.resultsHow':
    'Каждый блокнот хранит результаты своих ячеек, чтобы открываться без пересчёта. Очистка освобождает место; ячейки пересчитаются при запуске.',
  'storage.resultsNone': 'Сохранённых результатов пока нет.',
  'storage.col.notebook': 'Блокнот',
  'storage.col.size': 'Размер',
  'storage.clearResults': 'Очистить результаты',
  'storage.clearResultsOf': 'Очистить результаты «{title}»',
  'storage.unavailable':
    'Этот браузер не разрешает здесь локальное хранение (приватное окно?). Работа не будет сохранена.',
  'common.loading': 'Загрузка…',
  'nps.missingColumn': 'В наборе данных этой ячейки больше нет столбца «{column}».',

  'cli.title': 'cx-trace — анализы CX Trace из командной строки (тот же код, что в приложении)',
  'cli.commands': 'Команды:',
  'cli.options': 'Параметры:',
  'cli.optJson': 'вывести результат в JSON',
  'cli.optLang': 'язык сообщений (по умолчанию из LANG)',
  'cli.help': 'список команд',
  'cli.version': 'показать версию',
  'cli.unknown': 'неизвестная команда «{command}». Список команд: «cx-trace help».',
  'cli.cannotRead': 'не удаётся прочитать {file}: {error}',
  'cli.npsLine':
    'NPS {nps} (95% ДИ от {low} до {high}), {responses}: сторонники {promoters}, нейтральные {passives}, критики {detractors}',
  'ingest.error.empty-file': 'Файл «{file}» пуст.',
  'ingest.error.binary-file':
    '«{file}» — не текстовая таблица (похоже на двоичный файл). Выгрузите его в CSV, XLSX или JSON.',
  'ingest.error.too-many-columns': {
    one: 'В этом файле {count} столбец; CX Trace читает не больше {limit}. Такой широкий файл — обычно одна длинная строка или неверный разделитель: проверьте, как он выгружен.',
    few: 'В этом файле {count} столбца; CX Trace читает не больше {limit}. Такой широкий файл — обычно одна длинная строка или неверный разделитель: проверьте, как он выгружен.',
    many: 'В этом файле {count} столбцов; CX Trace читает не больше {limit}. Такой широкий файл — обычно одна длинная строка или неверный разделитель: проверьте, как он выгружен.',
    other:
      'В этом файле {count} столбца; CX Trace читает не больше {limit}. Такой широкий файл — обычно одна длинная строка или неверный разделитель: проверьте, как он выгружен.',
  },
  'ingest.error.no-structure':
    'В файле нет устойчивой структуры таблицы: в {ragged} строках из {rows} число столбцов не совпадает с заголовком. Проверьте разделитель.',
  'ingest.error.unterminated-quote':
    'Кавычка, открытая в строке {row}, нигде не закрыта, и весь остаток файла стал бы одной ячейкой. Проверьте эту строку.',
  'ingest.error.xls-legacy':
    'Это старый файл Excel .xls. Откройте его в Excel, сохраните как «Книга Excel (.xlsx)» и импортируйте её.',
  'ingest.error.xlsx-too-large':
    'Книга распаковалась бы в {declared} — больше допустимых {limit}, поэтому она не открыта. Сохраните нужный лист в CSV.',
  'ingest.error.xlsx-corrupt':
    'Книгу не удаётся прочитать: файл повреждён или это не настоящий .xlsx.',
  'ingest.error.xlsx-no-sheet': 'В книге нет листа «{sheet}». Её листы: {available}.',
  'ingest.error.json-invalid': 'Файл не является корректным JSON (около строки {line}).',
  'ingest.error.json-not-records':
    'JSON должен быть массивом записей вида [{"a": 1}, {"a": 2}] (запись {row} не такая).',
  'ingest.error.json-not-array':
    'JSON должен быть массивом записей вида [{…}, {…}] (или объектом, где такой массив лежит в ключе «data», «records», «items», «rows» или «results»), а на верхнем уровне у него {found}.',
  'ingest.json.object': {
    one: 'объект с {count} ключом: {keys}',
    few: 'объект с {count} ключами: {keys}',
    many: 'объект с {count} ключами: {keys}',
    other: 'объект с {count} ключами: {keys}',
  },
  'ingest.json.emptyObject': 'пустой объект',
  'ingest.json.number': 'число',
  'ingest.json.string': 'строка',
  'ingest.json.boolean': 'логическое значение (true или false)',
  'ingest.json.null': 'null',
  'ingest.quoted': '«{name}»',
  'ingest.listMore': '{items} и ещё {count}',
  'ingest.problem.ragged-row': 'В строке {row} полей {found} вместо {expected}.',
  'ingest.problem.ragged-more': {
    one: '…и ещё {count} строка с другим числом полей.',
    few: '…и ещё {count} строки с другим числом полей.',
    many: '…и ещё {count} строк с другим числом полей.',
    other: '…и ещё {count} строки с другим числом полей.',
  },
  'ingest.problem.stray-quote':
    'В строке {row} лишняя кавычка: проверьте, правильно ли разделены значения.',
  'ingest.problem.duplicate-header':
    'Название столбца «{original}» повторяется; копия названа «{column}».',
  'ingest.problem.blank-header': 'У столбца {position} нет названия; он назван «{column}».',
  'ingest.problem.json-unwrapped': {
    one: 'Верхний уровень — объект: из его ключа «{key}» прочитана {count} запись.',
    few: 'Верхний уровень — объект: из его ключа «{key}» прочитаны {count} записи.',
    many: 'Верхний уровень — объект: из его ключа «{key}» прочитано {count} записей.',
    other: 'Верхний уровень — объект: из его ключа «{key}» прочитано {count} записи.',
  },
  'ingest.problem.json-flattened': {
    one: 'Вложенные поля развёрнуты в {count} столбец: {columns}.',
    few: 'Вложенные поля развёрнуты в {count} столбца: {columns}.',
    many: 'Вложенные поля развёрнуты в {count} столбцов: {columns}.',
    other: 'Вложенные поля развёрнуты в {count} столбца: {columns}.',
  },
  'ingest.problem.replacement-chars': {
    one: '{count} символ не удалось прочитать в кодировке {encoding}: попробуйте другую кодировку.',
    few: '{count} символа не удалось прочитать в кодировке {encoding}: попробуйте другую кодировку.',
    many: '{count} символов не удалось прочитать в кодировке {encoding}: попробуйте другую кодировку.',
    other:
      '{count} символа не удалось прочитать в кодировке {encoding}: попробуйте другую кодировку.',
  },
  'ingest.problem.invalid-values': {
    one: 'Столбец «{column}»: {count} значение не подходит под тип «{type}» (строка {row}); оно оставлено пустым и показано.',
    few: 'Столбец «{column}»: {count} значения не подходят под тип «{type}» (первое в строке {row}); они оставлены пустыми и показаны.',
    many: 'Столбец «{column}»: {count} значений не подходят под тип «{type}» (первое в строке {row}); они оставлены пустыми и показаны.',
    other:
      'Столбец «{column}»: {count} значения не подходят под тип «{type}» (первое в строке {row}); они оставлены пустыми и показаны.',
  },
  'ingest.problem.title-lines-skipped': {
    one: 'Пропущена {count} строка заголовка отчёта над шапкой таблицы (строка {row}).',
    few: 'Пропущены {count} строки заголовка отчёта над шапкой таблицы (строка {row}).',
    many: 'Пропущено {count} строк заголовка отчёта над шапкой таблицы (строка {row}).',
    other: 'Пропущено {count} строки заголовка отчёта над шапкой таблицы (строка {row}).',
  },
  'ingest.problem.header-repairs-more': {
    one: 'Ещё {count} название столбца было пустым или повторялось и исправлено так же.',
    few: 'Ещё {count} названия столбцов были пустыми или повторялись и исправлены так же.',
    many: 'Ещё {count} названий столбцов были пустыми или повторялись и исправлены так же.',
    other: 'Ещё {count} названия столбцов были пустыми или повторялись и исправлены так же.',
  },
  'ingest.problem.mixed-line-ends':
    'В файле смешаны концы строк (Windows: {crlf}, Unix: {lf}, старый Mac: {cr}); каждый прочитан как конец строки.',
  'ingest.problem.two-digit-years': {
    one: 'Столбец «{column}»: в {count} дате год записан двумя цифрами и прочитан, как в электронных таблицах: 00–29 — это 2000–2029, 30–99 — 1930–1999.',
    few: 'Столбец «{column}»: в {count} датах год записан двумя цифрами и прочитан, как в электронных таблицах: 00–29 — это 2000–2029, 30–99 — 1930–1999.',
    many: 'Столбец «{column}»: в {count} датах год записан двумя цифрами и прочитан, как в электронных таблицах: 00–29 — это 2000–2029, 30–99 — 1930–1999.',
    other:
      'Столбец «{column}»: в {count} датах год записан двумя цифрами и прочитан, как в электронных таблицах: 00–29 — это 2000–2029, 30–99 — 1930–1999.',
  },
  'type.integer': 'целое число',
  'type.decimal': 'дробное число',
  'type.percent': 'процент',
  'type.date': 'дата',
  'type.datetime': 'дата и время',
  'type.boolean': 'да/нет',
  'type.category': 'категория',
  'type.text': 'текст',
  'type.id': 'идентификатор',
  'role.client-id': 'код клиента',
  'role.date': 'дата',
  'role.period': 'период',
  'role.nps': 'оценка NPS (0–10)',
  'role.csat': 'оценка CSAT',
  'role.factor-rating': 'оценка фактора',
  'role.comment': 'текст комментария',
  'role.touchpoint': 'точка контакта',
  'role.segment': 'сегмент / грейд',
  'role.unit': 'обслуживающее подразделение',
  'role.factor-weight': 'важность фактора',
  'role.target': 'целевой признак',
  'role.other': 'другое',
  'cli.inspect': 'что импорт сделает с FILE (CSV, TSV, XLSX, JSON)',
  'cli.inspectSummary':
    '{file}: {rows}, заголовок в строке {header}; кодировка {encoding}, разделитель {delimiter}, десятичный знак «{decimal}»',
  'cli.noHeader': 'нет',
  'cli.needFile': 'укажите файл: cx-trace inspect FILE',
  'cli.nulls': {
    one: '{count} пустое',
    few: '{count} пустых',
    many: '{count} пустых',
    other: '{count} пустого',
  },
  'cli.invalid': {
    one: '{count} значение не подходит',
    few: '{count} значения не подходят',
    many: '{count} значений не подходят',
    other: '{count} значения не подходят',
  },
  'ingest.error.xlsx-too-many-entries':
    'В книге {entries} частей — больше {maxEntries}, которых хватает настоящей книге, поэтому она не открыта.',
  'import.columns': {
    one: '{count} столбец',
    few: '{count} столбца',
    many: '{count} столбцов',
    other: '{count} столбца',
  },
  'import.inputMissing':
    'Набор данных, импортированный этой ячейкой, больше не хранится (его удалили). Импортируйте файл снова.',
  'import.cancelled': 'Импорт отменён. Ничего не сохранено.',
  'import.failed': 'Импорт не удался: {error}. Ничего не сохранено.',
  'import.dropLabel': 'Файл для импорта',
  'import.drop': 'Перетащите сюда файл CSV, TSV, TXT, XLSX или JSON или',
  'import.choose': 'Выберите файл…',
  'import.chooseAnother': 'Импортировать другой файл…',
  'import.reading': 'Чтение «{file}»…',
  'import.progressLabel': 'Ход импорта',
  'import.previewProgress': 'Ход просмотра',
  'import.splitting': 'Чтение {size} и разбор на строки и столбцы…',
  'import.profiling': 'Просмотрено столбцов: {done} из {total}',
  'import.progress': 'Сохранено {done} из {total}, {bytes} из {totalBytes} ({rate} строк/с)',
  'import.done': 'Импортирован набор «{name}»: {rows}.',
  'import.storageFull':
    'Хранилище браузера заполнено (занято {used}, свободно {free}), поэтому импорт отменён; остальные данные не затронуты. Удалите ненужные наборы данных и попробуйте снова.',
  'import.storageFullUnknown':
    'Хранилище браузера заполнено, поэтому импорт отменён; остальные данные не затронуты.',
  'import.previewLabel': 'Предпросмотр импорта',
  'import.encoding': 'Кодировка',
  'import.delimiter': 'Разделитель',
  'import.delimiterTab': 'Табуляция',
  'import.sheet': 'Лист',
  'import.headerRow': 'Строка заголовка',
  'import.noHeader': 'Без заголовка',
  'import.rowN': 'строка {n}',
  'import.ragged': 'Строки с другим числом полей',
  'import.raggedPad': 'Оставить (дополнить или обрезать по заголовку)',
  'import.raggedSkip': 'Пропустить',
  'import.problems': 'Найденные проблемы',
  'import.columnsCaption': 'Столбцы: тип, роль, пустые и неподходящие значения',
  'import.column': 'Столбец',
  'import.type': 'Тип',
  'import.role': 'Роль',
  'import.blank': 'Пустых',
  'import.notFitting': 'Не подходят',
  'import.examples': 'Примеры',
  'import.findColumn': 'Найти столбец',
  'import.columnsFound': {
    one: 'Подходит {count} столбец',
    few: 'Подходят {count} столбца',
    many: 'Подходят {count} столбцов',
    other: 'Подходят {count} столбца',
  },
  'import.columnsPage': 'Столбцы {from}–{to} из {total}',
  'import.prevColumns': 'Предыдущие столбцы',
  'import.nextColumns': 'Следующие столбцы',
  'import.typeOf': 'Тип столбца «{column}»',
  'import.roleOf': 'Роль столбца «{column}»',
  'import.firstRows': {
    one: 'Первая {count} строка',
    few: 'Первые {count} строки',
    many: 'Первые {count} строк',
    other: 'Первые {count} строки',
  },
  'import.name': 'Название набора',
  'import.start': 'Импортировать {rows}',
  'import.target': 'Куда импортировать',
  'import.targetNew': 'В новый набор данных',
  'import.targetAppend': 'Добавить строки в «{name}»',
  'import.targetReplace': 'Заменить строки «{name}»',
  'import.targetMissing':
    'Набора данных, в который добавлялись строки, больше нет. Выберите другой набор или новый.',
  'import.diffLabel': 'Отличия от «{name}»',
  'import.diffNone': 'В файле те же столбцы, что и в наборе данных.',
  'import.diffAdded': 'Новые столбцы (пустые в прежних строках): {names}',
  'import.diffMissing': 'Столбцов нет в файле (в новых строках будут пустыми): {names}',
  'import.diffDropped': 'Столбцов нет в файле (они исчезнут): {names}',
  'import.diffRetyped':
    '«{column}» в этом файле читается как {to}, а хранится как {from}: тип останется «{from}»; неподходящие значения будут пустыми и подсчитаны.',
  'import.diffRetypedReplace': '«{column}» был типа «{from}» и станет «{to}».',
};
