import type { TopLevelSpec } from 'vega-lite';
import { fittedDomain, showsZero, zeroRuleLayer, type Domain } from './value-domain.ts';

/** One estimate with its 95% interval: a group's or a period's value (of a series, if any). */
export interface IntervalPoint {
  key: string;
  /** The line it belongs to, for several trend lines in one chart (e.g. one per segment). */
  series?: string;
  value: number;
  low: number | null;
  high: number | null;
  n: number;
  unreliable: boolean;
}

/** Labels of an interval chart, in the user's language. */
export interface IntervalLabels {
  key: string;
  value: string;
  low: string;
  high: string;
  n: string;
  unreliable: string;
  yes: string;
  no: string;
  series?: string;
}

/** How an interval chart draws its points. */
export interface IntervalChartOptions {
  /** Periods: a line with the interval as a band; groups: points with error bars. */
  kind: 'period' | 'group';
  /** A fixed value axis (e.g. 0–100 for the index, 0–1 for shares), so small moves look small. */
  domain?: [number, number];
  /**
   * The ends of a scale read by its sign (−100…100 for NPS): the value axis is fitted to the
   * points and the intervals drawn, within these ends, with 0 taken in when near and drawn as
   * a rule (see `fittedDomain`). Used instead of `domain`.
   */
  fitWithin?: readonly [number, number];
  /** d3 format of values in tooltips and the axis: `+.1f` for NPS, `.1%` for shares. */
  format: string;
  /** The chosen key (a linked selection): drawn larger, the others lighter. */
  selected?: string | null;
  /** Points can be clicked (a pointer shows over them). */
  pickable?: boolean;
  labels: IntervalLabels;
}

/** The value axis: fitted to what is drawn, fixed, or Vega-Lite's own. */
function valueDomain(
  points: readonly IntervalPoint[],
  options: IntervalChartOptions,
  withIntervals: boolean,
): Domain | undefined {
  if (!options.fitWithin) return options.domain;
  const drawn = points.flatMap((p) =>
    withIntervals ? [p.value, p.low ?? p.value, p.high ?? p.value] : [p.value],
  );
  return fittedDomain(drawn, options.fitWithin);
}

/** The tooltip of a point: its series, key, value, interval, count and reliability. */
function tooltipOf(labels: IntervalLabels, format: string, hasSeries: boolean) {
  return [
    ...(hasSeries
      ? [{ field: 'series', type: 'nominal' as const, title: labels.series ?? '' }]
      : []),
    { field: 'key', type: 'ordinal' as const, title: labels.key },
    { field: 'value', type: 'quantitative' as const, title: labels.value, format },
    { field: 'low', type: 'quantitative' as const, title: labels.low, format },
    { field: 'high', type: 'quantitative' as const, title: labels.high, format },
    { field: 'n', type: 'quantitative' as const, title: labels.n, format: ',d' },
    { field: 'unreliable', type: 'nominal' as const, title: labels.unreliable },
  ];
}

/**
 * The points: the chosen one larger, unreliable or unchosen ones faint. The chosen point is
 * marked by a field of the data, never by a value pasted into an expression (a data value may
 * hold anything).
 */
function pointLayer(encoding: Record<string, unknown>, selected: string | null, pickable: boolean) {
  return {
    mark: {
      type: 'point' as const,
      filled: true,
      tooltip: true,
      ...(pickable ? { cursor: 'pointer' as const } : {}),
    },
    encoding: {
      ...encoding,
      size: {
        condition: { test: selected === null ? 'false' : 'datum.chosen', value: 160 },
        value: 60,
      },
      // Too few answers, or not the chosen one: drawn faint (the tooltip says why).
      opacity: {
        condition: { test: 'datum.reliable && datum.chosen', value: 1 },
        value: 0.35,
      },
    },
  };
}

/**
 * The key axis. Periods come in time order whatever order the points come in (several lines
 * start at different periods) and read across, as a time axis does, some left unlabelled when
 * crowded; groups keep the order given and Vega's turned labels, so no group's name is hidden.
 */
function keyAxis(points: readonly IntervalPoint[], kind: 'period' | 'group', title: string) {
  const base = { field: 'key', type: 'ordinal' as const, sort: null, title };
  if (kind !== 'period') return base;
  return {
    ...base,
    scale: { domain: [...new Set(points.map((p) => p.key))].sort() },
    axis: { labelAngle: 0, labelOverlap: 'parity' as const },
  };
}

/**
 * A Vega-Lite spec of estimates with 95% intervals, by period or by group, one line per series
 * when points have one. Points flagged unreliable (too few answers) are drawn faint and the
 * tooltip says so: shown, not hidden.
 */
export function intervalChartSpec(
  points: readonly IntervalPoint[],
  options: IntervalChartOptions,
): TopLevelSpec {
  const { labels, kind, format } = options;
  const hasSeries = points.some((p) => p.series !== undefined);
  const selected = options.selected ?? null;
  const values = points.map((p) => ({
    key: p.key,
    series: p.series ?? '',
    value: p.value,
    low: p.low,
    high: p.high,
    n: p.n,
    unreliable: p.unreliable ? labels.yes : labels.no,
    reliable: !p.unreliable,
    chosen: selected === null || selected === p.key,
  }));
  const x = keyAxis(points, kind, labels.key);
  const domain = valueDomain(points, options, !hasSeries);
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: labels.value,
    axis: { format },
    // A computed axis is taken as is: Vega's own rounding or zero could undo the fit.
    ...(domain
      ? { scale: options.fitWithin ? { domain, zero: false, nice: false } : { domain } }
      : {}),
  };
  const color = hasSeries
    ? { color: { field: 'series', type: 'nominal' as const, title: labels.series ?? null } }
    : {};
  const zero = options.fitWithin && domain && showsZero(domain) ? [zeroRuleLayer()] : [];
  const interval = hasSeries
    ? []
    : [
        {
          mark:
            kind === 'period' ? { type: 'area' as const, opacity: 0.2 } : { type: 'rule' as const },
          encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
        },
      ];
  const line =
    kind === 'period'
      ? [
          {
            mark: { type: 'line' as const },
            encoding: { x, y, ...color, detail: { field: 'series' } },
          },
        ]
      : [];
  const point = pointLayer(
    { x, y, ...color, tooltip: tooltipOf(labels, format, hasSeries) },
    selected,
    options.pickable === true,
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 240,
    data: { values },
    layer: [...zero, ...interval, ...line, point],
  } as TopLevelSpec;
}
