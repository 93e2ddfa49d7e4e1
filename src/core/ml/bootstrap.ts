/**
 * Percentile bootstrap intervals for a vector-valued statistic of a sample of rows: the relative
 * weights (refitted per replicate) and the SHAP importances (mean |SHAP| of the resampled rows).
 */

import { Rng } from '../random.ts';

/** Options of {@link bootstrapIntervals}. */
export interface BootstrapOptions {
  /** Resamples drawn (default 200). */
  replicates?: number;
  seed: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
  /** Rows drawn with replacement per replicate: min(nRows, maxRows); default nRows. */
  maxRows?: number;
  /** Checked before every replicate; an aborted signal throws its reason. */
  signal?: AbortSignal;
  /** Told the replicates done so far and their total after each one. */
  onProgress?: (done: number, total: number) => void;
}

/** The type-7 (linear interpolation) quantile of an ascending array. */
function quantileSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Percentile bootstrap intervals, one per component of `statistic`. Each replicate draws rows of
 * `0..nRows-1` uniformly with replacement and passes them to `statistic` in ascending order
 * (repeats adjacent), which keeps column reads local; the statistic must return a vector of the
 * same length every time. NaN components of a replicate are left out of that component's
 * interval. Deterministic for a given seed.
 */
export function bootstrapIntervals(
  nRows: number,
  statistic: (rows: Int32Array) => Float64Array,
  options: BootstrapOptions,
): { lower: Float64Array; upper: Float64Array } {
  const replicates = options.replicates ?? 200;
  const level = options.level ?? 0.95;
  const size = Math.min(nRows, options.maxRows ?? nRows);
  const rng = Rng.derive(options.seed, 'bootstrap');
  const counts = new Int32Array(nRows);
  const draws: Float64Array[] = [];
  for (let r = 0; r < replicates; r++) {
    options.signal?.throwIfAborted();
    counts.fill(0);
    for (let k = 0; k < size; k++) {
      const i = Math.floor(rng.next() * nRows);
      counts[i] = counts[i]! + 1;
    }
    const rows = new Int32Array(size);
    let at = 0;
    for (let i = 0; i < nRows; i++) for (let c = counts[i]!; c > 0; c--) rows[at++] = i;
    draws.push(statistic(rows));
    options.onProgress?.(r + 1, replicates);
  }
  const width = draws[0]?.length ?? 0;
  const lower = new Float64Array(width);
  const upper = new Float64Array(width);
  const alpha = (1 - level) / 2;
  const column = new Float64Array(replicates);
  for (let j = 0; j < width; j++) {
    let n = 0;
    for (const d of draws) {
      const v = d[j]!;
      if (!Number.isNaN(v)) column[n++] = v;
    }
    const sorted = column.subarray(0, n).sort();
    lower[j] = quantileSorted(sorted, alpha);
    upper[j] = quantileSorted(sorted, 1 - alpha);
  }
  return { lower, upper };
}
