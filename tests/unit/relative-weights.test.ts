import { describe, expect, it } from 'vitest';
import { bootstrapIntervals } from '../../src/core/ml/bootstrap.ts';
import { symmetricEigen } from '../../src/core/ml/linear-algebra.ts';
import { fitLogistic, predictLogisticMargins } from '../../src/core/ml/logistic-regression.ts';
import { groupWeights, relativeWeights } from '../../src/core/ml/relative-weights.ts';
import { sigmoid, type FeatureMatrix } from '../../src/core/ml/tree-model.ts';
import { Rng } from '../../src/core/random.ts';

/** A feature matrix from columns. */
function matrix(columns: ArrayLike<number>[]): FeatureMatrix {
  const nRows = columns[0]!.length;
  const values = new Float64Array(nRows * columns.length);
  columns.forEach((c, f) => values.set(Array.from(c), f * nRows));
  return { nRows, nFeatures: columns.length, values, names: columns.map((_, f) => `x${f}`) };
}

/** 0/1 labels drawn with probability sigmoid(logit[i]). */
function labels(rng: Rng, logit: (i: number) => number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (rng.bernoulli(sigmoid(logit(i))) ? 1 : 0));
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/** Mean and population SD. */
function moments(a: ArrayLike<number>): { mean: number; sd: number } {
  const mean = sum(a) / a.length;
  return { mean, sd: Math.sqrt(Array.from(a).reduce((s, v) => s + (v - mean) ** 2, 0) / a.length) };
}

/**
 * Tonidandel & LeBreton's steps taken literally (Z = X_std R^{-1/2}, the empirical SDs of Z and
 * of the fitted logits), for full-rank data without missing values.
 */
function textbookWeights(columns: Float64Array[], y: Float64Array): Float64Array {
  const n = y.length;
  const p = columns.length;
  const std = columns.map((c) => {
    const { mean, sd } = moments(c);
    return c.map((v) => (v - mean) / sd);
  });
  const r = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) r[a * p + b] = sum(std[a]!.map((v, i) => v * std[b]![i]!)) / n;
  }
  const { values: lambda, vectors: v } = symmetricEigen(r, p);
  const power = (e: number) => {
    const out = new Float64Array(p * p);
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        let s = 0;
        for (let t = 0; t < p; t++) s += v[a * p + t]! * lambda[t]! ** e * v[b * p + t]!;
        out[a * p + b] = s;
      }
    }
    return out;
  };
  const invRoot = power(-0.5);
  const root = power(0.5);
  const z = Array.from({ length: p }, (_, k) =>
    Float64Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let a = 0; a < p; a++) s += std[a]![i]! * invRoot[a * p + k]!;
      return s;
    }),
  );
  const model = fitLogistic(matrix(z), y, { l2: 0 });
  const logits = predictLogisticMargins(model, matrix(z));
  const fitted = logits.map(sigmoid);
  const my = moments(y);
  const mf = moments(fitted);
  const ro = sum(y.map((v, i) => (v - my.mean) * (fitted[i]! - mf.mean))) / n / (my.sd * mf.sd);
  const sLogit = moments(logits).sd;
  const betaStar = z.map((zk, k) => (model.coefficients[k]! * moments(zk).sd * ro) / sLogit);
  return Float64Array.from({ length: p }, (_, j) =>
    sum(betaStar.map((b, k) => root[j * p + k]! ** 2 * b * b)),
  );
}

