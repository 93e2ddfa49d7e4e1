import { describe, expect, it } from 'vitest';
import { trainGbdt, type GbdtResult } from '../../src/core/ml/gbdt.ts';
import {
  predictMargin,
  sigmoid,
  type Ensemble,
  type FeatureMatrix,
  type Tree,
} from '../../src/core/ml/tree-model.ts';
import { Rng } from '../../src/core/random.ts';

/** A feature matrix from columns. */
function matrix(columns: ArrayLike<number>[]): FeatureMatrix {
  const nRows = columns[0]!.length;
  const values = new Float64Array(nRows * columns.length);
  columns.forEach((col, f) => values.set(Array.from(col), f * nRows));
  return { nRows, nFeatures: columns.length, values, names: columns.map((_, f) => `x${f}`) };
}

/** The rows `from … to` of `x` as a matrix of their own. */
function rowsOf(x: FeatureMatrix, from: number, to: number): FeatureMatrix {
  const cols = Array.from({ length: x.nFeatures }, (_, f) =>
    x.values.subarray(f * x.nRows + from, f * x.nRows + to),
  );
  return matrix(cols);
}

/** Area under the ROC curve (ties count half), by ranking. */
function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[a]! - scores[b]!,
  );
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (labels[order[k]!] === 1) {
        rankSum += midRank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = scores.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function margins(ensemble: Ensemble, x: FeatureMatrix): number[] {
  return Array.from({ length: x.nRows }, (_, i) => predictMargin(ensemble, x, i));
}

function meanLogLoss(ensemble: Ensemble, x: FeatureMatrix, y: ArrayLike<number>): number {
  let loss = 0;
  for (let i = 0; i < x.nRows; i++) {
    const p = sigmoid(predictMargin(ensemble, x, i));
    loss -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return loss / x.nRows;
}

function bytes(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Every byte of a model: its base margin and each tree's arrays, in order. */
function modelBytes(result: GbdtResult): number[] {
  const out = Array.from(bytes(Float64Array.of(result.ensemble.baseMargin)));
  for (const tree of result.ensemble.trees) {
    const { feature, threshold, left, right, missingLeft, value, cover } = tree;
    for (const a of [feature, threshold, left, right, missingLeft, value, cover]) {
      out.push(a.length, ...bytes(a));
    }
  }
  return out;
}

/** Continuous features (standard normal, `missing` share NaN) and a nonlinear noisy target. */
function noisyData(n: number, seed: number, missing = 0): { x: FeatureMatrix; y: Float64Array } {
  const rng = new Rng(seed);
  const cols = Array.from({ length: 5 }, () =>
    Float64Array.from({ length: n }, () => (rng.next() < missing ? NaN : rng.normal())),
  );
  const y = Float64Array.from({ length: n }, (_, i) => {
    const a = Number.isNaN(cols[0]![i]!) ? 1 : cols[0]![i]!;
    const logit = Math.sin(2 * a) + cols[1]![i]! * (cols[2]![i]! > 0 ? 1 : -1);
    return rng.next() < sigmoid(logit) ? 1 : 0;
  });
  return { x: matrix(cols), y };
}

describe('trainGbdt', () => {
  it('learns a known threshold exactly: root split on x0 between 3 and 4, classes separated', () => {
    const rng = new Rng(3);
    const n = 400;
    const x0 = Float64Array.from({ length: n }, (_, i) => i % 10);
    const x1 = Float64Array.from({ length: n }, () => rng.next());
    const y = Float64Array.from(x0, (v) => (v < 3.5 ? 1 : 0));
    const x = matrix([x0, x1]);
    const { ensemble } = trainGbdt(x, y, { maxTrees: 20, validationFraction: 0 });
    const root = ensemble.trees[0]!;
    expect(root.feature[0]).toBe(0);
    expect(root.threshold[0]).toBeGreaterThan(3);
    expect(root.threshold[0]).toBeLessThanOrEqual(4);
    const m = margins(ensemble, x);
    const positives = m.filter((_, i) => y[i] === 1);
    const negatives = m.filter((_, i) => y[i] === 0);
    expect(Math.min(...positives)).toBeGreaterThan(0);
    expect(Math.max(...negatives)).toBeLessThan(0);
  });

  it('learns where missing values go: NaN rows follow the positive side of the threshold', () => {
    for (const rule of ['high', 'low'] as const) {
      const rng = new Rng(rule === 'high' ? 11 : 12);
      const n = 2000;
      // One decimal: 101 distinct values, each its own bin, so the threshold can be exact.
      const x0 = Float64Array.from({ length: n }, () =>
        rng.next() < 0.25 ? NaN : Math.round(rng.uniform(0, 100)) / 10,
      );
      const x1 = Float64Array.from({ length: n }, () => rng.next());
      const y = Float64Array.from(x0, (v) =>
        Number.isNaN(v) || (rule === 'high' ? v >= 7 : v < 3) ? 1 : 0,
      );
      const x = matrix([x0, x1]);
      const { ensemble } = trainGbdt(x, y, { maxTrees: 50, validationFraction: 0 });
      const root = ensemble.trees[0]!;
      expect(root.feature[0]).toBe(0);
      expect(root.threshold[0]).toBeCloseTo(rule === 'high' ? 7 : 3, 0);
      // Positives are the right side (≥ 7) or the left side (< 3): NaN must go with them.
      expect(root.missingLeft[0]).toBe(rule === 'high' ? 0 : 1);
      const nanRow = matrix([[NaN], [0.5]]);
      expect(sigmoid(predictMargin(ensemble, nanRow, 0))).toBeGreaterThan(0.9);
      const m = margins(ensemble, x);
      for (let i = 0; i < n; i++) expect(m[i]! > 0).toBe(y[i] === 1);
    }
  });

  it('without missing values in training, routes NaN to the side of more cover at every split', () => {
    const { x, y } = noisyData(1500, 21);
    const { ensemble } = trainGbdt(x, y, { maxTrees: 15, maxDepth: 4, validationFraction: 0 });
    let splits = 0;
    for (const tree of ensemble.trees) {
      for (let node = 0; node < tree.feature.length; node++) {
        if (tree.feature[node]! < 0) continue;
        splits++;
        const l = tree.cover[tree.left[node]!]!;
        const r = tree.cover[tree.right[node]!]!;
        expect(tree.missingLeft[node]).toBe(l >= r ? 1 : 0);
      }
    }
    expect(splits).toBeGreaterThan(15);
    const allMissing = matrix(Array.from({ length: 5 }, () => [NaN]));
    expect(Number.isFinite(predictMargin(ensemble, allMissing, 0))).toBe(true);
  });

  it('learns a target driven by one level of a one-hot category (held-out AUC > 0.95)', () => {
    const rng = new Rng(31);
    const n = 3000;
    const level = Array.from({ length: n }, () => rng.int(0, 4));
    const oneHot = [0, 1, 2, 3, 4].map((l) => level.map((v) => (v === l ? 1 : 0)));
    const noise = [0, 1, 2].map(() => Array.from({ length: n }, () => rng.normal()));
    const y = level.map((v) => ((v === 2) !== rng.bernoulli(0.01) ? 1 : 0));
    const x = matrix([...noise, ...oneHot]);
    const train = rowsOf(x, 0, 2000);
    const test = rowsOf(x, 2000, n);
    const { ensemble } = trainGbdt(train, y.slice(0, 2000));
    expect(auc(margins(ensemble, test), y.slice(2000))).toBeGreaterThan(0.95);
  });

  it('is deterministic for a seed, and another seed with subsampling gives another model', () => {
    const { x, y } = noisyData(1000, 41, 0.1);
    const opts = { maxTrees: 20, subsample: 0.7, colsample: 0.6, seed: 5 };
    const a = trainGbdt(x, y, opts);
    const b = trainGbdt(x, y, opts);
    const c = trainGbdt(x, y, { ...opts, seed: 6 });
    expect(modelBytes(b)).toEqual(modelBytes(a));
    expect(b.trainLoss).toEqual(a.trainLoss);
    expect(b.validationLoss).toEqual(a.validationLoss);
    expect(modelBytes(c)).not.toEqual(modelBytes(a));
  });

  it('stops early on noise and keeps the trees of the best validation loss', () => {
    const rng = new Rng(51);
    const n = 1000;
    const cols = Array.from({ length: 5 }, () => Array.from({ length: n }, () => rng.normal()));
    const y = Array.from({ length: n }, () => (rng.bernoulli(0.4) ? 1 : 0));
    const result = trainGbdt(matrix(cols), y, {
      maxTrees: 500,
      learningRate: 0.3,
      maxDepth: 4,
      earlyStoppingRounds: 10,
    });
    const { ensemble, bestIteration, trainLoss, validationLoss } = result;
    expect(trainLoss.length).toBeLessThan(500);
    expect(validationLoss.length).toBe(trainLoss.length);
    expect(trainLoss.length).toBe(bestIteration + 10);
    expect(ensemble.trees.length).toBe(bestIteration);
    expect(validationLoss[bestIteration - 1]).toBe(Math.min(...validationLoss));
    // Training loss keeps falling on noise while the held-out loss does not: overfitting.
    expect(trainLoss.at(-1)!).toBeLessThan(trainLoss[bestIteration - 1]!);
  });

  it('reports the loss of an explicit validation set, as predictMargin computes it', () => {
    const { x, y } = noisyData(3000, 61, 0.05);
    const train = rowsOf(x, 0, 2000);
    const valid = rowsOf(x, 2000, 3000);
    const yTrain = y.slice(0, 2000);
    const yValid = y.slice(2000);
    const result = trainGbdt(
      train,
      yTrain,
      { maxTrees: 300, learningRate: 0.3 },
      {
        validation: { x: valid, y: yValid },
      },
    );
    const { ensemble, bestIteration, validationLoss } = result;
    expect(bestIteration).toBeGreaterThan(1);
    expect(bestIteration).toBeLessThan(300);
    expect(meanLogLoss(ensemble, valid, yValid)).toBeCloseTo(
      validationLoss[bestIteration - 1]!,
      10,
    );
    // Nothing was held out of the training rows: the training loss covers all 2000.
    expect(meanLogLoss(ensemble, train, yTrain)).toBeCloseTo(
      result.trainLoss[bestIteration - 1]!,
      10,
    );
  });

  it('keeps covers consistent and predicts, from real values, the margins it trained with', () => {
    const { x, y } = noisyData(3000, 71, 0.1);
    const result = trainGbdt(x, y, {
      maxTrees: 30,
      maxDepth: 5,
      maxBins: 16,
      subsample: 0.8,
      colsample: 0.8,
      learningRate: 0.3,
      validationFraction: 0,
    });
    for (const tree of result.ensemble.trees) {
      for (let node = 0; node < tree.feature.length; node++) {
        if (tree.feature[node]! < 0) {
          expect([tree.left[node], tree.right[node], tree.feature[node]]).toEqual([-1, -1, -1]);
          continue;
        }
        expect(tree.value[node]).toBe(0);
        const sum = tree.cover[tree.left[node]!]! + tree.cover[tree.right[node]!]!;
        expect(Math.abs(sum - tree.cover[node]!)).toBeLessThan(1e-9 * tree.cover[node]!);
      }
    }
    // The training loss is computed from bin codes; predictMargin walks real-valued thresholds.
    for (const k of [1, 10, 30]) {
      const ensemble = { ...result.ensemble, trees: result.ensemble.trees.slice(0, k) };
      expect(meanLogLoss(ensemble, x, y)).toBeCloseTo(result.trainLoss[k - 1]!, 10);
    }
  });

  it('takes the root cover as the hessian sum of the rows at the base rate', () => {
    const { x, y } = noisyData(800, 81);
    const { ensemble } = trainGbdt(x, y, { maxTrees: 1, subsample: 1, validationFraction: 0 });
    const rate = y.reduce((a, b) => a + b, 0) / y.length;
    expect(ensemble.baseMargin).toBeCloseTo(Math.log(rate / (1 - rate)), 12);
    expect(ensemble.trees[0]!.cover[0]).toBeCloseTo(800 * rate * (1 - rate), 8);
  });

  it('honours maxLeaves, minChildWeight and gamma', () => {
    const { x, y } = noisyData(2000, 91);
    const leavesOf = (tree: Tree) => tree.feature.filter((f) => f < 0).length;
    const limited = trainGbdt(x, y, { maxTrees: 10, maxDepth: 0, maxLeaves: 5 });
    expect(Math.max(...limited.ensemble.trees.map(leavesOf))).toBe(5);
    const heavy = trainGbdt(x, y, { maxTrees: 10, maxDepth: 6, minChildWeight: 40 });
    for (const tree of heavy.ensemble.trees) {
      tree.feature.forEach((f, node) => {
        if (f < 0) expect(tree.cover[node]).toBeGreaterThanOrEqual(40);
      });
    }
    const stumpy = trainGbdt(x, y, { maxTrees: 5, gamma: 1e6 });
    expect(stumpy.ensemble.trees.every((tree) => tree.feature.length === 1)).toBe(true);
  });

  it('stops with an error when the signal is aborted between trees', () => {
    const { x, y } = noisyData(500, 101);
    const signal = { aborted: false };
    const progress: number[] = [];
    const run = () =>
      trainGbdt(
        x,
        y,
        { maxTrees: 50, validationFraction: 0 },
        {
          signal,
          onProgress: (done, total) => {
            progress.push(done);
            expect(total).toBe(50);
            if (done === 3) signal.aborted = true;
          },
        },
      );
    expect(run).toThrow('aborted');
    expect(progress).toEqual([1, 2, 3]);
    expect(run).toThrow('aborted');
    expect(progress).toEqual([1, 2, 3]);
  });

  it('rejects labels other than 0/1 and out-of-range options', () => {
    const { x, y } = noisyData(50, 111);
    expect(() =>
      trainGbdt(
        x,
        Array.from(y, (v) => v * 2),
      ),
    ).toThrow(RangeError);
    expect(() => trainGbdt(x, y, { subsample: 0 })).toThrow(RangeError);
    expect(() => trainGbdt(x, y, { maxDepth: 0 })).toThrow(RangeError);
  });
});
