/**
 * Every user-visible string, in English and Russian. A plural message has one form per
 * `Intl.PluralRules` category of its language; `{name}` placeholders are filled by `translate`.
 */
import type { Message, Plural } from './message-types.ts';
export type { Plural } from './message-types.ts';

import { datasetsEn, datasetsRu } from './messages/datasets.ts';
import { joinEn, joinRu } from './messages/join.ts';
import { demoEn, demoRu } from './messages/demo.ts';
import { indexEn, indexRu } from './messages/index-cell.ts';
import { modelsEn, modelsRu } from './messages/models.ts';
import { metricsEn, metricsRu } from './messages/metrics.ts';
import { modelEditorEn, modelEditorRu } from './messages/model-editor.ts';
import { metricCellEn, metricCellRu } from './messages/metric-cell.ts';
import { textCliEn, textCliRu } from './messages/text-cli.ts';
import { frequencyCellEn, frequencyCellRu } from './messages/frequency-cell.ts';
import { clustersCellEn, clustersCellRu } from './messages/clusters-cell.ts';
import { driversEn, driversRu } from './messages/drivers.ts';
import { traceEn, traceRu } from './messages/trace.ts';
import { traceVerdictEn, traceVerdictRu } from './messages/trace-verdict.ts';
import { indicatorUnitsEn, indicatorUnitsRu } from './messages/indicator-units.ts';
import { reportEn, reportRu } from './messages/report.ts';
import { shareEn, shareRu } from './messages/share.ts';
import { backupEn, backupRu } from './messages/backup.ts';
import { cellRunsEn, cellRunsRu } from './messages/cell-runs.ts';
import { homeEn, homeRu } from './messages/home.ts';
import { transformCellEn, transformCellRu } from './messages/transform-cell.ts';
import { chartCellEn, chartCellRu } from './messages/chart-cell.ts';

