/**
 * What the analyst picked on a chart, as transform conditions on the original dataset's
 * columns: applied with `rowFilter(conditions, 'and', types)`, they keep exactly the rows behind
 * the picked marks — so a pick can become a filter step, or open those rows.
 */
import type { Condition } from '../transform/transform-steps.ts';
import type { ChartSettings } from './chart-settings.ts';
import { binIndex } from './chart-bins.ts';
import type { ChartData, ChartDimension, DimensionRole } from './chart-types.ts';
import { nextPeriodStart, periodStart } from './chart-periods.ts';

/**
 * A pick on the chart: a point pick carries the picked mark's field values (`y` is a heatmap's
 * row); an interval (a brush along x) its two ends, as numbers, dates or ISO text.
 */
export type ChartSelection =
  | {
      kind: 'point';
      values: { x?: unknown; y?: unknown; color?: unknown; facet?: unknown };
    }
  | { kind: 'interval'; x: readonly [unknown, unknown] };

/** What `selectionConditions` reads of the chart's data. */
export type SelectionContext = Pick<ChartData, 'dimensions' | 'measure' | 'otherLabel'>;

/** An instant as epoch ms from a number, a `Date` or ISO text; null otherwise. */
function instant(v: unknown): number | null {
  const ms =
    typeof v === 'number'
      ? v
      : v instanceof Date
        ? v.getTime()
        : typeof v === 'string'
          ? Date.parse(v)
          : NaN;
  return Number.isFinite(ms) ? ms : null;
}

/** A number from a number or numeric text; null otherwise. */
function numberOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** `column ≥ lo` and `column < hi`. */
const range = (column: string, lo: number, hi: number): Condition[] => [
  { column, op: 'ge', value: lo },
  { column, op: 'lt', value: hi },
];

/** A category's condition: yes/no back to true/false, numbers as numbers, text as written. */
function categoryCondition(dim: Extract<ChartDimension, { kind: 'category' }>, v: unknown) {
  const { column } = dim;
  if (dim.type === 'boolean') {
    const word =
      v === true || v === dim.labels?.yes
        ? 'true'
        : v === false || v === dim.labels?.no
          ? 'false'
          : String(v);
    return [{ column, op: 'eq', value: word } satisfies Condition];
  }
  if (dim.type === 'number') {
    const n = numberOf(v);
    return n === null ? null : [{ column, op: 'eq', value: n } satisfies Condition];
  }
  return [{ column, op: 'eq', value: String(v) } satisfies Condition];
}

/**
 * The conditions keeping the rows of one dimension's picked value: a category's value, a
 * period's dates (≥ its start, < the next's), a range's numbers (≥ its lower edge, < its upper),
 * a raw point's exact value. Null when the value cannot be pinned: the other category, or a
 * value the chart does not have.
 */
function pointConditions(dim: ChartDimension, v: unknown, otherLabel: string): Condition[] | null {
  if (dim.merged && v === otherLabel) return null;
  if (v === null || v === undefined) return null;
  switch (dim.kind) {
    case 'category':
      return categoryCondition(dim, v);
    case 'period': {
      const ms = instant(v);
      if (ms === null) return null;
      const start = periodStart(ms, dim.grain);
      return range(dim.column, start, nextPeriodStart(start, dim.grain));
    }
    case 'bin': {
      const n = numberOf(v);
      if (n === null) return null;
      const i = binIndex(n, dim.edges);
      return range(dim.column, dim.edges[i]!, dim.edges[i + 1]!);
    }
    case 'exact': {
      const n = dim.type === 'date' ? instant(v) : numberOf(v);
      return n === null ? null : [{ column: dim.column, op: 'eq', value: n }];
    }
  }
}

/**
 * The conditions keeping the rows behind the marks inside a brush from `lo` to `hi` along x:
 * for periods and ranges, those whose start lies in the brush (their whole period or range);
 * for exact numbers and dates, `≥ lo` and `≤ hi`. Null when no mark can lie in the brush.
 */
function intervalConditions(dim: ChartDimension, ends: readonly [unknown, unknown]) {
  const read = (v: unknown) =>
    dim.kind === 'period' || (dim.kind === 'exact' && dim.type === 'date')
      ? instant(v)
      : numberOf(v);
  const [a, b] = [read(ends[0]), read(ends[1])];
  if (a === null || b === null) return null;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const { column } = dim;
  if (dim.kind === 'period') {
    let first = periodStart(lo, dim.grain);
    if (first < lo) first = nextPeriodStart(first, dim.grain);
    const last = periodStart(hi, dim.grain);
    return last < first ? null : range(column, first, nextPeriodStart(last, dim.grain));
  }
  if (dim.kind === 'bin') {
    const starts = dim.edges.slice(0, -1);
    const first = starts.findIndex((e) => e >= lo);
    const last = starts.findLastIndex((e) => e <= hi);
    if (first < 0 || last < first) return null;
    return range(column, dim.edges[first]!, dim.edges[last + 1]!);
  }
  if (dim.kind === 'category' && (dim.type !== 'number' || dim.merged)) return null;
  return [
    { column, op: 'ge', value: lo },
    { column, op: 'le', value: hi },
  ] satisfies Condition[];
}

/**
 * The conditions (to be joined by `and`) on the original dataset's columns that keep exactly
 * the rows behind what was picked on the chart drawn from `data`: a point pick pins each
 * dimension it carries (x, colour, facet, and a heatmap's rows); a brush bounds x. When the
 * chart measures a column, its blank cells are left out too, as the chart left them out. Null
 * when the pick cannot be pinned (the other category, an empty brush, a value not on the chart).
 */
export function selectionConditions(
  settings: Pick<ChartSettings, 'mark'>,
  data: SelectionContext,
  selection: ChartSelection,
): Condition[] | null {
  const out: Condition[] = [];
  if (selection.kind === 'interval') {
    const x = data.dimensions.x;
    const bounds = x ? intervalConditions(x, selection.x) : null;
    if (!bounds) return null;
    out.push(...bounds);
  } else {
    const roles: DimensionRole[] =
      settings.mark === 'heatmap' ? ['x', 'y', 'facet'] : ['x', 'color', 'facet'];
    for (const role of roles) {
      const dim = data.dimensions[role];
      const v = selection.values[role];
      if (!dim || v === undefined) continue;
      const conditions = pointConditions(dim, v, data.otherLabel);
      if (!conditions) return null;
      out.push(...conditions);
    }
  }
  if (data.measure !== null) out.push({ column: data.measure, op: 'notBlank', value: null });
  return out;
}
