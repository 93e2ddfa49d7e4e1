/**
 * Bootstrap intervals for a vector-valued statistic of a sample of rows: percentile intervals,
 * and normal-approximation ones around a full-sample estimate that can add up several sources
 * of variation and rescale replicates drawn on fewer rows (m-out-of-n).
 */

import { Rng } from '../random.ts';
import { normalQuantile } from '../metrics/normal.ts';
import { quantileSorted } from '../metrics/quantile.ts';

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
  const draws = bootstrapDraws(nRows, statistic, options);
  const level = options.level ?? 0.95;
  const replicates = draws.length;
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

/**
 * The statistic of each bootstrap replicate (see {@link bootstrapIntervals} for how rows are
 * drawn): min(nRows, maxRows) rows with replacement per replicate, in ascending order.
 */
export function bootstrapDraws(
  nRows: number,
  statistic: (rows: Int32Array) => Float64Array,
  options: BootstrapOptions,
): Float64Array[] {
  const replicates = options.replicates ?? 200;
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
  return draws;
}

/** Replicates of a statistic and how much more they vary than the estimate (see below). */
export interface ReplicateSet {
  draws: readonly Float64Array[];
  /**
   * √(m/n) when each replicate used m of the n rows the estimate used (an m-out-of-n bootstrap:
   * smaller replicates vary more, by √(n/m)); 1 for a full-size bootstrap.
   */
  scale: number;
}

/**
 * Normal-approximation intervals around `estimate`: estimate ± z · √(Σ (scale · SD(draws))²)
 * over independent sources of variation (e.g. refitting the model, and resampling the rows it
 * is read on), each a {@link ReplicateSet}.
 */
export function normalIntervals(
  estimate: ArrayLike<number>,
  sets: readonly ReplicateSet[],
  level = 0.95,
): { lower: Float64Array; upper: Float64Array } {
  const z = normalQuantile(1 - (1 - level) / 2);
  const lower = new Float64Array(estimate.length);
  const upper = new Float64Array(estimate.length);
  for (let j = 0; j < estimate.length; j++) {
    let variance = 0;
    for (const { draws, scale } of sets) {
      let n = 0;
      let sum = 0;
      let sq = 0;
      for (const d of draws) {
        const v = d[j]!;
        if (Number.isNaN(v)) continue;
        n++;
        sum += v;
        sq += v * v;
      }
      const mean = n > 0 ? sum / n : 0;
      if (n > 1) variance += scale * scale * Math.max(0, (sq - n * mean * mean) / (n - 1));
    }
    const half = z * Math.sqrt(variance);
    lower[j] = estimate[j]! - half;
    upper[j] = estimate[j]! + half;
  }
  return { lower, upper };
}
