/**
 * A chart's measure aggregated per group of its dimensions, in one pass over the rows: counts,
 * sums, extremes and NPS counts per group, the values of each group sorted when a median or a
 * box needs them, and a row per non-empty group.
 */
import type { ChartAggregate } from './chart-settings.ts';
import type { ChartRow } from './chart-types.ts';
import { measureOf } from './chart-encoding.ts';
import type { Fitted } from './chart-merge.ts';
import type { Plan } from './chart-plan.ts';
import { boxStats } from './chart-quantiles.ts';
import { quantileSorted } from '../metrics/quantile.ts';

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
export function accumulate(
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
export function groupRows(
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
