/**
 * The rows a chart cell hands to Vega: the dataset grouped by the chart's dimensions and its
 * measured column aggregated per mark, in one pass over typed arrays, so that a million rows
 * become at most `maxMarks` marks. What was done to get there (aggregated, binned, sampled,
 * rare categories merged, blank rows left out) is reported for the cell to tell the analyst.
 *
 * How values are drawn:
 * - a date dimension is grouped at the date grain; its value is the ISO date (`2026-03-01`) of
 *   the period's start, UTC, with a UTC time unit in the spec: `temporal` for lines, points and
 *   areas, `ordinal` (a band per period) for bars, boxplots and heatmaps;
 * - a number dimension with more distinct values than fit is cut into at most 50 ranges with
 *   round edges (`x` the lower edge, `x2` the upper; a range holds its lower edge, not its
 *   upper one);
 * - text is grouped ignoring case and surrounding spaces, as the transform's conditions compare
 *   it, and shown as first written; yes/no as the dataset's own words when known.
 */
import { Rng } from '../random.ts';
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import type { ColumnType, YesNoLabels } from '../storage/dataset-meta.ts';
import {
  DATE_GRAINS,
  type ChartAggregate,
  type ChartMark,
  type ChartSettings,
  type DateGrain,
} from './chart-settings.ts';

/** A value in a chart row. */
export type ChartValue = string | number | null;

/** A row of the chart's data, by field: `x`, `y`, `value`, `color`, `facet`, `n`… */
export type ChartRow = Record<string, ChartValue>;

/** How Vega-Lite reads a field. */
export type ChartFieldType = 'nominal' | 'ordinal' | 'quantitative' | 'temporal';

/** What was done to the rows to draw them. */
export type ChartReduction = 'none' | 'aggregated' | 'sampled' | 'binned';

/** A role a column plays in the chart's settings. */
export type ChartRole = 'x' | 'y' | 'value' | 'color' | 'facet';

/** A dimension's role in the chart's data (`y` is the heatmap's row dimension). */
export type DimensionRole = 'x' | 'y' | 'color' | 'facet';

/**
 * How a dimension's column became the chart's values: categories (rare ones `merged` into the
 * other category), periods at a grain, ranges between `edges`, or exact values (raw points).
 */
export type ChartDimension =
  | { column: string; kind: 'category'; type: ColumnType; merged: boolean; labels?: YesNoLabels }
  | { column: string; kind: 'period'; grain: DateGrain; merged: boolean }
  | { column: string; kind: 'bin'; edges: number[]; merged: false }
  | { column: string; kind: 'exact'; type: ColumnType; merged: false };

/** The rows a chart draws, and what was done to get them. */
export interface ChartData {
  /**
   * Fields: `x`, `y`, `value` (heatmap), `color`, `facet`, `x2`/`y2` (a range's upper edge), `n`
   * (rows behind an aggregated mark); a boxplot's `lower`, `q1`, `median`, `q3`, `upper`, `n`.
   */
  rows: ChartRow[];
  xType: ChartFieldType;
  /** The heatmap's row dimension's type; `quantitative` for every other chart. */
  yType: ChartFieldType;
  inputRows: number;
  marks: number;
  reduced: ChartReduction;
  /**
   * Rows left out for a blank dimension or measured value; categories merged into the other
   * category; marks left out beyond `maxMarks` (only when even merging cannot fit them).
   */
  dropped: { blank: number; otherCategories: number; marks: number };
  /** The aggregate applied: `none` for raw points and boxplots; `mean` for `none` elsewhere. */
  aggregate: ChartAggregate;
  /** How each dimension was drawn (its grain may be coarser than asked when periods overflow). */
  dimensions: Partial<Record<DimensionRole, ChartDimension>>;
  /** The measured column (y, or the heatmap's value); null when counting rows. */
  measure: string | null;
  otherLabel: string;
  /** Roles the chart needs but the settings leave empty or name an unusable column for. */
  missing: ChartRole[];
}

