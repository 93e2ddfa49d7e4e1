/**
 * The order of a chart's rows as its settings' `sort` asks: aggregated marks by x or by their
 * measure, rows of one x together; raw points by x or by y.
 */
import type { ChartRow, ChartValue } from './chart-types.ts';
import type { Fitted } from './chart-merge.ts';
import type { ChartMark, ChartSettings } from './chart-settings.ts';

/** The field a mark's measure is in: y, a heatmap's value, a box's median. */
export const measureField = (mark: ChartMark) =>
  mark === 'heatmap' ? 'value' : mark === 'boxplot' ? 'median' : 'y';

/**
 * Orders the rows by `sort`: `none` keeps the natural order (dates, numbers and ranges
 * ascending, text as first seen, the other category last); `x` sorts text alphabetically;
 * `y-asc`/`y-desc` order the x categories by their measure (the total of stacked counts and
 * sums, else their extreme mark), rows of one x together. Blank measures go last.
 */
export function sortRows(
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

/** Raw points in the order `sort` asks: by x (numbers before text) or by y. */
export function sortRawRows(rows: ChartRow[], sort: ChartSettings['sort']): ChartRow[] {
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
