/**
 * The intervals of the key-driver analysis (`drivers.ts`): each driver's mean |SHAP| with the
 * uncertainty of which rows it is averaged over and of the model itself (refitted on bootstrap
 * resamples of the training rows), and its relative weight with a bootstrap of the rows it is
 * estimated on.
 */
import { bootstrapDraws, normalIntervals } from '../ml/bootstrap.ts';
import { selectRows } from '../ml/feature-matrix.ts';
import { trainGbdt, type GbdtOptions } from '../ml/gbdt.ts';
import { groupWeights, relativeWeights } from '../ml/relative-weights.ts';
import { treeShap } from '../ml/tree-shap.ts';
import type { FeatureMatrix } from '../ml/tree-model.ts';

/** An interval per driver: `lower[c] … upper[c]`. */
export interface Intervals {
  lower: Float64Array;
  upper: Float64Array;
}

/** What both bootstraps share. */
export interface IntervalContext {
  /** Feature → driver, and the number of drivers. */
  groups: Int32Array;
  nGroups: number;
  seed: number;
  signal?: AbortSignal;
  /** Told the bootstrap stage's progress (0 … 3; 0 … 1 the refits, 1 … 2 the weights). */
  progress: (done: number, total: number) => void;
}

/** The mean |value| per driver over the rows `at` of a row-major grouped matrix. */
function meanAbsOf(values: Float64Array, at: ArrayLike<number>, nGroups: number) {
  const out = new Float64Array(nGroups);
  for (let k = 0; k < at.length; k++) {
    for (let j = 0; j < nGroups; j++) out[j]! += Math.abs(values[at[k]! * nGroups + j]!);
  }
  for (let j = 0; j < nGroups; j++) out[j]! /= Math.max(1, at.length);
  return out;
}

/** Row-major SHAP values (`nFeatures` per row) summed per driver: `nGroups` per row. */
export function groupedShap(
  values: Float64Array,
  nRows: number,
  nFeatures: number,
  ctx: Pick<IntervalContext, 'groups' | 'nGroups'>,
): Float64Array {
  const { groups, nGroups } = ctx;
  const grouped = new Float64Array(nRows * nGroups);
  for (let r = 0; r < nRows; r++) {
    for (let f = 0; f < nFeatures; f++) {
      grouped[r * nGroups + groups[f]!]! += values[r * nFeatures + f]!;
    }
  }
  return grouped;
}

/** The SHAP part: the sample's grouped SHAP values and where the refits are read. */
export interface ShapBootstrapInput {
  /** Every row of the analysis (the refitted models are read on some of them). */
  x: FeatureMatrix;
  /** The sample's grouped SHAP values (row-major) and its rows in `x`. */
  grouped: Float64Array;
  sampleAt: Int32Array;
  /** The training rows, to refit on. */
  xTrain: FeatureMatrix;
  yTrain: Uint8Array;
  /** The options the model was trained with, and how many trees it kept. */
  gbdt: Partial<GbdtOptions>;
  trees: number;
  /** Resamples of the rows' SHAP values. */
  replicates: number;
  /** Refits, at most this many rows each, read on at most `readRows` rows of the sample. */
  refits: number;
  refitRows: number;
  readRows: number;
}

/**
 * Each driver's mean |SHAP| over the sample, with a normal interval adding up two sources of
 * uncertainty: which rows the SHAP values are averaged over (a bootstrap of the sample), and
 * the model itself (refitted on bootstrap resamples of the training rows, read on a subsample).
 * Also each refit's grouped SHAP values at the read rows (`readPositions`: their places in the
 * sample), for the levels' spread.
 */
