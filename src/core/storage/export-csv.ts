import type { ColumnInfo } from './dataset-meta.ts';

/**
 * CSV export of stored rows: UTF-8 with a byte-order mark (so Excel reads Cyrillic correctly),
 * CRLF line ends and RFC 4180 quoting, in one of two dialects: the standard one (comma between
 * fields, decimal point) or the one Excel opens directly where the decimal separator is a comma,
 * as in Russian locales (semicolon between fields, decimal comma). Dates are ISO 8601.
 *
 * Formula injection. A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, so text from the data (values and column names alike) that could become such a cell
 * is made inert by putting a single quote `'` before the whole text. That is done when:
 * - it starts with a tab or a carriage return;
 * - it starts with `= + - @` after any run of whitespace, Unicode spaces included (space,
 *   no-break space U+00A0, U+2000–U+200D, U+3000, U+FEFF, …), since an importer that trims
 *   spaces would leave the formula first;
 * - `= + - @` follows, again after optional whitespace, a line break (CR, LF, or U+000B,
 *   U+000C, U+0085, U+2028, U+2029), a tab, a comma or a semicolon: a reader that splits on
 *   line breaks or tabs, or opens the file with the other dialect's separator, would start a
 *   cell there.
 * The apostrophe is kept in the text, so the file reads back exactly as written; plain text
 * such as `a=b`, `x-1` or `email@example.com` stays as it is. Every text holding a quote, a
 * line break, or either separator (`,` or `;`, in both dialects) is quoted, so a reader using
 * the other separator still sees it as one cell. Numbers, dates and booleans are written as
 * they are (a negative number stays a number): they are not text from the data.
 */

/** How fields and decimals are written. */
export type CsvDialect = 'standard' | 'excel-comma';

const SEPARATORS: Record<CsvDialect, { field: string; decimal: string }> = {
  standard: { field: ',', decimal: '.' },
  'excel-comma': { field: ';', decimal: ',' },
};

/** What makes a field quoted, in either dialect: a quote, either separator or a line break. */
const NEEDS_QUOTES = /[",;\r\n]/;

/** The byte-order mark that starts the exported text. */
export const CSV_BOM = '\uFEFF';
/** Line end between records (RFC 4180). */
export const CSV_EOL = '\r\n';

/** What the exporter needs to know of a column. */
export type CsvColumn = Pick<ColumnInfo, 'name' | 'type' | 'valueType'>;

/**
 * Where a spreadsheet could find a formula in a text: a leading tab or carriage return, or
 * `= + - @` after optional whitespace at the start or after a line break, tab, `,` or `;`.
 * The characters that start a cell (first class) and the spaces that may follow (second class)
 * do not overlap, so the search stays linear even on long runs of line breaks.
 */
const FORMULA_TRIGGER =
  /^[\t\r]|(?:^|[\r\n\t\v\f\u0085\u2028\u2029,;])[ \u00A0\u1680\u180E\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF]*[=+\-@]/;

/**
 * Text a spreadsheet could take for a formula, in either dialect (see the module's note), made
 * inert with a leading `'`; other text as is.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * One field, quoted (with quotes doubled) when it holds a quote, a line break or either
 * separator, whatever the dialect, so a reader using the other separator keeps it whole.
 */
export function quoteField(text: string, _dialect: CsvDialect = 'standard'): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
