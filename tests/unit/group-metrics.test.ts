import { describe, expect, it } from 'vitest';
import {
  MIN_RELIABLE_N,
  churnRate,
  csat,
  csatByGroup,
  meanOf,
  npsByGroup,
  npsOfValues,
  periodKeys,
  wilsonInterval,
} from '../../src/core/metrics/group-metrics.ts';
import { periodKey } from '../../src/core/index/period-key.ts';

const Z = 1.959964;
const ms = (iso: string) => Date.parse(iso);

describe('NPS of decoded values', () => {
  it('gives all promoters NPS 100 with an interval clamped at 100', () => {
    const s = npsOfValues(Array(40).fill(9));
    expect(s).toMatchObject({ n: 40, promoters: 40, nps: 100, promoterShare: 100 });
    // Adjusted Wald: n' = 43, p' = 40.75/43, d' = 0.75/43, centre 40/43.
    const se = Math.sqrt((41.5 / 43 - (40 / 43) ** 2) / 43);
    expect(s.ciLow).toBeCloseTo((40 / 43 - Z * se) * 100, 6);
    expect(s.ciLow).toBeCloseTo(83.5817, 3);
    expect(s.ciHigh).toBe(100);
  });

  it('gives all detractors NPS −100 with an interval clamped at −100', () => {
    const s = npsOfValues([0, 3, 6, 1]);
    expect(s).toMatchObject({ n: 4, detractors: 4, nps: -100, ciLow: -100 });
    // n' = 7, p' = 0.75/7, d' = 4.75/7: centre −4/7, se = √(22.5/343).
    expect(s.ciHigh).toBeCloseTo((-4 / 7 + Z * Math.sqrt(22.5 / 343)) * 100, 6);
    expect(s.ciHigh).toBeCloseTo(-6.9442, 3);
  });

  it('gives one answer a wide interval: n = 1, score 10', () => {
    const s = npsOfValues([10]);
    // n' = 4, p' = 0.4375, d' = 0.1875: centre 0.25, se = √((0.625 − 0.0625)/4) = 0.375.
    expect(s.nps).toBe(100);
    expect(s.ciLow).toBeCloseTo((0.25 - Z * 0.375) * 100, 6);
    expect(s.ciHigh).toBeCloseTo((0.25 + Z * 0.375) * 100, 6);
    expect(s.ciLow).toBeCloseTo(-48.4987, 3);
  });

  it('reports and excludes blanks and values that are not 0–10 scores', () => {
    const s = npsOfValues([10, 9, 7, null, '', Number.NaN, 11, -1, 'ten', true, 3, 8.5, undefined]);
    expect(s).toMatchObject({ promoters: 2, passives: 1, detractors: 1, n: 4 });
    expect(s.missing).toBe(4);
    expect(s.invalid).toBe(5);
    expect(s.nps).toBe(25);
    // n' = 7, p' = 2.75/7, d' = 1.75/7: centre 1/7.
    const p = 2.75 / 7;
    const d = 1.75 / 7;
    const se = Math.sqrt((p + d - (p - d) ** 2) / 7);
    expect(s.ciLow).toBeCloseTo((p - d - Z * se) * 100, 6);
    expect(s.ciHigh).toBeCloseTo((p - d + Z * se) * 100, 6);
  });

  it('has no figure for no usable scores', () => {
    expect(npsOfValues([null, 'x'])).toMatchObject({ n: 0, nps: null, ciLow: null, missing: 1 });
  });
});

describe('NPS by group', () => {
  it('splits by group, sorts by key, flags small groups and counts blank groups', () => {
    const scores = [...Array(30).fill(10), 9, 3, 10, 5];
    const groups = [...Array(30).fill('B'), 'A', 'A', null, ''];
    const r = npsByGroup(scores, groups);
    expect(MIN_RELIABLE_N).toBe(30);
    expect(r.overall).toMatchObject({ n: 34, promoters: 32, detractors: 2 });
    expect(r.overall.nps).toBeCloseTo((30 / 34) * 100, 9);
    expect(r.blankGroup).toBe(2);
    expect(r.groups.map((g) => [g.key, g.summary.n, g.summary.nps, g.unreliable])).toEqual([
      ['A', 2, 0, true],
      ['B', 30, 100, false],
    ]);
    const strict = npsByGroup(scores, groups, { minN: 31 });
    expect(strict.groups.every((g) => g.unreliable)).toBe(true);
  });

  it('keys groups by their value as text, numbers in numeric order', () => {
    const r = npsByGroup([10, 0, 8, 9], [10, 9, 2, true]);
    expect(r.groups.map((g) => g.key)).toEqual(['2', '9', '10', 'true']);
    expect(r.groups[1]!.summary.nps).toBe(-100);
  });

  it('has no groups without a group column, and refuses columns of different lengths', () => {
    expect(npsByGroup([10, 9], null)).toMatchObject({ groups: [], blankGroup: 0 });
    expect(() => npsByGroup([10, 9], ['a'])).toThrow(RangeError);
  });

  it('groups by quarter in chronological order', () => {
    const dates = [
      ms('2026-02-10T00:00:00Z'),
      ms('2025-11-03T00:00:00Z'),
      ms('2026-03-31T23:30:00-01:00'),
      Number.NaN,
      ms('2025-12-31T23:59:59.999Z'),
    ];
    const r = npsByGroup([10, 0, 9, 10, 6], periodKeys(dates, 'quarter'));
    expect(r.groups.map((g) => [g.key, g.summary.n, g.summary.nps])).toEqual([
      ['2025-Q4', 2, -100],
      ['2026-Q1', 1, 100],
      ['2026-Q2', 1, 100],
    ]);
    expect(r.blankGroup).toBe(1);
  });
});

