import { describe, expect, it } from 'vitest';
import {
  predictMargin,
  type Ensemble,
  type FeatureMatrix,
  type Tree,
} from '../../src/core/ml/tree-model.ts';
import { expectedMargin, treeShap } from '../../src/core/ml/tree-shap.ts';
import { Rng } from '../../src/core/random.ts';

interface NodeSpec {
  feature: number;
  threshold?: number;
  missingLeft?: boolean;
  left?: NodeSpec;
  right?: NodeSpec;
  value?: number;
  cover?: number;
}

/** Flattens a nested tree; inner covers are the sums of their leaves' covers. */
function flatten(root: NodeSpec): Tree {
  const nodes: NodeSpec[] = [];
  const index = new Map<NodeSpec, number>();
  const visit = (n: NodeSpec): void => {
    index.set(n, nodes.length);
    nodes.push(n);
    if (n.feature >= 0) {
      visit(n.left!);
      visit(n.right!);
    }
  };
  visit(root);
  const size = nodes.length;
  const tree: Tree = {
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size).fill(-1),
    right: new Int32Array(size).fill(-1),
    missingLeft: new Uint8Array(size),
    value: new Float64Array(size),
    cover: new Float64Array(size),
  };
  const coverOf = (n: NodeSpec): number =>
    n.feature < 0 ? (n.cover ?? 1) : coverOf(n.left!) + coverOf(n.right!);
  nodes.forEach((n, i) => {
    tree.feature[i] = n.feature;
    tree.cover[i] = coverOf(n);
    if (n.feature < 0) {
      tree.value[i] = n.value ?? 0;
    } else {
      tree.threshold[i] = n.threshold ?? 0;
      tree.missingLeft[i] = n.missingLeft ? 1 : 0;
      tree.left[i] = index.get(n.left!)!;
      tree.right[i] = index.get(n.right!)!;
    }
  });
  return tree;
}

/**
 * A random tree of depth ≤ maxDepth over `usable` features (few, so that paths often split the
 * same feature twice); leaf covers are positive, or 0 with probability `zeroCover`.
 */
function randomTree(rng: Rng, maxDepth: number, usable: number[], zeroCover = 0): Tree {
  const grow = (depth: number): NodeSpec => {
    if (depth >= maxDepth || (depth > 0 && rng.bernoulli(0.25))) {
      return {
        feature: -1,
        value: rng.normal(0, 1),
        cover: rng.bernoulli(zeroCover) ? 0 : rng.uniform(0.05, 5),
      };
    }
    return {
      feature: rng.pick(usable),
      threshold: rng.uniform(-1, 4),
      missingLeft: rng.bernoulli(0.5),
      left: grow(depth + 1),
      right: grow(depth + 1),
    };
  };
  for (;;) {
    const tree = flatten(grow(0));
    if (tree.cover[0]! > 0) return tree;
  }
}

function randomEnsemble(rng: Rng, nFeatures: number, zeroCover = 0): Ensemble {
  const all = Array.from({ length: nFeatures }, (_, f) => f);
  const usable = rng.shuffle(all.slice()).slice(0, rng.int(1, nFeatures));
  const trees = Array.from({ length: rng.int(1, 4) }, () =>
    randomTree(rng, rng.int(1, 4), usable, zeroCover),
  );
  return { nFeatures, baseMargin: rng.normal(0, 1), trees };
}

/** Integer-ish values in [−1, 4] so rows land on both sides of the thresholds; some missing. */
function randomMatrix(rng: Rng, nRows: number, nFeatures: number, missing = 0.2): FeatureMatrix {
  const values = new Float64Array(nRows * nFeatures);
  for (let k = 0; k < values.length; k++) {
    values[k] = rng.bernoulli(missing) ? NaN : rng.uniform(-1, 4);
  }
  return { nRows, nFeatures, values, names: Array.from({ length: nFeatures }, (_, f) => `f${f}`) };
}

