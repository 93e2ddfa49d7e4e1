import {
  CHUNK_ROWS,
  columnLength,
  encodeChunk,
  isDictionaryValues,
  type ColumnValues,
} from '../storage/column-chunk.ts';
import type { ColumnInfo, ColumnType, YesNoLabels } from '../storage/dataset-meta.ts';
import { readColumn } from './infer-types.ts';
import { parseBoolean } from './parse-value.ts';
import type { ColumnProfile, ValueType } from './types.ts';

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
    ...(p.format.type === 'boolean' ? yesNoLabels(p.examples) : {}),
  }));
}

/**
 * A yes/no column's words for yes and no, the first of each among its examples (`Yes`, `No`),
 * so that choices show the file's own labels rather than true/false; none when either is unseen.
 */
export function yesNoLabels(examples: readonly string[]): { labels?: YesNoLabels } {
  const yes = examples.find((e) => parseBoolean(e) === true);
  const no = examples.find((e) => parseBoolean(e) === false);
  return yes !== undefined && no !== undefined
    ? { labels: { yes: yes.trim(), no: no.trim() } }
    : {};
}

/** One encoded chunk, ready to store. */
export interface EncodedChunk {
  index: number;
  rows: number;
  bytes: Uint8Array;
}

/**
 * Reads rows of raw cells by the columns' formats and encodes them in chunks of `chunkRows`,
 * one at a time (so a caller can store each, report progress and stop between them). Cells that
 * do not fit their type are stored as null; they were counted and shown in the preview.
 */
export function* encodeTypedChunks(
  rows: readonly (readonly string[])[],
  profiles: readonly ColumnProfile[],
  chunkRows = CHUNK_ROWS,
  firstIndex = 0,
): Generator<EncodedChunk> {
  const values = profiles.map(
    (p, column) => readColumn(p.name, { rows, column }, { format: p.format }).typed!,
  );
  yield* encodeColumnChunks(storedColumns(profiles), values, chunkRows, firstIndex);
}

/** Rows `start .. end` of a column's values, without copying typed arrays. */
function rowsOf(values: ColumnValues, start: number, end: number): ColumnValues {
  if (isDictionaryValues(values)) {
    return { codes: values.codes.subarray(start, end), dictionary: values.dictionary };
  }
  if (ArrayBuffer.isView(values)) return (values as Float64Array).subarray(start, end);
  return Array.prototype.slice.call(values, start, end) as ColumnValues;
}

/**
 * Encodes columns of typed values (as `readColumn` gives them, or a join's result) in chunks
 * numbered from `firstIndex`, one at a time.
 */
export function* encodeColumnChunks(
  columns: readonly ColumnInfo[],
  values: readonly ColumnValues[],
  chunkRows = CHUNK_ROWS,
  firstIndex = 0,
): Generator<EncodedChunk> {
  const total = values[0] ? columnLength(values[0]) : 0;
  for (let start = 0, index = firstIndex; start < total; start += chunkRows, index++) {
    const end = Math.min(total, start + chunkRows);
    const slice: Record<string, ColumnValues> = {};
    columns.forEach((c, i) => (slice[c.name] = rowsOf(values[i]!, start, end)));
    yield { index, rows: end - start, bytes: encodeChunk(columns, slice) };
  }
}
