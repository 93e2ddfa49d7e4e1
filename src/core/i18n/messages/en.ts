/**
 * Every English message. The app loads one language's catalogue (this or `ru.ts`) when it is
 * chosen; `../messages.ts` holds both for the workers, the command line and the tests.
 */
import type { Message } from '../message-types.ts';
import { datasetsEn } from './datasets.ts';
import { joinEn } from './join.ts';
import { demoEn } from './demo.ts';
import { indexEn } from './index-cell.ts';
import { modelsEn } from './models.ts';
import { metricsEn } from './metrics.ts';
import { modelEditorEn } from './model-editor.ts';
import { metricCellEn } from './metric-cell.ts';
import { textCliEn } from './text-cli.ts';
import { frequencyCellEn } from './frequency-cell.ts';
import { clustersCellEn } from './clusters-cell.ts';
import { driversEn } from './drivers.ts';
import { traceEn } from './trace.ts';
import { traceVerdictEn } from './trace-verdict.ts';
import { indicatorUnitsEn } from './indicator-units.ts';
import { reportEn } from './report.ts';
import { shareEn } from './share.ts';
import { backupEn } from './backup.ts';
import { cellRunsEn } from './cell-runs.ts';
import { transformCellEn } from './transform-cell.ts';
import { chartCellEn } from './chart-cell.ts';
import { startEn } from './start.ts';

export const en = {
  ...startEn,
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
  ...transformCellEn,
  ...chartCellEn,
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
  'common.loading': 'Loading…',
  'nps.missingColumn': 'The dataset of this cell no longer has the column “{column}”.',

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
