import { describe, expect, it } from 'vitest';
import {
  accuracy,
  auc,
  calibration,
  logLoss,
  stratifiedSplit,
} from '../../src/core/ml/classifier-metrics.ts';
import { Rng } from '../../src/core/random.ts';

/** AUC by counting every positive–negative pair, ties half: the definition, slowly. */
function pairwiseAuc(scores: number[], y: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      if (scores[i]! > scores[j]!) wins++;
      else if (scores[i] === scores[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

describe('auc', () => {
  it('gives the textbook value of a small example', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for constant scores', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.3, 0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1, 1])).toBe(0.5);
  });

  it('counts a tied positive–negative pair as half', () => {
    // Pairs: (0.5, 0.5) tie, (0.5 > 0.2), (0.9 > 0.5), (0.9 > 0.2) → 3.5 / 4.
    expect(auc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBeCloseTo(0.875, 12);
  });

  it('matches pair counting on random scores with many ties', () => {
    const rng = new Rng(11);
    const scores = Array.from({ length: 300 }, () => rng.int(0, 9) / 10);
    const y = scores.map((s) => (rng.bernoulli(0.2 + 0.6 * s) ? 1 : 0));
    expect(auc(scores, y)).toBeCloseTo(pairwiseAuc(scores, y), 12);
  });

  it('counts exactly, to the last bit: −0 ties 0, infinities rank at the ends', () => {
    const rng = new Rng(12);
    const scores = Array.from({ length: 2001 }, () => rng.int(-20, 20) / 7);
    scores[3] = -0;
    scores[4] = 0;
    scores[5] = Infinity;
    scores[6] = -Infinity;
    const y = scores.map((_, i) => (rng.bernoulli(0.3) || i === 5 ? 1 : 0));
    // Pair counting in whole and half numbers is exact, as is the sorted merge.
    expect(auc(scores, y)).toBe(pairwiseAuc(scores, y));
  });

  it('is NaN when a class is absent, and skips missing scores', () => {
    expect(auc([0.1, 0.7], [1, 1])).toBeNaN();
    expect(auc([0.1, 0.7], [0, 0])).toBeNaN();
    expect(auc([0.1, NaN, 0.8], [0, 0, 1])).toBe(1);
  });
});

describe('accuracy and log-loss', () => {
  it('counts calls at the threshold (inclusive) against the labels', () => {
    const p = [0.9, 0.2, 0.6, 0.4, 0.5];
    const y = [1, 0, 0, 1, 1];
    expect(accuracy(p, y)).toBeCloseTo(3 / 5, 12);
    expect(accuracy(p, y, 0.3)).toBeCloseTo(4 / 5, 12);
    expect(accuracy([], [])).toBeNaN();
  });

  it('is the mean cross-entropy, and a confident miss stays finite', () => {
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    // Clipped at 1e-15 (1 − 1e-15 rounds a little in floating point): ≈ 34.54 per miss.
    expect(logLoss([0, 1], [1, 0])).toBeCloseTo(-Math.log(1e-15), 2);
    expect(logLoss([1, 0], [1, 0])).toBeLessThan(1e-12);
  });
});

describe('calibration', () => {
  it('bins a hand fixture, leaves empty bins out and scores it', () => {
    const p = [0.05, 0.15, 0.12, 0.95, 0.91, 0.5, 1];
    const y = [0, 0, 1, 1, 1, 0, 1];
    const c = calibration(p, y, 10);
    expect(c.bins.map((b) => [b.lower, b.upper, b.n])).toEqual([
      [0, 0.1, 1],
      [0.1, 0.2, 2],
      [0.5, 0.6, 1],
      [0.9, 1, 3],
    ]);
    expect(c.bins[1]!.meanPredicted).toBeCloseTo(0.135, 12);
    expect(c.bins[1]!.observedRate).toBeCloseTo(0.5, 12);
    expect(c.bins[3]!.meanPredicted).toBeCloseTo((0.95 + 0.91 + 1) / 3, 12);
    expect(c.bins[3]!.observedRate).toBe(1);
    const squares = p.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0);
    expect(c.brier).toBeCloseTo(squares / 7, 12);
    const ece = (1 * 0.05 + 2 * 0.365 + 1 * 0.5 + 3 * (1 - (0.95 + 0.91 + 1) / 3)) / 7;
    expect(c.expectedCalibrationError).toBeCloseTo(ece, 12);
  });

  it('is perfect for probabilities that equal the observed rate', () => {
    const p = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    expect(calibration(p, y, 4).expectedCalibrationError).toBeCloseTo(0, 12);
  });
});

describe('stratifiedSplit', () => {
  const rng = new Rng(5);
  const y = Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 || rng.bernoulli(0.02) ? 1 : 0));
  const positives = y.filter((v) => v === 1).length;

  it('keeps each class’s share and partitions the rows, both lists ascending', () => {
    const { train, test } = stratifiedSplit(y, 0.25, 42);
    expect(train.length + test.length).toBe(1000);
    expect(new Set([...train, ...test]).size).toBe(1000);
    const testPositives = Array.from(test).filter((i) => y[i] === 1).length;
    expect(testPositives).toBe(Math.round(positives * 0.25));
    expect(test.length - testPositives).toBe(Math.round((1000 - positives) * 0.25));
    for (const list of [train, test]) {
      for (let k = 1; k < list.length; k++) expect(list[k]!).toBeGreaterThan(list[k - 1]!);
    }
  });

  it('is deterministic by seed', () => {
    expect(stratifiedSplit(y, 0.3, 7).test).toEqual(stratifiedSplit(y, 0.3, 7).test);
    expect(stratifiedSplit(y, 0.3, 7).test).not.toEqual(stratifiedSplit(y, 0.3, 8).test);
  });
});