/** Options of `chartData`. */
export interface ChartDataOptions {
  /** At most this many rows (marks); 5000 by default. */
  maxMarks?: number;
  /** The label of merged rare categories; `other` by default. */
  otherLabel?: string;
  /** Seed of the sample of raw points. */
  seed?: number;
}

/** The default cap on a chart's marks. */
export const DEFAULT_MAX_MARKS = 5000;
/** A number dimension is cut into at most this many ranges. */
export const MAX_BINS = 50;
const COLOR_LIMIT = 20;
const FACET_LIMIT = 25;
/** A number axis keeps its distinct values up to this many, else it is cut into ranges. */
const AXIS_VALUES: Record<ChartMark, number> = {
  bar: 100,
  boxplot: 100,
  heatmap: 100,
  line: 1000,
  point: 1000,
  area: 1000,
};
const DAY = 86_400_000;

/** Midnight UTC of the first day of `month` (0-based, may overflow) of `year`. */
function utcMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime();
}

/** The start (epoch ms, UTC) of the period at `grain` holding the instant `ms`. */
export function periodStart(ms: number, grain: DateGrain): number {
  if (grain === 'day') return Math.floor(ms / DAY) * DAY;
  const d = new Date(ms);
  const m = d.getUTCMonth();
  if (grain === 'month') return utcMonth(d.getUTCFullYear(), m);
  if (grain === 'quarter') return utcMonth(d.getUTCFullYear(), m - (m % 3));
  return utcMonth(d.getUTCFullYear(), 0);
}

/** The start of the period after the one starting at `start`. */
export function nextPeriodStart(start: number, grain: DateGrain): number {
  if (grain === 'day') return start + DAY;
  const d = new Date(start);
  const step = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  return utcMonth(d.getUTCFullYear(), d.getUTCMonth() + step);
}

/** A period start as an ISO date, `2026-03-01`. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The `i`-th multiple of `m`·10^`power`, as the nearest double to the decimal. */
function multiple(i: number, m: number, power: number): number {
  return power >= 0 ? i * m * 10 ** power : (i * m) / 10 ** -power;
}

/** Edges at multiples of `m`·10^`power` covering min…max, or null for more than `maxBins`. */
function edgesWith(min: number, max: number, m: number, power: number, maxBins: number) {
  let first = Math.floor(min / multiple(1, m, power));
  while (multiple(first, m, power) > min) first--;
  while (multiple(first + 1, m, power) <= min) first++;
  const edges = [multiple(first, m, power)];
  for (let k = first + 1; edges.length <= maxBins + 1; k++) {
    const e = multiple(k, m, power);
    edges.push(e);
    if (e > max) return edges;
  }
  return null;
}

/**
 * Round edges (steps of 1, 2 or 5 times a power of ten) of at most `maxBins` ranges covering
 * `min`…`max`: each range holds its lower edge; the last edge lies above `max`.
 */
export function niceEdges(min: number, max: number, maxBins = MAX_BINS): number[] {
  if (!(max > min)) return [min, min + 1];
  let power = Math.floor(Math.log10((max - min) / maxBins));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const edges = edgesWith(min, max, m, power, maxBins);
      if (edges) return edges;
    }
    power++;
  }
}

/** The range of `edges` holding `v` (clamped to the first and last range). */
export function binIndex(v: number, edges: readonly number[]): number {
  const last = edges.length - 2;
  let i = Math.floor((v - edges[0]!) / (edges[1]! - edges[0]!));
  i = Math.max(0, Math.min(last, Number.isFinite(i) ? i : 0));
  while (i > 0 && v < edges[i]!) i--;
  while (i < last && v >= edges[i + 1]!) i++;
  return i;
}

