/**
 * A value axis fitted to what a chart draws, for scales read by their sign such as NPS
 * (−100…+100): a fixed −100…+100 axis flattens a real move (+8.8 → +22.6) into a near-flat
 * line, so the axis spans the values and their intervals with some room, in round numbers,
 * within the scale's own ends — and takes in 0, drawn as a rule, whenever 0 is near.
 */

/** A value axis's ends. */
export type Domain = [number, number];

/** Round tick steps: 1, 2, 2.5 and 5 times a power of ten. */
const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest round step at least `raw`. */
function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return (STEPS.find((s) => s * power >= raw) ?? 10) * power;
}

/**
 * The axis for `values` (points and the ends of their intervals) on a scale from `limits[0]` to
 * `limits[1]`. The fitted span is at least a tenth of the scale (a move of 0.2 points is not
 * blown up to fill the chart), padded by a tenth on each side and rounded out to round
 * numbers, never beyond the limits. Zero is taken in when it is no farther from the data than
 * the data's own span: then the sign can be read at a glance and the chart at most doubles in
 * height, while a far-off zero (an NPS of +60…+70) would squash the move it is there to show.
 * No finite value: the whole scale.
 */
export function fittedDomain(values: readonly number[], limits: readonly [number, number]): Domain {
  const [floor, ceiling] = limits;
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || !(ceiling > floor)) return [floor, ceiling];
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  const minSpan = (ceiling - floor) / 10;
  if (high - low < minSpan) {
    const mid = (low + high) / 2;
    low = mid - minSpan / 2;
    high = mid + minSpan / 2;
  }
  const pad = (high - low) / 10;
  low -= pad;
  high += pad;
  const span = high - low;
  if (low > 0 && low <= span) low = 0;
  if (high < 0 && -high <= span) high = 0;
  const step = roundStep((high - low) / 8);
  low = Math.max(floor, Math.floor(low / step) * step);
  high = Math.min(ceiling, Math.ceil(high / step) * step);
  // −0 would print as "−0" on the axis.
  return [low + 0, high + 0];
}

/** Whether 0 lies on the axis `domain` (so a zero rule can be drawn on it). */
export function showsZero(domain: Domain): boolean {
  return domain[0] <= 0 && domain[1] >= 0;
}

/**
 * A Vega-Lite layer drawing a thin rule at value 0 across the chart, beneath the data, so the
 * sign of each point can be read at a glance. It has no title of its own, so the axis keeps
 * the data's title.
 */
export function zeroRuleLayer() {
  return {
    // One row of its own: over the chart's data it would draw one rule per point.
    data: { values: [{}] },
    mark: { type: 'rule' as const, color: '#6b7280', strokeWidth: 1 },
    encoding: { y: { datum: 0, type: 'quantitative' as const } },
  };
}