describe('relativeWeights', () => {
  it('adds up to R² and matches the published steps taken literally', () => {
    const rng = new Rng(1);
    const n = 4_000;
    const common = Array.from({ length: n }, () => rng.normal());
    const columns = [0.6, 0.3, 0, 0.5].map((share) =>
      Float64Array.from(common, (c) => Math.sqrt(share) * c + Math.sqrt(1 - share) * rng.normal()),
    );
    columns[3] = columns[3]!.map((v) => 10 * v + 3);
    const y = labels(
      rng,
      (i) => -0.3 + columns[0]![i]! - 0.5 * columns[1]![i]! + 0.03 * columns[3]![i]!,
      n,
    );
    const rw = relativeWeights(matrix(columns), y);
    expect(rw.r2).toBeGreaterThan(0.1);
    expect(Math.abs(sum(rw.weights) - rw.r2)).toBeLessThan(1e-9);
    expect(sum(rw.rescaled)).toBeCloseTo(1, 12);
    const textbook = textbookWeights(columns, y);
    rw.weights.forEach((w, j) => expect(w).toBeCloseTo(textbook[j]!, 6));
  });

  it('ranks the predictor with the bigger true effect first among independent ones', () => {
    const rng = new Rng(2);
    const n = 5_000;
    const a = Float64Array.from({ length: n }, () => rng.normal());
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const y = labels(rng, (i) => 0.4 * a[i]! + 1.1 * b[i]!, n);
    const rw = relativeWeights(matrix([a, b]), y);
    expect(rw.weights[1]!).toBeGreaterThan(2 * rw.weights[0]!);
  });

  it('splits the weight of two highly correlated copies of one predictor roughly evenly', () => {
    const rng = new Rng(3);
    const n = 5_000;
    const z = Array.from({ length: n }, () => rng.normal());
    // Corr(copy1, copy2) = 1 / (1 + s²) = 0.95.
    const s = Math.sqrt(1 / 0.95 - 1);
    const copy1 = Float64Array.from(z, (v) => v + s * rng.normal());
    const copy2 = Float64Array.from(z, (v) => v + s * rng.normal());
    const other = Float64Array.from({ length: n }, () => rng.normal());
    const y = labels(rng, (i) => 1.2 * z[i]! + 0.5 * other[i]!, n);
    const rw = relativeWeights(matrix([copy1, copy2, other]), y);
    const pair = rw.weights[0]! + rw.weights[1]!;
    for (const w of [rw.weights[0]!, rw.weights[1]!]) {
      expect(w / pair).toBeGreaterThan(0.35);
      expect(w / pair).toBeLessThan(0.65);
    }
    expect(Math.abs(sum(rw.weights) - rw.r2)).toBeLessThan(1e-9);
  });

  it('gives a pure-noise predictor less than 2% of R²', () => {
    const rng = new Rng(4);
    const n = 5_000;
    const signal = Float64Array.from({ length: n }, () => rng.normal());
    const noise = Float64Array.from({ length: n }, () => rng.normal(5, 2));
    const y = labels(rng, (i) => 1.5 * signal[i]!, n);
    const rw = relativeWeights(matrix([noise, signal]), y);
    expect(rw.rescaled[0]!).toBeLessThan(0.02);
    expect(rw.rescaled[1]!).toBeGreaterThan(0.98);
  });

  it('copes with exact collinearity: duplicates share, constants get 0, the sum stays R²', () => {
    const rng = new Rng(5);
    const n = 3_000;
    const a = Float64Array.from({ length: n }, () => rng.normal());
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const y = labels(rng, (i) => a[i]! + 0.5 * b[i]!, n);
    const constant = new Float64Array(n).fill(7);
    const rw = relativeWeights(matrix([a, a.map((v) => 3 * v - 1), b, constant]), y);
    expect(rw.weights.every(Number.isFinite)).toBe(true);
    expect(rw.weights[0]!).toBeCloseTo(rw.weights[1]!, 9);
    expect(rw.weights[3]).toBe(0);
    expect(Math.abs(sum(rw.weights) - rw.r2)).toBeLessThan(1e-9);
    // Doubling a predictor moves none of the fit: R² equals the one without the copy.
    expect(rw.r2).toBeCloseTo(relativeWeights(matrix([a, b]), y).r2, 6);
  });

  it('reports a one-hot column under its original column, as with reference coding', () => {
    const rng = new Rng(6);
    const n = 6_000;
    const level = Int32Array.from({ length: n }, () => rng.int(0, 2));
    const numeric = Float64Array.from({ length: n }, () => rng.normal());
    const y = labels(rng, (i) => [-0.8, 0, 0.9][level[i]!]! + 0.7 * numeric[i]!, n);
    const indicator = (l: number) => Float64Array.from(level, (v) => (v === l ? 1 : 0));
    // All three indicators (their correlation matrix is singular) versus two of them.
    const full = relativeWeights(matrix([indicator(0), indicator(1), indicator(2), numeric]), y);
    const reduced = relativeWeights(matrix([indicator(1), indicator(2), numeric]), y);
    const fullGroups = groupWeights(full.weights, Int32Array.from([0, 0, 0, 1]), 2);
    const reducedGroups = groupWeights(reduced.weights, Int32Array.from([0, 0, 1]), 2);
    expect(full.r2).toBeCloseTo(reduced.r2, 6);
    expect(fullGroups[0]!).toBeCloseTo(reducedGroups[0]!, 4);
    expect(fullGroups[1]!).toBeCloseTo(reducedGroups[1]!, 4);
    expect(fullGroups[0]! + fullGroups[1]!).toBeCloseTo(full.r2, 9);
  });

  it('uses only the given rows, repeats counting twice, and skips missing labels', () => {
    const rng = new Rng(7);
    const n = 2_000;
    const a = Float64Array.from({ length: n }, () => (rng.bernoulli(0.1) ? NaN : rng.normal()));
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const y = labels(rng, (i) => (Number.isNaN(a[i]!) ? 0 : a[i]!) - b[i]!, n);
    const rows = [3, 3, 3, 8, ...Array.from({ length: 1000 }, (_, i) => 500 + i)];
    const fromRows = relativeWeights(matrix([a, b]), y, { rows });
    const pick = (c: Float64Array) => rows.map((i) => c[i]!);
    const direct = relativeWeights(
      matrix([pick(a), pick(b)]),
      rows.map((i) => y[i]!),
    );
    fromRows.weights.forEach((w, j) => expect(w).toBeCloseTo(direct.weights[j]!, 12));
    const gappy = Float64Array.from(y, (v, i) => (i < 1000 ? NaN : v));
    const tail = Array.from({ length: 1000 }, (_, i) => 1000 + i);
    expect(relativeWeights(matrix([a, b]), gappy).r2).toBeCloseTo(
      relativeWeights(matrix([a, b]), y, { rows: tail }).r2,
      12,
    );
  });

  it('is all zeros when nothing varies', () => {
    const rw = relativeWeights(matrix([[1, 1, 1, 1]]), [0, 1, 0, 1]);
    expect(Array.from(rw.weights)).toEqual([0]);
    expect(rw.r2).toBe(0);
  });
});

