/** A boxplot's five numbers of a sorted sample. */
import { quantileSorted } from '../metrics/quantile.ts';

/**
 * A box's five numbers of sorted `a`: quartiles by linear interpolation, whiskers at the lowest
 * and highest values within 1.5 interquartile ranges of the box (Tukey).
 */
export function boxStats(a: ArrayLike<number>) {
  const q1 = quantileSorted(a, 0.25);
  const median = quantileSorted(a, 0.5);
  const q3 = quantileSorted(a, 0.75);
  const reach = 1.5 * (q3 - q1);
  let lower = q1;
  let upper = q3;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! >= q1 - reach) {
      lower = Math.min(a[i]!, q1);
      break;
    }
  }
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i]! <= q3 + reach) {
      upper = Math.max(a[i]!, q3);
      break;
    }
  }
  return { lower, q1, median, q3, upper };
}
