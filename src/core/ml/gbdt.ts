/**
 * A gradient-boosted decision tree trainer for binary classification (logistic loss), after
 * XGBoost's `hist` method: features binned once into quantile histograms, depth-wise (or, with a
 * leaf limit, best-first) trees with XGBoost's gain and regularisation, a learned direction for
 * missing values, seeded row and feature subsampling, and early stopping on a validation set.
 * Pure and synchronous, for a Web Worker or Node.
 */
import { Rng } from '../random.ts';
import { binFeatures, MAX_BINS_LIMIT } from './feature-bins.ts';
import { TreeGrower } from './gbdt-tree.ts';
import type { Ensemble, FeatureMatrix, Tree } from './tree-model.ts';

/** How {@link trainGbdt} boosts; every field has a default in {@link DEFAULT_GBDT_OPTIONS}. */
export interface GbdtOptions {
  /** The most trees to grow (early stopping usually stops sooner); default 500. */
  maxTrees: number;
  /** The shrinkage applied to each leaf value; default 0.1. */
  learningRate: number;
  /** Tree depth limit; default 3. 0 means no limit and is allowed only with `maxLeaves`. */
  maxDepth: number;
  /** Leaf limit per tree, leaves then split best-gain first; default 0 (depth alone limits). */
  maxLeaves: number;
  /** The least hessian sum a child may have; default 1. */
  minChildWeight: number;
  /** L2 regularisation of leaf values; default 1. */
  lambda: number;
  /**
   * The least gain a split needs, on XGBoost's scale (G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ),
   * without the ½ of the paper); default 0.
   */
  gamma: number;
  /** The share of training rows each tree is grown on (drawn per tree); default 0.8. */
  subsample: number;
  /** The share of features each tree may split on (drawn per tree); default 1. */
  colsample: number;
  /** Value bins per feature (missing values get one more); default 255. */
  maxBins: number;
  /** Stop after this many rounds without a better validation loss; default 30, 0 disables. */
  earlyStoppingRounds: number;
  /**
   * The share of rows held out (stratified, seeded) for early stopping when no validation set
   * is given; default 0.2. 0 disables, and nothing is held out when early stopping is off.
   */
  validationFraction: number;
  /** Seed of every random draw; default 1. */
  seed: number;
}

/** The defaults of {@link GbdtOptions}. */
export const DEFAULT_GBDT_OPTIONS: GbdtOptions = Object.freeze({
  maxTrees: 500,
  learningRate: 0.1,
  maxDepth: 3,
  maxLeaves: 0,
  minChildWeight: 1,
  lambda: 1,
  gamma: 0,
  subsample: 0.8,
  colsample: 1,
  maxBins: 255,
  earlyStoppingRounds: 30,
  validationFraction: 0.2,
  seed: 1,
});

/** What {@link trainGbdt} learnt. */
export interface GbdtResult {
  /** The model, truncated to the best iteration when early stopping is on. */
  ensemble: Ensemble;
  /** The number of trees kept. */
  bestIteration: number;
  /** Per round, the mean log-loss on the rows trained on (all of them, not only the subsample). */
  trainLoss: number[];
  /** Per round, the mean log-loss on the validation rows; empty without validation. */
  validationLoss: number[];
}

/** A hessian floor (as XGBoost's) so that confident rows never make a zero denominator. */
const MIN_HESSIAN = 1e-16;
/**
 * Each row's odds exp(margin) are updated by multiplying with exp(leaf value), which saves an
 * `exp` per row and round; every this many rounds they are recomputed so rounding cannot drift.
 */
const ODDS_REFRESH = 64;
/** The base rate is clamped this far from 0 and 1 so that one-class data keeps finite margins. */
const BASE_RATE_CLAMP = 1e-6;

/**
 * Trains a boosted ensemble for `y` (0/1 per row of `x`) with logistic loss. Early stopping
 * watches `hooks.validation` when given, else a stratified `validationFraction` of the rows
 * (which are then not trained on). `hooks.onProgress` is told after each tree (of
 * `maxTrees`); when `hooks.signal.aborted` is set, training throws `Error('aborted')` before the
 * next tree. The same seed and input give a bitwise identical result.
 */
