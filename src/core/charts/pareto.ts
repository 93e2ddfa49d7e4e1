import type { TopLevelSpec } from 'vega-lite';
import type { ParetoTheme } from '../text/theme-pareto.ts';

/** Labels of a Pareto chart, in the user's language. */
export interface ParetoLabels {
  theme: string;
  measure: string;
  cumulative: string;
  share: string;
}

/**
 * A Vega-Lite Pareto chart: a bar per theme, largest first (by complaint count, or by the value
 * at risk behind them), the running share as a line on a 0–100% axis, and a rule at 80% — the
 * themes left of where the line crosses it are the vital few. Clicking a bar picks its theme.
 */
export function paretoSpec(
  themes: readonly ParetoTheme[],
  by: 'count' | 'value',
  labels: ParetoLabels,
  options: { selected?: string | null; format?: string } = {},
): TopLevelSpec {
  const selected = options.selected ?? null;
  const values = themes.map((t) => ({
    key: t.key,
    measure: by === 'value' ? (t.value ?? 0) : t.count,
    share: by === 'value' ? (t.valueShare ?? 0) : t.share,
    cumulative: t.cumulative,
    chosen: selected === null || selected === t.key,
  }));
  const x = {
    field: 'key',
    type: 'nominal' as const,
    sort: null,
    title: labels.theme,
    axis: { labelAngle: -40, labelLimit: 140 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 260,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', tooltip: true, cursor: 'pointer' },
        encoding: {
          x,
          y: {
            field: 'measure',
            type: 'quantitative',
            title: labels.measure,
            axis: { format: options.format ?? ',d' },
          },
          opacity: { condition: { test: 'datum.chosen', value: 1 }, value: 0.35 },
          tooltip: [
            { field: 'key', type: 'nominal', title: labels.theme },
            {
              field: 'measure',
              type: 'quantitative',
              title: labels.measure,
              format: options.format ?? ',d',
            },
            { field: 'share', type: 'quantitative', title: labels.share, format: '.1%' },
            { field: 'cumulative', type: 'quantitative', title: labels.cumulative, format: '.1%' },
          ],
        },
      },
      {
        layer: [
          {
            mark: { type: 'line', point: true, color: '#c62828' },
            encoding: {
              x,
              y: {
                field: 'cumulative',
                type: 'quantitative',
                title: labels.cumulative,
                scale: { domain: [0, 1] },
                axis: { format: '.0%', orient: 'right' },
              },
            },
          },
          {
            data: { values: [{ line: 0.8 }] },
            mark: { type: 'rule', strokeDash: [4, 4], color: '#6b7280' },
            encoding: { y: { field: 'line', type: 'quantitative', scale: { domain: [0, 1] } } },
          },
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
