/**
 * How a column's cells become a chart dimension's values: a code per row (−1 blank) and each
 * code's value as drawn — categories, periods at a date grain, or ranges with round edges (see
 * `chartData` for how each is drawn); and, for raw points, the x of each row as it is.
 */
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import type { ColumnType, YesNoLabels } from '../storage/dataset-meta.ts';
import { binIndex, MAX_BINS, niceEdges } from './chart-bins.ts';
import type { ChartDimension, ChartValue } from './chart-types.ts';
import { DAY, isoDay, periodStart } from './chart-periods.ts';
import type { DateGrain } from './chart-settings.ts';

/** A column's values as categories: a code per row (−1 blank) and each code's value. */
export interface Encoded {
  info: ChartDimension;
  codes: Int32Array;
  /** Each category's value as drawn. */
  values: ChartValue[];
  /** For ranges: each range's upper edge. */
  ends: number[] | null;
  /** Rows per category. */
  freq: number[];
  /** Each category's place in a natural order; null: first seen first. */
  keys: number[] | null;
  /** Whether rare categories may be merged into the other category. */
  reducible: boolean;
}

/** A finite number as it is; null for anything else. */
const finite = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** A cell's category key and shown value; null for blank. */
function categoryOf(v: unknown, labels: YesNoLabels | undefined): [unknown, ChartValue] | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : [t.toLocaleLowerCase(), t];
  }
  if (typeof v === 'number') return Number.isFinite(v) ? [v, v] : null;
  if (typeof v === 'boolean') {
    const word = labels ? (v ? labels.yes : labels.no) : String(v);
    return [v, word];
  }
  if (v instanceof Date) return categoryOf(v.getTime(), labels);
  if (v === null || v === undefined) return null;
  return categoryOf(String(v), labels);
}

/**
 * Codes for the distinct values of a column (text ignoring case and outer spaces); null as soon
 * as there are more than `stopAbove`.
 */
function encodeCategories(
  column: string,
  values: ArrayLike<unknown>,
  type: ColumnType,
  labels: YesNoLabels | undefined,
  stopAbove = Infinity,
): Encoded | null {
  const codes = new Int32Array(values.length);
  const seen = new Map<unknown, number>();
  const byKey = new Map<unknown, number>();
  const shown: ChartValue[] = [];
  const freq: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let c = typeof v === 'number' ? byKey.get(v) : seen.get(v);
    if (c === undefined) {
      const cat = categoryOf(v, labels);
      c = cat === null ? -1 : (byKey.get(cat[0]) ?? -2);
      if (c === -2 && cat !== null) {
        c = shown.length;
        if (c >= stopAbove) return null;
        byKey.set(cat[0], c);
        shown.push(cat[1]);
        freq.push(0);
      }
      if (typeof v !== 'number') seen.set(v, c);
    }
    codes[i] = c;
    if (c >= 0) freq[c]!++;
  }
  const numeric = shown.every((s) => typeof s === 'number');
  return {
    info: { column, kind: 'category', type, merged: false, ...(labels ? { labels } : {}) },
    codes,
    values: shown,
    ends: null,
    freq,
    keys: numeric && shown.length > 0 ? (shown as number[]) : null,
    reducible: true,
  };
}

/** Codes for the periods (at `grain`) of a date column, in time order by key. */
function encodePeriods(column: string, values: ArrayLike<unknown>, grain: DateGrain): Encoded {
  const codes = new Int32Array(values.length);
  const byDay = new Map<number, number>();
  const byStart = new Map<number, number>();
  const keys: number[] = [];
  const shown: ChartValue[] = [];
  const freq: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const ms = typeof v === 'number' ? v : v instanceof Date ? v.getTime() : NaN;
    if (!Number.isFinite(ms)) {
      codes[i] = -1;
      continue;
    }
    const day = Math.floor(ms / DAY);
    let c = byDay.get(day);
    if (c === undefined) {
      const start = periodStart(ms, grain);
      c = byStart.get(start);
      if (c === undefined) {
        c = keys.length;
        byStart.set(start, c);
        keys.push(start);
        shown.push(isoDay(start));
        freq.push(0);
      }
      byDay.set(day, c);
    }
    codes[i] = c;
    freq[c]!++;
  }
  return {
    info: { column, kind: 'period', grain, merged: false },
    codes,
    values: shown,
    ends: null,
    freq,
    keys,
    reducible: false,
  };
}

/** Codes for the ranges (at most `maxBins`, round edges) of a number column. */
function encodeBins(column: string, values: ArrayLike<unknown>, maxBins: number): Encoded {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = finite(values[i]);
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const edges = min <= max ? niceEdges(min, max, maxBins) : [0, 1];
  const codes = new Int32Array(values.length);
  const freq = new Array<number>(edges.length - 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = finite(values[i]);
    const c = v === null ? -1 : binIndex(v, edges);
    codes[i] = c;
    if (c >= 0) freq[c]!++;
  }
  return {
    info: { column, kind: 'bin', edges, merged: false },
    codes,
    values: edges.slice(0, -1),
    ends: edges.slice(1),
    freq,
    keys: edges.slice(0, -1),
    reducible: false,
  };
}

/**
 * A dimension of the chart: dates as periods at `grain`; an axis's numbers as ranges when they
 * have more than `axisValues` distinct values; anything else as categories.
 */
export function encodeDimension(
  dataset: LoadedDataset,
  column: string,
  grain: DateGrain,
  axisValues: number | null,
): Encoded {
  const values = dataset.columns[column] ?? [];
  const type = dataset.types[column] ?? 'string';
  if (type === 'date') return encodePeriods(column, values, grain);
  if (type === 'number' && axisValues !== null) {
    const categories = encodeCategories(column, values, type, undefined, axisValues);
    return categories ?? encodeBins(column, values, Math.max(2, Math.min(MAX_BINS, axisValues)));
  }
  return encodeCategories(column, values, type, dataset.labels?.[column])!;
}

/** A cell as a measured number: numbers, yes/no as 1/0; null for anything else. */
export const measureOf = (v: unknown): number | null =>
  typeof v === 'number' ? (Number.isFinite(v) ? v : null) : typeof v === 'boolean' ? +v : null;

/**
 * A raw point's x: numbers as they are, dates as ISO instants, anything else by category;
 * `ok` tells cheaply whether a row has one.
 */
export function rawAxis(dataset: LoadedDataset, column: string) {
  const values = dataset.columns[column] ?? [];
  const type = dataset.types[column] ?? 'string';
  if (type === 'number' || type === 'date') {
    const info: ChartDimension = { column, kind: 'exact', type, merged: false };
    const ok = (i: number) => finite(values[i]) !== null;
    const at = (i: number): ChartValue => {
      const v = finite(values[i]);
      return v === null ? null : type === 'date' ? new Date(v).toISOString() : v;
    };
    return { info, ok, at };
  }
  const enc = encodeCategories(column, values, type, dataset.labels?.[column])!;
  const ok = (i: number) => enc.codes[i]! >= 0;
  const at = (i: number): ChartValue => {
    const c = enc.codes[i]!;
    return c < 0 ? null : enc.values[c]!;
  };
  return { info: enc.info, ok, at };
}
