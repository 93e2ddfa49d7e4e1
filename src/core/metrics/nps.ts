/** Counts behind an NPS figure. Scores are 0–10: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  /** Blank (null / NaN) answers, not counted in n. */
  missing: number;
  /** Values that are not an integer 0–10, not counted in n. */
  invalid: number;
}

/** An NPS figure with its shares and 95% confidence interval, all in points (−100…100 / 0…100). */
export interface NpsSummary extends NpsCounts {
  n: number;
  nps: number | null;
  promoterShare: number | null;
  passiveShare: number | null;
  detractorShare: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Fresh zero counts. */
export function emptyNpsCounts(): NpsCounts {
  return { promoters: 0, passives: 0, detractors: 0, missing: 0, invalid: 0 };
}

/**
 * Adds a batch of scores to running counts (so large columns can be counted chunk by chunk).
 * `null`, `undefined` and NaN are missing; anything not an integer in 0–10 is invalid.
 */
export function addNpsScores(
  counts: NpsCounts,
  scores: ArrayLike<number | null | undefined>,
): NpsCounts {
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i];
    if (v === null || v === undefined || Number.isNaN(v)) counts.missing++;
    else if (!Number.isInteger(v) || v < 0 || v > 10) counts.invalid++;
    else if (v >= 9) counts.promoters++;
    else if (v >= 7) counts.passives++;
    else counts.detractors++;
  }
  return counts;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959964;

/**
 * NPS with the adjusted-Wald 95% interval of Rocks (2016): ¾ of a promoter, ¾ of a detractor
 * and 1½ passives are added to the counts before the normal approximation, so that small and
 * one-sided groups (n = 1, all promoters) still get an honest, non-zero interval.
 */
export function summariseNps(counts: NpsCounts): NpsSummary {
  const { promoters: p, passives: a, detractors: d } = counts;
  const n = p + a + d;
  if (n === 0) {
    return {
      ...counts,
      n,
      nps: null,
      promoterShare: null,
      passiveShare: null,
      detractorShare: null,
      ciLow: null,
      ciHigh: null,
    };
  }
  const nAdj = n + 3;
  const pAdj = (p + 0.75) / nAdj;
  const dAdj = (d + 0.75) / nAdj;
  const centre = pAdj - dAdj;
  const se = Math.sqrt((pAdj + dAdj - centre * centre) / nAdj);
  const clamp = (x: number) => Math.max(-100, Math.min(100, x * 100));
  return {
    ...counts,
    n,
    nps: ((p - d) / n) * 100,
    promoterShare: (p / n) * 100,
    passiveShare: (a / n) * 100,
    detractorShare: (d / n) * 100,
    ciLow: clamp(centre - Z95 * se),
    ciHigh: clamp(centre + Z95 * se),
  };
}

/** NPS summary of a list of scores. */
export function npsOf(scores: ArrayLike<number | null | undefined>): NpsSummary {
  return summariseNps(addNpsScores(emptyNpsCounts(), scores));
}
