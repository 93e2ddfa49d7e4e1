import type { ColumnInfo } from './dataset-meta.ts';

/**
 * CSV export of stored rows: UTF-8 with a byte-order mark (so Excel reads Cyrillic correctly),
 * CRLF line ends and RFC 4180 quoting, in one of two dialects: the standard one (comma between
 * fields, decimal point) or the one Excel opens directly where the decimal separator is a comma,
 * as in Russian locales (semicolon between fields, decimal comma). Dates are ISO 8601.
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
 * is prefixed with a single quote `'`, so opening the file cannot run anything.
 */

/** How fields and decimals are written. */
export type CsvDialect = 'standard' | 'excel-comma';

const SEPARATORS: Record<CsvDialect, { field: string; decimal: string; quote: RegExp }> = {
  standard: { field: ',', decimal: '.', quote: /[",\r\n]/ },
  'excel-comma': { field: ';', decimal: ',', quote: /[";\r\n]/ },
};

/** The byte-order mark that starts the exported text. */
export const CSV_BOM = '\uFEFF';
/** Line end between records (RFC 4180). */
export const CSV_EOL = '\r\n';

/** What the exporter needs to know of a column. */
export type CsvColumn = Pick<ColumnInfo, 'name' | 'type' | 'valueType'>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would take for a formula, made inert with a leading `'`; other text as is. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One field, quoted (with quotes doubled) when it holds a quote, the field separator or a line
 * break.
 */
export function quoteField(text: string, dialect: CsvDialect = 'standard'): string {
  return SEPARATORS[dialect].quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO calendar day (UTC) of a date, e.g. `2026-03-01`. */
function isoDay(d: Date): string {
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : d.toISOString().slice(0, 7);
  return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A date as ISO 8601: the day alone for a `date` column (and, when the importer's type is not
 * known, for a value at midnight UTC), otherwise the UTC date-time, e.g. `2026-03-01T09:30:00Z`.
 */
export function isoDate(d: Date, valueType?: string): string {
  if (Number.isNaN(d.getTime())) return '';
  const dayOnly =
    valueType === 'date' || (valueType === undefined && d.getTime() % 86_400_000 === 0);
  if (dayOnly) return isoDay(d);
  const iso = d.toISOString();
  return d.getUTCMilliseconds() === 0 ? iso.replace(/\.000Z$/, 'Z') : iso;
}

/**
 * One value as a CSV field. Blank (null) gives an empty field; an empty string gives `""`, so
 * the two stay apart when the file is read back.
 */
export function csvField(
  value: unknown,
  column: CsvColumn,
  dialect: CsvDialect = 'standard',
): string {
  if (value === null || value === undefined) return '';
  // Stored dates decode as epoch milliseconds.
  if (typeof value === 'number' && column.type === 'date')
    return isoDate(new Date(value), column.valueType);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return dialect === 'standard' ? text : text.replace('.', SEPARATORS[dialect].decimal);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value, column.valueType);
  const text = String(value);
  if (text === '') return '""';
  return quoteField(neutraliseFormula(text), dialect);
}

/** The header record (column names, neutralised and quoted like values), with its line end. */
export function csvHeader(columns: readonly CsvColumn[], dialect: CsvDialect = 'standard'): string {
  const names = columns.map((c) => quoteField(neutraliseFormula(c.name), dialect));
  return names.join(SEPARATORS[dialect].field) + CSV_EOL;
}

/**
 * Records for rows `from`…`to` (exclusive) of column-wise values (one array per column, in the
 * order of `columns`), each with its line end.
 */
export function csvRecords(
  columns: readonly CsvColumn[],
  values: readonly ArrayLike<unknown>[],
  from = 0,
  to = values[0]?.length ?? 0,
  dialect: CsvDialect = 'standard',
): string {
  const parts: string[] = [];
  const width = columns.length;
  const separator = SEPARATORS[dialect].field;
  for (let r = from; r < to; r++) {
    let line = '';
    for (let k = 0; k < width; k++) {
      if (k > 0) line += separator;
      line += csvField(values[k]?.[r] ?? null, columns[k]!, dialect);
    }
    parts.push(line, CSV_EOL);
  }
  return parts.join('');
}

/**
 * The CSV text piece by piece: the byte-order mark and header, then the records of each chunk
 * of column-wise values as it arrives, so a large dataset never has to be held as one string.
 */
export async function* csvPieces(
  columns: readonly CsvColumn[],
  chunks: AsyncIterable<readonly ArrayLike<unknown>[]> | Iterable<readonly ArrayLike<unknown>[]>,
  dialect: CsvDialect = 'standard',
): AsyncGenerator<string> {
  yield CSV_BOM + csvHeader(columns, dialect);
  for await (const chunk of chunks) {
    yield csvRecords(columns, chunk, 0, chunk[0]?.length ?? 0, dialect);
  }
}

/** The whole CSV text of column-wise values (for small tables and tests). */
export function toCsv(
  columns: readonly CsvColumn[],
  values: readonly ArrayLike<unknown>[],
  dialect: CsvDialect = 'standard',
): string {
  const rows = values[0]?.length ?? 0;
  return CSV_BOM + csvHeader(columns, dialect) + csvRecords(columns, values, 0, rows, dialect);
}
