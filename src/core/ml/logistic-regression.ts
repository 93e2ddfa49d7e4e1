/**
 * L2-penalised logistic regression by Newton's method (IRLS), the linear baseline of the
 * key-driver analysis. Features are standardised internally so that the penalty treats them
 * alike and the Newton system stays well conditioned; the fitted model is reported on the
 * original feature scale. Missing values (NaN) are imputed with the training column mean.
 */

import { solveSymmetricPositive } from './linear-algebra.ts';
import { sigmoid, type FeatureMatrix } from './tree-model.ts';

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /**
   * Ridge penalty `l2/2 · Σβ²` on the standardised coefficients, added to the summed (not
   * averaged) negative log-likelihood; the intercept is not penalised. Default 1.
   */
  l2?: number;
  /** Newton iterations at most (default 100). */
  maxIter?: number;
  /** Converged when no standardised coefficient moves by more than this (default 1e-8). */
  tol?: number;
  /** The rows to fit on (repeats count repeatedly, as in a bootstrap sample); default all. */
  rows?: ArrayLike<number>;
}

/** A fitted logistic regression: `logit P(y = 1) = intercept + Σ coefficients[f] · x_f`. */
export interface LogisticModel {
  intercept: number;
  /** One per feature, on the original feature scale; 0 for a constant (or all-missing) feature. */
  coefficients: Float64Array;
  /** Training means per feature: what a missing value is imputed with (0 when all missing). */
  means: Float64Array;
  /** Training standard deviations per feature, after imputation (0 for a constant feature). */
  sds: Float64Array;
  /** Whether Newton's method met `tol` within `maxIter` iterations. */
  converged: boolean;
  /** Newton iterations on all the fit rows (a large fit's warm start on a sample not counted). */
  iterations: number;
}

/** A feature counts as constant below this SD relative to its magnitude. */
const CONSTANT_SD = 1e-10;

/** `log(1 + e^η)` without overflow. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

/** Σ a[k]·b[k] over the first n entries, four partial sums to shorten the dependency chain. */
function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += a[k]! * b[k]!;
    s1 += a[k + 1]! * b[k + 1]!;
    s2 += a[k + 2]! * b[k + 2]!;
    s3 += a[k + 3]! * b[k + 3]!;
  }
  for (; k < n; k++) s0 += a[k]! * b[k]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Four dot products of `a` with `b0..b3` in one pass (into `out`): `a` is read once, which
 * roughly halves the Hessian's cost against four separate dot products.
 */
