/**
 * Johnson's relative weights for a logistic regression (Tonidandel & LeBreton, 2010, "Determining
 * the relative importance of predictors in logistic regression: an extension of relative weight
 * analysis", Organizational Research Methods 13(4)). Each predictor's weight is its share of the
 * model's R², split fairly between correlated predictors: the predictors are replaced by their
 * closest orthogonal counterparts Z, y is regressed on Z, and each Z's standardised effect is
 * carried back to the predictors through the loadings Λ = R^{1/2}.
 */

import { symmetricEigen } from './linear-algebra.ts';
import { fitLogistic, imputedMoments, predictLogisticMargins } from './logistic-regression.ts';
import { sigmoid, type FeatureMatrix } from './tree-model.ts';
import { pearson } from '../metrics/correlation.ts';

/** Relative weights of the predictors of a binary outcome. */
export interface RelativeWeights {
  /** Raw weights ε_j, one per feature (0 for a constant one); they sum to `r2`. */
  weights: Float64Array;
  /** The weights as shares of `r2`: they sum to 1 (all 0 when the model explains nothing). */
  rescaled: Float64Array;
  /** R_o²: the squared correlation between the labels and the fitted probabilities. */
  r2: number;
}

/**
 * Eigen-directions of the correlation matrix smaller than this share of the largest are treated
 * as exact collinearity: whitening them would only amplify rounding noise.
 */
const EIGEN_FLOOR = 1e-9;

/**
 * A tiny ridge on the regression of y on Z: it changes nothing measurable on ordinary data but
 * keeps the coefficients finite when the classes are separable.
 */
const RIDGE = 1e-4;

/**
 * The relative weights of the features of `x` for the 0/1 labels `y`, computed on `rows`
 * (default all; repeats count repeatedly; rows with a non-finite label are skipped).
 *
 * Steps: standardise X after mean imputation; R = VΛVᵀ; Z = X·R^{-1/2} (orthonormal); fit a
 * logistic regression of y on Z (coefficients b); β*_k = b_k · s_{Z_k} · R_o / s_logit(ŷ);
 * ε_j = Σ_k λ_jk² β*_k² with λ = R^{1/2}.
 *
 * With R of full rank Z is exactly orthonormal (s_{Z_k} = 1), the SD of the fitted logits is
 * √(Σ_k b_k²) and Σ_j ε_j = R_o². Near-singular R (duplicated or collinear features): directions
 * with eigenvalues below {@link EIGEN_FLOOR} × the largest are dropped from both R^{±1/2}, and
 * s_logit is taken as the SD implied by the loadings, √(Σ_j Σ_k λ_jk² b_k²), which keeps
 * Σ_j ε_j = R_o² exact; collinear features then share their weight.
 */
export function relativeWeights(
  x: FeatureMatrix,
  y: ArrayLike<number>,
  options: { rows?: ArrayLike<number> } = {},
): RelativeWeights {
  const p = x.nFeatures;
  const source = options.rows ?? Int32Array.from({ length: x.nRows }, (_, i) => i);
  const kept: number[] = [];
  for (let k = 0; k < source.length; k++)
    if (Number.isFinite(y[source[k]!]!)) kept.push(source[k]!);
  const rows = Int32Array.from(kept);
  const m = rows.length;
  const labels = Float64Array.from(rows, (i) => y[i]!);

  const weights = new Float64Array(p);
  const rescaled = new Float64Array(p);
  const active: number[] = [];
  const standardised: Float64Array[] = [];
  for (let f = 0; f < p; f++) {
    const { mean, sd } = imputedMoments(x, f, rows);
    if (sd === 0) continue;
    const column = new Float64Array(m);
    const base = f * x.nRows;
    for (let k = 0; k < m; k++) {
      const v = x.values[base + rows[k]!]!;
      column[k] = v === v ? (v - mean) / sd : 0;
    }
    active.push(f);
    standardised.push(column);
  }
  const q = active.length;
  if (q === 0 || m < 2) return { weights, rescaled, r2: 0 };

  const corr = correlations(standardised, m);
  const { values: lambda, vectors: v } = symmetricEigen(corr, q);
  let rank = 0;
  while (rank < q && lambda[rank]! > EIGEN_FLOOR * lambda[0]!) rank++;

  // The whitened principal components U = X V Λ^{-1/2}; Z = U Vᵀ is a rotation of them, so the
  // logistic fit on U is the fit on Z (the ridge is rotation-invariant) with b_Z = V b_U.
  const u = whitened(standardised, m, v, lambda, rank);
  const components: FeatureMatrix = {
    nRows: m,
    nFeatures: rank,
    values: u,
    names: Array.from({ length: rank }, (_, t) => `component ${t + 1}`),
  };
  const model = fitLogistic(components, labels, { l2: RIDGE });
  const logits = predictLogisticMargins(model, components);
  const fitted = logits.map(sigmoid);
  const ro = pearson(labels, fitted) ?? 0;
  const r2 = ro * ro;

  const bz = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    let s = 0;
    for (let t = 0; t < rank; t++) s += v[a * q + t]! * model.coefficients[t]!;
    bz[a] = s;
  }
  const raw = new Float64Array(q);
  let total = 0;
  for (let j = 0; j < q; j++) {
    let s = 0;
    for (let k = 0; k < q; k++) {
      let load = 0;
      for (let t = 0; t < rank; t++) load += v[j * q + t]! * Math.sqrt(lambda[t]!) * v[k * q + t]!;
      s += load * load * bz[k]! * bz[k]!;
    }
    raw[j] = s;
    total += s;
  }
  if (!(total > 0) || !(r2 > 0)) return { weights, rescaled, r2 };
  // raw_j · R_o² / total is Σ_k λ_jk² β*_k² with β*_k = b_k · R_o / s_logit and s_logit² = total.
  active.forEach((f, j) => {
    weights[f] = (raw[j]! * r2) / total;
    rescaled[f] = raw[j]! / total;
  });
  return { weights, rescaled, r2 };
}

