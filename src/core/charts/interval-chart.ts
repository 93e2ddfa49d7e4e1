import type { TopLevelSpec } from 'vega-lite';

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
  /** A fixed value axis (e.g. −100…100 for NPS, 0–1 for shares), so small moves look small. */
  domain?: [number, number];
  /** d3 format of values in tooltips and the axis: `+.1f` for NPS, `.1%` for shares. */
  format: string;
  /** The chosen key (a linked selection): drawn larger, the others lighter. */
  selected?: string | null;
  /** Points can be clicked (a pointer shows over them). */
  pickable?: boolean;
  labels: IntervalLabels;
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
  // Periods in time order whatever order the points come in (several lines start at
  // different periods); groups in the order given.
  const periodDomain =
    kind === 'period' ? [...new Set(points.map((p) => p.key))].sort() : undefined;
  const x = {
    field: 'key',
    type: 'ordinal' as const,
    sort: null,
    title: labels.key,
    ...(periodDomain ? { scale: { domain: periodDomain } } : {}),
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: labels.value,
    axis: { format },
    ...(options.domain ? { scale: { domain: options.domain } } : {}),
  };
  const color = hasSeries
    ? { color: { field: 'series', type: 'nominal' as const, title: labels.series ?? null } }
    : {};
  const tooltip = [
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
  const yInterval = { ...y, field: 'low' };
  const interval = hasSeries
    ? []
    : [
        kind === 'period'
          ? {
              mark: { type: 'area' as const, opacity: 0.2 },
              encoding: { x, y: yInterval, y2: { field: 'high' } },
            }
          : {
              mark: { type: 'rule' as const },
              encoding: { x, y: yInterval, y2: { field: 'high' } },
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
  const point = {
    mark: {
      type: 'point' as const,
      filled: true,
      tooltip: true,
      ...(options.pickable ? { cursor: 'pointer' as const } : {}),
    },
    encoding: {
      x,
      y,
      ...color,
      tooltip,
      // The chosen point is marked by a field of the data, never by a value pasted into an
      // expression (a data value may hold anything).
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
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 240,
    data: { values },
    layer: [...interval, ...line, point],
  } as TopLevelSpec;
}