describe('period keys', () => {
  it('names months and quarters in UTC', () => {
    expect(periodKey(ms('2026-03-15T12:00:00Z'), 'month')).toBe('2026-03');
    expect(periodKey(ms('2026-03-15T12:00:00Z'), 'quarter')).toBe('2026-Q1');
    expect(periodKey(ms('2026-07-01T00:00:00Z'), 'quarter')).toBe('2026-Q3');
    expect(periodKey(ms('2026-12-01T00:00:00Z'), 'quarter')).toBe('2026-Q4');
  });

  it('crosses the year boundary at UTC midnight', () => {
    expect(periodKey(ms('2025-12-31T23:59:59.999Z'), 'month')).toBe('2025-12');
    expect(periodKey(ms('2025-12-31T23:59:59.999Z'), 'quarter')).toBe('2025-Q4');
    expect(periodKey(ms('2026-01-01T00:00:00Z'), 'month')).toBe('2026-01');
    expect(periodKey(ms('2026-01-01T00:00:00Z'), 'quarter')).toBe('2026-Q1');
    // 01:00 in Moscow on New Year's Day is still the old year in UTC.
    expect(periodKey(ms('2026-01-01T01:00:00+03:00'), 'month')).toBe('2025-12');
  });

  it('uses UTC, not the local offset: 2026-03-31T23:30−01:00 is April', () => {
    const t = ms('2026-03-31T23:30:00-01:00');
    expect(periodKey(t, 'month')).toBe('2026-04');
    expect(periodKey(t, 'quarter')).toBe('2026-Q2');
  });

  it('gives blank or unreadable dates no key', () => {
    const d = new Date('2026-05-05T00:00:00Z');
    expect(periodKeys([null, Number.NaN, 'x', d, d.getTime()], 'month')).toEqual([
      null,
      null,
      null,
      '2026-05',
      '2026-05',
    ]);
    expect(periodKey(Number.NaN, 'month')).toBeNull();
  });
});

describe('Wilson interval', () => {
  it('matches a hand computation for 8 of 10', () => {
    // p = 0.8, z² = 3.8415: centre (0.8 + z²/20)/(1 + z²/10), half z/(1 + z²/10)·√(0.016 + z²/400).
    const z2 = Z * Z;
    const denom = 1 + z2 / 10;
    const centre = (0.8 + z2 / 20) / denom;
    const half = (Z / denom) * Math.sqrt(0.016 + z2 / 400);
    const w = wilsonInterval(8, 10);
    expect(w.low).toBeCloseTo(centre - half, 9);
    expect(w.high).toBeCloseTo(centre + half, 9);
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
  });

  it('stays inside 0–1 and is not empty at 0 or n', () => {
    const none = wilsonInterval(0, 5);
    expect(none.low).toBe(0);
    expect(none.high!).toBeGreaterThan(0.4);
    expect(wilsonInterval(5, 5).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: null, high: null });
  });
});

describe('CSAT', () => {
  it('is the share of 4 and 5 on a 1–5 scale, blanks and out-of-scale answers excluded', () => {
    const s = csat([5, 4, 3, 2, 1, 5, null, 6, 0, 4.5, 'good']);
    expect(s).toMatchObject({
      n: 6,
      satisfied: 3,
      share: 0.5,
      missing: 1,
      invalid: 4,
      excluded: 5,
    });
    expect(s.ciLow).toBeCloseTo(0.1876, 4);
    expect(s.ciHigh).toBeCloseTo(0.8124, 4);
  });

  it('takes a declared top box on a 0–10 scale', () => {
    const s = csat([10, 9, 8, 0, 7, null, 11], { scaleMax: 10, topBox: 9 });
    expect(s).toMatchObject({ n: 5, satisfied: 2, share: 0.4, missing: 1, invalid: 1 });
    expect(s.ciLow).toBeCloseTo(0.1176, 4);
    expect(s.ciHigh).toBeCloseTo(0.7693, 4);
    // A 1–10 scale: 0 is out of it.
    expect(csat([10, 0], { scaleMin: 1, scaleMax: 10, topBox: 9 })).toMatchObject({
      n: 1,
      invalid: 1,
    });
  });

  it('has no share for no answers, and works by group', () => {
    expect(csat([null])).toMatchObject({ n: 0, share: null, ciLow: null, ciHigh: null });
    const r = csatByGroup([5, 1, 4, 4, null], ['x', 'x', 'y', 'y', 'y'], { minN: 2 });
    expect(r.groups.map((g) => [g.key, g.summary.share, g.summary.excluded, g.unreliable])).toEqual(
      [
        ['x', 0.5, 0, false],
        ['y', 1, 1, false],
      ],
    );
    expect(r.overall.share).toBe(0.75);
  });
});

describe('churn rate and mean', () => {
  it('reads booleans, 1/0 and yes/no/да/нет flags', () => {
    const s = churnRate([true, false, 'yes', 'нет', ' Да ', 1, 0, null, 'maybe']);
    expect(s).toMatchObject({ n: 7, churned: 4, missing: 1, invalid: 1, excluded: 2 });
    expect(s.share).toBeCloseTo(4 / 7, 12);
    expect(s.ciLow).toBeCloseTo(0.2505, 4);
    expect(s.ciHigh).toBeCloseTo(0.8418, 4);
  });

  it('gives the mean and sample standard deviation of the numbers', () => {
    const m = meanOf([1, 2, 3, 4, null, 'a', Infinity]);
    expect(m).toMatchObject({ n: 4, mean: 2.5, missing: 1, invalid: 2, excluded: 3 });
    expect(m.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(meanOf([7])).toMatchObject({ n: 1, mean: 7, sd: null });
    expect(meanOf([])).toMatchObject({ n: 0, mean: null, sd: null });
  });
});