export function shapIntervals(ctx: IntervalContext, input: ShapBootstrapInput) {
  const { nGroups, seed, signal } = ctx;
  const { grouped, sampleAt } = input;
  const n = sampleAt.length;
  const meanAbs = (at: ArrayLike<number>) => meanAbsOf(grouped, at, nGroups);
  const importance = meanAbs(Int32Array.from({ length: n }, (_, i) => i));
  const rowDraws = bootstrapDraws(n, meanAbs, {
    replicates: input.replicates,
    seed: seed + 2,
    signal,
  });
  const nTrain = input.yTrain.length;
  const refitRows = Math.min(nTrain, input.refitRows);
  // Evenly spaced over the (sorted) sample, so that no one period or part of the file dominates.
  const readCount = Math.min(n, input.readRows);
  const readPositions = Int32Array.from({ length: readCount }, (_, k) =>
    Math.floor((k * n) / readCount),
  );
  const readAt = Int32Array.from(readPositions, (pos) => sampleAt[pos]!);
  const everyRead = Int32Array.from(readAt, (_, r) => r);
  const refitGroups: Float64Array[] = [];
  const refitDraws = bootstrapDraws(
    nTrain,
    (at) => {
      const model = refit(ctx, input, at, refitGroups.length);
      const values = treeShap(model, input.x, readAt, { signal }).values;
      const groupedRefit = groupedShap(values, readAt.length, input.x.nFeatures, ctx);
      refitGroups.push(groupedRefit);
      return meanAbsOf(groupedRefit, everyRead, nGroups);
    },
    {
      replicates: input.refits,
      seed: seed + 3,
      maxRows: refitRows,
      signal,
      onProgress: (done, total) => ctx.progress(done / total, 3),
    },
  );
  const ci = normalIntervals(importance, [
    { draws: rowDraws, scale: 1 },
    { draws: refitDraws, scale: Math.sqrt(refitRows / nTrain) },
  ]);
  return { importance, ci: clampAtZero(ci), refitGroups, readPositions };
}

/** The model refitted on the training rows `at` (a resample), the `k`-th refit. */
function refit(ctx: IntervalContext, input: ShapBootstrapInput, at: Int32Array, k: number) {
  return trainGbdt(
    selectRows(input.xTrain, at),
    Uint8Array.from(at, (i) => input.yTrain[i]!),
    // As many trees as the model kept: a resample repeats rows, so early stopping on a split of
    // it would see its own rows again and never stop.
    {
      ...input.gbdt,
      maxTrees: input.trees,
      earlyStoppingRounds: 0,
      seed: ctx.seed + 5 + k,
    },
    { signal: ctx.signal },
  ).ensemble;
}

/** The relative-weights part: the linear features and the rows they are estimated on. */
export interface WeightBootstrapInput {
  /** The linear models' features of every row, and each one's driver. */
  linear: FeatureMatrix;
  linearGroups: Int32Array;
  y: Uint8Array;
  /** The rows (of `linear`) the weights are estimated on. */
  sample: Int32Array;
  /** Resamples, of at most `rows` rows each (rescaled to the sample's size). */
  replicates: number;
  rows: number;
}

/**
 * Each driver's relative weight (its share of the logistic R², Johnson's method, summed over
 * its features) on the sample, with a normal interval from m-out-of-n bootstrap replicates.
 */
export function weightIntervals(ctx: IntervalContext, input: WeightBootstrapInput) {
  const { nGroups, seed, signal } = ctx;
  const { linear, linearGroups, y, sample } = input;
  const weightsOf = (at: ArrayLike<number>) => {
    const picked = Int32Array.from(at, (k) => sample[k]!);
    const yAt = Uint8Array.from(picked, (i) => y[i]!);
    const rw = relativeWeights(selectRows(linear, picked), yAt);
    const g = groupWeights(rw.weights, linearGroups, nGroups);
    const total = g.reduce((s, v) => s + v, 0);
    return total > 0 ? g.map((v) => v / total) : g;
  };
  const weights = weightsOf(Int32Array.from(sample, (_, k) => k));
  const rows = Math.min(sample.length, input.rows);
  const draws = bootstrapDraws(sample.length, weightsOf, {
    replicates: input.replicates,
    seed: seed + 4,
    maxRows: rows,
    signal,
    onProgress: (done, total) => ctx.progress(1 + done / total, 3),
  });
  const ci = normalIntervals(weights, [{ draws, scale: Math.sqrt(rows / sample.length) }]);
  return { weights, ci: clampAtZero(ci) };
}

/** Importances are not negative: an interval reaching below zero stops there. */
function clampAtZero(ci: Intervals): Intervals {
  ci.lower.forEach((v, j) => (ci.lower[j] = Math.max(0, v)));
  return ci;
}
