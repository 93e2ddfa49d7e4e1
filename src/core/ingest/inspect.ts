import type { CellValue, ColumnFormat, ColumnProfile, IngestProblem } from './types.ts';
import { profileColumn } from './infer-types.ts';
import { readSource, type SourceOptions, type SourceTable } from './read-source.ts';

/** Everything the preview (and `cx-trace inspect`) shows about a file before it is imported. */
export interface InspectReport {
  source: Omit<SourceTable, 'rows' | 'names' | 'problems'>;
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

/**
 * Profiles every column of a read table: type (or the one the user chose in `formats`), role,
 * nulls, values that do not fit (with examples), and an `invalid-values` problem per such column.
 * With `collect`, also fills it with each column's typed values (for storing them).
 */
export function profileTable(
  table: SourceTable,
  formats: Readonly<Record<string, ColumnFormat>> = {},
  collect?: CellValue[][],
): InspectReport {
  const columns = table.names.map((name, i) => {
    const format = formats[name];
    const values = collect ? (collect[i] = new Array<CellValue>(table.rows.length)) : undefined;
    return profileColumn(name, columnCells(table, i), {
      decimal: table.decimal,
      ...(format ? { format } : {}),
      ...(values ? { collect: values } : {}),
    });
  });
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
  }
  const { rows: _rows, names: _names, problems: _problems, ...source } = table;
  return { source, rows: table.rows.length, columns, problems };
}

/** Reads and profiles a file: what the importer would do with it. */
export async function inspectFile(
  bytes: Uint8Array,
  fileName: string,
  options: SourceOptions = {},
): Promise<InspectReport> {
  return profileTable(await readSource(bytes, fileName, options));
}
