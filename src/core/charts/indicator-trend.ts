import type { TopLevelSpec } from 'vega-lite';
import { fittedDomain, showsZero, zeroRuleLayer } from './value-domain.ts';

/** Labels of an indicator's trend chart, in the user's language. */
export interface IndicatorTrendLabels {
  period: string;
  value: string;
  entities: string;
}

/**
 * The value axis of an indicator's trend. A one-sided scale (0–100, 1–5, a share) is drawn
 * whole, so a small move does not look like a big one. A scale around zero (NPS, −100…100) is
 * read by its sign, and drawn whole it flattens a real move into a line: its axis is fitted to
 * the values and the target within the scale, with 0 taken in when near (see `fittedDomain`).
 */
function trendDomain(
  values: readonly number[],
  scale: { min: number; max: number },
  target: number | undefined,
): { domain: [number, number]; fitted: boolean } {
  if (!(scale.min < 0 && scale.max > 0)) return { domain: [scale.min, scale.max], fitted: false };
  const drawn = target === undefined ? values : [...values, target];
  return { domain: fittedDomain(drawn, [scale.min, scale.max]), fitted: true };
}

/**
 * A Vega-Lite spec of one indicator by period: a line with points on the indicator's scale
 * (see `trendDomain`), its target as a dashed rule, a rule at 0 on a scale around zero, and
 * the number of clients or units behind each point in the tooltip.
 */
export function indicatorTrendSpec(
  byPeriod: readonly { period: string; value: number; n: number }[],
  scale: { min: number; max: number },
  target: number | undefined,
  labels: IndicatorTrendLabels,
): TopLevelSpec {
  const { domain, fitted } = trendDomain(
    byPeriod.map((p) => p.value),
    scale,
    target,
  );
  const line = {
    mark: { type: 'line' as const, point: true, tooltip: true },
    encoding: {
      x: { field: 'period', type: 'ordinal' as const, sort: null, title: labels.period },
      y: {
        field: 'value',
        type: 'quantitative' as const,
        title: labels.value,
        scale: fitted ? { domain, zero: false, nice: false } : { domain },
      },
      tooltip: [
        { field: 'period', type: 'ordinal' as const, title: labels.period },
        { field: 'value', type: 'quantitative' as const, title: labels.value, format: '.3~f' },
        { field: 'n', type: 'quantitative' as const, title: labels.entities, format: ',d' },
      ],
    },
  };
  const targetRule = {
    data: { values: [{ target }] },
    mark: { type: 'rule' as const, strokeDash: [6, 4], color: '#6b7280' },
    encoding: { y: { field: 'target', type: 'quantitative' as const } },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 200,
    data: { values: byPeriod.map((p) => ({ ...p })) },
    layer: [
      ...(fitted && showsZero(domain) ? [zeroRuleLayer()] : []),
      line,
      ...(target === undefined ? [] : [targetRule]),
    ],
  } as TopLevelSpec;
}
