/**
 * The settings of a chart cell, as the analyst chooses them in its form: which mark, which
 * columns go on which channel, how the measured column is aggregated, how a date axis is
 * grouped and how the marks are ordered. `restoreChartSettings` repairs what was stored.
 */

/** The kinds of chart the form offers. */
export type ChartMark = 'bar' | 'line' | 'point' | 'area' | 'boxplot' | 'heatmap';

/** How the measured column is summarised per mark (`none`: raw points, point mark only). */
export type ChartAggregate = 'count' | 'sum' | 'mean' | 'median' | 'min' | 'max' | 'nps' | 'none';

/** The order of the marks along x. */
export type ChartSort = 'none' | 'x' | 'y-asc' | 'y-desc';

/** The period a date x is grouped by. */
export type DateGrain = 'day' | 'month' | 'quarter' | 'year';

/** A chart cell's settings. Column names are data, never code. */
export interface ChartSettings {
  mark: ChartMark;
  /** A column (dimension; for a heatmap, the column dimension). */
  x: string | null;
  /**
   * The measured column (bar/line/point/area: aggregated by `aggregate`; boxplot: its
   * distribution; heatmap: the row dimension).
   */
  y: string | null;
  /** Heatmap only: the measured column (colour), aggregated by `aggregate` (count needs none). */
  value: string | null;
  /** A grouping column (colour); not for heatmap or boxplot. */
  color: string | null;
  /** Small multiples: one panel per value. */
  facet: string | null;
  /** `none` draws raw points (point mark only; other marks fall back to `mean`). */
  aggregate: ChartAggregate;
  /** How a date x is grouped. */
  dateGrain: DateGrain;
  sort: ChartSort;
  title: string;
}

/** The marks, in the order a form offers them. */
export const CHART_MARKS: readonly ChartMark[] = [
  'bar',
  'line',
  'point',
  'area',
  'boxplot',
  'heatmap',
];

/** The aggregates, in the order a form offers them. */
export const CHART_AGGREGATES: readonly ChartAggregate[] = [
  'count',
  'sum',
  'mean',
  'median',
  'min',
  'max',
  'nps',
  'none',
];

/** The orders, in the order a form offers them. */
export const CHART_SORTS: readonly ChartSort[] = ['none', 'x', 'y-asc', 'y-desc'];

/** The date grains, finest first. */
export const DATE_GRAINS: readonly DateGrain[] = ['day', 'month', 'quarter', 'year'];

/** A new chart's settings: a bar chart counting rows by month, nothing chosen yet. */
export function createChartSettings(): ChartSettings {
  return {
    mark: 'bar',
    x: null,
    y: null,
    value: null,
    color: null,
    facet: null,
    aggregate: 'count',
    dateGrain: 'month',
    sort: 'none',
    title: '',
  };
}

const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(v as T) ? (v as T) : fallback;
const column = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Repairs stored settings: anything missing or unknown takes the default of
 * `createChartSettings`, an empty column name becomes null.
 */
export function restoreChartSettings(raw: unknown): ChartSettings {
  const d = createChartSettings();
  if (typeof raw !== 'object' || raw === null) return d;
  const r = raw as Record<string, unknown>;
  return {
    mark: oneOf(r.mark, CHART_MARKS, d.mark),
    x: column(r.x),
    y: column(r.y),
    value: column(r.value),
    color: column(r.color),
    facet: column(r.facet),
    aggregate: oneOf(r.aggregate, CHART_AGGREGATES, d.aggregate),
    dateGrain: oneOf(r.dateGrain, DATE_GRAINS, d.dateGrain),
    sort: oneOf(r.sort, CHART_SORTS, d.sort),
    title: typeof r.title === 'string' ? r.title : d.title,
  };
}
