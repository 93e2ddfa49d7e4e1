/**
 * Key-driver analysis: which columns drive the low outcome, and how much. Gradient-boosted
 * trees on a stratified 70/30 split, exact TreeSHAP on a representative sample (grouped per
 * original column), a regularised logistic baseline and Johnson's relative weights side by
 * side, each importance with a bootstrap interval; sample-size and leakage warnings with counts.
 */
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
import { bootstrapIntervals } from '../ml/bootstrap.ts';

/** The settings the app and the command line use unless told otherwise. */
export const DRIVER_DEFAULTS = {
  holdoutFraction: 0.3,
  /** SHAP values are computed on at most this many rows (a stratified random sample). */
  shapSample: 2000,
  bootstrap: 200,
  /** Relative-weight bootstrap replicates refit on at most this many rows each… */
  weightRows: 2000,
  /** …and there are this many of them (a refit is far dearer than resampling SHAP values). */
  weightReplicates: 50,
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
export const LEAKAGE_AUC = 0.98;
/** Two drivers this correlated (|r|) can share credit differently between the methods. */
export const CORRELATED_R = 0.5;
/** The methods disagree on a driver when its two shares' intervals are this far apart (0–1). */
export const DISAGREEMENT_GAP = 0.02;

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

/** How one level of a category moves the low outcome. */
export interface LevelEffect {
  level: string;
  meanShap: number;
  n: number;
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
  /** A category's levels by their mean SHAP value (highest risk first). */
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

function correlation(a: Float64Array, b: Float64Array): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    if (Number.isNaN(ai) || Number.isNaN(bi)) continue;
    n++;
    sa += ai;
    sb += bi;
  }
  if (n < 3) return 0;
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    if (Number.isNaN(da) || Number.isNaN(db)) continue;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

function featureColumn(x: { nRows: number; values: Float64Array }, f: number): Float64Array {
  return x.values.subarray(f * x.nRows, (f + 1) * x.nRows);
}

/** How well one feature alone separates the target (AUC folded to ≥ 0.5). */
function singleFeatureAuc(values: Float64Array, y: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  const fill = n > 0 ? sum / n : 0;
  const scores = Float64Array.from(values, (v) => (Number.isNaN(v) ? fill : v));
  const a = auc(scores, y);
  return Number.isNaN(a) ? 0.5 : Math.max(a, 1 - a);
}

/** A stratified random sample of `size` positions of `y` (all when it is small), sorted. */
function stratifiedSample(y: Uint8Array, size: number, seed: number): Int32Array {
  if (y.length <= size) return Int32Array.from({ length: y.length }, (_, i) => i);
  const split = stratifiedSplit(y, size / y.length, seed);
  return split.test;
}

function directionOf(values: Float64Array, shap: Float64Array): Driver['direction'] {
  const r = correlation(values, shap);
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
  for (let c = 0; c < expanded.columns.length; c++) {
    let best = 0.5;
    for (let f = 0; f < x.nFeatures; f++) {
      if (expanded.groups[f] === c) best = Math.max(best, singleFeatureAuc(featureColumn(x, f), y));
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

  progress('bootstrap', 0, 2);
  const replicates = options.bootstrap ?? DRIVER_DEFAULTS.bootstrap;
  const meanAbs = (at: ArrayLike<number>) => {
    const out = new Float64Array(nGroups);
    for (let k = 0; k < at.length; k++) {
      for (let j = 0; j < nGroups; j++) out[j]! += Math.abs(grouped[at[k]! * nGroups + j]!);
    }
    for (let j = 0; j < nGroups; j++) out[j]! /= Math.max(1, at.length);
    return out;
  };
  const importance = meanAbs(Int32Array.from({ length: n }, (_, i) => i));
  const shapCi = bootstrapIntervals(n, meanAbs, { replicates, seed: seed + 2, signal });

  const linearAll = selectFeatures(x, expanded.linear);
  const linearGroups = Int32Array.from(expanded.linear, (f) => expanded.groups[f]!);
  const weightsOf = (at: ArrayLike<number>) => {
    const yAt = Uint8Array.from(at, (i) => y[i]!);
    const rw = relativeWeights(selectRows(linearAll, at), yAt);
    const g = groupWeights(rw.weights, linearGroups, nGroups);
    const total = g.reduce((s, v) => s + v, 0);
    return total > 0 ? g.map((v) => v / total) : g;
  };
  const weightRows = Math.min(y.length, DRIVER_DEFAULTS.weightRows);
  const weightSample = stratifiedSample(y, 20_000, seed + 3);
  const weights = weightsOf(weightSample);
  progress('bootstrap', 1, 2);
  const weightCi = bootstrapIntervals(y.length, weightsOf, {
    replicates: Math.min(replicates, DRIVER_DEFAULTS.weightReplicates),
    seed: seed + 4,
    maxRows: weightRows,
    signal,
  });

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
  const groupSignal = (c: number): Float64Array => {
    // A category's signal for correlations: its level's mean SHAP (an ordering of the levels).
    if (expanded.columns[c]!.kind === 'numeric') {
      const f = expanded.groups.indexOf(c);
      return featureColumn(sampleX, f);
    }
    return Float64Array.from({ length: n }, (_, r) => grouped[r * nGroups + c]!);
  };
  const signals = expanded.columns.map((_, c) => groupSignal(c));

  const totalImportance = importance.reduce((s, v) => s + v, 0) || 1;
  const drivers: Driver[] = expanded.columns.map((col, c) => {
    const shapOf = Float64Array.from({ length: n }, (_, r) => grouped[r * nGroups + c]!);
    const driver: Driver = {
      feature: col.name,
      kind: col.kind,
      meanAbsShap: importance[c]!,
      shapInterval: [shapCi.lower[c]!, shapCi.upper[c]!],
      shapShare: importance[c]! / totalImportance,
      direction: col.kind === 'numeric' ? directionOf(signals[c]!, shapOf) : 'mixed',
      relativeWeight: weights[c]!,
      weightInterval: [weightCi.lower[c]!, weightCi.upper[c]!],
    };
    if (col.kind === 'categorical') {
      const sums = new Map<string, { s: number; n: number }>();
      sampleValues[c]!.forEach((v, r) => {
        if (v === null) return;
        const acc = sums.get(String(v)) ?? { s: 0, n: 0 };
        acc.s += shapOf[r]!;
        acc.n++;
        sums.set(String(v), acc);
      });
      driver.levels = [...sums.entries()]
        .map(([level, acc]) => ({ level, meanShap: acc.s / acc.n, n: acc.n }))
        .sort((a, b) => b.meanShap - a.meanShap);
      if (driver.levels.length === 2) {
        // Two levels have an order: "up" when the second (rarer) level raises the risk.
        const hi = driver.levels[0]!;
        driver.direction = hi.level === col.levels[1] ? 'up' : 'down';
      }
    }
    return driver;
  });

  drivers.forEach((d, c) => {
    // Apart beyond noise: the two shares' intervals do not meet, by a margin worth saying.
    const shapLow = d.shapInterval[0] / totalImportance;
    const shapHigh = d.shapInterval[1] / totalImportance;
    const gap = Math.max(shapLow - d.weightInterval[1], d.weightInterval[0] - shapHigh);
    if (gap < DISAGREEMENT_GAP) return;
    let best = { other: -1, r: 0 };
    drivers.forEach((_, o) => {
      if (o === c) return;
      const r = correlation(signals[c]!, signals[o]!);
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
  return {
    rows: y.length,
    positives,
    trainRows: split.train.length,
    holdoutRows: split.test.length,
    warnings,
    quality: {
      holdoutAuc: auc(testMargins, yTest),
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