/** A column's values as categories: a code per row (−1 blank) and each code's value. */
interface Encoded {
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
function encodeDimension(
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

/** A dimension after rare categories were merged: each code's final place and value. */
interface Fitted {
  role: DimensionRole;
  info: ChartDimension;
  codes: Int32Array;
  count: number;
  /** Code → final category (the other category last). */
  remap: Int32Array;
  values: ChartValue[];
  ends: (number | null)[];
  /** Whether the last category is the other category. */
  other: boolean;
}

/**
 * Keeps the `limit` categories of `enc` (the other category counting as one) in natural order,
 * the most frequent when there are more, merging the rest into `otherLabel`.
 */
function fitDimension(role: DimensionRole, enc: Encoded, limit: number, otherLabel: string) {
  const k = enc.freq.length;
  let kept = Array.from({ length: k }, (_, c) => c);
  const other = limit < k;
  if (other) {
    kept.sort((a, b) => enc.freq[b]! - enc.freq[a]! || a - b);
    kept = kept.slice(0, Math.max(1, limit - 1));
  }
  const keys = enc.keys;
  if (keys) kept.sort((a, b) => keys[a]! - keys[b]!);
  else kept.sort((a, b) => a - b);
  const remap = new Int32Array(k).fill(kept.length);
  kept.forEach((c, i) => (remap[c] = i));
  const values = kept.map((c) => enc.values[c]!);
  const ends = kept.map((c) => enc.ends?.[c] ?? null);
  if (other) {
    values.push(otherLabel);
    ends.push(null);
  }
  const info = { ...enc.info, merged: other } as ChartDimension;
  const fitted: Fitted = {
    role,
    info,
    codes: enc.codes,
    count: values.length,
    remap,
    values,
    ends,
    other,
  };
  return { fitted, merged: other ? k - kept.length : 0 };
}

/**
 * How many categories each dimension keeps: at most its cap, then, while their product (the
 * marks of a full grid) exceeds `maxMarks`, the largest reducible one is cut down (to 2 at
 * least: one kept and the other category).
 */
function fitLimits(dims: readonly { enc: Encoded; cap: number }[], maxMarks: number): number[] {
  const limits = dims.map(({ enc, cap }) =>
    enc.reducible ? Math.min(enc.freq.length, cap) : enc.freq.length,
  );
  const product = () => limits.reduce((p, l) => p * Math.max(1, l), 1);
  for (let p = product(); p > maxMarks; p = product()) {
    let best = -1;
    dims.forEach(({ enc }, i) => {
      if (enc.reducible && limits[i]! > 2 && (best < 0 || limits[i]! > limits[best]!)) best = i;
    });
    if (best < 0) break;
    const l = limits[best]!;
    limits[best] = Math.max(2, Math.min(l - 1, Math.floor((l * maxMarks) / p)));
  }
  return limits;
}

/** What the settings ask for, checked against the dataset. */
interface Plan {
  mark: ChartMark;
  aggregate: ChartAggregate;
  raw: boolean;
  /** Dimensions in grouping order, with the column each uses. */
  dims: { role: DimensionRole; column: string }[];
  measure: string | null;
  missing: ChartRole[];
}

/** The effective aggregate, measure and dimensions of `s` for `dataset`. */
function planChart(dataset: LoadedDataset, s: ChartSettings): Plan {
  const has = (c: string | null): c is string => c !== null && Object.hasOwn(dataset.columns, c);
  const measurable = (c: string | null) =>
    has(c) && (dataset.types[c] === 'number' || dataset.types[c] === 'boolean');
  const missing: ChartRole[] = [];
  const dims: Plan['dims'] = [];
  const dim = (role: DimensionRole, column: string | null, required: boolean) => {
    if (has(column)) dims.push({ role, column });
    else if (required || column !== null) missing.push(role === 'y' ? 'y' : role);
  };
  const mark = s.mark;
  const raw = mark === 'point' && s.aggregate === 'none';
  let aggregate: ChartAggregate = s.aggregate === 'none' ? 'mean' : s.aggregate;
  let measure: string | null = s.y;
  if (mark === 'heatmap') {
    if (s.aggregate === 'none' && s.value === null) aggregate = 'count';
    measure = s.value;
    dim('x', s.x, true);
    dim('y', s.y, true);
  } else {
    if (mark === 'boxplot' || raw) aggregate = 'none';
    dim('x', s.x, raw);
    if (mark !== 'boxplot') dim('color', s.color, false);
  }
  dim('facet', s.facet, false);
  if (aggregate === 'count') measure = null;
  else if (!measurable(measure)) missing.push(mark === 'heatmap' ? 'value' : 'y');
  return { mark, aggregate, raw, dims, measure, missing };
}

/** A cell as a measured number: numbers, yes/no as 1/0; null for anything else. */
const measureOf = (v: unknown): number | null =>
  typeof v === 'number' ? (Number.isFinite(v) ? v : null) : typeof v === 'boolean' ? +v : null;

/** Per-group sums of an aggregation pass. */
interface Accumulated {
  size: number;
  n: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
  promoters: Float64Array;
  detractors: Float64Array;
  scores: Float64Array;
  /** Each row's group (−1: left out), when values must be ordered (median, boxplot). */
  groupOf: Int32Array | null;
  blank: number;
}

/** One pass over the rows: each row's group from its dimensions' codes, and the group's sums. */
function accumulate(
  dims: readonly Fitted[],
  measure: ArrayLike<unknown> | null,
  rowCount: number,
  keepGroups: boolean,
): Accumulated {
  const size = dims.reduce((p, d) => p * d.count, 1);
  const acc: Accumulated = {
    size,
    n: new Float64Array(size),
    sum: new Float64Array(size),
    min: new Float64Array(size).fill(Infinity),
    max: new Float64Array(size).fill(-Infinity),
    promoters: new Float64Array(size),
    detractors: new Float64Array(size),
    scores: new Float64Array(size),
    groupOf: keepGroups ? new Int32Array(rowCount).fill(-1) : null,
    blank: 0,
  };
  const { n, sum, min, max, promoters, detractors, scores, groupOf } = acc;
  rows: for (let i = 0; i < rowCount; i++) {
    let g = 0;
    for (const d of dims) {
      const c = d.codes[i]!;
      if (c < 0) {
        acc.blank++;
        continue rows;
      }
      g = g * d.count + d.remap[c]!;
    }
    n[g]!++;
    if (groupOf) groupOf[i] = g;
    if (measure === null) continue;
    const v = measureOf(measure[i]);
    if (v === null) {
      n[g]!--;
      if (groupOf) groupOf[i] = -1;
      acc.blank++;
      continue;
    }
    sum[g]! += v;
    if (v < min[g]!) min[g] = v;
    if (v > max[g]!) max[g] = v;
    if (Number.isInteger(v) && v >= 0 && v <= 10) {
      scores[g]!++;
      if (v >= 9) promoters[g]!++;
      else if (v <= 6) detractors[g]!++;
    }
  }
  return acc;
}

/** The measured values grouped and sorted ascending: group `g` is `values[start[g]…start[g+1])`. */
function orderedValues(acc: Accumulated, measure: ArrayLike<unknown>) {
  const start = new Int32Array(acc.size + 1);
  for (let g = 0; g < acc.size; g++) start[g + 1] = start[g]! + acc.n[g]!;
  const fill = start.slice(0, acc.size);
  const values = new Float64Array(start[acc.size]!);
  const groupOf = acc.groupOf!;
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i]!;
    if (g >= 0) values[fill[g]!++] = measureOf(measure[i])!;
  }
  for (let g = 0; g < acc.size; g++) values.subarray(start[g]!, start[g + 1]!).sort();
  return { values, start };
}

