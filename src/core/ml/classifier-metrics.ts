/**
 * How well a binary classifier's scores fit the labels: ROC AUC, accuracy, log-loss, a
 * calibration table, and a seeded stratified train/test split. A label counts as positive when
 * it is above 0.5; pairs with a missing (NaN) score, probability or label are skipped.
 */

import { Rng } from '../random.ts';

/**
 * The ROC AUC of `scores` against the labels `y`: the probability that a random positive scores
 * above a random negative, ties counting half (the Mann–Whitney U from mid-ranks). NaN when
 * either class is absent.
 */
export function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i]!) || Number.isNaN(y[i]!)) continue;
    if (y[i]! > 0.5) positives++;
    else negatives++;
  }
  if (positives === 0 || negatives === 0) return NaN;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i]!) || Number.isNaN(y[i]!)) continue;
    if (y[i]! > 0.5) pos[p++] = scores[i]!;
    else neg[q++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  return mannWhitneyU(pos, neg) / (positives * negatives);
}

/**
 * The Mann–Whitney U of two samples sorted ascending: over every (positive, negative) pair, 1
 * when the positive is above, ½ when they tie. Counted by merging the two sorted samples rather
 * than by ranking indices through a callback; the counts are whole or half numbers, exact in a
 * double, so U / (P · N) is the mid-rank AUC to the last bit.
 */
export function mannWhitneyU(positives: Float64Array, negatives: Float64Array): number {
  let u = 0;
  let below = 0;
  for (let i = 0; i < positives.length;) {
    const s = positives[i]!;
    let end = i + 1;
    while (end < positives.length && positives[end] === s) end++;
    while (below < negatives.length && negatives[below]! < s) below++;
    let tied = below;
    while (tied < negatives.length && negatives[tied] === s) tied++;
    u += (end - i) * (below + (tied - below) / 2);
    i = end;
  }
  return u;
}

/** The share of rows whose call (`probability ≥ threshold`) matches the label; NaN when none. */
export function accuracy(
  probabilities: ArrayLike<number>,
  y: ArrayLike<number>,
  threshold = 0.5,
): number {
  let n = 0;
  let right = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    const label = y[i]!;
    if (Number.isNaN(p) || Number.isNaN(label)) continue;
    n++;
    if (p >= threshold === label > 0.5) right++;
  }
  return n > 0 ? right / n : NaN;
}

/** Probabilities are clipped to [ε, 1 − ε] so that one confident miss costs ≈ 34.5, not ∞. */
const LOG_LOSS_EPS = 1e-15;

/** The mean negative log-likelihood (cross-entropy) of the labels; NaN when no rows. */
export function logLoss(probabilities: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const label = y[i]!;
    const raw = probabilities[i]!;
    if (Number.isNaN(raw) || Number.isNaN(label)) continue;
    const p = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, raw));
    n++;
    sum -= label * Math.log(p) + (1 - label) * Math.log(1 - p);
  }
  return n > 0 ? sum / n : NaN;
}

/** One bin of a calibration table. */
export interface CalibrationBin {
  /** The bin covers probabilities in [lower, upper) (the last one includes 1). */
  lower: number;
  upper: number;
  n: number;
  meanPredicted: number;
  /** The share of positives among the bin's rows. */
  observedRate: number;
}

/** A reliability table with the Brier score and the expected calibration error. */
export interface Calibration {
  /** Equal-width bins over [0, 1], in order; bins without rows are left out. */
  bins: CalibrationBin[];
  /** The mean squared difference between probability and label. */
  brier: number;
  /** Σ (n_bin / n) · |meanPredicted − observedRate| over the bins. */
  expectedCalibrationError: number;
}

/** The calibration of `probabilities` against `y` in `bins` equal-width bins. */
export function calibration(
  probabilities: ArrayLike<number>,
  y: ArrayLike<number>,
  bins = 10,
): Calibration {
  const counts = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  let n = 0;
  let squared = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    const label = y[i]!;
    if (Number.isNaN(p) || Number.isNaN(label)) continue;
    const positive = label > 0.5 ? 1 : 0;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    counts[b] = counts[b]! + 1;
    predicted[b] = predicted[b]! + p;
    observed[b] = observed[b]! + positive;
    squared += (p - positive) ** 2;
    n++;
  }
  const table: CalibrationBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const count = counts[b]!;
    if (count === 0) continue;
    const meanPredicted = predicted[b]! / count;
    const observedRate = observed[b]! / count;
    table.push({ lower: b / bins, upper: (b + 1) / bins, n: count, meanPredicted, observedRate });
    ece += (count / n) * Math.abs(meanPredicted - observedRate);
  }
  return {
    bins: table,
    brier: n > 0 ? squared / n : NaN,
    expectedCalibrationError: n > 0 ? ece : NaN,
  };
}

/**
 * A seeded train/test split of the rows of `y` that keeps each class's share: of every distinct
 * label value (NaN is a class of its own) `round(testFraction · count)` rows go to the test set.
 * Both index lists are ascending.
 */
export function stratifiedSplit(
  y: ArrayLike<number>,
  testFraction: number,
  seed: number,
): { train: Int32Array; test: Int32Array } {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const members = byClass.get(y[i]!);
    if (members) members.push(i);
    else byClass.set(y[i]!, [i]);
  }
  const rng = Rng.derive(seed, 'stratified-split');
  const inTest = new Uint8Array(y.length);
  let testCount = 0;
  // Classes in ascending order so the draws do not depend on which label happens to come first.
  const classes = [...byClass.keys()].sort((a, b) =>
    Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b,
  );
  for (const label of classes) {
    const members = rng.shuffle(byClass.get(label)!);
    const take = Math.round(Math.min(1, Math.max(0, testFraction)) * members.length);
    for (let k = 0; k < take; k++) inTest[members[k]!] = 1;
    testCount += take;
  }
  const train = new Int32Array(y.length - testCount);
  const test = new Int32Array(testCount);
  let a = 0;
  let b = 0;
  for (let i = 0; i < y.length; i++) {
    if (inTest[i]) test[b++] = i;
    else train[a++] = i;
  }
  return { train, test };
}
