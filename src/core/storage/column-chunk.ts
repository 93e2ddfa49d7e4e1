import {
  Batch,
  Column,
  DateUnit,
  Type,
  TimeUnit,
  bool,
  dateDay,
  dictionary,
  float64,
  int16,
  int32,
  int8,
  tableFromColumns,
  tableFromIPC,
  tableToIPC,
  timestamp,
  utf8,
  type DataType,
  type IntType,
  type Table,
} from '@uwdata/flechette';
import type { ColumnInfo } from './dataset-meta.ts';
import { decodeUtf8Strings, encodeUtf8Strings } from './utf8-strings.ts';

/** Rows per stored chunk: large enough for fast scans, small enough to stream. */
export const CHUNK_ROWS = 65_536;

/**
 * Column values as handed to `encodeChunk`: numbers, strings, booleans, dates (a `Date` or
 * epoch milliseconds), null for blank. In number and date columns NaN is also blank, so a
 * `Float64Array` with NaN holes can be passed as it is.
 */
export type ColumnValues = PlainValues | DictionaryValues;

/** Values given one per row. */
export type PlainValues = ArrayLike<number | string | boolean | Date | null>;

/**
 * Strings given as a code per row into their distinct values (-1 for blank), as the importer
 * reads columns whose values repeat.
 */
export interface DictionaryValues {
  codes: Int32Array;
  dictionary: readonly string[];
}

/** True for values given as a dictionary. */
export function isDictionaryValues(values: ColumnValues): values is DictionaryValues {
  return (values as Partial<DictionaryValues>).codes instanceof Int32Array;
}

/** The number of rows of a column's values. */
export function columnLength(values: ColumnValues): number {
  return isDictionaryValues(values) ? values.codes.length : values.length;
}

/**
 * One column's values as decoded from a chunk: numbers (a typed array when the chunk has no
 * blanks), strings, booleans, and dates as epoch milliseconds (UTC); null for blank.
 */
export type DecodedColumn = ArrayLike<number | string | boolean | null>;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const TWO_32 = 2 ** 32;

// The Arrow buffers are built here rather than by flechette's value builders, which encode
// strings one `TextEncoder` call at a time and box every value: for a million rows this is
// about ten times faster, and the bytes are the same Arrow IPC stream.

/** A validity bitmap (bit set = present) and the count of blanks; empty when none is blank. */
function validityOf(n: number, isNull: (i: number) => boolean): [Uint8Array, number] {
  let bits: Uint8Array | null = null;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (isNull(i)) {
      if (!bits) {
        bits = new Uint8Array((n + 7) >> 3);
        // Every value before the first blank is present.
        for (let k = 0; k < i; k++) bits[k >> 3]! |= 1 << (k & 7);
      }
      nulls++;
    } else if (bits) bits[i >> 3]! |= 1 << (i & 7);
  }
  return [bits ?? new Uint8Array(0), nulls];
}

const numberOf = (v: unknown): number =>
  typeof v === 'number' ? v : v instanceof Date ? v.getTime() : NaN;

/** The narrowest signed integer type holding every value from `min` to `max`. */
function intType(
  min: number,
  max: number,
): [IntType, Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor] {
  if (min >= -128 && max <= 127) return [int8(), Int8Array];
  if (min >= -32_768 && max <= 32_767) return [int16(), Int16Array];
  return [int32(), Int32Array];
}

function numberColumn(values: PlainValues): Column<unknown> {
  const n = values.length;
  const nums = new Float64Array(n);
  let whole = true;
  let min = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = numberOf(values[i]);
    nums[i] = x;
    if (x !== x || !whole) continue;
    if (Number.isInteger(x) && x >= INT32_MIN && x <= INT32_MAX) {
      if (x < min) min = x;
      if (x > max) max = x;
    } else whole = false;
  }
  const [validity, nullCount] = validityOf(n, (i) => nums[i] !== nums[i]);
  if (whole) {
    const [type, Ints] = intType(min, max);
    const data = new Ints(n);
    // NaN (blank) becomes 0 under the validity bit.
    for (let i = 0; i < n; i++) data[i] = nums[i]! | 0;
    return new Column([new Batch({ length: n, nullCount, type, validity, values: data })], type);
  }
  if (nullCount) for (let i = 0; i < n; i++) if (nums[i] !== nums[i]) nums[i] = 0;
  const type = float64();
  return new Column([new Batch({ length: n, nullCount, type, validity, values: nums })], type);
}

const MS_PER_DAY = 86_400_000;

/**
 * Dates: calendar days (a `date` column, every value at midnight UTC) as Arrow date32, 4 bytes a
 * row; instants as millisecond timestamps.
 */