/** E[f_t(x) | x_S] under path-dependent conditioning, for S given as a bit mask. */
function conditional(tree: Tree, node: number, row: (f: number) => number, mask: number): number {
  const f = tree.feature[node]!;
  if (f < 0) return tree.value[node]!;
  const l = tree.left[node]!;
  const r = tree.right[node]!;
  if (mask & (1 << f)) {
    const v = row(f);
    const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v < tree.threshold[node]!;
    return conditional(tree, goLeft ? l : r, row, mask);
  }
  const vl = conditional(tree, l, row, mask);
  const vr = conditional(tree, r, row, mask);
  // A node no training weight reached: its children count equally (treeShap's convention).
  if (tree.cover[node] === 0) return (vl + vr) / 2;
  return (tree.cover[l]! * vl + tree.cover[r]! * vr) / tree.cover[node]!;
}

/** Exact Shapley values by enumerating every coalition of the M features. */
function bruteForceShap(ensemble: Ensemble, x: FeatureMatrix, i: number): number[] {
  const m = x.nFeatures;
  const row = (f: number) => x.values[f * x.nRows + i]!;
  const v = new Float64Array(1 << m);
  for (let mask = 0; mask < 1 << m; mask++) {
    let total = ensemble.baseMargin;
    for (const tree of ensemble.trees) total += conditional(tree, 0, row, mask);
    v[mask] = total;
  }
  const factorial = [1];
  for (let k = 1; k <= m; k++) factorial.push(factorial[k - 1]! * k);
  const phi = new Array<number>(m).fill(0);
  for (let f = 0; f < m; f++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << f)) continue;
      let size = 0;
      for (let b = mask; b; b &= b - 1) size++;
      const weight = (factorial[size]! * factorial[m - size - 1]!) / factorial[m]!;
      phi[f]! += weight * (v[mask | (1 << f)]! - v[mask]!);
    }
  }
  return phi;
}

function rowSum(values: Float64Array, r: number, nFeatures: number): number {
  let sum = 0;
  for (let f = 0; f < nFeatures; f++) sum += values[r * nFeatures + f]!;
  return sum;
}