/** The `p` quantile of sorted `a` by linear interpolation between order statistics. */
export function quantileSorted(a: ArrayLike<number>, p: number): number {
  const h = (a.length - 1) * p;
  const lo = Math.floor(h);
  const below = a[lo]!;
  return lo + 1 < a.length ? below + (h - lo) * (a[lo + 1]! - below) : below;
}

/**
 * A box's five numbers of sorted `a`: quartiles by linear interpolation, whiskers at the lowest
 * and highest values within 1.5 interquartile ranges of the box (Tukey).
 */
export function boxStats(a: ArrayLike<number>) {
  const q1 = quantileSorted(a, 0.25);
  const median = quantileSorted(a, 0.5);
  const q3 = quantileSorted(a, 0.75);
  const reach = 1.5 * (q3 - q1);
  let lower = q1;
  let upper = q3;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! >= q1 - reach) {
      lower = Math.min(a[i]!, q1);
      break;
    }
  }
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i]! <= q3 + reach) {
      upper = Math.max(a[i]!, q3);
      break;
    }
  }
  return { lower, q1, median, q3, upper };
}

/** A group's aggregate (null when it has no value to aggregate). */
function aggregateOf(
  acc: Accumulated,
  g: number,
  op: ChartAggregate,
  sorted: ArrayLike<number> | null,
): number | null {
  const n = acc.n[g]!;
  switch (op) {
    case 'count':
      return n;
    case 'sum':
      return acc.sum[g]!;
    case 'mean':
      return acc.sum[g]! / n;
    case 'median':
      return sorted && sorted.length > 0 ? quantileSorted(sorted, 0.5) : null;
    case 'min':
      return acc.min[g]!;
    case 'max':
      return acc.max[g]!;
    case 'nps': {
      const k = acc.scores[g]!;
      return k > 0 ? ((acc.promoters[g]! - acc.detractors[g]!) / k) * 100 : null;
    }
    default:
      return null;
  }
}