function dateColumn(values: PlainValues, dayOnly: boolean): Column<unknown> {
  const n = values.length;
  if (dayOnly) {
    const days = new Int32Array(n);
    const blank = new Uint8Array(n);
    let whole = true;
    for (let i = 0; i < n && whole; i++) {
      const x = numberOf(values[i]);
      if (x !== x) blank[i] = 1;
      else if (x % MS_PER_DAY === 0 && Math.abs(x / MS_PER_DAY) < 2 ** 31) days[i] = x / MS_PER_DAY;
      else whole = false;
    }
    if (whole) {
      const [validity, nullCount] = validityOf(n, (i) => blank[i] === 1);
      const type = dateDay();
      return new Column([new Batch({ length: n, nullCount, type, validity, values: days })], type);
    }
  }
  // Arrow timestamps are 64-bit integers: written as little-endian 32-bit halves.
  const halves = new Int32Array(2 * n);
  const ms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = Math.round(numberOf(values[i]));
    ms[i] = x;
    if (x !== x) continue;
    const hi = Math.floor(x / TWO_32);
    halves[2 * i] = x - hi * TWO_32;
    halves[2 * i + 1] = hi;
  }
  const [validity, nullCount] = validityOf(n, (i) => ms[i] !== ms[i]);
  const type = timestamp(TimeUnit.MILLISECOND);
  const data = new BigInt64Array(halves.buffer);
  return new Column([new Batch({ length: n, nullCount, type, validity, values: data })], type);
}

function boolColumn(values: PlainValues): Column<unknown> {
  const n = values.length;
  const bits = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (values[i] === true) bits[i >> 3]! |= 1 << (i & 7);
  const [validity, nullCount] = validityOf(n, (i) => typeof values[i] !== 'boolean');
  const type = bool();
  return new Column([new Batch({ length: n, nullCount, type, validity, values: bits })], type);
}

const stringOf = (v: unknown): string | null =>
  v === null || v === undefined || (typeof v === 'number' && v !== v) ? null : String(v);

function utf8Batch(strings: ArrayLike<string | null>, type: DataType): Batch<unknown> {
  const n = strings.length;
  const { offsets, bytes } = encodeUtf8Strings(strings);
  const [validity, nullCount] = validityOf(n, (i) => strings[i] === null);
  return new Batch({ length: n, nullCount, type, validity, values: bytes, offsets });
}

/** Values that repeat, coded per row (-1 for blank) into the distinct ones. */
function dictionaryOf(values: ArrayLike<unknown>): DictionaryValues | null {
  const n = values.length;
  // A dictionary pays off only while it holds fewer values than half the rows; mostly distinct
  // values (identifiers) show it in their first rows, and are not worth a map of every value.
  const limit = n / 2;
  const probe = Math.min(n, 256);
  const head = new Set<unknown>();
  for (let i = 0; i < probe; i++) head.add(values[i]);
  if (n > 1024 && head.size > probe * 0.9) return null;
  const keys = new Int32Array(n);
  const words = new Map<string, number>();
  const distinct: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = stringOf(values[i]);
    if (s === null) {
      keys[i] = -1;
      continue;
    }
    let code = words.get(s);
    if (code === undefined) {
      if (distinct.length >= limit) return null;
      code = distinct.length;
      words.set(s, code);
      distinct.push(s);
    }
    keys[i] = code;
  }
  return { codes: keys, dictionary: distinct };
}

/**
 * A chunk's part of a column read as a dictionary, with a dictionary of its own: only the values
 * it uses, renumbered (a chunk does not carry the whole column's distinct values). Null when
 * the chunk's values are mostly distinct.
 */
function localDictionary({ codes, dictionary: words }: DictionaryValues): DictionaryValues | null {
  const n = codes.length;
  const local = new Int32Array(words.length).fill(-1);
  const used: string[] = [];
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c < 0) {
      keys[i] = -1;
      continue;
    }
    let l = local[c]!;
    if (l < 0) {
      l = local[c] = used.length;
      used.push(words[c]!);
    }
    keys[i] = l;
  }
  return used.length * 2 < n ? { codes: keys, dictionary: used } : null;
}

/**
 * A string column, as a dictionary of its distinct values plus a key per row when values repeat
 * (categories, regions, grades: 4 bytes a row instead of the text), else as plain utf8.
 */
