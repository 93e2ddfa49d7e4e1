import {
  bool,
  float64,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  timestamp,
  utf8,
  type DataType,
} from '@uwdata/flechette';
import type { ColumnInfo, ColumnType } from './dataset-meta.ts';

/** Rows per stored chunk: large enough for fast scans, small enough to stream. */
export const CHUNK_ROWS = 65_536;

/** Column values as handed to `encodeChunk`: numbers, strings, booleans or dates, null for blank. */
export type ColumnValues = ArrayLike<number | string | boolean | Date | null>;

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  number: () => float64(),
  string: () => utf8(),
  boolean: () => bool(),
  date: () => timestamp(),
};

/**
 * Encodes one chunk of rows as Arrow IPC bytes (columnar, typed, with nulls). Every column in
 * `columns` must have the same number of values.
 */
export function encodeChunk(
  columns: readonly ColumnInfo[],
  values: Record<string, ColumnValues>,
): Uint8Array {
  const arrays: Record<string, unknown[]> = {};
  const types: Record<string, DataType> = {};
  let rows: number | null = null;
  for (const col of columns) {
    const v = values[col.name];
    if (!v) throw new Error(`Column “${col.name}” has no values`);
    if (rows !== null && v.length !== rows) {
      throw new Error(`Column “${col.name}” has ${v.length} values, expected ${rows}`);
    }
    rows = v.length;
    arrays[col.name] = Array.from(v);
    types[col.name] = ARROW_TYPES[col.type]();
  }
  const bytes = tableToIPC(tableFromArrays(arrays, { types }), { format: 'stream' });
  if (!bytes) throw new Error('Arrow encoder returned nothing');
  return bytes;
}

/** The values of one column of an encoded chunk (numbers, strings…, null for blank). */
export function decodeChunkColumn(bytes: Uint8Array, name: string): ArrayLike<unknown> {
  const table = tableFromIPC(bytes, { useDate: true });
  const column = table.getChild(name);
  if (!column) throw new Error(`Column “${name}” is not in this chunk`);
  return column.toArray();
}

/**
 * The values of one column of an encoded chunk, or nulls when the chunk predates the column
 * (rows appended with a new column leave the column blank in older chunks).
 */
export function chunkColumnOrNulls(bytes: Uint8Array, name: string): ArrayLike<unknown> {
  const table = tableFromIPC(bytes, { useDate: true });
  const column = table.getChild(name);
  return column ? column.toArray() : new Array<null>(table.numRows).fill(null);
}

/** The number of rows of an encoded chunk. */
export function chunkRowCount(bytes: Uint8Array): number {
  return tableFromIPC(bytes).numRows;
}
