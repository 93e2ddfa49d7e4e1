import type { TopLevelSpec } from 'vega-lite';

/** Labels of the index-trend chart, in the user's language. */
export interface IndexTrendLabels {
  period: string;
  mean: string;
  clients: string;
}

/**
 * A Vega-Lite spec of the mean satisfaction index by period: a line with points on a fixed
 * 0–100 axis (so a small move does not look like a big one), with the number of clients in
 * the tooltip.
 */
export function indexTrendSpec(
  byPeriod: readonly { period: string; mean: number; n: number }[],
  labels: IndexTrendLabels,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 220,
    data: { values: byPeriod.map((p) => ({ ...p })) },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', sort: null, title: labels.period },
      y: {
        field: 'mean',
        type: 'quantitative',
        title: labels.mean,
        scale: { domain: [0, 100] },
      },
      tooltip: [
        { field: 'period', type: 'ordinal', title: labels.period },
        { field: 'mean', type: 'quantitative', title: labels.mean, format: '.1f' },
        { field: 'n', type: 'quantitative', title: labels.clients, format: ',d' },
      ],
    },
  };
}