function stringColumn(values: ColumnValues): Column<unknown> {
  const coded = isDictionaryValues(values) ? localDictionary(values) : dictionaryOf(values);
  if (!coded) {
    const n = columnLength(values);
    const strings = new Array<string | null>(n);
    if (isDictionaryValues(values)) {
      const { codes, dictionary: words } = values;
      for (let i = 0; i < n; i++) strings[i] = codes[i]! < 0 ? null : words[codes[i]!]!;
    } else for (let i = 0; i < n; i++) strings[i] = stringOf(values[i]);
    const type = utf8();
    return new Column([utf8Batch(strings, type)], type);
  }
  const n = coded.codes.length;
  const distinct = coded.dictionary;
  // Keys as narrow as the dictionary allows (most categories fit in one byte).
  const [keyType, Keys] = intType(-1, distinct.length - 1);
  const keys = Keys === Int32Array ? coded.codes : Keys.from(coded.codes);
  const type = dictionary(utf8(), keyType);
  const dictionaryColumn = new Column([utf8Batch(distinct, type.dictionary)], type.dictionary);
  const [validity, nullCount] = validityOf(n, (i) => keys[i]! < 0);
  const batch = new Batch({ length: n, nullCount, type, validity, values: keys });
  // What tableToIPC reads to write the dictionary (flechette's DictionaryBatch has the same field).
  Object.assign(batch, { dictionary: dictionaryColumn });
  return new Column([batch], type);
}

/**
 * Encodes one chunk of rows as Arrow IPC bytes (columnar, typed, with nulls), in the smallest
 * faithful types: whole numbers in int32 range as int32, other numbers as float64, dates as
 * millisecond timestamps, repeating strings as a dictionary. Every column in `columns` must have
 * the same number of values.
 */
export function encodeChunk(
  columns: readonly ColumnInfo[],
  values: Record<string, ColumnValues>,
): Uint8Array {
  let rows: number | null = null;
  const entries: [string, Column<unknown>][] = columns.map((col) => {
    const v = values[col.name];
    if (!v) throw new Error(`Column “${col.name}” has no values`);
    const length = columnLength(v);
    if (rows !== null && length !== rows) {
      throw new Error(`Column “${col.name}” has ${length} values, expected ${rows}`);
    }
    rows = length;
    if (isDictionaryValues(v)) {
      if (col.type !== 'string') throw new Error(`Column “${col.name}” is not a string column`);
      return [col.name, stringColumn(v)];
    }
    switch (col.type) {
      case 'number':
        return [col.name, numberColumn(v)];
      case 'date':
        return [col.name, dateColumn(v, col.valueType === 'date')];
      case 'boolean':
        return [col.name, boolColumn(v)];
      default:
        return [col.name, stringColumn(v)];
    }
  });
  const bytes = tableToIPC(tableFromColumns(entries), { format: 'stream' });
  if (!bytes) throw new Error('Arrow encoder returned nothing');
  return bytes;
}

/** Values of a batch with a validity bitmap: blanks become null. */
function withNulls<T>(batch: Batch<unknown>, values: ArrayLike<T>): ArrayLike<T | null> {
  if (!batch.nullCount) return values;
  const bits = batch.validity!;
  const out = new Array<T | null>(batch.length);
  for (let i = 0; i < batch.length; i++) {
    out[i] = (bits[i >> 3]! & (1 << (i & 7))) !== 0 ? values[i]! : null;
  }
  return out;
}

const MS_PER_UNIT: Record<number, number> = {
  [TimeUnit.SECOND]: 1000,
  [TimeUnit.MILLISECOND]: 1,
  [TimeUnit.MICROSECOND]: 1e-3,
  [TimeUnit.NANOSECOND]: 1e-6,
};

function decodeBatch(batch: Batch<unknown>): DecodedColumn {
  const type = batch.type as DataType & { bitWidth?: number; unit?: number };
  const n = batch.length;
  switch (type.typeId) {
    case Type.Int:
      if ((type.bitWidth ?? 64) <= 32) return withNulls(batch, batch.values as Int32Array);
      break;
    case Type.Float:
      return withNulls(batch, batch.values as Float64Array);
    case Type.Date: {
      if (type.unit === DateUnit.DAY) {
        const days = batch.values as Int32Array;
        const ms = new Float64Array(n);
        for (let i = 0; i < n; i++) ms[i] = days[i]! * MS_PER_DAY;
        return withNulls(batch, ms);
      }
      const v = batch.values as BigInt64Array;
      const halves = new Int32Array(v.buffer, v.byteOffset, 2 * n);
      const ms = new Float64Array(n);
      for (let i = 0; i < n; i++) ms[i] = halves[2 * i + 1]! * TWO_32 + (halves[2 * i]! >>> 0);
      return withNulls(batch, ms);
    }
    case Type.Timestamp: {
      const v = batch.values as BigInt64Array;
      const halves = new Int32Array(v.buffer, v.byteOffset, 2 * n);
      const scale = MS_PER_UNIT[type.unit ?? TimeUnit.MILLISECOND] ?? 1;
      const ms = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        ms[i] = (halves[2 * i + 1]! * TWO_32 + (halves[2 * i]! >>> 0)) * scale;
      }
      return withNulls(batch, ms);
    }
  }
  const out = new Array<number | string | boolean | null>(n);
  writeArrayBatch(batch, out, 0);
  return out;
}

