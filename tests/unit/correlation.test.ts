import { describe, expect, it } from 'vitest';
import { pearson } from '../../src/core/metrics/correlation.ts';

describe('Pearson correlation', () => {
  it('matches a hand count, skipping pairs with a blank on either side', () => {
    // x = 1,2,3,4; y = 2,4,5,9: Σdxdy = 11, Σdx² = 5, Σdy² = 26, r = 11 / √130 ≈ 0.96476
    expect(pearson([1, 2, NaN, 3, 4], [2, 4, 7, 5, 9])).toBeCloseTo(11 / Math.sqrt(130), 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('has no value with fewer than three pairs or a constant side', () => {
    expect(pearson([1, 2], [1, 2])).toBeNull();
    expect(pearson([1, 2, NaN, 4], [NaN, 1, 2, 3])).toBeNull();
    expect(pearson([5, 5, 5, 5], [1, 2, 3, 4])).toBeNull();
  });
});
