import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskySolve,
  solveSymmetricPositive,
} from '../../src/core/ml/linear-algebra.ts';
import {
  fitLogistic,
  predictLogistic,
  predictLogisticMargins,
} from '../../src/core/ml/logistic-regression.ts';
import { sigmoid, type FeatureMatrix } from '../../src/core/ml/tree-model.ts';
import { Rng } from '../../src/core/random.ts';
import { SLOW } from './slow.ts';

/** A feature matrix from columns. */
function matrix(columns: ArrayLike<number>[]): FeatureMatrix {
  const nRows = columns[0]!.length;
  const values = new Float64Array(nRows * columns.length);
  columns.forEach((c, f) => values.set(Array.from(c), f * nRows));
  return { nRows, nFeatures: columns.length, values, names: columns.map((_, f) => `x${f}`) };
}

/** n rows of three features on different scales with logit = −1 + 0.8·x0 − 0.5·x1 + 0.2·x2. */
function simulate(n: number, seed: number) {
  const rng = new Rng(seed);
  const x0 = Float64Array.from({ length: n }, () => rng.normal());
  const x1 = Float64Array.from({ length: n }, () => rng.normal(2, 3));
  const x2 = Float64Array.from({ length: n }, () => rng.uniform(0, 10));
  const truth = { intercept: -1, beta: [0.8, -0.5, 0.2] };
  const y = Float64Array.from({ length: n }, (_, i) =>
    rng.bernoulli(sigmoid(truth.intercept + 0.8 * x0[i]! - 0.5 * x1[i]! + 0.2 * x2[i]!)) ? 1 : 0,
  );
  return { x: matrix([x0, x1, x2]), y, truth };
}