export const en = {
  ...datasetsEn,
  ...joinEn,
  ...demoEn,
  ...indexEn,
  ...modelsEn,
  ...metricsEn,
  ...modelEditorEn,
  ...metricCellEn,
  ...textCliEn,
  ...frequencyCellEn,
  ...clustersCellEn,
  ...driversEn,
  ...traceEn,
  ...traceVerdictEn,
  ...indicatorUnitsEn,
  ...reportEn,
  ...shareEn,
  ...backupEn,
  ...cellRunsEn,
  ...homeEn,
  ...transformCellEn,
  ...chartCellEn,
  'app.name': 'CX Trace',
  'app.tagline': 'Customer experience analytics that stays on your computer',
  'nav.notebooks': 'Notebooks',
  'nav.storage': 'Storage',
  'nav.language': 'Language',
  'lang.en': 'English',
  'lang.ru': 'Русский',

  'home.title': 'Notebooks',
  'home.new': 'New notebook',
  'home.demo': 'Open the demo',
  'home.demoHint':
    'A B2B distributor with 2,000 clients over 24 months: six datasets, a service model and a notebook to start from. All made in this browser.',
  'home.demoProgress': 'Making the demo',
  'home.demoGenerating': 'Generating the demo world…',
  'home.demoImporting': 'Importing “{name}”: {done} of {total}',
  'home.demoRowsOf': { one: '{count} row', other: '{count} rows' },
  'home.demoCancelled': 'The demo was not opened.',
  'home.demoFailed': 'Could not open the demo: {error}',
  'home.empty': 'No notebooks yet. Create one, or start with the demo.',
  'home.count': { one: '{count} notebook', other: '{count} notebooks' },
  'home.untitled': 'Untitled notebook',
  'home.copyOf': '{title} (copy)',
  'home.updated': 'Updated {date}',
  'home.rename': 'Rename',
  'home.renameLabel': 'New name for “{title}”',
  'home.duplicate': 'Duplicate',
  'home.delete': 'Delete',
  'home.deleteConfirm': 'Delete the notebook “{title}” with its {cells}? This cannot be undone.',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.reload': 'Reload',
  'common.later': 'Later',
  'common.undo': 'Undo',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.howToRead': 'How to read this',

  'notebook.back': 'All notebooks',
  'notebook.title': 'Notebook title',
  'notebook.saving': 'Saving…',
  'notebook.saved': 'Saved',
  'notebook.saveFailed': 'Not saved: {error}',
  'notebook.notFound': 'This notebook does not exist (it may have been deleted).',
  'notebook.cells': { one: '{count} cell', other: '{count} cells' },
  'notebook.toolbar': 'Notebook',
  'notebook.report': 'Report',
  'notebook.empty': 'This notebook is empty. Add a cell below.',
  'notebook.addCell': 'Add a cell',
  'notebook.addKind': 'Add {kind} cell',

  'cell.moveUp': 'Move up',
  'cell.moveDown': 'Move down',
  'cell.delete': 'Delete cell',
  'cell.insertBelow': 'Add a cell below',
  'cell.collapse': 'Collapse',
  'cell.expand': 'Expand',
  'cell.deleted': 'Cell deleted.',
  'cell.unknownKind':
    'This cell was made by a newer version of CX Trace (kind “{kind}”). It is kept unchanged.',
  'cell.position': 'Cell {index} of {total}: {kind}',

  'kind.markdown': 'Text',
  'kind.nps': 'NPS summary',

  'markdown.edit': 'Edit text',
  'markdown.done': 'Done',
  'markdown.source': 'Markdown text',
  'markdown.placeholder': 'Write notes in Markdown: # heading, **bold**, - list, [link](https://…)',
  'markdown.emptyHint': 'Empty text cell. Press “Edit text” to write.',
  'markdown.remoteImage': '[image from another site not loaded: {src}]',

  'nps.dataset': 'Dataset',
  'nps.column': 'Score column (0–10)',
  'nps.noDatasets': 'No datasets yet. Import a file first.',
  'nps.choose': 'Choose…',
  'nps.run': 'Compute NPS',
  'nps.progress': 'Processed {done} of {total}',
  'nps.missingDataset': 'The dataset of this cell is no longer stored.',
  'nps.value': 'NPS',
  'nps.ci': '95% confidence interval: {low} to {high}',
  'nps.responses': { one: '{count} response', other: '{count} responses' },
  'nps.promoters': 'Promoters (9–10)',
  'nps.passives': 'Passives (7–8)',
  'nps.detractors': 'Detractors (0–6)',
  'nps.missing': { one: '{count} blank answer skipped', other: '{count} blank answers skipped' },
  'nps.invalid': {
    one: '{count} value outside 0–10 skipped',
    other: '{count} values outside 0–10 skipped',
  },
  'nps.noScores': 'The column has no scores from 0 to 10.',
  'nps.howToRead':
    'NPS is the share of promoters minus the share of detractors, from −100 to +100. The confidence interval shows how far the true NPS may lie from this sample’s: the fewer the answers, the wider it is.',
  'nps.rows': { one: '{count} row', other: '{count} rows' },

  'storage.title': 'Storage',
  'storage.where':
    'Your data lives only in this browser on this device. Nothing is sent to any server.',
  'storage.usage': 'Used {used} of about {quota}',
  'storage.unknown': 'This browser does not report its storage use.',
  'storage.persistent': 'Kept until you delete it',
  'storage.notPersistent':
    'Not yet protected: the browser may clear it when the disk is nearly full.',
  'storage.askPersist': 'Ask the browser to keep my data',
  'storage.persistDenied':
    'The browser declined: it may delete this workspace when disk space runs low. Keep a backup (below) somewhere else; installing the app may make the browser agree later.',
  'storage.datasets': { one: '{count} dataset', other: '{count} datasets' },
  'storage.results': 'Stored results',
  'storage.resultsHow':
    'Each notebook keeps its cells’ results, so that it reopens without computing again. Clearing them frees the space; the cells compute again when run.',
  'storage.resultsNone': 'No notebook has stored results yet.',
  'storage.col.notebook': 'Notebook',
  'storage.col.size': 'Size',
  'storage.clearResults': 'Clear results',
  'storage.clearResultsOf': 'Clear the results of “{title}”',
  'storage.unavailable':
    'This browser does not allow local storage here (a private window?). Work will not be saved.',

  'pwa.update': 'A new version of CX Trace is ready.',
  'pwa.updateWaits':
    'A new version of CX Trace is ready. It will be offered once the data being stored is saved: reloading now would stop that.',
  'pwa.offlineReady': 'CX Trace is ready to work offline.',
  'db.blocked':
    'CX Trace was updated in another tab. Reload this tab to keep working with your data.',

  'error.workerCrashed':
    'The analysis stopped unexpectedly (the browser may be short of memory). Try again; close other tabs if it repeats.',
  'error.quota':
    'The browser’s storage for CX Trace is full. Delete datasets or notebooks you no longer need, then try again.',
  'common.loading': 'Loading…',
  'nps.missingColumn': 'The dataset of this cell no longer has the column “{column}”.',
  'home.renameOf': 'Rename “{title}”',
  'home.duplicateOf': 'Duplicate “{title}”',
  'home.deleteOf': 'Delete “{title}”',
  'pwa.reloadRequired':
    'CX Trace was updated in another tab. Reload this tab to use the new version.',

  'cli.title': 'cx-trace — CX Trace analyses from the command line (same code as the app)',
  'cli.commands': 'Commands:',
  'cli.options': 'Options:',
  'cli.optJson': 'print the result as JSON',
  'cli.optLang': 'language of messages (default: from LANG)',
  'cli.help': 'list the commands',
  'cli.version': 'print the version',
  'cli.unknown': 'unknown command “{command}”. Run “cx-trace help” for the list.',
  'cli.cannotRead': 'cannot read {file}: {error}',
  'cli.npsLine':
    'NPS {nps} (95% CI {low} to {high}), {responses}: promoters {promoters}, passives {passives}, detractors {detractors}',
  'ingest.error.empty-file': 'The file “{file}” is empty.',
  'ingest.error.binary-file':
    '“{file}” is not a text table (it looks like a binary file). Export it as CSV, XLSX or JSON.',
  'ingest.error.too-many-columns': {
    one: 'This file has {count} column; CX Trace reads at most {limit}. A file this wide is usually one long line or split by the wrong delimiter: check how it was exported.',
    other:
      'This file has {count} columns; CX Trace reads at most {limit}. A file this wide is usually one long line or split by the wrong delimiter: check how it was exported.',
  },
  'ingest.error.no-structure':
    'The file has no consistent table structure: {ragged} of {rows} rows have a different number of columns than the header. Check the delimiter.',
  'ingest.error.unterminated-quote':
    'A quote opened in row {row} is never closed, so the rest of the file would be one cell. Check that row.',
  'ingest.error.xls-legacy':
    'This is an old Excel .xls file. Open it in Excel, save it as “Excel Workbook (.xlsx)” and import that.',
  'ingest.error.xlsx-too-large':
    'The workbook would unpack to {declared}, more than the {limit} allowed, so it was not opened. Save the sheet you need as CSV.',
  'ingest.error.xlsx-corrupt':
    'The workbook cannot be read: it is damaged or not a real .xlsx file.',
  'ingest.error.xlsx-no-sheet': 'The workbook has no sheet “{sheet}”. Its sheets: {available}.',
  'ingest.error.json-invalid': 'The file is not valid JSON (near line {line}).',
  'ingest.error.json-not-records':
    'The JSON must be an array of records like [{"a": 1}, {"a": 2}] (record {row} is not one).',
  'ingest.error.json-not-array':
    'The JSON must be an array of records like [{…}, {…}] (or an object holding one under “data”, “records”, “items”, “rows” or “results”), but its top level is {found}.',
  'ingest.json.object': {
    one: 'an object with {count} key: {keys}',
    other: 'an object with {count} keys: {keys}',
  },
  'ingest.json.emptyObject': 'an empty object',
  'ingest.json.number': 'a number',
  'ingest.json.string': 'a string',
  'ingest.json.boolean': 'true or false',
  'ingest.json.null': 'null',
  'ingest.quoted': '“{name}”',
  'ingest.listMore': '{items} and {count} more',
  'ingest.problem.ragged-row': 'Row {row} has {found} fields instead of {expected}.',
  'ingest.problem.ragged-more': {
    one: '…and {count} more row with a different number of fields.',
    other: '…and {count} more rows with a different number of fields.',
  },
  'ingest.problem.stray-quote':
    'Row {row} has a stray quote: check that its values are split correctly.',
  'ingest.problem.duplicate-header':
    'The column name “{original}” repeats; the copy is named “{column}”.',
  'ingest.problem.blank-header': 'Column {position} has no name; it is called “{column}”.',
  'ingest.problem.json-unwrapped': {
    one: 'The top level is an object: {count} record was read from its “{key}” key.',
    other: 'The top level is an object: {count} records were read from its “{key}” key.',
  },
  'ingest.problem.json-flattened': {
    one: 'Nested fields were flattened into {count} column: {columns}.',
    other: 'Nested fields were flattened into {count} columns: {columns}.',
  },
  'ingest.problem.replacement-chars': {
    one: '{count} character could not be read as {encoding}: try another encoding.',
    other: '{count} characters could not be read as {encoding}: try another encoding.',
  },
  'ingest.problem.invalid-values': {
    one: 'Column “{column}”: {count} value does not fit the type “{type}” (row {row}); it is left blank and listed.',
    other:
      'Column “{column}”: {count} values do not fit the type “{type}” (first in row {row}); they are left blank and listed.',
  },
  'ingest.problem.title-lines-skipped': {
    one: '{count} title line above the header (row {row}) was skipped.',
    other: '{count} title lines above the header (row {row}) were skipped.',
  },
  'ingest.problem.header-repairs-more': {
    one: '{count} more column name was blank or repeated and was repaired the same way.',
    other: '{count} more column names were blank or repeated and were repaired the same way.',
  },
  'ingest.problem.mixed-line-ends':
    'The file mixes line ends (Windows: {crlf}, Unix: {lf}, old Mac: {cr}); each was read as the end of a row.',
  'ingest.problem.two-digit-years': {
    one: 'Column “{column}”: {count} date has a two-digit year, read as spreadsheets do: 00–29 as 2000–2029, 30–99 as 1930–1999.',
    other:
      'Column “{column}”: {count} dates have two-digit years, read as spreadsheets do: 00–29 as 2000–2029, 30–99 as 1930–1999.',
  },
  'type.integer': 'whole number',
  'type.decimal': 'decimal number',
  'type.percent': 'percentage',
  'type.date': 'date',
  'type.datetime': 'date and time',
  'type.boolean': 'yes/no',
  'type.category': 'category',
  'type.text': 'text',
  'type.id': 'identifier',
  'role.client-id': 'client id',
  'role.date': 'date',
  'role.period': 'period',
  'role.nps': 'NPS score (0–10)',
  'role.csat': 'CSAT score',
  'role.factor-rating': 'factor rating',
  'role.comment': 'comment text',
  'role.touchpoint': 'touchpoint',
  'role.segment': 'segment / grade',
  'role.unit': 'serving unit',
  'role.factor-weight': 'factor importance weight',
  'role.target': 'target flag',
  'role.other': 'other',
  'cli.inspect': 'what the importer would do with FILE (CSV, TSV, XLSX, JSON)',
  'cli.inspectSummary':
    '{file}: {rows}, header in row {header}; encoding {encoding}, delimiter {delimiter}, decimal “{decimal}”',
  'cli.noHeader': 'none',
  'cli.needFile': 'name the file to inspect: cx-trace inspect FILE',
  'cli.nulls': { one: '{count} blank', other: '{count} blank' },
  'cli.invalid': { one: '{count} value does not fit', other: '{count} values do not fit' },
  'ingest.error.xlsx-too-many-entries':
    'The workbook holds {entries} parts, more than the {maxEntries} a real workbook needs, so it was not opened.',
  'kind.import': 'Import data',
  'import.columns': { one: '{count} column', other: '{count} columns' },
  'import.inputMissing':
    'The dataset this cell imported is no longer stored (it was deleted). Import a file again.',
  'import.cancelled': 'Import cancelled. Nothing was stored.',
  'import.failed': 'The import failed: {error}. Nothing was stored.',
  'import.dropLabel': 'File to import',
  'import.drop': 'Drop a CSV, TSV, TXT, XLSX or JSON file here, or',
  'import.choose': 'Choose a file…',
  'import.chooseAnother': 'Import another file…',
  'import.reading': 'Reading “{file}”…',
  'import.progressLabel': 'Import progress',
  'import.previewProgress': 'Preview progress',
  'import.splitting': 'Reading and splitting {size} into rows and columns…',
  'import.profiling': 'Columns looked at: {done} of {total}',
  'import.progress': 'Stored {done} of {total}, {bytes} of {totalBytes} ({rate} rows/s)',
  'import.done': 'Imported “{name}”: {rows}.',
  'import.storageFull':
    'The browser’s storage is full ({used} used, {free} free), so the import was rolled back; your other data is untouched. Delete datasets you no longer need and try again.',
  'import.storageFullUnknown':
    'The browser’s storage is full, so the import was rolled back; your other data is untouched.',
  'import.previewLabel': 'Import preview',
  'import.encoding': 'Encoding',
  'import.delimiter': 'Delimiter',
  'import.delimiterTab': 'Tab',
  'import.sheet': 'Sheet',
  'import.headerRow': 'Header row',
  'import.noHeader': 'No header',
  'import.rowN': 'row {n}',
  'import.ragged': 'Rows with a different number of fields',
  'import.raggedPad': 'Keep (pad or cut to the header)',
  'import.raggedSkip': 'Skip them',
  'import.problems': 'Problems found',
  'import.columnsCaption': 'Columns: type, role, blanks and values that do not fit',
  'import.column': 'Column',
  'import.type': 'Type',
  'import.role': 'Role',
  'import.blank': 'Blank',
  'import.notFitting': 'Not fitting',
  'import.examples': 'Examples',
  'import.findColumn': 'Find a column',
  'import.columnsFound': { one: '{count} column matches', other: '{count} columns match' },
  'import.columnsPage': 'Columns {from}–{to} of {total}',
  'import.prevColumns': 'Previous columns',
  'import.nextColumns': 'Next columns',
  'import.typeOf': 'Type of “{column}”',
  'import.roleOf': 'Role of “{column}”',
  'import.firstRows': { one: 'First row', other: 'First {count} rows' },
  'import.name': 'Dataset name',
  'import.start': 'Import {rows}',
  'import.target': 'Import into',
  'import.targetNew': 'A new dataset',
  'import.targetAppend': 'Add the rows to “{name}”',
  'import.targetReplace': 'Replace the rows of “{name}”',
  'import.targetMissing':
    'The dataset to add the rows to no longer exists. Choose another target or a new dataset.',
  'import.diffLabel': 'Differences from “{name}”',
  'import.diffNone': 'The file has the same columns as the dataset.',
  'import.diffAdded': 'New columns (blank in the earlier rows): {names}',
  'import.diffMissing': 'Columns missing from the file (blank in the new rows): {names}',
  'import.diffDropped': 'Columns missing from the file (they will be gone): {names}',
  'import.diffRetyped':
    '“{column}” reads as {to} in this file but is stored as {from}: it stays {from}; values that do not fit are left blank and counted.',
  'import.diffRetypedReplace': '“{column}” was {from} and becomes {to}.',
} satisfies Record<string, Message>;

