import type { TopLevelSpec } from 'vega-lite';

/** Labels of an indicator's trend chart, in the user's language. */
export interface IndicatorTrendLabels {
  period: string;
  value: string;
  entities: string;
}

/**
 * A Vega-Lite spec of one indicator by period: a line with points on the indicator's own
 * scale (so a small move does not look like a big one), its target as a dashed rule, and the
 * number of clients or units behind each point in the tooltip.
 */
export function indicatorTrendSpec(
  byPeriod: readonly { period: string; value: number; n: number }[],
  scale: { min: number; max: number },
  target: number | undefined,
  labels: IndicatorTrendLabels,
): TopLevelSpec {
  const line = {
    mark: { type: 'line' as const, point: true, tooltip: true },
    encoding: {
      x: { field: 'period', type: 'ordinal' as const, sort: null, title: labels.period },
      y: {
        field: 'value',
        type: 'quantitative' as const,
        title: labels.value,
        scale: { domain: [scale.min, scale.max] },
      },
      tooltip: [
        { field: 'period', type: 'ordinal' as const, title: labels.period },
        { field: 'value', type: 'quantitative' as const, title: labels.value, format: '.3~f' },
        { field: 'n', type: 'quantitative' as const, title: labels.entities, format: ',d' },
      ],
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 200,
    data: { values: byPeriod.map((p) => ({ ...p })) },
    layer:
      target === undefined
        ? [line]
        : [
            line,
            {
              data: { values: [{ target }] },
              mark: { type: 'rule', strokeDash: [6, 4], color: '#6b7280' },
              encoding: { y: { field: 'target', type: 'quantitative' } },
            },
          ],
  };
}
