import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../src/core/ml/gbdt.ts';
import { predictMargin, predictMargins, type FeatureMatrix } from '../../src/core/ml/tree-model.ts';
import { Rng } from '../../src/core/random.ts';

function table(rng: Rng, nRows: number, nFeatures: number): FeatureMatrix {
  const values = new Float64Array(nRows * nFeatures);
  for (let k = 0; k < values.length; k++) {
    values[k] = rng.bernoulli(0.1) ? NaN : rng.int(0, 6) + rng.normal(0, 0.5);
  }
  return { nRows, nFeatures, values, names: Array.from({ length: nFeatures }, (_, f) => `f${f}`) };
}

describe('predictMargins', () => {
  it('gives every row, or the rows asked for, bit for bit what predictMargin gives', () => {
    const rng = new Rng(4);
    const x = table(rng, 700, 4);
    const y = Array.from({ length: x.nRows }, (_, i) => (x.values[i]! > 3 ? 1 : 0));
    for (const maxDepth of [2, 5]) {
      const { ensemble } = trainGbdt(x, y, { maxTrees: 20, maxDepth, earlyStoppingRounds: 0 });
      const all = predictMargins(ensemble, x);
      expect(all).toHaveLength(x.nRows);
      for (let i = 0; i < x.nRows; i++) expect(all[i]).toBe(predictMargin(ensemble, x, i));
      // More rows than one block of them, some repeated, out of order.
      const rows = Array.from({ length: 600 }, () => rng.int(0, x.nRows - 1));
      const some = predictMargins(ensemble, x, rows);
      rows.forEach((row, k) => expect(some[k]).toBe(all[row]));
    }
    expect(predictMargins({ nFeatures: 4, baseMargin: 0.5, trees: [] }, x, [3])).toEqual(
      Float64Array.of(0.5),
    );
  });
});
