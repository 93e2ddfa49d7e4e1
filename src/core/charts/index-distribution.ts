import type { TopLevelSpec } from 'vega-lite';

/** Labels of the index-distribution chart, in the user's language. */
export interface IndexDistributionLabels {
  index: string;
  clients: string;
}

/**
 * A Vega-Lite spec of how clients' latest satisfaction index is spread: a histogram in bins of
 * 5 points on the fixed 0–100 scale, so a cluster of unhappy clients stands out.
 */
export function indexDistributionSpec(
  indexes: readonly number[],
  labels: IndexDistributionLabels,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 180,
    data: { values: indexes.map((index) => ({ index })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'index',
        type: 'quantitative',
        bin: { extent: [0, 100], step: 5 },
        title: labels.index,
      },
      y: { aggregate: 'count', type: 'quantitative', title: labels.clients },
    },
  };
}
