import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { indexTrendSpec } from '../../src/core/charts/index-trend.ts';

describe('chart specs', () => {
  it('the index trend is valid Vega-Lite, in period order, on a fixed 0–100 axis', () => {
    const byPeriod = [
      { period: '2026-01', mean: 61.2, n: 40 },
      { period: '2026-02', mean: 58.9, n: 38 },
    ];
    const spec = indexTrendSpec(byPeriod, { period: 'Period', mean: 'Mean', clients: 'Clients' });
    const { spec: vega } = compile(spec);
    const data = vega.data?.find((d) => Array.isArray((d as { values?: unknown }).values)) as {
      values: { period: string }[];
    };
    expect(data.values.map((v) => v.period)).toEqual(['2026-01', '2026-02']);
    const y = vega.scales?.find((s) => s.name === 'y');
    expect(y?.domain).toEqual([0, 100]);
    // The chart's data is a copy: changing it does not change the summary it came from.
    data.values[0]!.period = 'x';
    expect(byPeriod[0]!.period).toBe('2026-01');
  });
});
