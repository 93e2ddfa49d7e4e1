import type { ColumnFormat, ColumnProfile, IngestProblem, TypedValues } from './types.ts';
import { columnFormat, readColumns, type ReadColumn } from './infer-types.ts';
import { readSource, type SourceOptions, type SourceTable } from './read-source.ts';

/** Everything the preview (and `cx-trace inspect`) shows about a file before it is imported. */
export interface InspectReport {
  source: Omit<SourceTable, 'rows' | 'names' | 'problems' | 'recordCount'>;
  /** Data records (not lines). */
  rows: number;
  columns: ColumnProfile[];
  problems: IngestProblem[];
}

/** The raw cells of column `index` of a table. */
export function columnCells(table: SourceTable, index: number): string[] {
  const out = new Array<string>(table.rows.length);
  for (let r = 0; r < table.rows.length; r++) out[r] = table.rows[r]![index]!;
  return out;
}

/** A column format as a key: equal keys read a column the same way. */
export function formatKey(format: ColumnFormat): string {
  return JSON.stringify([format.type, format.decimal, format.dateOrder]);
}

/** A column as read: its profile and its typed values. */
export type { ReadColumn } from './infer-types.ts';

/**
 * Reads the columns of a table given by `indexes`, each with its format in `formats` (by column
 * index) or the inferred one, in one pass over the rows (see `readColumns`). `onColumn` hears of
 * the work done in columns' worth, counting on from `done` of `total`.
 */
function readTableColumns(
  table: SourceTable,
  indexes: readonly number[],
  formats: readonly (ColumnFormat | undefined)[],
  options: { collect: boolean; done: number; total: number; onColumn?: ProgressFn },
): ReadColumn[] {
  const { collect, done, total, onColumn } = options;
  const columns = indexes.map((index) => {
    const name = table.names[index]!;
    const format = formats[index];
    const source = { rows: table.rows, column: index };
    return { name, index, format: columnFormat(name, source, { decimal: table.decimal, format }) };
  });
  const onRows = (rows: number, of: number) =>
    onColumn?.(done + Math.floor((indexes.length * rows) / of), total);
  return readColumns(table.rows, columns, { collect, ...(onColumn ? { onRows } : {}) });
}

type ProgressFn = (done: number, total: number) => void;

/**
 * Columns already read, by column index and format, so that importing right after the preview
 * (or again with one column's type changed) reads only what changed. Holds the typed values of
 * one table; clear it when the table changes.
 */
export class ColumnMemo {
  private readonly entries = new Map<string, ReadColumn>();
  private key = (index: number, format: ColumnFormat | undefined) =>
    `${index}\u0000${format ? formatKey(format) : ''}`;

  /**
   * Every column of `table`, read with its format in `formats` (by column index; the inferred one
   * where none is given), memoised; the columns not read before are read together, in one pass.
   * `onColumn` hears of the work done, in columns' worth.
   */
  readAll(
    table: SourceTable,
    formats: readonly (ColumnFormat | undefined)[],
    onColumn?: ProgressFn,
  ): ReadColumn[] {
    const found = table.names.map((_, i) => this.entries.get(this.key(i, formats[i])));
    const missing = found.flatMap((hit, i) => (hit ? [] : [i]));
    const total = table.names.length;
    const read = readTableColumns(table, missing, formats, {
      collect: true,
      done: total - missing.length,
      total,
      ...(onColumn ? { onColumn } : {}),
    });
    missing.forEach((index, k) => {
      const result = read[k]!;
      found[index] = result;
      this.entries.set(this.key(index, formats[index]), result);
      // Inferred, then chosen explicitly as it was inferred: the same reading.
      this.entries.set(this.key(index, result.profile.format), result);
    });
    onColumn?.(total, total);
    return found as ReadColumn[];
  }
}

/**
 * Profiles every column of a read table: type (or the one the user chose in `formats`), role,
 * nulls, values that do not fit (with examples), and an `invalid-values` problem per such column.
 * With `collect`, also fills it with each column's typed values (for storing them); with `memo`,
 * columns read before with the same format are not read again. `onColumn` hears of the work
 * done, in columns' worth.
 */
export function profileTable(
  table: SourceTable,
  formats: Readonly<Record<string, ColumnFormat>> = {},
  collect?: TypedValues[],
  memo?: ColumnMemo,
  onColumn?: ProgressFn,
): InspectReport {
  const chosen = table.names.map((name) => formats[name]);
  const total = table.names.length;
  const read = memo
    ? memo.readAll(table, chosen, onColumn)
    : readTableColumns(
        table,
        table.names.map((_, i) => i),
        chosen,
        { collect: collect !== undefined, done: 0, total, ...(onColumn ? { onColumn } : {}) },
      );
  if (!memo) onColumn?.(total, total);
  if (collect) read.forEach(({ typed }, i) => typed && (collect[i] = typed));
  return inspectReport(
    table,
    read.map((r) => r.profile),
    table.rows.length,
  );
}

/**
 * The report on a read table from its columns' profiles: the table's problems, then per column
 * an `invalid-values` problem when values do not fit and a `two-digit-years` notice when dates
 * wrote the year with two digits. `rows` counts data records (all parts of a file read in parts).
 */
export function inspectReport(
  table: SourceTable,
  columns: ColumnProfile[],
  rows: number,
): InspectReport {
  const problems: IngestProblem[] = [...table.problems];
  for (const c of columns) {
    if (c.invalid > 0) {
      problems.push({
        code: 'invalid-values',
        column: c.name,
        ...(c.invalidExamples[0] ? { row: c.invalidExamples[0].row } : {}),
        detail: { count: c.invalid, type: c.format.type },
      });
    }
    if (c.twoDigitYears) {
      problems.push({
        code: 'two-digit-years',
        column: c.name,
        detail: { count: c.twoDigitYears },
      });
    }
  }
  const {
    rows: _rows,
    names: _names,
    problems: _problems,
    recordCount: _records,
    ...source
  } = table;
  return { source, rows, columns, problems };
}

/** Reads and profiles a file: what the importer would do with it. */
export async function inspectFile(
  bytes: Uint8Array,
  fileName: string,
  options: SourceOptions = {},
): Promise<InspectReport> {
  return profileTable(await readSource(bytes, fileName, options));
}
