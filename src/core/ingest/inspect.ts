import type { ColumnFormat, ColumnProfile, IngestProblem, TypedValues } from './types.ts';
import { readColumn } from './infer-types.ts';
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
export type ReadColumn = ReturnType<typeof readColumn>;

/**
 * Columns already read, by column index and format, so that importing right after the preview
 * (or again with one column's type changed) reads only what changed. Holds the typed values of
 * one table; clear it when the table changes.
 */
export class ColumnMemo {
  private readonly entries = new Map<string, ReadColumn>();
  private key = (index: number, format: ColumnFormat | undefined) =>
    `${index}\u0000${format ? formatKey(format) : ''}`;

  /** The column read with `format` (or with the inferred one when none is given), memoised. */
  read(table: SourceTable, index: number, format: ColumnFormat | undefined): ReadColumn {
    const hit = this.entries.get(this.key(index, format));
    if (hit) return hit;
    const result = readColumn(
      table.names[index]!,
      { rows: table.rows, column: index },
      {
        decimal: table.decimal,
        ...(format ? { format } : {}),
      },
    );
    this.entries.set(this.key(index, format), result);
    // Inferred, then chosen explicitly as it was inferred: the same reading.
    this.entries.set(this.key(index, result.profile.format), result);
    return result;
  }
}

/**
 * Profiles every column of a read table: type (or the one the user chose in `formats`), role,
 * nulls, values that do not fit (with examples), and an `invalid-values` problem per such column.
 * With `collect`, also fills it with each column's typed values (for storing them); with `memo`,
 * columns read before with the same format are not read again. `onColumn` hears of each column
 * profiled.
 */
export function profileTable(
  table: SourceTable,
  formats: Readonly<Record<string, ColumnFormat>> = {},
  collect?: TypedValues[],
  memo?: ColumnMemo,
  onColumn?: (done: number, total: number) => void,
): InspectReport {
  const columns = table.names.map((name, i) => {
    const format = formats[name];
    const { profile, typed } = memo
      ? memo.read(table, i, format)
      : readColumn(
          name,
          { rows: table.rows, column: i },
          {
            decimal: table.decimal,
            collect: collect !== undefined,
            ...(format ? { format } : {}),
          },
        );
    if (collect && typed) collect[i] = typed;
    onColumn?.(i + 1, table.names.length);
    return profile;
  });
  return inspectReport(table, columns, table.rows.length);
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
