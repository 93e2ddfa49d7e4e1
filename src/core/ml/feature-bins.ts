/**
 * Histogram binning for the boosted trees: each feature's values are cut once into at most
 * `maxBins` quantile bins (every distinct value its own bin when there are few enough), plus one
 * bin for missing values, and the rows are stored as a row-major matrix of histogram slots.
 * Split finding then works on per-bin gradient sums instead of sorted values.
 */
import { Rng } from '../random.ts';
import type { FeatureMatrix } from './tree-model.ts';

/** A feature matrix as histogram slots, with the cut points that map real values to bins. */
export interface FeatureBins {
  nRows: number;
  nFeatures: number;
  /**
   * Row-major histogram slots: feature `f` of row `i` falls in slot `codes[i * nFeatures + f]`,
   * which is `offsets[f] + bin`; value bins are `0 … valueBins[f] - 1` and bin `valueBins[f]`
   * holds the missing values. Slots are global so that building a histogram needs no offsets.
   */
  codes: Uint16Array | Uint32Array;
  /**
   * The same bins column-major and per feature (`bin`, not `offsets[f] + bin`): feature `f` of
   * row `i` is `columns[f * nRows + i]`. Partitioning a node's rows by one feature reads it
   * sequentially instead of one cache line per row.
   */
  columns: Uint8Array | Uint16Array;
  /**
   * Per feature, strictly increasing cut points: a value's bin is the number of cuts ≤ it, so
   * `value < cuts[f][b]` holds exactly for the values in bins `0 … b`.
   */
  cuts: Float64Array[];
  /** Per feature, the number of value bins (`cuts[f].length + 1`); also its missing bin. */
  valueBins: Int32Array;
  /** Per feature, its first slot in a histogram laid out feature after feature. */
  offsets: Int32Array;
  /** The number of slots of such a histogram. */
  totalBins: number;
}

/** The largest `maxBins` {@link binFeatures} takes. */
export const MAX_BINS_LIMIT = 65535;

// Quantiles of a column with more distinct values than bins come from a sample this large: a
// full sort costs more than the rest of binning, and a sampled quantile's rank has a standard
// error under 0.3% of the rows, less than one bin's width at 255 bins.
const QUANTILE_SAMPLE = 32768;

/**
 * Bins the rows `rows` of `x` (all rows when omitted; the result's row `i` is `rows[i]`). Cut
 * points come from those rows only. `maxBins` counts value bins (the missing bin is extra) and
 * is clamped to 2 … {@link MAX_BINS_LIMIT}. A column with more distinct values than that takes
 * its quantiles from a seeded sample when it has more than 32,768 values.
 */
export function binFeatures(
  x: FeatureMatrix,
  maxBins: number,
  rows?: Int32Array,
  seed = 1,
): FeatureBins {
  const limit = Math.max(2, Math.min(MAX_BINS_LIMIT, Math.floor(maxBins)));
  const nRows = rows ? rows.length : x.nRows;
  const nFeatures = x.nFeatures;
  const column = new Float64Array(nRows);
  const rng = Rng.derive(seed, 'feature-bins');
  const distinct = new DistinctValues(limit);
  const cuts: Float64Array[] = [];
  const valueBins = new Int32Array(nFeatures);
  const offsets = new Int32Array(nFeatures);
  let totalBins = 0;
  let widest = 1;
  for (let f = 0; f < nFeatures; f++) {
    const col = gather(x, f, rows, column);
    const found = distinct.collect(col);
    const featureCuts = found ? cutsBetween(found) : quantileCuts(col, limit, rng);
    cuts.push(featureCuts);
    valueBins[f] = featureCuts.length + 1;
    offsets[f] = totalBins;
    totalBins += featureCuts.length + 2;
    widest = Math.max(widest, featureCuts.length + 1);
  }
  const size = nRows * nFeatures;
  const codes = totalBins <= 65536 ? new Uint16Array(size) : new Uint32Array(size);
  const columns = widest < 256 ? new Uint8Array(size) : new Uint16Array(size);
  for (let f = 0; f < nFeatures; f++) {
    const col = gather(x, f, rows, column);
    const lookup = new BinLookup(cuts[f]!);
    const offset = offsets[f]!;
    const missing = valueBins[f]!;
    const colBase = f * nRows;
    for (let i = 0; i < nRows; i++) {
      const v = col[i]!;
      const bin = v === v ? lookup.bin(v) : missing;
      codes[i * nFeatures + f] = offset + bin;
      columns[colBase + i] = bin;
    }
  }
  return { nRows, nFeatures, codes, columns, cuts, valueBins, offsets, totalBins };
}

/** Feature `f` of the chosen rows, copied into `out`. */
function gather(x: FeatureMatrix, f: number, rows: Int32Array | undefined, out: Float64Array) {
  const col = f * x.nRows;
  const values = x.values;
  if (rows) for (let i = 0; i < rows.length; i++) out[i] = values[col + rows[i]!]!;
  else out.set(values.subarray(col, col + x.nRows));
  return out;
}

/** Cuts halfway between neighbouring distinct values (given ascending). */
function cutsBetween(sortedDistinct: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(0, sortedDistinct.length - 1));
  for (let i = 1; i < sortedDistinct.length; i++) {
    out[i - 1] = between(sortedDistinct[i - 1]!, sortedDistinct[i]!);
  }
  return out;
}

