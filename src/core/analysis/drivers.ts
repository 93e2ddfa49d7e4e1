/**
 * Key-driver analysis: which columns drive the low outcome, and how much. Gradient-boosted
 * trees on a stratified 70/30 split, exact TreeSHAP on a representative sample (grouped per
 * original column), a regularised logistic baseline and Johnson's relative weights side by
 * side, each importance with a bootstrap interval; sample-size and leakage warnings with counts.
 */
import { levelEffects, levelSpread, type LevelEffect } from './driver-levels.ts';
import {
  expandFeatures,
  numericValue,
  categoryValue,
  selectFeatures,
  selectRows,
  OTHER_LEVEL,
  type ExpandedFeatures,
  type FeatureColumnInput,
  type FeatureKind,
} from '../ml/feature-matrix.ts';
import { trainGbdt, DEFAULT_GBDT_OPTIONS, type GbdtOptions } from '../ml/gbdt.ts';
import { treeShap } from '../ml/tree-shap.ts';
import { predictMargin, predictMargins, sigmoid } from '../ml/tree-model.ts';
import { fitLogistic, predictLogisticMargins } from '../ml/logistic-regression.ts';
import { relativeWeights, groupWeights } from '../ml/relative-weights.ts';
import { auc, accuracy, calibration, stratifiedSplit } from '../ml/classifier-metrics.ts';
import { bootstrapDraws, normalIntervals } from '../ml/bootstrap.ts';
import { pearson } from '../metrics/correlation.ts';

/** The settings the app and the command line use unless told otherwise. */
export const DRIVER_DEFAULTS = {
  holdoutFraction: 0.3,
  /** SHAP values are computed on at most this many rows (a stratified random sample). */
  shapSample: 2000,
  bootstrap: 200,
  /** Relative weights are estimated on at most this many rows (a stratified sample)… */
  weightEstimateRows: 20_000,
  /** …and their bootstrap replicates refit on at most this many rows each (rescaled)… */
  weightRows: 2000,
  /** …and there are this many of them (a refit is far dearer than resampling SHAP values). */
  weightReplicates: 40,
  /** The leakage check reads at most this many rows (a stratified sample). */
  leakageRows: 20_000,
  /** The boosted model is refitted this many times, on resamples of the training rows… */
  refits: 8,
  /** …of at most this many rows each (rescaled), its SHAP importance read on this many rows. */
  refitRows: 10_000,
  refitShapRows: 500,
  gbdt: {
    ...DEFAULT_GBDT_OPTIONS,
    maxTrees: 500,
    learningRate: 0.05,
    maxDepth: 3,
    subsample: 0.8,
    earlyStoppingRounds: 40,
  } satisfies GbdtOptions,
};

/** Below these counts a model is unreliable (warned); below the hard ones it is not trained. */
export const MIN_ROWS = 200;
export const MIN_POSITIVES = 50;
export const HARD_MIN_CLASS = 10;
/** A single feature that separates the target this well (AUC) is suspected of leaking it. */
export const LEAKAGE_AUC = 0.95;
/**
 * A model this good on the holdout (AUC) is too good to be true when one feature alone nearly
 * explains the outcome (a leak); built from many ordinary drivers, it is only noted as strong.
 */
export const LEAKAGE_MODEL_AUC = 0.99;
/** Two drivers this correlated (|r|) can share credit differently between the methods. */
export const CORRELATED_R = 0.5;
/** The methods disagree on a driver when its two shares differ by this much (0–1). */
export const DISAGREEMENT = 0.05;

