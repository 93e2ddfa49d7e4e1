import { CHUNK_ROWS, encodeChunk } from '../storage/column-chunk.ts';
import type { ColumnInfo, ColumnType } from '../storage/dataset-meta.ts';
import { convertValue } from './parse-value.ts';
import type { CellValue, ColumnProfile, ValueType } from './types.ts';

/** The stored value kind of each inferred type. */
export function storageType(type: ValueType): ColumnType {
  switch (type) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/** The stored description of profiled columns: name, stored kind, inferred type, role. */
export function storedColumns(profiles: readonly ColumnProfile[]): ColumnInfo[] {
  return profiles.map((p) => ({
    name: p.name,
    type: storageType(p.format.type),
    valueType: p.format.type,
    role: p.role,
    ...(p.factor ? { factor: p.factor } : {}),
    decimal: p.format.decimal,
    ...(p.format.dateOrder ? { dateOrder: p.format.dateOrder } : {}),
  }));
}

/** One encoded chunk, ready to store. */
export interface EncodedChunk {
  index: number;
  rows: number;
  bytes: Uint8Array;
}

/**
 * Converts rows of raw cells to typed values by the columns' formats and encodes them in
 * chunks of `chunkRows`, one at a time (so a caller can store each, report progress and stop
 * between them). Cells that do not fit their type are stored as null; they were counted and
 * shown in the preview.
 */
export function* encodeTypedChunks(
  rows: readonly (readonly string[])[],
  profiles: readonly ColumnProfile[],
  chunkRows = CHUNK_ROWS,
  firstIndex = 0,
): Generator<EncodedChunk> {
  const columns = storedColumns(profiles);
  for (let start = 0, index = firstIndex; start < rows.length; start += chunkRows, index++) {
    const end = Math.min(rows.length, start + chunkRows);
    const values: Record<string, CellValue[]> = {};
    profiles.forEach((p, c) => {
      const out = new Array<CellValue>(end - start);
      for (let r = start; r < end; r++) out[r - start] = convertValue(rows[r]![c]!, p.format).value;
      values[p.name] = out;
    });
    yield { index, rows: end - start, bytes: encodeChunk(columns, values) };
  }
}

/**
 * Encodes columns of already-typed values (e.g. a join's result) in chunks numbered from
 * `firstIndex`, one at a time.
 */
export function* encodeColumnChunks(
  columns: readonly ColumnInfo[],
  values: readonly (readonly unknown[])[],
  chunkRows = CHUNK_ROWS,
  firstIndex = 0,
): Generator<EncodedChunk> {
  const total = values[0]?.length ?? 0;
  for (let start = 0, index = firstIndex; start < total; start += chunkRows, index++) {
    const end = Math.min(total, start + chunkRows);
    const slice: Record<string, CellValue[]> = {};
    columns.forEach((c, i) => (slice[c.name] = values[i]!.slice(start, end) as CellValue[]));
    yield { index, rows: end - start, bytes: encodeChunk(columns, slice) };
  }
}
