/**
 * Any standard metric — NPS, CSAT, churn rate, a mean (LTV, order value), a count — by group,
 * by period, or by group and period at once (one trend line per group), each point with its
 * 95% interval and a small-group flag. What the metric cell draws and tabulates.
 */
import {
  MIN_RELIABLE_N,
  churnRate,
  compareKeys,
  csat,
  groupKey,
  meanOf,
  npsOfValues,
  type CsatOptions,
} from './group-metrics.ts';

/** The metrics a metric cell computes. */
export type MetricKind = 'nps' | 'csat' | 'churn' | 'mean' | 'count';

/** The metrics, in the order a chooser offers them. */
export const METRIC_KINDS: readonly MetricKind[] = ['nps', 'csat', 'churn', 'mean', 'count'];

/** Which metric, and for CSAT its scale. */
export interface MetricOptions {
  kind: MetricKind;
  csat?: CsatOptions;
  /** Points with fewer usable values are flagged unreliable; `MIN_RELIABLE_N` by default. */
  minN?: number;
}

/**
 * One value of a metric: NPS in points (−100…100), CSAT and churn as fractions 0–1, a mean in
 * the column's unit, a count of rows.
 */
export interface MetricPoint {
  /** The group's value as text; null for the whole column or without grouping. */
  group: string | null;
  period: string | null;
  /** null when no usable value. */
  value: number | null;
  low: number | null;
  high: number | null;
  /** Usable values (rows, for a count). */
  n: number;
  /** Blank or unusable values, not in n. */
  excluded: number;
  unreliable: boolean;
}

/** A metric overall and at every group × period with data. */
export interface MetricTable {
  overall: MetricPoint;
  /** By group (natural order), then period (chronological). */
  points: MetricPoint[];
  /** Rows left out of the points because their group or period is blank (they count overall). */
  blankKey: number;
}

const Z95 = 1.959964;

/** The metric of some values, as a point without its keys. */
export function metricOf(
  values: ArrayLike<unknown>,
  options: MetricOptions,
): Omit<MetricPoint, 'group' | 'period' | 'unreliable'> {
  switch (options.kind) {
    case 'nps': {
      const s = npsOfValues(values);
      return {
        value: s.nps,
        low: s.ciLow,
        high: s.ciHigh,
        n: s.n,
        excluded: s.missing + s.invalid,
      };
    }
    case 'csat': {
      const s = csat(values, options.csat);
      return { value: s.share, low: s.ciLow, high: s.ciHigh, n: s.n, excluded: s.excluded };
    }
    case 'churn': {
      const s = churnRate(values);
      return { value: s.share, low: s.ciLow, high: s.ciHigh, n: s.n, excluded: s.excluded };
    }
    case 'mean': {
      const s = meanOf(values);
      const half = s.sd !== null && s.n > 1 ? (Z95 * s.sd) / Math.sqrt(s.n) : null;
      return {
        value: s.mean,
        low: s.mean !== null && half !== null ? s.mean - half : null,
        high: s.mean !== null && half !== null ? s.mean + half : null,
        n: s.n,
        excluded: s.excluded,
      };
    }
    case 'count':
      return { value: values.length, low: null, high: null, n: values.length, excluded: 0 };
  }
}

/**
 * `values` summarised by `options` overall and at each combination of `groups` and `periods`
 * (each one key per row, or null for no split; see `periodKeys` for periods). A row whose
 * group or period is blank counts overall and in `blankKey`, in no point.
 */
export function metricTable(
  values: ArrayLike<unknown>,
  options: MetricOptions,
  groups: ArrayLike<unknown> | null,
  periods: ArrayLike<unknown> | null,
): MetricTable {
  const minN = options.minN ?? MIN_RELIABLE_N;
  for (const keys of [groups, periods]) {
    if (keys && keys.length !== values.length) {
      throw new RangeError(`${values.length} values but ${keys.length} keys`);
    }
  }
  const point = (group: string | null, period: string | null, vs: ArrayLike<unknown>) => {
    const m = metricOf(vs, options);
    // A count has no sampling error to flag.
    return { group, period, ...m, unreliable: options.kind !== 'count' && m.n < minN };
  };
  const overall = point(null, null, values);
  if (!groups && !periods) return { overall, points: [], blankKey: 0 };

  const cells = new Map<string, { group: string | null; period: string | null; rows: unknown[] }>();
  let blankKey = 0;
  for (let i = 0; i < values.length; i++) {
    const g = groups ? groupKey(groups[i]) : null;
    const p = periods ? groupKey(periods[i]) : null;
    if ((groups && g === null) || (periods && p === null)) {
      blankKey++;
      continue;
    }
    const key = JSON.stringify([g, p]);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { group: g, period: p, rows: [] }));
    cell.rows.push(values[i]);
  }
  const points = [...cells.values()]
    .sort(
      (a, b) =>
        compareKeys(a.group ?? '', b.group ?? '') || compareKeys(a.period ?? '', b.period ?? ''),
    )
    .map((c) => point(c.group, c.period, c.rows));
  return { overall, points, blankKey };
}