/** The chart's rows: one per non-empty group, its dimensions' values and its aggregate. */
function groupRows(
  dims: readonly Fitted[],
  acc: Accumulated,
  plan: Plan,
  measure: ArrayLike<unknown> | null,
): ChartRow[] {
  const ordered =
    measure && (plan.mark === 'boxplot' || plan.aggregate === 'median')
      ? orderedValues(acc, measure)
      : null;
  const rows: ChartRow[] = [];
  const field = plan.mark === 'heatmap' ? 'value' : 'y';
  for (let g = 0; g < acc.size; g++) {
    if (acc.n[g]! === 0) continue;
    const row: ChartRow = {};
    let rest = g;
    for (let k = dims.length - 1; k >= 0; k--) {
      const d = dims[k]!;
      const c = rest % d.count;
      rest = Math.floor(rest / d.count);
      row[d.role] = d.values[c]!;
      if ((d.role === 'x' || d.role === 'y') && d.ends[c] != null) row[`${d.role}2`] = d.ends[c]!;
    }
    const sorted = ordered?.values.subarray(ordered.start[g]!, ordered.start[g + 1]!) ?? null;
    if (plan.mark === 'boxplot') Object.assign(row, boxStats(sorted!));
    else row[field] = aggregateOf(acc, g, plan.aggregate, sorted);
    row.n = acc.n[g]!;
    rows.push(row);
  }
  return rows;
}

/** The field a mark's measure is in: y, a heatmap's value, a box's median. */
const measureField = (mark: ChartMark) =>
  mark === 'heatmap' ? 'value' : mark === 'boxplot' ? 'median' : 'y';

/**
 * Orders the rows by `sort`: `none` keeps the natural order (dates, numbers and ranges
 * ascending, text as first seen, the other category last); `x` sorts text alphabetically;
 * `y-asc`/`y-desc` order the x categories by their measure (the total of stacked counts and
 * sums, else their extreme mark), rows of one x together. Blank measures go last.
 */