describe('groupWeights', () => {
  it('sums raw weights per group and leaves out features without one', () => {
    const totals = groupWeights([0.1, 0.2, 0.3, 0.05], Int32Array.from([0, 1, 0, -1]), 3);
    expect(Array.from(totals).map((v) => +v.toFixed(12))).toEqual([0.4, 0.2, 0]);
  });
});

describe('symmetricEigen', () => {
  it('reconstructs a symmetric matrix from orthonormal eigenvectors, values descending', () => {
    const rng = new Rng(8);
    const n = 6;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    }
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 1; k < n; k++) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let back = 0;
        let gram = 0;
        for (let k = 0; k < n; k++) {
          back += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
          gram += vectors[k * n + i]! * vectors[k * n + j]!;
        }
        expect(back).toBeCloseTo(a[i * n + j]!, 12);
        expect(gram).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});

describe('bootstrapIntervals', () => {
  const rng = new Rng(9);
  const data = Float64Array.from({ length: 5_000 }, () => rng.normal(10, 2));
  const mean = (rows: Int32Array) => {
    let s = 0;
    for (const i of rows) s += data[i]!;
    return Float64Array.of(s / rows.length);
  };
  const fullMean = sum(data) / data.length;

  it('brackets the full-sample statistic, about ±1.96 standard errors wide', () => {
    const { lower, upper } = bootstrapIntervals(data.length, mean, { seed: 1 });
    expect(lower[0]!).toBeLessThan(fullMean);
    expect(upper[0]!).toBeGreaterThan(fullMean);
    const expected = 2 * 1.96 * (2 / Math.sqrt(data.length));
    expect((upper[0]! - lower[0]!) / expected).toBeGreaterThan(0.75);
    expect((upper[0]! - lower[0]!) / expected).toBeLessThan(1.25);
  });

  it('narrows with more rows per replicate', () => {
    const small = bootstrapIntervals(data.length, mean, { seed: 2, maxRows: 100 });
    const large = bootstrapIntervals(data.length, mean, { seed: 2 });
    expect(large.upper[0]! - large.lower[0]!).toBeLessThan(
      0.3 * (small.upper[0]! - small.lower[0]!),
    );
  });

  it('is deterministic by seed and reports progress', () => {
    const seen: number[] = [];
    const a = bootstrapIntervals(data.length, mean, {
      seed: 3,
      replicates: 50,
      onProgress: (done, total) => {
        expect(total).toBe(50);
        seen.push(done);
      },
    });
    const b = bootstrapIntervals(data.length, mean, { seed: 3, replicates: 50 });
    const c = bootstrapIntervals(data.length, mean, { seed: 4, replicates: 50 });
    expect(Array.from(a.lower)).toEqual(Array.from(b.lower));
    expect(Array.from(a.upper)).toEqual(Array.from(b.upper));
    expect(Array.from(a.lower)).not.toEqual(Array.from(c.lower));
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('hands the statistic ascending rows and stops when aborted', () => {
    const controller = new AbortController();
    let calls = 0;
    expect(() =>
      bootstrapIntervals(
        100,
        (rows) => {
          for (let k = 1; k < rows.length; k++)
            expect(rows[k]!).toBeGreaterThanOrEqual(rows[k - 1]!);
          if (++calls === 3) controller.abort();
          return Float64Array.of(rows.length);
        },
        { seed: 5, signal: controller.signal },
      ),
    ).toThrow();
    expect(calls).toBe(3);
  });

  it('gives relative weights intervals around the full-sample weights', () => {
    const r = new Rng(10);
    const n = 2_000;
    const a = Float64Array.from({ length: n }, () => r.normal());
    const b = Float64Array.from({ length: n }, () => r.normal());
    const y = labels(r, (i) => 1.2 * a[i]! + 0.3 * b[i]!, n);
    const x = matrix([a, b]);
    const point = relativeWeights(x, y).weights;
    const { lower, upper } = bootstrapIntervals(
      n,
      (rows) => relativeWeights(x, y, { rows }).weights,
      { seed: 6, replicates: 40 },
    );
    point.forEach((w, j) => {
      expect(lower[j]!).toBeLessThan(w);
      expect(upper[j]!).toBeGreaterThan(w);
    });
    expect(lower[0]!).toBeGreaterThan(upper[1]!);
  });
});