export function trainGbdt(
  x: FeatureMatrix,
  y: ArrayLike<number>,
  options?: Partial<GbdtOptions>,
  hooks?: {
    validation?: { x: FeatureMatrix; y: ArrayLike<number> };
    onProgress?: (done: number, total: number) => void;
    signal?: { aborted: boolean };
  },
): GbdtResult {
  const o = resolveOptions(options);
  checkData(x, y, 'x');
  if (x.nRows === 0) throw new RangeError('gbdt: no rows to train on');

  const { trainRows, valX, valRows, valY } = chooseValidation(x, y, o, hooks?.validation);
  const bins = binFeatures(x, o.maxBins, trainRows, o.seed);
  const nTrain = bins.nRows;
  const yTrain = trainRows ? Float64Array.from(trainRows, (r) => y[r]!) : Float64Array.from(y);
  let positives = 0;
  for (let i = 0; i < nTrain; i++) positives += yTrain[i]!;
  const rate = Math.min(1 - BASE_RATE_CLAMP, Math.max(BASE_RATE_CLAMP, positives / nTrain));
  const baseMargin = Math.log(rate / (1 - rate));

  const margins = new Float64Array(nTrain).fill(baseMargin);
  const odds = new Float64Array(nTrain);
  const gh = new Float64Array(2 * nTrain);
  lossAndGradients(margins, odds, yTrain, gh, true);
  const valMargins = new Float64Array(valRows.length).fill(baseMargin);
  const valOdds = new Float64Array(valRows.length).fill(Math.exp(baseMargin));

  const grower = new TreeGrower(bins, o);
  const rowRng = Rng.derive(o.seed, 'gbdt/rows');
  const featureRng = Rng.derive(o.seed, 'gbdt/features');
  const sample = identity(nTrain);
  const others = new Int32Array(nTrain);
  const nF = x.nFeatures;
  const features = identity(nF);
  const nCols = Math.min(nF, Math.max(1, Math.round(o.colsample * nF)));

  const trees: Tree[] = [];
  const trainLoss: number[] = [];
  const validationLoss: number[] = [];
  const earlyStopping = valX !== undefined && o.earlyStoppingRounds > 0;
  let bestLoss = Infinity;
  let bestRound = -1;
  for (let t = 0; t < o.maxTrees; t++) {
    if (hooks?.signal?.aborted) throw new Error('aborted');
    let nSample = nTrain;
    let nOthers = 0;
    if (o.subsample < 1) {
      nSample = 0;
      for (let r = 0; r < nTrain; r++) {
        if (rowRng.next() < o.subsample) sample[nSample++] = r;
        else others[nOthers++] = r;
      }
      if (nSample === 0) sample[nSample++] = others[--nOthers]!;
    }
    if (nCols < nF) drawFeatures(features, nCols, featureRng);
    const tree = grower.grow(gh, sample, nSample, features, nCols);
    grower.addToMargins(margins, odds, others, nOthers);
    trees.push(tree);
    const refresh = t % ODDS_REFRESH === ODDS_REFRESH - 1;
    trainLoss.push(lossAndGradients(margins, odds, yTrain, gh, refresh));
    if (valX) {
      addTree(tree, valX, valRows, valMargins, valOdds);
      if (refresh) for (let i = 0; i < valOdds.length; i++) valOdds[i] = Math.exp(valMargins[i]!);
      const loss = logLoss(valMargins, valOdds, valY);
      validationLoss.push(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestRound = t;
      }
    }
    hooks?.onProgress?.(t + 1, o.maxTrees);
    if (earlyStopping && t - bestRound >= o.earlyStoppingRounds) break;
  }
  const kept = earlyStopping ? trees.slice(0, bestRound + 1) : trees;
  return {
    ensemble: { nFeatures: nF, baseMargin, trees: kept },
    bestIteration: kept.length,
    trainLoss,
    validationLoss,
  };
}

/**
 * The validation rows: the given set, else (with early stopping on) a stratified held-out share
 * of `x`, whose other rows are then the training rows (`trainRows` undefined: all of `x`).
 */
