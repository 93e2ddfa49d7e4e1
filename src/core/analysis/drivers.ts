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
import { predictMargins, sigmoid, type Ensemble, type FeatureMatrix } from '../ml/tree-model.ts';
import { fitLogistic, predictLogisticMargins } from '../ml/logistic-regression.ts';
import {
  auc,
  accuracy,
  calibration,
  mannWhitneyU,
  stratifiedSplit,
} from '../ml/classifier-metrics.ts';
import { pearson } from '../metrics/correlation.ts';
import {
  groupedShap,
  shapIntervals,
  weightIntervals,
  type IntervalContext,
} from './driver-intervals.ts';

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
  let positives = 0;
  let present = 0;
  let presentPositives = 0;
  for (let i = 0; i < values.length; i++) {
    positives += y[i]!;
    if (Number.isNaN(values[i]!)) continue;
    present++;
    presentPositives += y[i]!;
  }
  if (present === 0) return 0.5;
  const negatives = values.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  const pos = new Float64Array(presentPositives);
  const neg = new Float64Array(present - presentPositives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (y[i]) pos[p++] = v;
    else neg[q++] = v;
  }
  pos.sort();
  neg.sort();
  // Blanks below every value: a blank positive beats no value, a present positive every blank
  // negative; blank pairs tie. Above: the other way round. (The pair counts of filling blanks
  // with a value just below or above the range, without filling and sorting twice.)
  const u = mannWhitneyU(pos, neg);
  const blankPositives = positives - presentPositives;
  const blankNegatives = negatives - neg.length;
  const ties = (blankPositives * blankNegatives) / 2;
  let best = 0.5;
  for (const extra of [pos.length * blankNegatives, blankPositives * neg.length]) {
    const a = (u + extra + ties) / (positives * negatives);
    best = Math.max(best, a, 1 - a);
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

/** What the phases of one analysis share. */
interface Analysis {
  columns: readonly FeatureColumnInput[];
  rows: Int32Array;
  y: Uint8Array;
  options: DriversOptions;
  seed: number;
  signal?: AbortSignal;
  progress: (stage: DriverStage, done: number, total: number) => void;
  expanded: ExpandedFeatures;
  x: FeatureMatrix;
  warnings: DriverWarning[];
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
  const positives = y.reduce((s, v) => s + v, 0);
  const negatives = y.length - positives;
  const counts = { rows: y.length, positives, negatives, min: HARD_MIN_CLASS };
  if (columns.length === 0) throw new DriversError('no-features', counts);
  if (positives < HARD_MIN_CLASS || negatives < HARD_MIN_CLASS) {
    throw new DriversError('too-few', counts);
  }
  progress('prepare', 0, 1);
  const expanded = expandFeatures(columns, rows);
  const warnings: DriverWarning[] = [];
  if (y.length < MIN_ROWS) warnings.push({ code: 'few-rows', rows: y.length, min: MIN_ROWS });
  if (Math.min(positives, negatives) < MIN_POSITIVES) {
    warnings.push({ code: 'few-positives', positives, negatives, min: MIN_POSITIVES });
  }
  const a: Analysis = {
    columns,
    rows,
    y,
    options,
    seed: options.seed,
    signal: options.signal,
    progress,
    expanded,
    x: expanded.matrix,
    warnings,
  };
  checkLeakage(a);
  const fit = fitModels(a);
  const sample = explainSample(a, fit.ensemble);
  const nGroups = expanded.columns.length;
  const ctx: IntervalContext = {
    groups: expanded.groups,
    nGroups,
    seed: a.seed,
    signal: a.signal,
    progress: (done, total) => progress('bootstrap', done, total),
  };
  progress('bootstrap', 0, 3);
  const replicates = options.bootstrap ?? DRIVER_DEFAULTS.bootstrap;
  const shap = shapIntervals(ctx, {
    x: a.x,
    grouped: sample.grouped,
    sampleAt: sample.at,
    xTrain: fit.xTrain,
    yTrain: fit.yTrain,
    gbdt: { ...DRIVER_DEFAULTS.gbdt, ...options.gbdt },
    trees: fit.ensemble.trees.length,
    replicates,
    refits: DRIVER_DEFAULTS.refits,
    refitRows: DRIVER_DEFAULTS.refitRows,
    readRows: DRIVER_DEFAULTS.refitShapRows,
  });
  progress('bootstrap', 1, 3);
  const weights = weightIntervals(ctx, {
    linear: linearPart(a.x, expanded.linear),
    linearGroups: Int32Array.from(expanded.linear, (f) => expanded.groups[f]!),
    y,
    sample: stratifiedSample(y, DRIVER_DEFAULTS.weightEstimateRows, a.seed + 3),
    replicates: Math.min(replicates, DRIVER_DEFAULTS.weightReplicates),
    rows: DRIVER_DEFAULTS.weightRows,
  });
  const { drivers, values } = describeDrivers(a, sample, shap, weights);
  const order = drivers.map((_, c) => c).sort((p, q) => shap.importance[q]! - shap.importance[p]!);
  return {
    rows: y.length,
    positives,
    trainRows: fit.xTrain.nRows,
    holdoutRows: fit.yTest.length,
    warnings,
    quality: holdoutQuality(a, fit),
    drivers: order.map((c) => drivers[c]!),
    additivityMaxError: sample.additivityMaxError,
    sample: sampleView(a, sample, order, drivers, values),
  };
}

/** One feature at a time against the target, on a sample: a leak shows on a few thousand rows. */
function checkLeakage(a: Analysis): void {
  const { expanded, x, y } = a;
  const leakAt = stratifiedSample(y, DRIVER_DEFAULTS.leakageRows, a.seed + 6);
  const leakX = leakAt.length < y.length ? selectRows(x, leakAt) : x;
  const leakY = leakAt.length < y.length ? Uint8Array.from(leakAt, (i) => y[i]!) : y;
  for (let c = 0; c < expanded.columns.length; c++) {
    let best = 0.5;
    for (let f = 0; f < x.nFeatures; f++) {
      if (expanded.groups[f] !== c) continue;
      best = Math.max(best, singleFeatureAuc(featureColumn(leakX, f), leakY));
    }
    if (best >= LEAKAGE_AUC) {
      a.warnings.push({ code: 'leakage', feature: expanded.columns[c]!.name, auc: best });
    }
  }
}

/**
 * The stratified holdout split, the boosted trees trained on its training rows and the linear
 * baseline beside them, both read on the holdout.
 */
function fitModels(a: Analysis) {
  const { x, y, options, seed, progress, expanded } = a;
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
    { onProgress: (done, total) => progress('train', done, total), signal: a.signal },
  );
  const ensemble = gbdt.ensemble;
  const testMargins = predictMargins(ensemble, xTest);

  progress('baseline', 0, 1);
  const logistic = fitLogistic(linearPart(xTrain, expanded.linear), yTrain);
  const baselineMargins = predictLogisticMargins(logistic, linearPart(xTest, expanded.linear));
  return { xTrain, yTrain, yTest, ensemble, testMargins, baselineMargins };
}

