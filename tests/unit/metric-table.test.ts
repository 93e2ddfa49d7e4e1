import { describe, expect, it } from 'vitest';
import { metricTable } from '../../src/core/metrics/metric-table.ts';
import { npsOfValues } from '../../src/core/metrics/group-metrics.ts';

describe('metric table', () => {
  it('CSAT is the top-two share of a 1–5 scale with a Wilson interval; blanks and strays excluded', () => {
    const t = metricTable([5, 4, 3, 2, '', 6], { kind: 'csat' }, null, null);
    expect(t.overall).toMatchObject({ value: 0.5, n: 4, excluded: 2, unreliable: true });
    // Wilson, by hand: centre 0.5, half-width 0.34996 for 2 of 4.
    expect(t.overall.low).toBeCloseTo(0.15004, 4);
    expect(t.overall.high).toBeCloseTo(0.84996, 4);
    // A 0–10 CSAT question with the top box the model declares (9 and 10).
    const ten = metricTable(
      [10, 9, 8, 0],
      { kind: 'csat', csat: { scaleMax: 10, topBox: 9 } },
      null,
      null,
    );
    expect(ten.overall).toMatchObject({ value: 0.5, n: 4 });
  });

  it('churn counts yes/no in any form; a mean has a normal interval; a count counts rows', () => {
    const churn = metricTable(
      ['yes', 'no', 'да', true, null, 'maybe'],
      { kind: 'churn' },
      null,
      null,
    );
    expect(churn.overall).toMatchObject({ value: 0.75, n: 4, excluded: 2 });
    const ltv = metricTable([100, 200, 300, null], { kind: 'mean' }, null, null);
    const half = (1.959964 * 100) / Math.sqrt(3);
    expect(ltv.overall.value).toBe(200);
    expect(ltv.overall.low).toBeCloseTo(200 - half, 9);
    expect(ltv.overall.high).toBeCloseTo(200 + half, 9);
    expect(ltv.overall.excluded).toBe(1);
    const count = metricTable([1, 2, 3], { kind: 'count' }, ['a', 'b', 'a'], null);
    expect(count.points.map((p) => [p.group, p.value, p.unreliable])).toEqual([
      ['a', 2, false],
      ['b', 1, false],
    ]);
  });

  it('splits by group and period at once: one trend line per group, in natural and time order', () => {
    const scores = [10, 0, 9, 10, 7, 3, 10, 8];
    const groups = ['10', '2', '2', '10', '2', null, '10', '2'];
    const periods = [
      '2026-Q2',
      '2026-Q1',
      '2026-Q2',
      '2026-Q1',
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '',
    ];
    const t = metricTable(scores, { kind: 'nps', minN: 2 }, groups, periods);
    expect(t.points.map((p) => [p.group, p.period, p.n])).toEqual([
      ['2', '2026-Q1', 2],
      ['2', '2026-Q2', 1],
      ['10', '2026-Q1', 1],
      ['10', '2026-Q2', 2],
    ]);
    // A blank group or period keeps the row out of every point, not out of the overall.
    expect(t.blankKey).toBe(2);
    expect(t.overall.n).toBe(8);
    const q1 = t.points[0]!;
    const expected = npsOfValues([0, 7]);
    expect([q1.value, q1.low, q1.high]).toEqual([expected.nps, expected.ciLow, expected.ciHigh]);
    expect(t.points.map((p) => p.unreliable)).toEqual([false, true, true, false]);
  });

  it('refuses keys that do not line up with the values', () => {
    expect(() => metricTable([1, 2], { kind: 'mean' }, ['a'], null)).toThrow(RangeError);
  });
});