describe('treeShap', () => {
  it('matches brute-force Shapley values of the path-dependent expectation on random ensembles', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rng = new Rng(seed);
      const nFeatures = rng.int(1, 6);
      const ensemble = randomEnsemble(rng, nFeatures);
      const x = randomMatrix(rng, 6, nFeatures);
      const result = treeShap(ensemble, x);
      expect(result.base).toBeCloseTo(expectedMargin(ensemble), 12);
      for (let i = 0; i < x.nRows; i++) {
        const exact = bruteForceShap(ensemble, x, i);
        for (let f = 0; f < nFeatures; f++) {
          expect(Math.abs(result.values[i * nFeatures + f]! - exact[f]!)).toBeLessThan(1e-9);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('is exact when some subtrees have zero cover (skipped branches)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = new Rng(1000 + seed);
      const nFeatures = rng.int(1, 5);
      const ensemble = randomEnsemble(rng, nFeatures, 0.5);
      const x = randomMatrix(rng, 5, nFeatures);
      const result = treeShap(ensemble, x);
      for (let i = 0; i < x.nRows; i++) {
        const exact = bruteForceShap(ensemble, x, i);
        for (let f = 0; f < nFeatures; f++) {
          expect(Number.isFinite(result.values[i * nFeatures + f]!)).toBe(true);
          expect(Math.abs(result.values[i * nFeatures + f]! - exact[f]!)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('handles a feature split on twice along one path, including missing values', () => {
    // f0 < 1 → (f0 < 0 → …) and f1; the inner f0 split re-conditions the same player.
    const tree = flatten({
      feature: 0,
      threshold: 1,
      missingLeft: true,
      left: {
        feature: 1,
        threshold: 0.5,
        missingLeft: false,
        left: {
          feature: 0,
          threshold: 0,
          missingLeft: false,
          left: { feature: -1, value: 3, cover: 2 },
          right: { feature: -1, value: -1, cover: 5 },
        },
        right: { feature: -1, value: 0.5, cover: 4 },
      },
      right: {
        feature: 0,
        threshold: 2,
        missingLeft: true,
        left: { feature: -1, value: 1.5, cover: 3 },
        right: { feature: -1, value: -2, cover: 1 },
      },
    });
    const ensemble: Ensemble = { nFeatures: 3, baseMargin: 0.25, trees: [tree] };
    const cells = [
      [-0.5, 0, 9],
      [0.5, 0, 9],
      [1.5, 1, 9],
      [3, NaN, 9],
      [NaN, 0, 9],
      [NaN, NaN, NaN],
    ];
    const x: FeatureMatrix = {
      nRows: cells.length,
      nFeatures: 3,
      values: Float64Array.from({ length: cells.length * 3 }, (_, k) => {
        return cells[k % cells.length]![Math.floor(k / cells.length)]!;
      }),
      names: ['a', 'b', 'c'],
    };
    const result = treeShap(ensemble, x);
    for (let i = 0; i < x.nRows; i++) {
      const exact = bruteForceShap(ensemble, x, i);
      for (let f = 0; f < 3; f++) {
        expect(Math.abs(result.values[i * 3 + f]! - exact[f]!)).toBeLessThan(1e-12);
      }
      expect(result.values[i * 3 + 2]).toBe(0);
      const margin = result.base + rowSum(result.values, i, 3);
      expect(Math.abs(margin - predictMargin(ensemble, x, i))).toBeLessThan(1e-12);
    }
  });

  it('is additive on every row, including rows with missing values', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rng = new Rng(5000 + seed);
      const nFeatures = rng.int(2, 12);
      const usable = Array.from({ length: nFeatures }, (_, f) => f);
      const ensemble: Ensemble = {
        nFeatures,
        baseMargin: rng.normal(0, 1),
        trees: Array.from({ length: 20 }, () => randomTree(rng, rng.int(1, 7), usable)),
      };
      const x = randomMatrix(rng, 40, nFeatures, 0.3);
      const result = treeShap(ensemble, x);
      expect(result.rows).toHaveLength(40);
      for (let i = 0; i < x.nRows; i++) {
        const margin = result.base + rowSum(result.values, i, nFeatures);
        expect(Math.abs(margin - predictMargin(ensemble, x, i))).toBeLessThan(1e-9);
      }
    }
  });

  it('gives a stump’s whole effect to its feature and exactly 0 to the others', () => {
    const stump = flatten({
      feature: 2,
      threshold: 1,
      missingLeft: false,
      left: { feature: -1, value: -0.4, cover: 3 },
      right: { feature: -1, value: 0.6, cover: 1 },
    });
    const ensemble: Ensemble = { nFeatures: 4, baseMargin: -1, trees: [stump] };
    const x = randomMatrix(new Rng(7), 20, 4, 0.25);
    const result = treeShap(ensemble, x);
    expect(result.base).toBeCloseTo(-1 + (3 * -0.4 + 1 * 0.6) / 4, 15);
    for (let i = 0; i < 20; i++) {
      const v = x.values[2 * 20 + i]!;
      const leaf = !Number.isNaN(v) && v < 1 ? -0.4 : 0.6;
      for (let f = 0; f < 4; f++) {
        if (f === 2) expect(result.values[i * 4 + f]).toBeCloseTo(leaf - (result.base + 1), 14);
        else expect(result.values[i * 4 + f]).toBe(0);
      }
    }
  });

  it('gives exactly 0 to a feature no tree uses', () => {
    const rng = new Rng(42);
    const ensemble: Ensemble = {
      nFeatures: 6,
      baseMargin: 0,
      trees: Array.from({ length: 30 }, () => randomTree(rng, 4, [0, 1, 2, 4, 5])),
    };
    const x = randomMatrix(rng, 50, 6);
    const result = treeShap(ensemble, x);
    for (let i = 0; i < 50; i++) expect(result.values[i * 6 + 3]).toBe(0);
  });

  it('handles single-leaf trees and an empty ensemble', () => {
    const leaf = flatten({ feature: -1, value: 0.75, cover: 2 });
    const x = randomMatrix(new Rng(3), 4, 2);
    const one = treeShap({ nFeatures: 2, baseMargin: 0.5, trees: [leaf] }, x);
    expect(one.base).toBe(1.25);
    expect(Array.from(one.values)).toEqual(new Array(8).fill(0));
    const none = treeShap({ nFeatures: 2, baseMargin: 0.5, trees: [] }, x);
    expect(none.base).toBe(0.5);
    expect(none.values).toHaveLength(8);
  });

  it('explains a subset of rows exactly as the full run does', () => {
    const rng = new Rng(11);
    const usable = [0, 1, 2, 3, 4];
    const ensemble: Ensemble = {
      nFeatures: 5,
      baseMargin: 0.1,
      trees: Array.from({ length: 10 }, () => randomTree(rng, 5, usable)),
    };
    const x = randomMatrix(rng, 30, 5);
    const full = treeShap(ensemble, x);
    expect(Array.from(full.rows)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const subset = [17, 3, 3, 29, 0];
    const part = treeShap(ensemble, x, subset);
    expect(Array.from(part.rows)).toEqual(subset);
    expect(part.base).toBe(full.base);
    subset.forEach((row, r) => {
      expect(Array.from(part.values.subarray(r * 5, r * 5 + 5))).toEqual(
        Array.from(full.values.subarray(row * 5, row * 5 + 5)),
      );
    });
    expect(() => treeShap(ensemble, x, [30])).toThrow(RangeError);
    expect(() => treeShap(ensemble, x, [1.5])).toThrow(RangeError);
  });

  it('gives many rows the same values as one row at a time, shallow trees looked up by pattern', () => {
    // Depth ≤ 4 with at most 10 splits: answered from per-leaf tables, cached per pattern when
    // rows outnumber patterns; deeper trees: by the recursion. Few features, so that paths split
    // a feature twice; some zero covers; missing values.
    const rng = new Rng(21);
    const usable = [0, 1, 2, 3];
    const trees = Array.from({ length: 30 }, (_, t) =>
      randomTree(rng, t % 5 === 4 ? 6 : rng.int(1, 4), usable, 0.2),
    );
    const ensemble: Ensemble = { nFeatures: 5, baseMargin: -0.3, trees };
    const x = randomMatrix(rng, 3000, 5);
    const all = treeShap(ensemble, x);
    for (let i = 0; i < x.nRows; i += 37) {
      const one = treeShap(ensemble, x, [i]);
      expect(Array.from(one.values)).toEqual(Array.from(all.values.subarray(i * 5, i * 5 + 5)));
    }
    for (let i = 0; i < 40; i++) {
      const exact = bruteForceShap(ensemble, x, i);
      for (let f = 0; f < 5; f++) {
        expect(Math.abs(all.values[i * 5 + f]! - exact[f]!)).toBeLessThan(1e-9);
      }
    }
    for (let i = 0; i < x.nRows; i++) {
      const margin = all.base + rowSum(all.values, i, 5);
      expect(Math.abs(margin - predictMargin(ensemble, x, i))).toBeLessThan(1e-12);
    }
  });

  it('reports progress and stops when the signal is aborted', () => {
    const rng = new Rng(5);
    const ensemble: Ensemble = {
      nFeatures: 3,
      baseMargin: 0,
      trees: [randomTree(rng, 3, [0, 1, 2])],
    };
    const x = randomMatrix(rng, 1000, 3);
    const calls: [number, number][] = [];
    treeShap(ensemble, x, undefined, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([1000, 1000]);
    for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBeGreaterThan(calls[k - 1]![0]);

    expect(() => treeShap(ensemble, x, undefined, { signal: { aborted: true } })).toThrow(
      'aborted',
    );
    const signal = { aborted: false };
    let seen = 0;
    expect(() =>
      treeShap(ensemble, x, undefined, {
        signal,
        onProgress: (done) => {
          seen = done;
          signal.aborted = true;
        },
      }),
    ).toThrow('aborted');
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(1000);
  });

  it('rejects a matrix whose width differs from the ensemble’s', () => {
    const ensemble: Ensemble = { nFeatures: 3, baseMargin: 0, trees: [] };
    expect(() => treeShap(ensemble, randomMatrix(new Rng(1), 2, 4))).toThrow(RangeError);
  });
});