/** The matrix of the linear models' features: `x` itself when that is all of them, in order. */
function linearPart(x: FeatureMatrix, linear: Int32Array): FeatureMatrix {
  const all = linear.length === x.nFeatures && linear.every((f, k) => f === k);
  return all ? x : selectFeatures(x, linear);
}

/** How the two models do on the holdout; notes a model too good to be true. */
function holdoutQuality(a: Analysis, fit: ReturnType<typeof fitModels>): DriverQuality {
  const { yTest, testMargins, baselineMargins } = fit;
  const testProbabilities = Float64Array.from(testMargins, sigmoid);
  const baselineProbabilities = Float64Array.from(baselineMargins, sigmoid);
  const cal = calibration(testProbabilities, yTest);
  const holdoutAuc = auc(testMargins, yTest);
  if (holdoutAuc >= LEAKAGE_MODEL_AUC) {
    const leak = a.warnings.some((w) => w.code === 'leakage');
    a.warnings.push({ code: leak ? 'too-good' : 'strong-model', auc: holdoutAuc });
  }
  return {
    holdoutAuc,
    baselineAuc: auc(baselineMargins, yTest),
    accuracy: accuracy(testProbabilities, yTest),
    baselineAccuracy: accuracy(baselineProbabilities, yTest),
    holdoutRate: yTest.reduce((s, v) => s + v, 0) / Math.max(1, yTest.length),
    calibration: cal.bins,
    brier: cal.brier,
    trees: fit.ensemble.trees.length,
  };
}

/**
 * TreeSHAP on a stratified sample of the rows, grouped per driver, with the model's margins
 * and the largest additivity error |base + Σ SHAP − margin| over it.
 */
function explainSample(a: Analysis, ensemble: Ensemble) {
  const { x, y, expanded, progress } = a;
  const shapSize = a.options.shapSample ?? DRIVER_DEFAULTS.shapSample;
  const at = stratifiedSample(y, shapSize, a.seed + 1);
  if (at.length < y.length) {
    a.warnings.push({ code: 'sampled', sample: at.length, rows: y.length });
  }
  const shap = treeShap(ensemble, x, at, {
    onProgress: (done, total) => progress('shap', done, total),
    signal: a.signal,
  });
  const n = at.length;
  const margins = predictMargins(ensemble, x, at);
  const nGroups = expanded.columns.length;
  const grouped = groupedShap(shap.values, n, x.nFeatures, { groups: expanded.groups, nGroups });
  let additivityMaxError = 0;
  for (let r = 0; r < n; r++) {
    let total = shap.base;
    for (let f = 0; f < x.nFeatures; f++) total += shap.values[r * x.nFeatures + f]!;
    const err = Math.abs(total - margins[r]!);
    if (err > additivityMaxError) additivityMaxError = err;
  }
  return { at, base: shap.base, grouped, margins, additivityMaxError };
}

