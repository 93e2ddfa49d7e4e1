import {
  bool,
  dictionary,
  float64,
  int32,
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

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The smallest faithful Arrow type for a chunk's values: whole numbers in int32 range as int32
 * (4 bytes, not 8), and strings that repeat (categories, regions, grades) as a dictionary of the
 * distinct values plus an index per row. Decoding gives the same values either way.
 */
function compactType(type: ColumnType, values: readonly unknown[]): DataType {
  if (type === 'number') {
    const whole = values.every(
      (x) =>
        x === null ||
        (Number.isInteger(x) && (x as number) >= INT32_MIN && (x as number) <= INT32_MAX),
    );
    return whole ? int32() : float64();
  }
  if (type === 'string') {
    const distinct = new Set(values);
    if (distinct.size * 2 < values.length) return dictionary(utf8(), int32());
  }
  return ARROW_TYPES[type]();
}

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
    const cells = Array.from(v);
    arrays[col.name] = cells;
    types[col.name] = compactType(col.type, cells);
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