function chooseValidation(
  x: FeatureMatrix,
  y: ArrayLike<number>,
  o: GbdtOptions,
  given: { x: FeatureMatrix; y: ArrayLike<number> } | undefined,
): { trainRows?: Int32Array; valX?: FeatureMatrix; valRows: Int32Array; valY: Float64Array } {
  const none = { valRows: new Int32Array(0), valY: new Float64Array(0) };
  if (given) {
    checkData(given.x, given.y, 'validation.x');
    if (given.x.nFeatures !== x.nFeatures) {
      throw new RangeError('gbdt: validation.x has a different number of features than x');
    }
    if (given.x.nRows === 0) return none;
    return { valX: given.x, valRows: identity(given.x.nRows), valY: Float64Array.from(given.y) };
  }
  if (o.earlyStoppingRounds === 0 || o.validationFraction === 0) return none;
  const { train, valid } = stratifiedSplit(y, o.validationFraction, o.seed);
  if (valid.length === 0) return none;
  return {
    trainRows: train,
    valX: x,
    valRows: valid,
    valY: Float64Array.from(valid, (r) => y[r]!),
  };
}

/** Puts `k` features drawn without replacement (ascending) in `features[0 … k)`. */
function drawFeatures(features: Int32Array, k: number, rng: Rng): void {
  const n = features.length;
  for (let i = 0; i < n; i++) features[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (n - i));
    const tmp = features[i]!;
    features[i] = features[j]!;
    features[j] = tmp;
  }
  features.subarray(0, k).sort();
}

/** The defaults overlaid with `options`, checked. */
function resolveOptions(options: Partial<GbdtOptions> | undefined): GbdtOptions {
  const o: GbdtOptions = { ...DEFAULT_GBDT_OPTIONS };
  for (const key of Object.keys(DEFAULT_GBDT_OPTIONS) as (keyof GbdtOptions)[]) {
    const v = options?.[key];
    if (v !== undefined) o[key] = v;
  }
  const fail = (name: keyof GbdtOptions, rule: string) => {
    throw new RangeError(`gbdt: ${name} must be ${rule} (got ${o[name]})`);
  };
  const isInt = (v: number) => Number.isInteger(v) && v >= 0;
  if (!isInt(o.maxTrees)) fail('maxTrees', 'a whole number ≥ 0');
  if (!(o.learningRate > 0 && o.learningRate < Infinity)) fail('learningRate', 'finite and > 0');
  if (!isInt(o.maxDepth)) fail('maxDepth', 'a whole number ≥ 0');
  if (!isInt(o.maxLeaves)) fail('maxLeaves', 'a whole number ≥ 0');
  if (o.maxDepth === 0 && o.maxLeaves === 0) fail('maxDepth', '≥ 1 when maxLeaves is 0');
  if (!(o.minChildWeight >= 0 && o.minChildWeight < Infinity)) fail('minChildWeight', '≥ 0');
  if (!(o.lambda >= 0 && o.lambda < Infinity)) fail('lambda', '≥ 0');
  if (!(o.gamma >= 0 && o.gamma < Infinity)) fail('gamma', '≥ 0');
  if (!(o.subsample > 0 && o.subsample <= 1)) fail('subsample', 'in (0, 1]');
  if (!(o.colsample > 0 && o.colsample <= 1)) fail('colsample', 'in (0, 1]');
  if (!(Number.isInteger(o.maxBins) && o.maxBins >= 2 && o.maxBins <= MAX_BINS_LIMIT)) {
    fail('maxBins', `a whole number in 2 … ${MAX_BINS_LIMIT}`);
  }
  if (!isInt(o.earlyStoppingRounds)) fail('earlyStoppingRounds', 'a whole number ≥ 0');
  if (!(o.validationFraction >= 0 && o.validationFraction < 1)) {
    fail('validationFraction', 'in [0, 1)');
  }
  if (!Number.isFinite(o.seed)) fail('seed', 'finite');
  return o;
}

function checkData(x: FeatureMatrix, y: ArrayLike<number>, name: string): void {
  if (x.values.length !== x.nRows * x.nFeatures) {
    throw new RangeError(`gbdt: ${name}.values does not hold nRows × nFeatures values`);
  }
  if (y.length !== x.nRows) throw new RangeError(`gbdt: ${name} and its labels differ in rows`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`gbdt: label ${i} is not 0 or 1`);
  }
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Rows split into training and validation, each class shuffled (seeded) and `fraction` of it
 * held out; a class always keeps at least one training row. Both lists ascend.
 */
