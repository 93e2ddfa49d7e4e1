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
import { rowCount, type LoadedDataset } from '../index/loaded-dataset.ts';
import { accumulate, groupRows } from './chart-aggregate.ts';
import { axisType } from './chart-axis-type.ts';
import { fitDimensions, fitGroupDimensions } from './chart-dimensions.ts';
import { measureOf, rawAxis } from './chart-encoding.ts';
import { planChart, type Plan } from './chart-plan.ts';
import { samplePicks } from './chart-sample.ts';
import { measureField, sortRawRows, sortRows } from './chart-sort.ts';
import type { ChartSettings } from './chart-settings.ts';
import type { ChartRow, ChartData } from './chart-types.ts';

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

type Options = Required<ChartDataOptions>;

/** A result with no rows, for settings that leave a needed column unchosen. */
function emptyData(dataset: LoadedDataset, plan: Plan, o: Options): ChartData {
  return {
    rows: [],
    xType: 'nominal',
    yType: 'quantitative',
    inputRows: rowCount(dataset),
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
  const inputRows = rowCount(dataset);
  const { dims, merged } = fitDimensions(dataset, settings, plan, o);
  const measure = plan.measure === null ? null : (dataset.columns[plan.measure] ?? null);
  const ordered = measure !== null && (plan.mark === 'boxplot' || plan.aggregate === 'median');
  const acc = accumulate(dims, measure, inputRows, ordered);
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
    inputRows,
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

/** Raw points (point mark, no aggregate): every row, or a seeded sample of `maxMarks`. */
function rawChart(dataset: LoadedDataset, settings: ChartSettings, plan: Plan, o: Options) {
  const inputRows = rowCount(dataset);
  const x = rawAxis(dataset, plan.dims.find((d) => d.role === 'x')!.column);
  const { dims, merged } = fitGroupDimensions(dataset, plan, settings.dateGrain, o);
  const measure = dataset.columns[plan.measure!]!;
  const eligible = new Int32Array(inputRows);
  let total = 0;
  for (let i = 0; i < inputRows; i++) {
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
    inputRows,
    marks: rows.length,
    reduced: sampled ? 'sampled' : 'none',
    dropped: { blank: inputRows - total, otherCategories: merged, marks: 0 },
    aggregate: 'none',
    dimensions,
    measure: plan.measure,
    otherLabel: o.otherLabel,
    missing: [],
  } satisfies ChartData;
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