describe('fitLogistic', () => {
  it('recovers known coefficients on the original feature scale', () => {
    const { x, y, truth } = simulate(20_000, 1);
    const model = fitLogistic(x, y);
    expect(model.converged).toBe(true);
    truth.beta.forEach((b, f) => expect(Math.abs(model.coefficients[f]! - b)).toBeLessThan(0.1));
    expect(Math.abs(model.intercept - truth.intercept)).toBeLessThan(0.1);
  });

  it('ends at the penalised optimum on a fit large enough for the warm start', SLOW, () => {
    const { x, y } = simulate(60_000, 2);
    const model = fitLogistic(x, y, { l2: 5 });
    expect(model.converged).toBe(true);
    const margins = predictLogisticMargins(model, x);
    // The penalty is l2/2 · Σ (b_f · sd_f)², so ∂/∂b_f = Σ x_f (μ − y) + l2 · sd_f² · b_f = 0.
    for (let f = 0; f < x.nFeatures; f++) {
      let gradient = 5 * model.sds[f]! ** 2 * model.coefficients[f]!;
      for (let i = 0; i < x.nRows; i++) {
        gradient += x.values[f * x.nRows + i]! * (sigmoid(margins[i]!) - y[i]!);
      }
      expect(Math.abs(gradient) / (model.sds[f]! * x.nRows)).toBeLessThan(1e-9);
    }
    let interceptGradient = 0;
    for (let i = 0; i < x.nRows; i++) interceptGradient += sigmoid(margins[i]!) - y[i]!;
    expect(Math.abs(interceptGradient) / x.nRows).toBeLessThan(1e-9);
  });

  it('fits on a subset of rows as on a matrix of only those rows, repeats counting twice', () => {
    const { x, y } = simulate(2_000, 3);
    const rows = [5, 5, 9, 100, 100, 100, ...Array.from({ length: 900 }, (_, i) => 1000 + i)];
    const fromRows = fitLogistic(x, y, { rows });
    const copied = matrix([0, 1, 2].map((f) => rows.map((i) => x.values[f * x.nRows + i]!)));
    const direct = fitLogistic(
      copied,
      rows.map((i) => y[i]!),
    );
    expect(fromRows.intercept).toBeCloseTo(direct.intercept, 10);
    fromRows.coefficients.forEach((c, f) => expect(c).toBeCloseTo(direct.coefficients[f]!, 10));
  });

  it('stays finite on perfectly separable data thanks to the ridge', () => {
    const rng = new Rng(4);
    const x0 = Array.from({ length: 200 }, (_, i) => (i < 100 ? -1 - rng.next() : 1 + rng.next()));
    const y = x0.map((v) => (v > 0 ? 1 : 0));
    const model = fitLogistic(matrix([x0]), y);
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.coefficients[0]!)).toBe(true);
    expect(model.coefficients[0]!).toBeGreaterThan(0);
    expect(model.coefficients[0]!).toBeLessThan(20);
    const margins = predictLogisticMargins(model, matrix([x0]));
    margins.forEach((m, i) => expect(m > 0).toBe(y[i] === 1));
    // A weaker ridge lets the coefficient grow, still to a finite value.
    const weak = fitLogistic(matrix([x0]), y, { l2: 1e-3 });
    expect(weak.coefficients[0]!).toBeGreaterThan(model.coefficients[0]!);
    expect(Number.isFinite(weak.coefficients[0]!)).toBe(true);
  });

  it('imputes a missing value with the training mean, in the fit and in prediction', () => {
    const { x, y } = simulate(5_000, 5);
    const values = Float64Array.from(x.values);
    const rng = new Rng(6);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < x.nRows; i++) {
      if (rng.bernoulli(0.1)) values[i] = NaN;
      else {
        sum += values[i]!;
        count++;
      }
    }
    const withGaps: FeatureMatrix = { ...x, values };
    const model = fitLogistic(withGaps, y);
    expect(model.means[0]).toBeCloseTo(sum / count, 12);
    expect(Math.abs(model.coefficients[0]! - 0.8)).toBeLessThan(0.15);
    const missingRow = Array.from({ length: x.nRows }, (_, i) => i).find((i) =>
      Number.isNaN(values[i]!),
    )!;
    const filled = Float64Array.from(values);
    filled[missingRow] = model.means[0]!;
    expect(predictLogistic(model, withGaps, missingRow)).toBeCloseTo(
      predictLogistic(model, { ...x, values: filled }, missingRow),
      14,
    );
    expect(predictLogisticMargins(model, withGaps).every(Number.isFinite)).toBe(true);
  });

  it('gives a constant or all-missing column a coefficient of 0', () => {
    const { x, y } = simulate(3_000, 7);
    const columns = [0, 1, 2].map((f) => x.values.subarray(f * x.nRows, (f + 1) * x.nRows));
    const constant = new Float64Array(x.nRows).fill(4.2);
    const missing = new Float64Array(x.nRows).fill(NaN);
    const model = fitLogistic(matrix([columns[0]!, constant, columns[1]!, missing]), y);
    expect(model.coefficients[1]).toBe(0);
    expect(model.coefficients[3]).toBe(0);
    expect(model.sds[1]).toBe(0);
    expect(Math.abs(model.coefficients[0]! - 0.8)).toBeLessThan(0.15);
    expect(Math.abs(model.coefficients[2]! + 0.5)).toBeLessThan(0.1);
  });

  it('predicts probabilities strictly inside (0, 1) that agree with the margins', () => {
    const { x, y } = simulate(2_000, 8);
    const model = fitLogistic(x, y);
    const margins = predictLogisticMargins(model, x);
    for (let i = 0; i < x.nRows; i++) {
      const p = predictLogistic(model, x, i);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      expect(p).toBeCloseTo(sigmoid(margins[i]!), 14);
    }
  });

  it('skips rows whose label is missing', () => {
    const { x, y } = simulate(2_000, 9);
    const gappy = Float64Array.from(y, (v, i) => (i % 10 === 0 ? NaN : v));
    const kept = Array.from({ length: x.nRows }, (_, i) => i).filter((i) => i % 10 !== 0);
    const a = fitLogistic(x, gappy);
    const b = fitLogistic(x, y, { rows: kept });
    a.coefficients.forEach((c, f) => expect(c).toBeCloseTo(b.coefficients[f]!, 12));
  });
});

describe('Cholesky', () => {
  it('solves a positive definite system', () => {
    const a = [4, 2, 0.4, 2, 5, 1, 0.4, 1, 3];
    const x = [1, -2, 0.5];
    const b = [0, 1, 2].map(
      (i) => a[i * 3]! * x[0]! + a[i * 3 + 1]! * x[1]! + a[i * 3 + 2]! * x[2]!,
    );
    const solved = choleskySolve(cholesky(a, 3)!, b, 3);
    solved.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 12));
  });

  it('refuses an indefinite matrix, and the safe solver still returns finite values', () => {
    const singular = [1, 1, 1, 1];
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
    const solved = solveSymmetricPositive(singular, [2, 2], 2);
    expect(solved.every(Number.isFinite)).toBe(true);
    expect(solved[0]! + solved[1]!).toBeCloseTo(2, 6);
  });
});