function stratifiedSplit(
  y: ArrayLike<number>,
  fraction: number,
  seed: number,
): { train: Int32Array; valid: Int32Array } {
  const rng = Rng.derive(seed, 'gbdt/validation');
  const held = new Uint8Array(y.length);
  let nValid = 0;
  for (const label of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === label) rows.push(i);
    rng.shuffle(rows);
    const take = Math.min(Math.round(fraction * rows.length), rows.length - 1);
    for (let k = 0; k < take; k++) held[rows[k]!] = 1;
    nValid += Math.max(0, take);
  }
  const train = new Int32Array(y.length - nValid);
  const valid = new Int32Array(nValid);
  let t = 0;
  let v = 0;
  for (let i = 0; i < y.length; i++) {
    if (held[i]) valid[v++] = i;
    else train[t++] = i;
  }
  return { train, valid };
}

/**
 * Mean log-loss of the rows' margins against `y`, and each row's gradient and hessian of it
 * written to `gh` (interleaved), in one pass from the rows' odds (exp(margin)); with `refresh`
 * the odds are first recomputed from `margins`.
 */
function lossAndGradients(
  margins: Float64Array,
  odds: Float64Array,
  y: Float64Array,
  gh: Float64Array,
  refresh: boolean,
): number {
  const n = margins.length;
  if (refresh) for (let i = 0; i < n; i++) odds[i] = Math.exp(margins[i]!);
  // The loss is −Σ log p(yᵢ); multiplying the probabilities and taking one log per ~100 rows
  // saves a logarithm per row (the product is renormalised long before it could underflow).
  let logs = 0;
  let product = 1;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    const e = odds[i]!;
    let p: number;
    let q: number;
    if (e < 1e300) {
      q = 1 / (1 + e);
      p = e * q;
    } else {
      // exp(margin) overflowed (a margin above ~690): p is 1 to double precision.
      p = 1;
      q = Math.exp(-margins[i]!);
    }
    const h = p * q;
    gh[2 * i] = p - yi;
    gh[2 * i + 1] = h > MIN_HESSIAN ? h : MIN_HESSIAN;
    const py = yi === 1 ? p : q;
    if (py > 1e-100) {
      product *= py;
      if (product < 1e-200) {
        logs += Math.log(product);
        product = 1;
      }
    } else {
      const m = margins[i]!;
      logs -= m >= 0 ? Math.log1p(Math.exp(-m)) + m * (1 - yi) : Math.log1p(Math.exp(m)) - m * yi;
    }
  }
  return -(logs + Math.log(product)) / n;
}

/** Mean log-loss of rows with margins `margins` and odds `odds` (exp(margin)) against `y`. */
function logLoss(margins: Float64Array, odds: Float64Array, y: Float64Array): number {
  let logs = 0;
  let product = 1;
  for (let i = 0; i < margins.length; i++) {
    const e = odds[i]!;
    const py = y[i] === 1 ? e / (1 + e) : 1 / (1 + e);
    if (py > 1e-100) {
      product *= py;
      if (product < 1e-200) {
        logs += Math.log(product);
        product = 1;
      }
    } else {
      const m = margins[i]!;
      const yi = y[i]!;
      logs -= m >= 0 ? Math.log1p(Math.exp(-m)) + m * (1 - yi) : Math.log1p(Math.exp(m)) - m * yi;
    }
  }
  return -(logs + Math.log(product)) / margins.length;
}

/**
 * Adds `tree`'s output for the rows `rows` of `x` to `margins` and multiplies `odds` by its
 * exponential (one entry per listed row).
 */
function addTree(
  tree: Tree,
  x: FeatureMatrix,
  rows: Int32Array,
  margins: Float64Array,
  odds: Float64Array,
): void {
  const { feature, threshold, left, right, missingLeft, value } = tree;
  const expValue = value.map(Math.exp);
  const { values, nRows } = x;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    let node = 0;
    while (feature[node]! >= 0) {
      const v = values[feature[node]! * nRows + r]!;
      const goLeft = v !== v ? missingLeft[node] === 1 : v < threshold[node]!;
      node = goLeft ? left[node]! : right[node]!;
    }
    margins[k]! += value[node]!;
    odds[k]! *= expValue[node]!;
  }
}