/**
 * Cuts between distinct values at (roughly) equal-count quantiles of the non-missing values of
 * `col` (or of a sample of them drawn from `rng`), at most `maxBins - 1` of them.
 */
function quantileCuts(col: Float64Array, maxBins: number, rng: Rng): Float64Array {
  let m = 0;
  const present = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (v === v) present[m++] = v;
  }
  let s = present.subarray(0, m);
  if (m > QUANTILE_SAMPLE) {
    const sample = new Float64Array(QUANTILE_SAMPLE);
    for (let k = 0; k < QUANTILE_SAMPLE; k++) sample[k] = s[Math.floor(rng.next() * m)]!;
    s = sample;
  }
  s.sort();
  const n = s.length;
  const out: number[] = [];
  // Greedy equal-count bins; the target is re-aimed after each cut so that a heavy value (one
  // that alone fills several bins' worth of rows) does not waste the bins it swallows.
  let target = n / maxBins;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && s[j] === s[i]) j++;
    if (j >= n) break;
    if (j >= target) {
      out.push(between(s[i]!, s[j]!));
      const binsLeft = maxBins - out.length;
      if (binsLeft <= 1) break;
      target = j + (n - j) / binsLeft;
    }
    i = j;
  }
  return Float64Array.from(out);
}

/** A cut strictly above `a` and at most `b` (a < b): their midpoint when it is representable. */
function between(a: number, b: number): number {
  // Halving first cannot overflow; neighbouring floats (or an infinite end) fall back to `b`.
  const mid = a / 2 + b / 2;
  return mid > a && mid <= b ? mid : b;
}

/**
 * The distinct non-missing values of a column when there are at most `limit` of them, found with
 * a small open-addressing hash set that gives up as soon as the limit is passed (so a continuous
 * column costs a few hundred probes, not a sort).
 */
class DistinctValues {
  private readonly limit: number;
  private readonly keys: Float64Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(limit: number) {
    this.limit = limit;
    let size = 16;
    while (size < 4 * (limit + 1)) size *= 2;
    this.keys = new Float64Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** The distinct values of `col` ascending, or null when there are more than the limit. */
  collect(col: Float64Array): Float64Array | null {
    const { keys, used, mask, bits, words } = this;
    used.fill(0);
    const found: number[] = [];
    for (let i = 0; i < col.length; i++) {
      // `+ 0` turns −0 into 0: they compare equal, so they must share a bin.
      const v = col[i]! + 0;
      if (v !== v) continue;
      bits[0] = v;
      // Murmur3's finaliser: small integers differ only in a double's high bits, so those must
      // reach the low bits the mask keeps.
      let h = words[0]! ^ Math.imul(words[1]!, 0x9e3779b1);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      let slot = (h ^ (h >>> 16)) & mask;
      while (used[slot] === 1 && keys[slot] !== v) slot = (slot + 1) & mask;
      if (used[slot] === 1) continue;
      if (found.length === this.limit) return null;
      used[slot] = 1;
      keys[slot] = v;
      found.push(v);
    }
    return Float64Array.from(found).sort();
  }
}

/**
 * The bin of a value among sorted cuts, fast: an equal-width bucket table over the cuts' range
 * narrows each lookup to a few cuts; every answer is checked against its neighbouring cuts and
 * falls back to a binary search, so rounding at bucket edges cannot misplace a value.
 */
class BinLookup {
  private readonly cuts: Float64Array;
  private readonly lo: number;
  private readonly scale: number;
  private readonly start: Int32Array;
  private readonly nBuckets: number;

  constructor(cuts: Float64Array) {
    this.cuts = cuts;
    const n = cuts.length;
    this.nBuckets = Math.max(1, 4 * n);
    this.start = new Int32Array(this.nBuckets + 1);
    const lo = n > 0 ? cuts[0]! : 0;
    const hi = n > 0 ? cuts[n - 1]! : 0;
    const scale = this.nBuckets / (hi - lo);
    this.lo = lo;
    this.scale = Number.isFinite(scale) ? scale : 0;
    for (let b = 0; b <= this.nBuckets; b++) {
      this.start[b] = this.scale > 0 ? binOf(cuts, lo + b / this.scale) : 0;
    }
  }

  bin(v: number): number {
    const cuts = this.cuts;
    const n = cuts.length;
    const raw = Math.floor((v - this.lo) * this.scale);
    const b = raw >= 0 ? (raw < this.nBuckets ? raw : this.nBuckets - 1) : 0;
    let k = this.start[b]!;
    let end = this.start[b + 1]!;
    if (end - k > 8) {
      while (k < end) {
        const mid = (k + end) >>> 1;
        if (cuts[mid]! <= v) k = mid + 1;
        else end = mid;
      }
    } else {
      while (k < end && cuts[k]! <= v) k++;
    }
    if ((k === 0 || cuts[k - 1]! <= v) && (k === n || cuts[k]! > v)) return k;
    return binOf(cuts, v);
  }
}

/** How many of the sorted `cuts` are ≤ `value` (binary search). */
function binOf(cuts: Float64Array, value: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