/** True for batches that decode to a plain array (strings, booleans), not a typed array. */
function isArrayBatch(batch: Batch<unknown>): boolean {
  const type = batch.type as DataType & { bitWidth?: number };
  switch (type.typeId) {
    case Type.Int:
      return (type.bitWidth ?? 64) > 32;
    case Type.Float:
    case Type.Date:
    case Type.Timestamp:
      return false;
    default:
      return true;
  }
}

/**
 * Writes the values of a batch of strings or booleans (or of a type this app does not write)
 * into `out` from index `at`, null for blank: straight into the caller's array, without a copy.
 */
function writeArrayBatch(batch: Batch<unknown>, out: unknown[], at: number): void {
  const n = batch.length;
  const bits = batch.nullCount ? batch.validity! : null;
  switch (batch.type.typeId) {
    case Type.Bool: {
      const values = batch.values as Uint8Array;
      for (let i = 0; i < n; i++) out[at + i] = (values[i >> 3]! & (1 << (i & 7))) !== 0;
      break;
    }
    case Type.Utf8:
      decodeUtf8Strings(batch.offsets as Int32Array, batch.values as Uint8Array, n, out, at);
      break;
    case Type.Dictionary: {
      const dict = (batch as Batch<unknown> & { dictionary: Column<unknown> }).dictionary;
      const words = decodeColumn(dict);
      const keys = batch.values as Int32Array;
      for (let i = 0; i < n; i++) out[at + i] = words[keys[i]!];
      break;
    }
    default:
      // Types this app does not write (e.g. from another Arrow writer): flechette's own reading.
      for (let i = 0; i < n; i++) {
        const x = batch.at(i);
        out[at + i] = x instanceof Date ? x.getTime() : x;
      }
      return;
  }
  if (bits) {
    for (let i = 0; i < n; i++) if ((bits[i >> 3]! & (1 << (i & 7))) === 0) out[at + i] = null;
  }
}

function decodeColumn(column: Column<unknown>): DecodedColumn {
  if (column.data.length === 1) return decodeBatch(column.data[0]!);
  const out: (number | string | boolean | null)[] = [];
  for (const batch of column.data) {
    const v = decodeBatch(batch);
    for (let i = 0; i < v.length; i++) out.push(v[i]!);
  }
  return out;
}

/** An encoded chunk's Arrow stream read once, its columns decoded when asked for. */
export type ChunkTable = Table;

/** Reads an encoded chunk's Arrow stream (its columns' bytes are viewed, not yet decoded). */
export const readChunkTable = (bytes: Uint8Array): ChunkTable => tableFromIPC(bytes);

/**
 * Decodes the named columns of a chunk for a caller gathering whole columns: a column
 * of strings or booleans whose `targets` entry is an array is written straight into it from row
 * `at` (and null returned in its place); the others are returned as `decodeChunkColumns` does.
 */
export function decodeTableInto(
  table: ChunkTable,
  names: readonly string[],
  targets: readonly (unknown[] | null)[],
  at: number,
): (DecodedColumn | null)[] {
  return names.map((name, k) => {
    const column = table.getChild(name);
    const target = targets[k];
    if (!column) {
      if (!target) return new Array<null>(table.numRows).fill(null);
      for (let i = 0; i < table.numRows; i++) target[at + i] = null;
      return null;
    }
    if (!target) return decodeColumn(column);
    if (column.data.length === 1 && isArrayBatch(column.data[0]!)) {
      writeArrayBatch(column.data[0]!, target, at);
    } else {
      const values = decodeColumn(column);
      for (let i = 0; i < values.length; i++) target[at + i] = values[i];
    }
    return null;
  });
}

/**
 * The values of the named columns of an encoded chunk, decoded together (the chunk's Arrow
 * stream is read once); a column the chunk does not have (rows appended with a new column
 * leave it blank in older chunks) gives nulls.
 */
export function decodeChunkColumns(bytes: Uint8Array, names: readonly string[]): DecodedColumn[] {
  const table = tableFromIPC(bytes);
  return names.map((name) => {
    const column = table.getChild(name);
    return column ? decodeColumn(column) : new Array<null>(table.numRows).fill(null);
  });
}

/** The values of one column of an encoded chunk (see `DecodedColumn`). */
export function decodeChunkColumn(bytes: Uint8Array, name: string): DecodedColumn {
  const column = tableFromIPC(bytes).getChild(name);
  if (!column) throw new Error(`Column “${name}” is not in this chunk`);
  return decodeColumn(column);
}

/**
 * The values of one column of an encoded chunk, or nulls when the chunk predates the column.
 */
export function chunkColumnOrNulls(bytes: Uint8Array, name: string): DecodedColumn {
  return decodeChunkColumns(bytes, [name])[0]!;
}

/** The number of rows of an encoded chunk. */
export function chunkRowCount(bytes: Uint8Array): number {
  return tableFromIPC(bytes).numRows;
}