/** Each driver's value per sampled row: a number, a category level, or null when blank. */
function sampleValuesOf(a: Analysis, sampleAt: Int32Array): (number | string | null)[][] {
  return a.expanded.columns.map((col, c) => {
    const source = a.columns[c]!.values;
    return Array.from(sampleAt, (at) => {
      const v = source[a.rows[at]!];
      if (col.kind === 'numeric') {
        const num = numericValue(v);
        return Number.isNaN(num) ? null : num;
      }
      const level = categoryValue(v);
      if (level === null) return null;
      return col.levels.includes(level) ? level : OTHER_LEVEL;
    });
  });
}

type SampleShap = ReturnType<typeof explainSample>;

/**
 * The drivers in column order (both importances with their intervals, direction, levels), and
 * each one's values on the sampled rows.
 */
function describeDrivers(
  a: Analysis,
  sample: SampleShap,
  shap: ReturnType<typeof shapIntervals>,
  weights: ReturnType<typeof weightIntervals>,
): { drivers: Driver[]; values: (number | string | null)[][] } {
  const { expanded, x } = a;
  const sampleX = selectRows(x, sample.at);
  const values = sampleValuesOf(a, sample.at);
  const nGroups = expanded.columns.length;
  const n = sample.at.length;
  const featuresOf = expanded.columns.map((_, c) =>
    Array.from({ length: x.nFeatures }, (_, f) => f).filter((f) => expanded.groups[f] === c),
  );
  const { importance } = shap;
  const totalImportance = importance.reduce((s, v) => s + v, 0) || 1;
  const drivers = expanded.columns.map((col, c) => {
    const shapOf = Float64Array.from({ length: n }, (_, r) => sample.grouped[r * nGroups + c]!);
    const driver: Driver = {
      feature: col.name,
      kind: col.kind,
      meanAbsShap: importance[c]!,
      shapInterval: [shap.ci.lower[c]!, shap.ci.upper[c]!],
      shapShare: importance[c]! / totalImportance,
      direction:
        col.kind === 'numeric'
          ? directionOf(featureColumn(sampleX, featuresOf[c]![0]!), shapOf)
          : 'mixed',
      relativeWeight: weights.weights[c]!,
      weightInterval: [weights.ci.lower[c]!, weights.ci.upper[c]!],
    };
    if (col.kind === 'categorical') {
      const spread = levelSpread(values[c]!, shap.readPositions, shap.refitGroups, nGroups, c);
      driver.levels = levelEffects(
        values[c]!,
        shapOf,
        col.levels,
        { values: a.columns[c]!.values, rows: a.rows, y: a.y },
        spread,
      );
    }
    return driver;
  });
  markDisagreements(drivers, (c, o) => association(sampleX, featuresOf, c, o));
  return { drivers, values };
}

/**
 * How closely two drivers go together: the largest |r| between any of their features (a
 * category's one-hot levels), over the sampled rows.
 */
function association(sampleX: FeatureMatrix, featuresOf: number[][], c: number, o: number) {
  let best = 0;
  for (const f of featuresOf[c]!) {
    for (const g of featuresOf[o]!) {
      const r = pearson(featureColumn(sampleX, f), featureColumn(sampleX, g)) ?? 0;
      if (Math.abs(r) > Math.abs(best)) best = r;
    }
  }
  return best;
}

/**
 * Marks the drivers the two methods rank apart (shares differing by DISAGREEMENT or more) that
 * are correlated with another driver. Intervals are no test here: between correlated drivers
 * the trees' share is the unstable one, as which of them takes the credit changes from one
 * refit to the next.
 */
function markDisagreements(drivers: Driver[], association: (c: number, o: number) => number) {
  drivers.forEach((d, c) => {
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
}

/** The sample's SHAP values and values for the views, drivers in `order`. */
function sampleView(
  a: Analysis,
  sample: SampleShap,
  order: number[],
  drivers: Driver[],
  values: (number | string | null)[][],
): DriverSample {
  const nGroups = a.expanded.columns.length;
  const n = sample.at.length;
  const sortedShap = new Float64Array(n * nGroups);
  for (let r = 0; r < n; r++) {
    order.forEach((c, j) => (sortedShap[r * nGroups + j] = sample.grouped[r * nGroups + c]!));
  }
  return {
    base: sample.base,
    features: order.map((c) => drivers[c]!.feature),
    shap: sortedShap,
    values: order.map((c) => values[c]!),
    rows: Int32Array.from(sample.at, (at) => a.rows[at]!),
    y: Uint8Array.from(sample.at, (at) => a.y[at]!),
    margin: sample.margins,
  };
}