/** A message key. */
export type MessageKey = keyof typeof en;
/** Keys of plural messages (they need a `count`). */
export type PluralKey = {
  [K in MessageKey]: (typeof en)[K] extends string ? never : K;
}[MessageKey];

export const ru: { [K in MessageKey]: (typeof en)[K] extends string ? string : Plural } = {
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
  ...homeRu,
  ...transformCellRu,
  ...chartCellRu,
  'app.name': 'CX Trace',
  'app.tagline': 'Аналитика клиентского опыта, которая не покидает ваш компьютер',
  'nav.notebooks': 'Блокноты',
  'nav.storage': 'Хранилище',
  'nav.language': 'Язык',
  'lang.en': 'English',
  'lang.ru': 'Русский',

  'home.title': 'Блокноты',
  'home.new': 'Новый блокнот',
  'home.demo': 'Открыть демо',
  'home.demoHint':
    'B2B-дистрибьютор: 2000 клиентов за 24 месяца, шесть наборов данных, сервисная модель и блокнот для начала работы. Всё создаётся в этом браузере.',
  'home.demoProgress': 'Создание демо',
  'home.demoGenerating': 'Создаём демо-мир…',
  'home.demoImporting': 'Загрузка «{name}»: {done} из {total}',
  'home.demoRowsOf': {
    one: '{count} строки',
    few: '{count} строк',
    many: '{count} строк',
    other: '{count} строки',
  },
  'home.demoCancelled': 'Демо не открыто.',
  'home.demoFailed': 'Не удалось открыть демо: {error}',
  'home.empty': 'Блокнотов пока нет. Создайте новый или начните с демо.',
  'home.count': {
    one: '{count} блокнот',
    few: '{count} блокнота',
    many: '{count} блокнотов',
    other: '{count} блокнота',
  },
  'home.untitled': 'Блокнот без названия',
  'home.copyOf': '{title} (копия)',
  'home.updated': 'Изменён {date}',
  'home.rename': 'Переименовать',
  'home.renameLabel': 'Новое название для «{title}»',
  'home.duplicate': 'Дублировать',
  'home.delete': 'Удалить',
  'home.deleteConfirm': 'Удалить блокнот «{title}» ({cells})? Это нельзя отменить.',

  'common.save': 'Сохранить',
  'common.cancel': 'Отмена',
  'common.close': 'Закрыть',
  'common.reload': 'Перезагрузить',
  'common.later': 'Позже',
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
  'notebook.cells': {
    one: '{count} ячейка',
    few: '{count} ячейки',
    many: '{count} ячеек',
    other: '{count} ячейки',
  },
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

  'kind.markdown': 'Текст',
  'kind.nps': 'Сводка NPS',

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

  'pwa.update': 'Готова новая версия CX Trace.',
  'pwa.updateWaits':
    'Готова новая версия CX Trace. Её предложат, когда сохранятся записываемые данные: перезагрузка сейчас прервала бы запись.',
  'pwa.offlineReady': 'CX Trace готов к работе без сети.',
  'db.blocked':
    'CX Trace обновился в другой вкладке. Перезагрузите эту вкладку, чтобы продолжить работу с данными.',

  'error.workerCrashed':
    'Анализ неожиданно прервался (возможно, браузеру не хватило памяти). Попробуйте ещё раз; если повторится, закройте другие вкладки.',
  'error.quota':
    'Хранилище браузера для CX Trace заполнено. Удалите ненужные наборы данных или блокноты и попробуйте снова.',
  'common.loading': 'Загрузка…',
  'nps.missingColumn': 'В наборе данных этой ячейки больше нет столбца «{column}».',
  'home.renameOf': 'Переименовать «{title}»',
  'home.duplicateOf': 'Дублировать «{title}»',
  'home.deleteOf': 'Удалить «{title}»',
  'pwa.reloadRequired':
    'CX Trace обновился в другой вкладке. Перезагрузите эту вкладку, чтобы работать в новой версии.',

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
  'kind.import': 'Импорт данных',
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

/** All messages by locale. */
export const messages = { en, ru } as const;
