import { describe, expect, it } from 'vitest';
import { addNpsScores, emptyNpsCounts, npsOf, summariseNps } from '../../src/core/metrics/nps.ts';

describe('NPS', () => {
  it('classifies 0–10 scores and skips blanks and values outside the scale', () => {
    const s = npsOf([10, 9, 8, 7, 6, 0, null, Number.NaN, 11, -1, 7.5, undefined]);
    expect(s).toMatchObject({
      promoters: 2,
      passives: 2,
      detractors: 2,
      missing: 3,
      invalid: 3,
      n: 6,
    });
    expect(s.nps).toBe(0);
    expect(s.promoterShare! + s.passiveShare! + s.detractorShare!).toBeCloseTo(100);
  });

  it('gives the adjusted-Wald interval of Rocks (2016)', () => {
    // 50 promoters, 30 passives, 20 detractors: NPS 30.
    const scores = [...Array(50).fill(10), ...Array(30).fill(8), ...Array(20).fill(3)];
    const s = npsOf(scores);
    expect(s.nps).toBe(30);
    // Adjusted: n = 103, p = 50.75/103, d = 20.75/103.
    const p = 50.75 / 103;
    const d = 20.75 / 103;
    const se = Math.sqrt((p + d - (p - d) ** 2) / 103);
    expect(s.ciLow).toBeCloseTo((p - d - 1.959964 * se) * 100, 6);
    expect(s.ciHigh).toBeCloseTo((p - d + 1.959964 * se) * 100, 6);
    expect(s.ciLow!).toBeLessThan(30);
    expect(s.ciHigh!).toBeGreaterThan(30);
  });

  it('gives one answer and all-promoter groups a non-zero interval', () => {
    const one = npsOf([10]);
    expect(one.nps).toBe(100);
    expect(one.ciHigh! - one.ciLow!).toBeGreaterThan(50);
    const all = npsOf(Array(40).fill(9));
    expect(all.nps).toBe(100);
    expect(all.ciLow!).toBeLessThan(100);
    expect(all.ciHigh!).toBeLessThanOrEqual(100);
  });

  it('narrows the interval as the sample grows', () => {
    const width = (k: number) => {
      const s = npsOf([...Array(5 * k).fill(10), ...Array(3 * k).fill(7), ...Array(2 * k).fill(1)]);
      return s.ciHigh! - s.ciLow!;
    };
    expect(width(100)).toBeLessThan(width(10));
    expect(width(10)).toBeLessThan(width(1));
  });

  it('has no figure for no scores', () => {
    expect(npsOf([null, 12])).toMatchObject({
      n: 0,
      nps: null,
      ciLow: null,
      missing: 1,
      invalid: 1,
    });
  });

  it('counts chunk by chunk exactly as all at once', () => {
    const scores = Array.from({ length: 1000 }, (_, i) => (i * 7) % 11);
    const counts = emptyNpsCounts();
    for (let i = 0; i < scores.length; i += 64) addNpsScores(counts, scores.slice(i, i + 64));
    expect(summariseNps(counts)).toEqual(npsOf(scores));
  });
});