/**
 * The correlation matrix (q × q) of standardised columns of `m` rows. Four columns are paired
 * with column a in one pass over it; each entry still sums its products in row order.
 */
function correlations(columns: Float64Array[], m: number): Float64Array {
  const q = columns.length;
  const corr = new Float64Array(q * q);
  const set = (a: number, b: number, s: number) => {
    corr[a * q + b] = s / m;
    corr[b * q + a] = s / m;
  };
  for (let a = 0; a < q; a++) {
    const ca = columns[a]!;
    let b = a;
    for (; b + 3 < q; b += 4) {
      const c0 = columns[b]!;
      const c1 = columns[b + 1]!;
      const c2 = columns[b + 2]!;
      const c3 = columns[b + 3]!;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < m; k++) {
        const x = ca[k]!;
        s0 += x * c0[k]!;
        s1 += x * c1[k]!;
        s2 += x * c2[k]!;
        s3 += x * c3[k]!;
      }
      set(a, b, s0);
      set(a, b + 1, s1);
      set(a, b + 2, s2);
      set(a, b + 3, s3);
    }
    for (; b < q; b++) {
      const cb = columns[b]!;
      let s = 0;
      for (let k = 0; k < m; k++) s += ca[k]! * cb[k]!;
      set(a, b, s);
    }
  }
  return corr;
}

/**
 * The whitened principal components U = X V Λ^{-1/2} (column-major, `rank` columns of `m`
 * rows) of the standardised columns X. Four components are built in one pass over each column
 * of X; each still adds the columns in order.
 */
function whitened(
  columns: Float64Array[],
  m: number,
  vectors: Float64Array,
  lambda: Float64Array,
  rank: number,
): Float64Array {
  const q = columns.length;
  const u = new Float64Array(m * rank);
  const load = (a: number, t: number) => vectors[a * q + t]! * (1 / Math.sqrt(lambda[t]!));
  let t = 0;
  for (; t + 3 < rank; t += 4) {
    const o0 = u.subarray(t * m, (t + 1) * m);
    const o1 = u.subarray((t + 1) * m, (t + 2) * m);
    const o2 = u.subarray((t + 2) * m, (t + 3) * m);
    const o3 = u.subarray((t + 3) * m, (t + 4) * m);
    for (let a = 0; a < q; a++) {
      const l0 = load(a, t);
      const l1 = load(a, t + 1);
      const l2 = load(a, t + 2);
      const l3 = load(a, t + 3);
      const ca = columns[a]!;
      for (let k = 0; k < m; k++) {
        const x = ca[k]!;
        o0[k] = o0[k]! + l0 * x;
        o1[k] = o1[k]! + l1 * x;
        o2[k] = o2[k]! + l2 * x;
        o3[k] = o3[k]! + l3 * x;
      }
    }
  }
  for (; t < rank; t++) {
    const out = u.subarray(t * m, (t + 1) * m);
    for (let a = 0; a < q; a++) {
      const l = load(a, t);
      if (l === 0) continue;
      const ca = columns[a]!;
      for (let k = 0; k < m; k++) out[k] = out[k]! + l * ca[k]!;
    }
  }
  return u;
}

/**
 * Sums raw relative weights per group (`groups[f]` is feature f's group; a negative index leaves
 * the feature out). Relative weights are additive, so a one-hot-expanded column's weight is the
 * sum over its indicator features.
 */
export function groupWeights(
  weights: ArrayLike<number>,
  groups: Int32Array,
  nGroups: number,
): Float64Array {
  const out = new Float64Array(nGroups);
  for (let f = 0; f < weights.length; f++) {
    const g = groups[f]!;
    if (g >= 0 && g < nGroups) out[g] = out[g]! + weights[f]!;
  }
  return out;
}
