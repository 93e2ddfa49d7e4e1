import type { ColumnInfo, ColumnType } from '../storage/dataset-meta.ts';

/** Distinct values are counted exactly up to this many; beyond it the profile says "10,000+". */
export const DISTINCT_CAP = 10_000;

/** How many of the most frequent values a text or yes/no column's profile lists. */
export const TOP_VALUES = 5;

/** One frequent value of a column and how many rows hold it. */
export interface TopValue {
  value: string | boolean;
  count: number;
}

/** What a column holds: counts, range and most frequent values, over all of its rows. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** The importer's type (e.g. `integer`, `category`), when known. */
  valueType?: string;
  /** The column's CX role (e.g. `nps`), when known. */
  role?: string;
  rows: number;
  /** Blank cells: null, NaN, invalid dates, and text that is empty or only spaces. */
  nulls: number;
  /** Distinct non-blank values; `DISTINCT_CAP` when `distinctCapped`. */
  distinct: number;
  /** There are more than `DISTINCT_CAP` distinct values (so `distinct` is a lower bound). */
  distinctCapped: boolean;
  /** Smallest and largest value: numbers, or dates as epoch milliseconds. Null without values. */
  min: number | null;
  max: number | null;
  /** Mean of a number column, or null. */
  mean: number | null;
  /**
   * Most frequent values of a text or yes/no column, most frequent first (ties by value).
   * When `distinctCapped`, counts are exact but a value first seen after the cap is not listed.
   */
  top: TopValue[];
}

type Key = string | number | boolean;

/** The running state of one column's profile, fed chunk by chunk. */
export interface ColumnAccumulator {
  column: ColumnInfo;
  cap: number;
  rows: number;
  nulls: number;
  min: number;
  max: number;
  sum: number;
  numbers: number;
  /** Counts of the first `cap` distinct values seen. */
  counts: Map<Key, number>;
  /** A value was seen that `counts` had no room for. */
  overflow: boolean;
}

/** An empty profile of `column`, ready for `addColumnValues`. */
export function startColumnProfile(column: ColumnInfo, cap = DISTINCT_CAP): ColumnAccumulator {
  return {
    column,
    cap,
    rows: 0,
    nulls: 0,
    min: Infinity,
    max: -Infinity,
    sum: 0,
    numbers: 0,
    counts: new Map(),
    overflow: false,
  };
}

/** The value as a map key, or null when it is blank. */
function keyOf(type: ColumnType, v: unknown): Key | null {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'number':
      return typeof v === 'number' && !Number.isNaN(v) ? v : null;
    case 'date': {
      const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : NaN;
      return Number.isNaN(t) ? null : t;
    }
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'string': {
      const s = typeof v === 'string' ? v : String(v);
      return s.trim() === '' ? null : s;
    }
  }
}

/** Adds one chunk of a column's values (in any order) to its profile. */
export function addColumnValues(acc: ColumnAccumulator, values: ArrayLike<unknown>): void {
  const { type } = acc.column;
  const ranged = type === 'number' || type === 'date';
  const counts = acc.counts;
  acc.rows += values.length;
  for (let i = 0; i < values.length; i++) {
    const k = keyOf(type, values[i]);
    if (k === null) {
      acc.nulls++;
      continue;
    }
    if (ranged) {
      const n = k as number;
      if (n < acc.min) acc.min = n;
      if (n > acc.max) acc.max = n;
      if (type === 'number') {
        acc.sum += n;
        acc.numbers++;
      }
    }
    const c = counts.get(k);
    if (c !== undefined) counts.set(k, c + 1);
    else if (counts.size < acc.cap) counts.set(k, 1);
    else acc.overflow = true;
  }
}

/** The finished profile of a column. */
export function finishColumnProfile(acc: ColumnAccumulator, topN = TOP_VALUES): ColumnProfile {
  const { column } = acc;
  const ranged = column.type === 'number' || column.type === 'date';
  const hasRange = ranged && acc.min <= acc.max;
  let top: TopValue[] = [];
  if (column.type === 'string' || column.type === 'boolean') {
    top = [...acc.counts]
      .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
      .slice(0, topN)
      .map(([value, count]) => ({ value: value as string | boolean, count }));
  }
  return {
    name: column.name,
    type: column.type,
    ...(column.valueType !== undefined ? { valueType: column.valueType } : {}),
    ...(column.role !== undefined ? { role: column.role } : {}),
    rows: acc.rows,
    nulls: acc.nulls,
    distinct: acc.overflow ? acc.cap : acc.counts.size,
    distinctCapped: acc.overflow,
    min: hasRange ? acc.min : null,
    max: hasRange ? acc.max : null,
    mean: column.type === 'number' && acc.numbers > 0 ? acc.sum / acc.numbers : null,
    top,
  };
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

/** Profiles of every column of a dataset, fed one stored chunk at a time. */
export class DatasetProfiler {
  readonly #columns: ColumnAccumulator[];

  constructor(columns: readonly ColumnInfo[], cap = DISTINCT_CAP) {
    this.#columns = columns.map((c) => startColumnProfile(c, cap));
  }

  /** Adds one chunk: the values of each column, in the order of the columns given at the start. */
  add(chunk: readonly ArrayLike<unknown>[]): void {
    this.#columns.forEach((acc, k) => addColumnValues(acc, chunk[k] ?? []));
  }

  /** The profile of each column. */
  finish(topN = TOP_VALUES): ColumnProfile[] {
    return this.#columns.map((acc) => finishColumnProfile(acc, topN));
  }
}