function dot4(
  a: Float64Array,
  b0: Float64Array,
  b1: Float64Array,
  b2: Float64Array,
  b3: Float64Array,
  n: number,
  out: Float64Array,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = 0; k < n; k++) {
    const v = a[k]!;
    s0 += v * b0[k]!;
    s1 += v * b1[k]!;
    s2 += v * b2[k]!;
    s3 += v * b3[k]!;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

/** Row indices to fit on: `rows` (or all rows) whose label is a finite number. */
function fitRowsOf(nRows: number, y: ArrayLike<number>, rows?: ArrayLike<number>): Int32Array {
  const source = rows ?? Int32Array.from({ length: nRows }, (_, i) => i);
  const out = new Int32Array(source.length);
  let m = 0;
  for (let k = 0; k < source.length; k++) {
    const i = source[k]!;
    if (i < 0 || i >= nRows) throw new RangeError(`row ${i} is outside 0..${nRows - 1}`);
    if (Number.isFinite(y[i]!)) out[m++] = i;
  }
  return out.subarray(0, m);
}

/** Above this many rows, Newton starts from a fit on a strided sample of rows. */
const WARM_START_ROWS = 50_000;
/** About how many rows the warm-start fit uses. */
const WARM_START_SAMPLE = 10_000;

/**
 * The penalised negative log-likelihood of a standardised design (`columns[0]` all ones, its
 * coefficient unpenalised) and what Newton's method needs of it.
 */
interface PenalisedProblem {
  columns: Float64Array[];
  labels: Float64Array;
  l2: number;
  /** The loss at `beta`; fills `eta` with the margins. */
  objective(beta: Float64Array, eta: Float64Array): number;
}

function penalisedProblem(
  columns: Float64Array[],
  labels: Float64Array,
  l2: number,
): PenalisedProblem {
  const m = labels.length;
  const q = columns.length;
  const objective = (beta: Float64Array, eta: Float64Array): number => {
    eta.fill(beta[0]!);
    for (let j = 1; j < q; j++) {
      const b = beta[j]!;
      if (b === 0) continue;
      const column = columns[j]!;
      for (let k = 0; k < m; k++) eta[k] = eta[k]! + b * column[k]!;
    }
    let loss = 0;
    for (let k = 0; k < m; k++) loss += softplus(eta[k]!) - labels[k]! * eta[k]!;
    let penalty = 0;
    for (let j = 1; j < q; j++) penalty += beta[j]! * beta[j]!;
    return loss + 0.5 * l2 * penalty;
  };
  return { columns, labels, l2, objective };
}

/**
 * Newton's method with step halving from `start`: solves `(XᵀWX + λI) δ = ∇` by Cholesky and
 * stops once no coefficient moves by `tol` or more.
 */
function newton(
  problem: PenalisedProblem,
  start: Float64Array,
  limits: { maxIter: number; tol: number },
): { beta: Float64Array; converged: boolean; iterations: number } {
  const { columns, labels, l2, objective } = problem;
  const m = labels.length;
  const q = columns.length;
  let beta = Float64Array.from(start);
  let eta = new Float64Array(m);
  let trialEta = new Float64Array(m);
  let trial = new Float64Array(q);
  let loss = objective(beta, eta);
  const gradient = new Float64Array(q);
  const hessian = new Float64Array(q * q);
  const residual = new Float64Array(m);
  const weight = new Float64Array(m);
  const weighted = new Float64Array(m);
  const four = new Float64Array(4);
  let converged = false;
  let iterations = 0;

  while (iterations < limits.maxIter && m > 0) {
    iterations++;
    for (let k = 0; k < m; k++) {
      const mu = sigmoid(eta[k]!);
      weight[k] = mu * (1 - mu);
      residual[k] = labels[k]! - mu;
    }
    for (let j = 0; j < q; j++) {
      const xj = columns[j]!;
      gradient[j] = dot(xj, residual, m) - (j > 0 ? l2 * beta[j]! : 0);
      for (let k = 0; k < m; k++) weighted[k] = weight[k]! * xj[k]!;
      let i = j;
      for (; i + 3 < q; i += 4) {
        dot4(weighted, columns[i]!, columns[i + 1]!, columns[i + 2]!, columns[i + 3]!, m, four);
        for (let t = 0; t < 4; t++) hessian[j * q + i + t] = four[t]!;
      }
      for (; i < q; i++) hessian[j * q + i] = dot(weighted, columns[i]!, m);
      if (j > 0) hessian[j * q + j] = hessian[j * q + j]! + l2;
      for (let t = j + 1; t < q; t++) hessian[t * q + j] = hessian[j * q + t]!;
    }
    const delta = solveSymmetricPositive(hessian, gradient, q);

    let step = 1;
    let trialLoss = Infinity;
    // Slack at rounding level of the loss, so that a step at the optimum is not refused forever.
    const slack = 1e-12 * (1 + Math.abs(loss));
    for (let halvings = 0; halvings < 40; halvings++, step /= 2) {
      for (let j = 0; j < q; j++) trial[j] = beta[j]! + step * delta[j]!;
      trialLoss = objective(trial, trialEta);
      if (trialLoss <= loss + slack) break;
    }
    if (!(trialLoss <= loss + slack)) break;
    let moved = 0;
    for (let j = 0; j < q; j++) moved = Math.max(moved, Math.abs(step * delta[j]!));
    [beta, trial] = [trial, beta];
    [eta, trialEta] = [trialEta, eta];
    loss = trialLoss;
    if (moved < limits.tol) {
      converged = true;
      break;
    }
  }
  return { beta, converged, iterations };
}

/**
 * Mean (over the non-missing values of `rows`) and SD after mean imputation of feature `f`;
 * the mean is 0 for an all-missing feature.
 */
export function imputedMoments(
  x: FeatureMatrix,
  f: number,
  rows: ArrayLike<number>,
): { mean: number; sd: number } {
  const base = f * x.nRows;
  let sum = 0;
  let count = 0;
  for (let k = 0; k < rows.length; k++) {
    const v = x.values[base + rows[k]!]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  const mean = count > 0 ? sum / count : 0;
  let ss = 0;
  for (let k = 0; k < rows.length; k++) {
    const v = x.values[base + rows[k]!]!;
    if (v === v) ss += (v - mean) * (v - mean);
  }
  const sd = rows.length > 0 ? Math.sqrt(ss / rows.length) : 0;
  return { mean, sd: sd > CONSTANT_SD * (1 + Math.abs(mean)) ? sd : 0 };
}

/**
 * Fits an L2-penalised logistic regression of the 0/1 labels `y` on `x` (rows whose label is not
 * a finite number are skipped). Newton steps solve `(XᵀWX + λI) δ = ∇` by Cholesky, with step
 * halving whenever a full step would not lower the penalised loss, so even perfectly separable
 * data ends at finite coefficients when `l2 > 0`.
 */
export function fitLogistic(
  x: FeatureMatrix,
  y: ArrayLike<number>,
  options: LogisticOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1;
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-8;
  const { nRows, nFeatures } = x;
  const rows = fitRowsOf(nRows, y, options.rows);
  const m = rows.length;

  const means = new Float64Array(nFeatures);
  const sds = new Float64Array(nFeatures);
  const active: number[] = [];
  for (let f = 0; f < nFeatures; f++) {
    const { mean, sd } = imputedMoments(x, f, rows);
    means[f] = mean;
    sds[f] = sd;
    if (sd > 0) active.push(f);
  }

  // Column-major standardised design, column 0 all ones: every Hessian entry is then one dot
  // product of two contiguous columns, far faster than accumulating outer products row by row.
  const q = active.length + 1;
  const design = new Float64Array(m * q);
  design.fill(1, 0, m);
  const labels = new Float64Array(m);
  let ySum = 0;
  for (let k = 0; k < m; k++) {
    labels[k] = y[rows[k]!]!;
    ySum += labels[k]!;
  }
  const columns: Float64Array[] = [design.subarray(0, m)];
  active.forEach((f, a) => {
    const base = f * nRows;
    const mean = means[f]!;
    const sd = sds[f]!;
    const column = design.subarray((a + 1) * m, (a + 2) * m);
    for (let k = 0; k < m; k++) {
      const v = x.values[base + rows[k]!]!;
      column[k] = v === v ? (v - mean) / sd : 0;
    }
    columns.push(column);
  });

  const share = m > 0 ? Math.min(1 - 1e-6, Math.max(1e-6, ySum / m)) : 0.5;
  let start: Float64Array = new Float64Array(q);
  start[0] = Math.log(share / (1 - share));
  const problem = penalisedProblem(columns, labels, l2);
  if (m >= WARM_START_ROWS) {
    // Newton from a nearby start needs about half the full-data iterations; the optimum is
    // unique (strictly convex for l2 > 0), so the start only changes the cost, never the answer.
    const stride = Math.floor(m / WARM_START_SAMPLE);
    const sub = Math.ceil(m / stride);
    const pick = (c: Float64Array) => Float64Array.from({ length: sub }, (_, k) => c[k * stride]!);
    const warm = newton(penalisedProblem(columns.map(pick), pick(labels), (l2 * sub) / m), start, {
      maxIter,
      tol: 1e-4,
    });
    const scratch = new Float64Array(m);
    if (problem.objective(warm.beta, scratch) < problem.objective(start, scratch))
      start = warm.beta;
  }
  const { beta, converged, iterations } = newton(problem, start, { maxIter, tol });

  const coefficients = new Float64Array(nFeatures);
  let intercept = beta[0]!;
  active.forEach((f, a) => {
    const c = beta[a + 1]! / sds[f]!;
    coefficients[f] = c;
    intercept -= c * means[f]!;
  });
  return { intercept, coefficients, means, sds, converged, iterations };
}

/** The model's margin (log-odds) for row `row` of `x`, a missing value imputed with its mean. */
export function predictLogisticMargin(model: LogisticModel, x: FeatureMatrix, row: number): number {
  let margin = model.intercept;
  for (let f = 0; f < model.coefficients.length; f++) {
    const c = model.coefficients[f]!;
    if (c === 0) continue;
    const v = x.values[f * x.nRows + row]!;
    margin += c * (v === v ? v : model.means[f]!);
  }
  return margin;
}

/** The model's probability that row `row` of `x` is positive. */
export function predictLogistic(model: LogisticModel, x: FeatureMatrix, row: number): number {
  return sigmoid(predictLogisticMargin(model, x, row));
}

/** The model's margins (log-odds) for every row of `x`. */
export function predictLogisticMargins(model: LogisticModel, x: FeatureMatrix): Float64Array {
  if (x.nFeatures !== model.coefficients.length) {
    throw new RangeError(
      `the model has ${model.coefficients.length} features, the matrix ${x.nFeatures}`,
    );
  }
  const out = new Float64Array(x.nRows).fill(model.intercept);
  for (let f = 0; f < x.nFeatures; f++) {
    const c = model.coefficients[f]!;
    if (c === 0) continue;
    const mean = model.means[f]!;
    const base = f * x.nRows;
    for (let i = 0; i < x.nRows; i++) {
      const v = x.values[base + i]!;
      out[i] = out[i]! + c * (v === v ? v : mean);
    }
  }
  return out;
}
