import { describe, expect, it } from 'vitest';
import { traceSteps } from '../../src/core/analysis/trace/trace-steps.ts';
import { waterfallBars, waterfallSpec } from '../../src/core/charts/trace-waterfall.ts';
import type { TraceAnalysis, TraceCause } from '../../src/core/analysis/trace/trace-types.ts';
import type { ServiceModel } from '../../src/core/model/model-types.ts';

const cause = (indicator: string, contribution: number) =>
  ({ indicator, contribution }) as unknown as TraceCause;

const model = (direction: 'higher' | 'lower') =>
  ({ indicators: [{ id: 'start', direction }] }) as unknown as ServiceModel;

/** A trace whose gap (worse positive) is split into these contributions and the rest. */
const analysis = (contributions: number[], unexplained: number) =>
  ({
    start: 'start',
    causes: contributions.map((c, k) => cause(`i${k}`, c)),
    unexplained: { contribution: unexplained, share: 0 },
  }) as unknown as TraceAnalysis;

const labels = {
  step: 'Step',
  value: 'Value',
  change: 'Change',
  reference: 'Others',
  population: 'Detractors',
  formatValue: (v: number) => v.toFixed(1),
  formatChange: (v: number) => v.toFixed(1),
};

describe('the waterfall of a gap', () => {
  it('walks from the reference to the population, the largest causes apart', () => {
    // NPS 40 for the others, −100 for detractors: a gap of 140 worse.
    const a = analysis([60, -5, 30, 10, 4, 3, 2, 1], 35);
    const steps = traceSteps(model('higher'), a, 3);
    expect(steps.map((s) => s.id)).toEqual(['i0', 'i2', 'i3', '@rest', '@unexplained']);
    expect(steps.map((s) => s.change)).toEqual([-60, -30, -10, -5, -35]);
    const bars = waterfallBars(
      40,
      -100,
      steps.map((s) => ({ label: s.id, change: s.change })),
      labels,
    );
    expect(bars[0]).toMatchObject({ label: 'Others', from: 0, to: 40, kind: 'total' });
    // Each step starts where the last ended, and the last ends at the population's value.
    for (let k = 1; k < bars.length - 1; k++) expect(bars[k]!.from).toBe(bars[k - 1]!.to);
    expect(bars.at(-2)!.to).toBeCloseTo(-100, 9);
    expect(bars.at(-1)).toMatchObject({ label: 'Detractors', from: 0, to: -100, kind: 'total' });
    expect(bars.slice(1, -1).every((b) => b.kind === 'down')).toBe(true);
    expect(waterfallSpec(bars, labels)).toMatchObject({ data: { values: bars } });
  });

  it('raises the value for an indicator where lower is better, and shows a cause that helps', () => {
    // Delivery time: 2 days for the others, 3.5 for the population: 1.5 worse.
    const steps = traceSteps(model('lower'), analysis([2, -0.3], -0.2));
    expect(steps.map((s) => s.change)).toEqual([2, -0.3, -0.2]);
    const bars = waterfallBars(
      2,
      3.5,
      steps.map((s) => ({ label: s.id, change: s.change })),
      labels,
    );
    expect(bars.map((b) => b.kind)).toEqual(['total', 'up', 'down', 'down', 'total']);
    expect(bars.at(-2)!.to).toBeCloseTo(3.5, 9);
  });
});