function sortRows(
  rows: ChartRow[],
  sort: ChartSettings['sort'],
  x: Fitted | undefined,
  measure: { field: string; additive: boolean },
) {
  if (sort === 'none' || rows.length < 2) return rows;
  const index = new Map<ChartValue, number>();
  x?.values.forEach((v, i) => index.set(v, i));
  const place = (r: ChartRow) => index.get(r.x ?? null) ?? 0;
  const rank = new Float64Array(Math.max(1, x?.count ?? 1));
  if (sort === 'x' && x && x.info.kind === 'category' && x.info.type !== 'number') {
    const names = x.values.map((v, i) => ({ v: String(v), i }));
    const other = x.other ? names.pop() : undefined;
    names.sort((a, b) => a.v.localeCompare(b.v));
    if (other) names.push(other);
    names.forEach(({ i }, r) => (rank[i] = r));
  } else if (sort === 'x') {
    rank.forEach((_, i) => (rank[i] = i));
  } else {
    const sign = sort === 'y-desc' ? -1 : 1;
    rank.fill(NaN);
    for (const r of rows) {
      const v = r[measure.field];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const p = place(r);
      const old = rank[p]!;
      rank[p] = Number.isNaN(old)
        ? sign * v
        : measure.additive
          ? old + sign * v
          : Math.min(old, sign * v);
    }
    rank.forEach((v, i) => (rank[i] = Number.isNaN(v) ? Infinity : v));
  }
  const order = rows.map((r, i) => ({ r, i }));
  order.sort(
    (a, b) => rank[place(a.r)]! - rank[place(b.r)]! || place(a.r) - place(b.r) || a.i - b.i,
  );
  return order.map((o) => o.r);
}

/**
 * How Vega-Lite should read a dimension drawn on an axis of `mark`. Periods are `temporal` for
 * lines, points and areas, `ordinal` (one band per period, by its time unit) for bars, boxes
 * and heatmap cells.
 */
function axisType(info: ChartDimension | undefined, mark: ChartMark): ChartFieldType {
  if (!info) return 'nominal';
  const continuous = mark === 'line' || mark === 'point' || mark === 'area';
  switch (info.kind) {
    case 'period':
      return continuous ? 'temporal' : 'ordinal';
    case 'bin':
      return mark === 'heatmap' || mark === 'boxplot' ? 'ordinal' : 'quantitative';
    case 'exact':
      return info.type === 'date' ? 'temporal' : 'quantitative';
    case 'category':
      if (info.type !== 'number') return 'nominal';
      return continuous && !info.merged ? 'quantitative' : 'ordinal';
  }
}

/** The dataset's row count (its columns all have it). */
const rowsOf = (dataset: LoadedDataset) => Object.values(dataset.columns)[0]?.length ?? 0;

type Options = Required<ChartDataOptions>;

/** A result with no rows, for settings that leave a needed column unchosen. */
function emptyData(dataset: LoadedDataset, plan: Plan, o: Options): ChartData {
  return {
    rows: [],
    xType: 'nominal',
    yType: 'quantitative',
    inputRows: rowsOf(dataset),
    marks: 0,
    reduced: 'none',
    dropped: { blank: 0, otherCategories: 0, marks: 0 },
    aggregate: plan.aggregate,
    dimensions: {},
    measure: plan.measure,
    otherLabel: o.otherLabel,
    missing: plan.missing,
  };
}

/** Colour and facet dimensions, encoded, each with its cap on categories. */
function groupDimensions(dataset: LoadedDataset, plan: Plan, grain: DateGrain) {
  return plan.dims
    .filter((d) => d.role === 'color' || d.role === 'facet')
    .map((d) => ({
      role: d.role,
      enc: encodeDimension(dataset, d.column, grain, null),
      cap: d.role === 'color' ? COLOR_LIMIT : FACET_LIMIT,
    }));
}

/**
 * Encodes and fits every dimension: the axes' numbers in ranges when they have more distinct
 * values than their share of the marks, the axes' dates at the chosen grain — or a coarser one
 * when even merging every reducible dimension leaves more than `maxMarks` periods.
 */