/** Options of one analysis. */
export interface DriversOptions {
  seed: number;
  holdoutFraction?: number;
  shapSample?: number;
  bootstrap?: number;
  gbdt?: Partial<GbdtOptions>;
  onProgress?: (stage: DriverStage, done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What the analysis is doing, for progress. */
export type DriverStage = 'prepare' | 'train' | 'shap' | 'baseline' | 'bootstrap';

/** Something the analyst must know about the result. */
export type DriverWarning =
  | { code: 'few-rows'; rows: number; min: number }
  | { code: 'few-positives'; positives: number; negatives: number; min: number }
  | { code: 'leakage'; feature: string; auc: number }
  | { code: 'too-good'; auc: number }
  /** Not a warning: the model is very strong without any one feature explaining it alone. */
  | { code: 'strong-model'; auc: number }
  | { code: 'sampled'; sample: number; rows: number };

/** A model that could not be trained, with the counts that stopped it. */
export class DriversError extends Error {
  constructor(
    readonly code: 'too-few' | 'no-features',
    readonly counts: { rows: number; positives: number; negatives: number; min: number },
  ) {
    super(`${code}: ${counts.rows} rows, ${counts.positives} positives`);
  }
}

/** One driver (an original column) with both importances. */
export interface Driver {
  feature: string;
  kind: FeatureKind;
  meanAbsShap: number;
  shapInterval: [number, number];
  /** Share of the summed mean |SHAP| (0–1). */
  shapShare: number;
  direction: 'up' | 'down' | 'mixed';
  /** Share of the logistic R² (0–1), Johnson's relative weights. */
  relativeWeight: number;
  weightInterval: [number, number];
  /** Set when the two methods rank this driver apart and it is correlated with another. */
  disagreement?: { correlatedWith: string; r: number };
  /** A category's levels by their mean SHAP value (highest risk first); see `driver-levels.ts`. */
  levels?: LevelEffect[];
}

/** Holdout quality of the boosted model and the linear baseline. */
export interface DriverQuality {
  holdoutAuc: number;
  baselineAuc: number;
  accuracy: number;
  baselineAccuracy: number;
  /** The share of the low outcome in the holdout (accuracy of always saying "not low" is 1 − it). */
  holdoutRate: number;
  calibration: {
    lower: number;
    upper: number;
    n: number;
    meanPredicted: number;
    observedRate: number;
  }[];
  brier: number;
  trees: number;
}

/** SHAP values of the sample, grouped per driver, for the beeswarm, dependence and waterfall. */
export interface DriverSample {
  /** Base value (expected margin, log-odds). */
  base: number;
  /** Driver names, in `drivers` order. */
  features: string[];
  /** Row-major grouped SHAP values: `shap[r * features.length + j]`. */
  shap: Float64Array;
  /** Each driver's value per sampled row: a number, a category level, or null when blank. */
  values: (number | string | null)[][];
  /** The source row index of each sampled row. */
  rows: Int32Array;
  /** The low outcome (1) or not (0) of each sampled row. */
  y: Uint8Array;
  /** The model's margin (log-odds) of each sampled row. */
  margin: Float64Array;
}

/** The whole result. */
export interface DriversResult {
  rows: number;
  positives: number;
  trainRows: number;
  holdoutRows: number;
  warnings: DriverWarning[];
  quality: DriverQuality;
  drivers: Driver[];
  /** The largest |base + Σ SHAP − margin| over the sample. */
  additivityMaxError: number;
  sample: DriverSample;
}

function featureColumn(x: { nRows: number; values: Float64Array }, f: number): Float64Array {
  return x.values.subarray(f * x.nRows, (f + 1) * x.nRows);
}

/**
 * How well one feature alone separates the target (AUC folded to ≥ 0.5). Blanks are put below
 * and then above every value, and the better is kept: a column filled in only for the low
 * outcome gives the target away by being blank.
 */
function singleFeatureAuc(values: Float64Array, y: Uint8Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return 0.5;
  let best = 0.5;
  for (const fill of [lo - 1, hi + 1]) {
    const a = auc(
      Float64Array.from(values, (v) => (Number.isNaN(v) ? fill : v)),
      y,
    );
    if (!Number.isNaN(a)) best = Math.max(best, a, 1 - a);
  }
  return best;
}

/** A stratified random sample of `size` positions of `y` (all when it is small), sorted. */
function stratifiedSample(y: Uint8Array, size: number, seed: number): Int32Array {
  if (y.length <= size) return Int32Array.from({ length: y.length }, (_, i) => i);
  const split = stratifiedSplit(y, size / y.length, seed);
  return split.test;
}

function directionOf(values: Float64Array, shap: Float64Array): Driver['direction'] {
  const r = pearson(values, shap) ?? 0;
  return r >= 0.3 ? 'up' : r <= -0.3 ? 'down' : 'mixed';
}

/**
 * The key drivers of `y` (1 = the low outcome) among `columns`, on the rows `rows` of the
 * columns (`y[i]` belongs to source row `rows[i]`). Throws `DriversError` when too few rows or
 * classes remain to train at all.
 */
export function keyDrivers(
  columns: readonly FeatureColumnInput[],
  rows: Int32Array,
  y: Uint8Array,
  options: DriversOptions,
): DriversResult {
  const progress = options.onProgress ?? (() => {});
  const signal = options.signal;
  const seed = options.seed;
  const positives = y.reduce((s, v) => s + v, 0);
  const negatives = y.length - positives;
  const counts = { rows: y.length, positives, negatives, min: HARD_MIN_CLASS };
  if (columns.length === 0) throw new DriversError('no-features', counts);
  if (positives < HARD_MIN_CLASS || negatives < HARD_MIN_CLASS) {
    throw new DriversError('too-few', counts);
  }
  progress('prepare', 0, 1);
  const expanded: ExpandedFeatures = expandFeatures(columns, rows);
  const x = expanded.matrix;
  const warnings: DriverWarning[] = [];
  if (y.length < MIN_ROWS) warnings.push({ code: 'few-rows', rows: y.length, min: MIN_ROWS });
  if (Math.min(positives, negatives) < MIN_POSITIVES) {
    warnings.push({ code: 'few-positives', positives, negatives, min: MIN_POSITIVES });
  }
  // One feature at a time against the target, on a sample: a leak shows on a few thousand rows.
  const leakAt = stratifiedSample(y, DRIVER_DEFAULTS.leakageRows, seed + 6);
  const leakX = leakAt.length < y.length ? selectRows(x, leakAt) : x;
  const leakY = leakAt.length < y.length ? Uint8Array.from(leakAt, (i) => y[i]!) : y;
  for (let c = 0; c < expanded.columns.length; c++) {
    let best = 0.5;
    for (let f = 0; f < x.nFeatures; f++) {
      if (expanded.groups[f] !== c) continue;
      best = Math.max(best, singleFeatureAuc(featureColumn(leakX, f), leakY));
    }
    if (best >= LEAKAGE_AUC) {
      warnings.push({ code: 'leakage', feature: expanded.columns[c]!.name, auc: best });
    }
  }

  const holdoutFraction = options.holdoutFraction ?? DRIVER_DEFAULTS.holdoutFraction;
  const split = stratifiedSplit(y, holdoutFraction, seed);
  const xTrain = selectRows(x, split.train);
  const yTrain = Uint8Array.from(split.train, (i) => y[i]!);
  const xTest = selectRows(x, split.test);
  const yTest = Uint8Array.from(split.test, (i) => y[i]!);

  progress('train', 0, 1);
  const gbdt = trainGbdt(
    xTrain,
    yTrain,
    { ...DRIVER_DEFAULTS.gbdt, seed, ...options.gbdt },
    { onProgress: (done: number, total: number) => progress('train', done, total), signal },
  );
  const ensemble = gbdt.ensemble;
  const testMargins = predictMargins(ensemble, xTest);
  const testProbabilities = Float64Array.from(testMargins, sigmoid);
  const cal = calibration(testProbabilities, yTest);

  progress('baseline', 0, 1);
  const linearTrain = selectFeatures(xTrain, expanded.linear);
  const logistic = fitLogistic(linearTrain, yTrain);
  const baselineMargins = predictLogisticMargins(logistic, selectFeatures(xTest, expanded.linear));
  const baselineProbabilities = Float64Array.from(baselineMargins, sigmoid);

  const shapSize = options.shapSample ?? DRIVER_DEFAULTS.shapSample;
  const sampleAt = stratifiedSample(y, shapSize, seed + 1);
  if (sampleAt.length < y.length) {
    warnings.push({ code: 'sampled', sample: sampleAt.length, rows: y.length });
  }
  const shap = treeShap(ensemble, x, sampleAt, {
    onProgress: (done, total) => progress('shap', done, total),
    signal,
  });
  const nGroups = expanded.columns.length;
  const n = sampleAt.length;
  const grouped = new Float64Array(n * nGroups);
  let additivityMaxError = 0;
  for (let r = 0; r < n; r++) {
    let total = shap.base;
    for (let f = 0; f < x.nFeatures; f++) {
      const v = shap.values[r * x.nFeatures + f]!;
      grouped[r * nGroups + expanded.groups[f]!]! += v;
      total += v;
    }
    const err = Math.abs(total - predictMargin(ensemble, x, sampleAt[r]!));
    if (err > additivityMaxError) additivityMaxError = err;
  }

  progress('bootstrap', 0, 3);
  const replicates = options.bootstrap ?? DRIVER_DEFAULTS.bootstrap;
  const meanAbsOf = (values: Float64Array, at: ArrayLike<number>) => {
    const out = new Float64Array(nGroups);
    for (let k = 0; k < at.length; k++) {
      for (let j = 0; j < nGroups; j++) out[j]! += Math.abs(values[at[k]! * nGroups + j]!);
    }
    for (let j = 0; j < nGroups; j++) out[j]! /= Math.max(1, at.length);
    return out;
  };
  const meanAbs = (at: ArrayLike<number>) => meanAbsOf(grouped, at);
  const importance = meanAbs(Int32Array.from({ length: n }, (_, i) => i));
  // Two sources of uncertainty: which rows the SHAP values are averaged over, and the model
  // itself (refitted on bootstrap resamples of the training rows, read on a subsample).
  const rowDraws = bootstrapDraws(n, meanAbs, { replicates, seed: seed + 2, signal });
  const refitRows = Math.min(split.train.length, DRIVER_DEFAULTS.refitRows);
  // Evenly spaced over the (sorted) sample, so that no one period or part of the file dominates.
  const readCount = Math.min(n, DRIVER_DEFAULTS.refitShapRows);
  const readAt = Int32Array.from(
    { length: readCount },
    (_, k) => sampleAt[Math.floor((k * n) / readCount)]!,
  );
  const readPositions = Int32Array.from({ length: readCount }, (_, k) =>
    Math.floor((k * n) / readCount),
  );
  const refitGroups: Float64Array[] = [];
  let refit = 0;
  const refitDraws = bootstrapDraws(
    split.train.length,
    (at) => {
      const model = trainGbdt(
        selectRows(xTrain, at),
        Uint8Array.from(at, (i) => yTrain[i]!),
        // As many trees as the model kept: a resample repeats rows, so early stopping on a
        // split of it would see its own rows again and never stop.
        {
          ...DRIVER_DEFAULTS.gbdt,
          ...options.gbdt,
          maxTrees: ensemble.trees.length,
          earlyStoppingRounds: 0,
          seed: seed + 5 + refit++,
        },
        { signal },
      ).ensemble;
      const values = treeShap(model, x, readAt, { signal }).values;
      const groupedRefit = new Float64Array(readAt.length * nGroups);
      for (let r = 0; r < readAt.length; r++) {
        for (let f = 0; f < x.nFeatures; f++) {
          groupedRefit[r * nGroups + expanded.groups[f]!]! += values[r * x.nFeatures + f]!;
        }
      }
      refitGroups.push(groupedRefit);
      return meanAbsOf(
        groupedRefit,
        Int32Array.from(readAt, (_, r) => r),
      );
    },
    {
      replicates: DRIVER_DEFAULTS.refits,
      seed: seed + 3,
      maxRows: refitRows,
      signal,
      onProgress: (done, total) => progress('bootstrap', done / total, 3),
    },
  );
  const shapCi = normalIntervals(importance, [
    { draws: rowDraws, scale: 1 },
    { draws: refitDraws, scale: Math.sqrt(refitRows / split.train.length) },
  ]);

  progress('bootstrap', 1, 3);
  const linearAll = selectFeatures(x, expanded.linear);
  const linearGroups = Int32Array.from(expanded.linear, (f) => expanded.groups[f]!);
  const weightSample = stratifiedSample(y, DRIVER_DEFAULTS.weightEstimateRows, seed + 3);
  const weightsOf = (at: ArrayLike<number>) => {
    const picked = Int32Array.from(at, (k) => weightSample[k]!);
    const yAt = Uint8Array.from(picked, (i) => y[i]!);
    const rw = relativeWeights(selectRows(linearAll, picked), yAt);
    const g = groupWeights(rw.weights, linearGroups, nGroups);
    const total = g.reduce((s, v) => s + v, 0);
    return total > 0 ? g.map((v) => v / total) : g;
  };
  const weights = weightsOf(Int32Array.from(weightSample, (_, k) => k));
  const weightRows = Math.min(weightSample.length, DRIVER_DEFAULTS.weightRows);
  const weightDraws = bootstrapDraws(weightSample.length, weightsOf, {
    replicates: Math.min(replicates, DRIVER_DEFAULTS.weightReplicates),
    seed: seed + 4,
    maxRows: weightRows,
    signal,
    onProgress: (done, total) => progress('bootstrap', 1 + done / total, 3),
  });
  const weightCi = normalIntervals(weights, [
    { draws: weightDraws, scale: Math.sqrt(weightRows / weightSample.length) },
  ]);
  // Importances are not negative: an interval reaching below zero stops there.
  for (const ci of [shapCi, weightCi]) ci.lower.forEach((v, j) => (ci.lower[j] = Math.max(0, v)));

  // Values per driver for the views and for correlations between drivers.
  const sampleX = selectRows(x, sampleAt);
  const sampleValues: (number | string | null)[][] = expanded.columns.map((col, c) => {
    const source = columns[c]!.values;
    return Array.from(sampleAt, (at) => {
      const v = source[rows[at]!];
      if (col.kind === 'numeric') {
        const num = numericValue(v);
        return Number.isNaN(num) ? null : num;
      }
      const level = categoryValue(v);
      if (level === null) return null;
      return col.levels.includes(level) ? level : OTHER_LEVEL;
    });
  });
  /**
   * How closely two drivers go together: the largest |r| between any of their features (a
   * category's one-hot levels), over the sampled rows.
   */
  const featuresOf = expanded.columns.map((_, c) =>
    Array.from({ length: x.nFeatures }, (_, f) => f).filter((f) => expanded.groups[f] === c),
  );
  const association = (c: number, o: number): number => {
    let best = 0;
    for (const f of featuresOf[c]!) {
      for (const g of featuresOf[o]!) {
        const r = pearson(featureColumn(sampleX, f), featureColumn(sampleX, g)) ?? 0;
        if (Math.abs(r) > Math.abs(best)) best = r;
      }
    }
    return best;
  };

  const totalImportance = importance.reduce((s, v) => s + v, 0) || 1;
  const drivers: Driver[] = expanded.columns.map((col, c) => {
    const shapOf = Float64Array.from({ length: n }, (_, r) => grouped[r * nGroups + c]!);
    const driver: Driver = {
      feature: col.name,
      kind: col.kind,
      meanAbsShap: importance[c]!,
      shapInterval: [shapCi.lower[c]!, shapCi.upper[c]!],
      shapShare: importance[c]! / totalImportance,
      direction:
        col.kind === 'numeric'
          ? directionOf(featureColumn(sampleX, featuresOf[c]![0]!), shapOf)
          : 'mixed',
      relativeWeight: weights[c]!,
      weightInterval: [weightCi.lower[c]!, weightCi.upper[c]!],
    };
    if (col.kind === 'categorical') {
      const spread = levelSpread(sampleValues[c]!, readPositions, refitGroups, nGroups, c);
      driver.levels = levelEffects(
        sampleValues[c]!,
        shapOf,
        col.levels,
        { values: columns[c]!.values, rows, y },
        spread,
      );
    }
    return driver;
  });

  drivers.forEach((d, c) => {
    // Apart by a margin worth saying: the shares differ by DISAGREEMENT or more. (Intervals
    // are no test here: between correlated drivers the trees' share is the unstable one, as
    // which of them takes the credit changes from one refit to the next.)
    if (Math.abs(d.shapShare - d.relativeWeight) < DISAGREEMENT) return;
    let best = { other: -1, r: 0 };
    drivers.forEach((_, o) => {
      if (o === c) return;
      const r = association(c, o);
      if (Math.abs(r) > Math.abs(best.r)) best = { other: o, r };
    });
    if (best.other >= 0 && Math.abs(best.r) >= CORRELATED_R) {
      d.disagreement = { correlatedWith: drivers[best.other]!.feature, r: best.r };
    }
  });

  const order = drivers.map((_, c) => c).sort((a, b) => importance[b]! - importance[a]!);
  const sortedShap = new Float64Array(n * nGroups);
  for (let r = 0; r < n; r++) {
    order.forEach((c, j) => (sortedShap[r * nGroups + j] = grouped[r * nGroups + c]!));
  }
  const testRate = yTest.reduce((s, v) => s + v, 0) / Math.max(1, yTest.length);
  const holdoutAuc = auc(testMargins, yTest);
  if (holdoutAuc >= LEAKAGE_MODEL_AUC) {
    const leak = warnings.some((w) => w.code === 'leakage');
    warnings.push({ code: leak ? 'too-good' : 'strong-model', auc: holdoutAuc });
  }
  return {
    rows: y.length,
    positives,
    trainRows: split.train.length,
    holdoutRows: split.test.length,
    warnings,
    quality: {
      holdoutAuc,
      baselineAuc: auc(baselineMargins, yTest),
      accuracy: accuracy(testProbabilities, yTest),
      baselineAccuracy: accuracy(baselineProbabilities, yTest),
      holdoutRate: testRate,
      calibration: cal.bins,
      brier: cal.brier,
      trees: ensemble.trees.length,
    },
    drivers: order.map((c) => drivers[c]!),
    additivityMaxError,
    sample: {
      base: shap.base,
      features: order.map((c) => drivers[c]!.feature),
      shap: sortedShap,
      values: order.map((c) => sampleValues[c]!),
      rows: Int32Array.from(sampleAt, (at) => rows[at]!),
      y: Uint8Array.from(sampleAt, (at) => y[at]!),
      margin: Float64Array.from(sampleAt, (at) => predictMargin(ensemble, x, at)),
    },
  };
}
