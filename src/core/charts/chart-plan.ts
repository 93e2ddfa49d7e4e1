/**
 * What a chart's settings ask for, checked against the dataset: the effective mark, aggregate
 * and measured column, the dimensions in grouping order, and the roles left without a usable
 * column.
 */
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import type { ChartRole, DimensionRole } from './chart-types.ts';
import type { ChartAggregate, ChartMark, ChartSettings } from './chart-settings.ts';

/** What the settings ask for, checked against the dataset. */
export interface Plan {
  mark: ChartMark;
  aggregate: ChartAggregate;
  raw: boolean;
  /** Dimensions in grouping order, with the column each uses. */
  dims: { role: DimensionRole; column: string }[];
  measure: string | null;
  missing: ChartRole[];
}

/** The effective aggregate, measure and dimensions of `s` for `dataset`. */
export function planChart(dataset: LoadedDataset, s: ChartSettings): Plan {
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