function fitDimensions(dataset: LoadedDataset, settings: ChartSettings, plan: Plan, o: Options) {
  const group = groupDimensions(dataset, plan, settings.dateGrain);
  const axes = plan.dims.filter((d) => d.role === 'x' || d.role === 'y');
  const others = group.reduce((p, g) => p * Math.max(1, Math.min(g.enc.freq.length, g.cap)), 1);
  const share = Math.floor((o.maxMarks / others) ** (1 / Math.max(1, axes.length)));
  const axisValues = Math.max(2, Math.min(AXIS_VALUES[plan.mark], share));
  let grain = settings.dateGrain;
  for (;;) {
    const axisDims = axes.map((d) => ({
      role: d.role,
      enc: encodeDimension(dataset, d.column, grain, axisValues),
      cap: Infinity,
    }));
    const all = [...axisDims, ...group];
    const limits = fitLimits(all, o.maxMarks);
    const product = limits.reduce((p, l) => p * Math.max(1, l), 1);
    const coarser = DATE_GRAINS[DATE_GRAINS.indexOf(grain) + 1];
    const periods = axisDims.some((a) => a.enc.info.kind === 'period');
    if (product <= o.maxMarks || !coarser || !periods) {
      const fits = all.map((d, i) => fitDimension(d.role, d.enc, limits[i]!, o.otherLabel));
      const merged = fits.reduce((s, f) => s + f.merged, 0);
      return { dims: fits.map((f) => f.fitted), merged };
    }
    grain = coarser;
  }
}

/** The `maxMarks` rows behind the most rows, in their order (a last resort). */
function capRows(rows: ChartRow[], maxMarks: number): ChartRow[] {
  if (rows.length <= maxMarks) return rows;
  const keep = rows
    .map((r, i) => ({ n: Number(r.n ?? 0), i }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, maxMarks)
    .map((k) => k.i)
    .sort((a, b) => a - b);
  return keep.map((i) => rows[i]!);
}

/** Every mark but raw points: the rows grouped by the dimensions, the measure aggregated. */
function aggregatedChart(
  dataset: LoadedDataset,
  settings: ChartSettings,
  plan: Plan,
  o: Options,
): ChartData {
  const rowCount = rowsOf(dataset);
  const { dims, merged } = fitDimensions(dataset, settings, plan, o);
  const measure = plan.measure === null ? null : (dataset.columns[plan.measure] ?? null);
  const ordered = measure !== null && (plan.mark === 'boxplot' || plan.aggregate === 'median');
  const acc = accumulate(dims, measure, rowCount, ordered);
  const x = dims.find((d) => d.role === 'x');
  const additive = plan.aggregate === 'count' || plan.aggregate === 'sum';
  const all = sortRows(groupRows(dims, acc, plan, measure), settings.sort, x, {
    field: measureField(plan.mark),
    additive,
  });
  const rows = capRows(all, o.maxMarks);
  const dimensions: ChartData['dimensions'] = {};
  for (const d of dims) dimensions[d.role] = d.info;
  const binned = dims.some((d) => d.info.kind === 'bin');
  return {
    rows,
    xType: axisType(dimensions.x, plan.mark),
    yType: plan.mark === 'heatmap' ? axisType(dimensions.y, plan.mark) : 'quantitative',
    inputRows: rowCount,
    marks: rows.length,
    reduced: binned ? 'binned' : 'aggregated',
    dropped: { blank: acc.blank, otherCategories: merged, marks: all.length - rows.length },
    aggregate: plan.aggregate,
    dimensions,
    measure: plan.measure,
    otherLabel: o.otherLabel,
    missing: [],
  };
}

/**
 * `count` of the `total` eligible rows, chosen with equal chance by a seeded stream (selection
 * sampling): the same seed picks the same rows; the picks come in row order.
 */
function samplePicks(total: number, count: number, seed: number): Uint8Array {
  const picks = new Uint8Array(total);
  const rng = new Rng(seed);
  let needed = count;
  for (let i = 0; i < total && needed > 0; i++) {
    if (rng.next() * (total - i) < needed) {
      picks[i] = 1;
      needed--;
    }
  }
  return picks;
}

/**
 * A raw point's x: numbers as they are, dates as ISO instants, anything else by category;
 * `ok` tells cheaply whether a row has one.
 */
function rawAxis(dataset: LoadedDataset, column: string) {
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

/** Raw points (point mark, no aggregate): every row, or a seeded sample of `maxMarks`. */
function rawChart(dataset: LoadedDataset, settings: ChartSettings, plan: Plan, o: Options) {
  const rowCount = rowsOf(dataset);
  const x = rawAxis(dataset, plan.dims.find((d) => d.role === 'x')!.column);
  const group = groupDimensions(dataset, plan, settings.dateGrain);
  const limits = fitLimits(group, o.maxMarks);
  const fits = group.map((g, i) => fitDimension(g.role, g.enc, limits[i]!, o.otherLabel));
  const dims = fits.map((f) => f.fitted);
  const measure = dataset.columns[plan.measure!]!;
  const eligible = new Int32Array(rowCount);
  let total = 0;
  for (let i = 0; i < rowCount; i++) {
    if (!x.ok(i) || measureOf(measure[i]) === null) continue;
    if (dims.every((d) => d.codes[i]! >= 0)) eligible[total++] = i;
  }
  const sampled = total > o.maxMarks;
  const picks = sampled ? samplePicks(total, o.maxMarks, o.seed) : null;
  let rows: ChartRow[] = [];
  for (let k = 0; k < total; k++) {
    if (picks && picks[k] === 0) continue;
    const i = eligible[k]!;
    const row: ChartRow = { x: x.at(i), y: measureOf(measure[i]) };
    for (const d of dims) row[d.role] = d.values[d.remap[d.codes[i]!]!]!;
    rows.push(row);
  }
  rows = sortRawRows(rows, settings.sort);
  const dimensions: ChartData['dimensions'] = { x: x.info };
  for (const d of dims) dimensions[d.role] = d.info;
  return {
    rows,
    xType: axisType(x.info, 'point'),
    yType: 'quantitative',
    inputRows: rowCount,
    marks: rows.length,
    reduced: sampled ? 'sampled' : 'none',
    dropped: {
      blank: rowCount - total,
      otherCategories: fits.reduce((s, f) => s + f.merged, 0),
      marks: 0,
    },
    aggregate: 'none',
    dimensions,
    measure: plan.measure,
    otherLabel: o.otherLabel,
    missing: [],
  } satisfies ChartData;
}

/** Raw points in the order `sort` asks: by x (numbers before text) or by y. */
function sortRawRows(rows: ChartRow[], sort: ChartSettings['sort']): ChartRow[] {
  if (sort === 'none') return rows;
  const key = sort === 'x' ? 'x' : 'y';
  const sign = sort === 'y-desc' ? -1 : 1;
  const cmp = (a: ChartValue, b: ChartValue) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : typeof a === 'number'
        ? -1
        : typeof b === 'number'
          ? 1
          : String(a).localeCompare(String(b));
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => sign * cmp(a.r[key]!, b.r[key]!) || a.i - b.i)
    .map((o) => o.r);
}

/**
 * The rows a chart draws from `dataset` by `settings`, never more than `maxMarks` (5000 by
 * default): grouped by x (dates at the date grain, numbers in ranges when too many), colour,
 * facet — and for a heatmap y — with the measured column aggregated per group and `n`, the
 * rows behind each mark; a boxplot's five numbers per x; raw points (point mark, aggregate
 * `none`) sampled with `seed` beyond `maxMarks`. Rare categories are merged into `otherLabel`
 * so that the full grid of marks fits. A needed column left unchosen (or unusable) gives no
 * rows and names its role in `missing`.
 */
export function chartData(
  dataset: LoadedDataset,
  settings: ChartSettings,
  options: ChartDataOptions = {},
): ChartData {
  const o: Options = {
    maxMarks: Math.max(1, Math.floor(options.maxMarks ?? DEFAULT_MAX_MARKS)),
    otherLabel: options.otherLabel ?? 'other',
    seed: options.seed ?? 1,
  };
  const plan = planChart(dataset, settings);
  if (plan.missing.length > 0) return emptyData(dataset, plan, o);
  return plan.raw
    ? rawChart(dataset, settings, plan, o)
    : aggregatedChart(dataset, settings, plan, o);
}
