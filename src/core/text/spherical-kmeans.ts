/**
 * Spherical k-means of unit-length sparse rows (TF-IDF of comments): clusters by cosine
 * similarity, with unit-length centroids; k-means++ starts, several restarts, the best kept
 * (above `FIT_SAMPLE_ABOVE` distinct rows the restarts run on a sample, and the best is refined
 * on every row). Seeded, so the same input and seed give the same clusters. Zero rows (empty
 * comments) are left out (assignment −1).
 */
import { Rng } from '../random.ts';
import type { SparseRows } from './tfidf.ts';

/** How to cluster. */
export interface KMeansOptions {
  k: number;
  seed?: number;
  /**
   * Restarts from new k-means++ starts; the one with the highest total similarity is kept (of
   * many distinct rows: on a sample of them, then refined on all).
   */
  restarts?: number;
  maxIterations?: number;
  /** Told of progress as 0–1 (restarts × iterations). */
  onProgress?: (share: number) => void;
}

/** Clusters of the rows. */
export interface KMeansResult {
  k: number;
  /** The cluster of each row; −1 for a zero row. */
  assignments: Int32Array;
  /** k × columns, each row a unit-length centroid. */
  centroids: Float64Array;
  sizes: Int32Array;
  /** Sum over clustered rows of the cosine to their centroid (higher is tighter). */
  cohesion: number;
  iterations: number;
}

/** The distinct rows by column: column j holds `values[start[j]..start[j+1])` of rows `row[…]`. */
interface Columns {
  start: Int32Array;
  /** Places in the list of distinct rows, ascending within a column. */
  row: Int32Array;
  values: Float32Array;
}

/** The rows listed (by their place in `rows`) column by column. */
function byColumn(m: SparseRows, rows: Int32Array): Columns {
  const { indptr, indices, values } = m;
  const start = new Int32Array(m.columns + 1);
  for (const r of rows) for (let i = indptr[r]!; i < indptr[r + 1]!; i++) start[indices[i]! + 1]!++;
  for (let j = 0; j < m.columns; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, m.columns);
  const row = new Int32Array(start[m.columns]!);
  const vals = new Float32Array(row.length);
  for (let u = 0; u < rows.length; u++) {
    const r = rows[u]!;
    for (let i = indptr[r]!; i < indptr[r + 1]!; i++) {
      const at = fill[indices[i]!]!++;
      row[at] = u;
      vals[at] = values[i]!;
    }
  }
  return { start, row, values: vals };
}

/**
 * k-means++ starts for cosine distance (1 − cos): the first row at random, each next drawn with
 * probability proportional to its squared distance from the nearest start.
 */
function kmeansPlusPlus(
  m: SparseRows,
  rows: Int32Array,
  columns: Columns,
  weights: Float64Array,
  k: number,
  rng: Rng,
): number[] {
  // The first start in proportion to the weights (a comment repeated 1,000 times is as likely
  // as 1,000 comments), as the D² draws after it.
  let first = rng.next() * weights.reduce((a, b) => a + b, 0);
  let firstAt = rows.length - 1;
  for (let i = 0; i < rows.length; i++) {
    first -= weights[i]!;
    if (first <= 0) {
      firstAt = i;
      break;
    }
  }
  const starts = [rows[firstAt]!];
  const best = new Float64Array(rows.length).fill(Infinity);
  const dots = new Float64Array(rows.length);
  const { indptr, indices, values } = m;
  while (starts.length < k) {
    const last = starts[starts.length - 1]!;
    // Every row's cosine with the last start, through the rows of its terms only: each sum
    // still runs term by term in column order.
    dots.fill(0);
    for (let i = indptr[last]!; i < indptr[last + 1]!; i++) {
      const v = values[i]!;
      const j = indices[i]!;
      for (let p = columns.start[j]!; p < columns.start[j + 1]!; p++) {
        dots[columns.row[p]!]! += columns.values[p]! * v;
      }
    }
    let total = 0;
    for (let u = 0; u < rows.length; u++) {
      const d = 1 - dots[u]!;
      const d2 = Math.max(0, d) ** 2 * weights[u]!;
      if (d2 < best[u]!) best[u] = d2;
      total += best[u]!;
    }
    if (total <= 0) {
      // Fewer distinct rows than k: the rest start on rows already chosen.
      starts.push(rows[rng.int(0, rows.length - 1)]!);
      continue;
    }
    let target = rng.next() * total;
    let pick = rows.length - 1;
    for (let i = 0; i < rows.length; i++) {
      target -= best[i]!;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
    starts.push(rows[pick]!);
  }
  return starts;
}

/**
 * Centroids held term by term (`at[j * k + c]`: term j of centroid c), so the k weights a
 * row's term meets lie side by side. Sums run in the same order as row by row would.
 */
class Centroids {
  readonly at: Float64Array;
  constructor(
    readonly k: number,
    readonly dim: number,
  ) {
    this.at = new Float64Array(k * dim);
  }

  /** Centroid c set to row r of `m`. */
  setRow(c: number, m: SparseRows, r: number): void {
    for (let i = m.indptr[r]!; i < m.indptr[r + 1]!; i++) {
      this.at[m.indices[i]! * this.k + c] = m.values[i]!;
    }
  }

  /** The dot product of row r of `m` with centroid c. */
  dot(m: SparseRows, r: number, c: number): number {
    let s = 0;
    for (let i = m.indptr[r]!; i < m.indptr[r + 1]!; i++) {
      s += m.values[i]! * this.at[m.indices[i]! * this.k + c]!;
    }
    return s;
  }

  /**
   * The centroids of non-empty clusters scaled to unit length (zero ones left so), in two
   * passes through memory rather than one strided pass per centroid.
   */
  normalise(sizes: Int32Array): void {
    const { at, k, dim } = this;
    const norms = new Float64Array(k);
    for (let j = 0; j < dim; j++) {
      for (let c = 0; c < k; c++) norms[c]! += at[j * k + c]! * at[j * k + c]!;
    }
    for (let c = 0; c < k; c++) norms[c] = sizes[c] === 0 ? 0 : Math.sqrt(norms[c]!);
    for (let j = 0; j < dim; j++) {
      for (let c = 0; c < k; c++) if (norms[c]! > 0) at[j * k + c]! /= norms[c]!;
    }
  }

  /** How far each centroid moved from `previous` (held alike), into `moved`. */
  movedFrom(previous: Float64Array, moved: Float64Array): void {
    const { at, k, dim } = this;
    moved.fill(0);
    for (let j = 0; j < dim; j++) {
      for (let c = 0; c < k; c++) moved[c]! += (at[j * k + c]! - previous[j * k + c]!) ** 2;
    }
    for (let c = 0; c < k; c++) moved[c] = Math.sqrt(moved[c]!);
  }

  /** Centroid by centroid, as `KMeansResult` holds them. */
  byCentroid(): Float64Array {
    const { at, k, dim } = this;
    const out = new Float64Array(k * dim);
    for (let j = 0; j < dim; j++) for (let c = 0; c < k; c++) out[c * dim + j] = at[j * k + c]!;
    return out;
  }
}

/**
 * What spares comparing a row with every centroid (Elkan's bounds, for similarities): for each
 * row and centroid, a bound above their similarity. A centroid that moves by d changes a row's
 * similarity to it by at most d × the row's length, so the bounds grow by each move; a centroid
 * whose bound is below the row's similarity to its own centroid (computed exactly) cannot be
 * as similar, and is skipped. The rest are compared exactly, summed as a full comparison sums
 * them, so each row's cluster, similarity and tie-break are what comparing with all would give.
 */
class Bounds {
  /** Row u's bound for centroid c at `above[u * k + c]`. */
  readonly above: Float64Array;
  /** Per distinct row: its length, a little over (for rounding). */
  readonly reach: Float64Array;

  constructor(
    m: SparseRows,
    rows: Int32Array,
    readonly k: number,
  ) {
    this.above = new Float64Array(rows.length * k).fill(Infinity);
    this.reach = new Float64Array(rows.length);
    for (let u = 0; u < rows.length; u++) {
      let sq = 0;
      for (let i = m.indptr[rows[u]!]!; i < m.indptr[rows[u]! + 1]!; i++) sq += m.values[i]! ** 2;
      this.reach[u] = Math.sqrt(sq) * (1 + 1e-9);
    }
  }

  /** Widens the bounds after the centroids moved by `moved[c]` each. */
  widen(moved: Float64Array): void {
    const { above, reach, k } = this;
    for (let u = 0; u < reach.length; u++) {
      const base = u * k;
      for (let c = 0; c < k; c++) above[base + c]! += moved[c]! * reach[u]!;
    }
  }
}

/** Slack on a fresh bound: far above the rounding of a similarity, far below any real gap. */
const BOUND_SLACK = 1e-10;

/** The dot product of a row (entries `start`…`end` of `m`) with centroid c. */
function centroidDot(
  m: SparseRows,
  start: number,
  end: number,
  at: Float64Array,
  k: number,
  c: number,
): number {
  // Summed as `compareAll` sums four at a time, so the same number.
  let sim = 0;
  for (let i = start; i < end; i++) sim += m.values[i]! * at[m.indices[i]! * k + c]!;
  return sim;
}

/**
 * A row (entries `start`…`end` of `m`) against every centroid: each similarity into `sims`,
 * and the most similar returned (the first on a tie).
 */
function compareAll(
  m: SparseRows,
  start: number,
  end: number,
  centroids: Centroids,
  sims: Float64Array,
): number {
  const { indices, values } = m;
  const { at, k } = centroids;
  // The hot loop: a row's few terms against four centroids at a time (their weights of a
  // term lie side by side), each sum in its own variable: twice as fast as one at a time.
  let c = 0;
  for (; c + 3 < k; c += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      const at0 = indices[i]! * k + c;
      s0 += v * at[at0]!;
      s1 += v * at[at0 + 1]!;
      s2 += v * at[at0 + 2]!;
      s3 += v * at[at0 + 3]!;
    }
    sims[c] = s0;
    sims[c + 1] = s1;
    sims[c + 2] = s2;
    sims[c + 3] = s3;
  }
  for (; c < k; c++) sims[c] = centroidDot(m, start, end, at, k, c);
  let best = 0;
  for (let j = 1; j < k; j++) if (sims[j]! > sims[best]!) best = j;
  return best;
}

/**
 * A row (entries `start`…`end` of `m`) against its own centroid, known to be `ownSim` similar,
 * and the centroids its bounds (from `base` in `above`) leave open, each into `sims` (and its
 * bound); returns the most similar (the first on a tie, as `compareAll`).
 */
function compareOpen(
  m: SparseRows,
  start: number,
  end: number,
  centroids: Centroids,
  own: number,
  ownSim: number,
  above: Float64Array,
  base: number,
  sims: Float64Array,
): number {
  const { at, k } = centroids;
  let best = own;
  sims[own] = ownSim;
  for (let c = 0; c < k; c++) {
    if (c === own || above[base + c]! < ownSim) continue;
    const sim = centroidDot(m, start, end, at, k, c);
    sims[c] = sim;
    above[base + c] = sim + BOUND_SLACK;
    if (sim > sims[best]! || (sim === sims[best]! && c < best)) best = c;
  }
  return best;
}

/**
 * Each row to its most similar centroid (the first on a tie). Returns the weight of rows that
 * changed cluster and the weighted sum of their similarities.
 */
function assignRows(
  m: SparseRows,
  rows: Int32Array,
  weights: Float64Array,
  centroids: Centroids,
  assignments: Int32Array,
  bounds: Bounds,
): { changed: number; cohesion: number } {
  const { at, k } = centroids;
  const above = bounds.above;
  const sims = new Float64Array(k);
  let changed = 0;
  let cohesion = 0;
  for (let u = 0; u < rows.length; u++) {
    const r = rows[u]!;
    const start = m.indptr[r]!;
    const end = m.indptr[r + 1]!;
    const own = assignments[r]!;
    const base = u * k;
    let best: number;
    let open = k;
    let ownSim = 0;
    if (own >= 0) {
      ownSim = centroidDot(m, start, end, at, k, own);
      open = 0;
      for (let c = 0; c < k; c++) if (c !== own && above[base + c]! >= ownSim) open++;
    }
    // Few centroids left to compare: one by one; else all, four at a time.
    if (open * 4 <= k) {
      best = compareOpen(m, start, end, centroids, own, ownSim, above, base, sims);
    } else {
      best = compareAll(m, start, end, centroids, sims);
      for (let c = 0; c < k; c++) above[base + c] = sims[c]! + BOUND_SLACK;
    }
    if (own !== best) changed += weights[u]!;
    assignments[r] = best;
    cohesion += weights[u]! * sims[best]!;
  }
  return { changed, cohesion };
}

/**
 * New centroids: the normalised sum of each cluster's rows; an emptied cluster restarts on the
 * row the others explain worst. Returns whether one did.
 */
function updateCentroids(
  m: SparseRows,
  rows: Int32Array,
  weights: Float64Array,
  centroids: Centroids,
  assignments: Int32Array,
  sizes: Int32Array,
): boolean {
  const { indptr, indices, values } = m;
  const { at, k } = centroids;
  at.fill(0);
  sizes.fill(0);
  for (let u = 0; u < rows.length; u++) {
    const r = rows[u]!;
    const w = weights[u]!;
    const c = assignments[r]!;
    sizes[c]! += w;
    for (let i = indptr[r]!; i < indptr[r + 1]!; i++) at[indices[i]! * k + c]! += w * values[i]!;
  }
  // Normalise every centre first, so an emptied one restarts on the row the others really
  // explain worst.
  centroids.normalise(sizes);
  let reseeded = false;
  for (let c = 0; c < k; c++) {
    if (sizes[c] !== 0) continue;
    reseeded = true;
    let worst = rows[0]!;
    let worstSim = Infinity;
    for (const r of rows) {
      const a = assignments[r]!;
      const sim = centroids.dot(m, r, a);
      if (sim < worstSim && sizes[a]! > 1) {
        worstSim = sim;
        worst = r;
      }
    }
    centroids.setRow(c, m, worst);
  }
  return reseeded;
}

/** Lloyd iterations from the centroids given (moved as they go), until almost no row moves. */
function lloyd(
  m: SparseRows,
  rows: Int32Array,
  weights: Float64Array,
  centroids: Centroids,
  maxIterations: number,
  onIteration: () => void,
): KMeansResult {
  const k = centroids.k;
  const assignments = new Int32Array(m.rows).fill(-1);
  const sizes = new Int32Array(k);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const bounds = new Bounds(m, rows, k);
  const previous = new Float64Array(centroids.at.length);
  const moved = new Float64Array(k);
  let cohesion = 0;
  let iterations = 0;
  for (let it = 0; it < maxIterations; it++) {
    iterations++;
    const pass = assignRows(m, rows, weights, centroids, assignments, bounds);
    cohesion = pass.cohesion;
    onIteration();
    previous.set(centroids.at);
    const reseeded = updateCentroids(m, rows, weights, centroids, assignments, sizes);
    centroids.movedFrom(previous, moved);
    bounds.widen(moved);
    // Converged when almost no row moves: later passes polish what no reader would notice
    // (on 300,000 comments they halve the time for under 0.01% of cohesion).
    if (!reseeded && pass.changed <= totalWeight * 0.001) break;
  }
  return { k, assignments, centroids: centroids.byCentroid(), sizes, cohesion, iterations };
}

/**
 * Distinct rows above which the restarts run on a sample of them (`FIT_SAMPLE` rows, each with
 * its weight): the restarts only choose where to start, and the best one's centres are then
 * refined on every row. Below, every restart runs on every row.
 */
const FIT_SAMPLE_ABOVE = 20_000;
const FIT_SAMPLE = 10_000;

/** The rows the restarts run on: all of them, or a seeded sample of a large set. */
function fitRows(
  rows: Int32Array,
  weights: Float64Array,
  seed: number,
): { rows: Int32Array; weights: Float64Array } {
  if (rows.length <= FIT_SAMPLE_ABOVE) return { rows, weights };
  const rng = Rng.derive(seed, 'kmeans-fit');
  const picked = rng
    .shuffle(Array.from(rows.keys()))
    .slice(0, FIT_SAMPLE)
    .sort((a, b) => a - b);
  return {
    rows: Int32Array.from(picked, (u) => rows[u]!),
    weights: Float64Array.from(picked, (u) => weights[u]!),
  };
}

/** Spherical k-means (see the module comment). */
export function sphericalKMeans(m: SparseRows, options: KMeansOptions): KMeansResult {
  const { rows, weights, representative } = distinctRows(m);
  const k = Math.max(1, Math.min(options.k, rows.length));
  const restarts = Math.max(1, options.restarts ?? 3);
  const maxIterations = options.maxIterations ?? 30;
  if (rows.length === 0) {
    return {
      k: 0,
      assignments: new Int32Array(m.rows).fill(-1),
      centroids: new Float64Array(0),
      sizes: new Int32Array(0),
      cohesion: 0,
      iterations: 0,
    };
  }
  const seed = options.seed ?? 1;
  const fit = fitRows(rows, weights, seed);
  const sampled = fit.rows !== rows;
  const columns = byColumn(m, fit.rows);
  const total = (restarts + (sampled ? 1 : 0)) * maxIterations;
  let done = 0;
  const tick = () => options.onProgress?.(++done / total);
  let best: { result: KMeansResult; centroids: Centroids } | null = null;
  for (let run = 0; run < restarts; run++) {
    const rng = Rng.derive(seed, `kmeans-${run}`);
    const centroids = new Centroids(k, m.columns);
    kmeansPlusPlus(m, fit.rows, columns, fit.weights, k, rng).forEach((r, c) =>
      centroids.setRow(c, m, r),
    );
    const result = lloyd(m, fit.rows, fit.weights, centroids, maxIterations, tick);
    done = (run + 1) * maxIterations;
    if (!best || result.cohesion > best.result.cohesion) best = { result, centroids };
  }
  if (sampled) best!.result = lloyd(m, rows, weights, best!.centroids, maxIterations, tick);
  options.onProgress?.(1);
  // Repeated comments go where the first of them went.
  const out = best!.result;
  for (let r = 0; r < m.rows; r++) {
    const first = representative[r]!;
    if (first >= 0 && first !== r) out.assignments[r] = out.assignments[first]!;
  }
  return out;
}

/**
 * The distinct non-zero rows (repeated comments — "Всё хорошо", "Fine" — are one row weighing
 * as many), and for every row the first row equal to it (−1 for a zero row). Clustering the
 * distinct rows with their weights gives the same clusters for a fraction of the work.
 */
function distinctRows(m: SparseRows): {
  rows: Int32Array;
  weights: Float64Array;
  representative: Int32Array;
} {
  const nonZero: number[] = [];
  for (let r = 0; r < m.rows; r++) if (m.indptr[r + 1]! > m.indptr[r]!) nonZero.push(r);
  const { rows, classOf } = rowClasses(m, nonZero);
  const weights = new Float64Array(rows.length);
  const representative = new Int32Array(m.rows).fill(-1);
  nonZero.forEach((r, i) => {
    weights[classOf[i]!]!++;
    representative[r] = rows[classOf[i]!]!;
  });
  return { rows, weights, representative };
}

/**
 * The distinct rows among `candidates` (the first of each, in their order) and each
 * candidate's place among them. Rows are found by a hash of their entries, then compared
 * entry by entry: equal values are equal rows (0 and −0 alike, as they print alike).
 */
function rowClasses(
  m: SparseRows,
  candidates: ArrayLike<number>,
): { rows: Int32Array; classOf: Int32Array } {
  const { indptr, indices, values } = m;
  const bits = new Int32Array(values.buffer, values.byteOffset, values.length);
  const firstOf = new Map<number, number>();
  const rows: number[] = [];
  /** The next distinct row (by place in `rows`) of the same hash; −1 for none. */
  const next: number[] = [];
  const classOf = new Int32Array(candidates.length);
  for (let u = 0; u < candidates.length; u++) {
    const r = candidates[u]!;
    const s = indptr[r]!;
    const e = indptr[r + 1]!;
    let h = e - s;
    for (let i = s; i < e; i++) {
      h = Math.imul(h ^ indices[i]!, 0x01000193);
      h = Math.imul(h ^ (values[i] === 0 ? 0 : bits[i]!), 0x01000193);
    }
    let at = firstOf.get(h) ?? -1;
    while (at >= 0 && !sameRow(m, rows[at]!, r)) at = next[at]!;
    if (at < 0) {
      at = rows.length;
      next.push(firstOf.get(h) ?? -1);
      firstOf.set(h, at);
      rows.push(r);
    }
    classOf[u] = at;
  }
  return { rows: Int32Array.from(rows), classOf };
}

/** Whether rows a and b hold the same entries. */
function sameRow(m: SparseRows, a: number, b: number): boolean {
  const { indptr, indices, values } = m;
  const n = indptr[a + 1]! - indptr[a]!;
  if (indptr[b + 1]! - indptr[b]! !== n) return false;
  for (let i = 0; i < n; i++) {
    const x = indptr[a]! + i;
    const y = indptr[b]! + i;
    if (indices[x] !== indices[y] || values[x] !== values[y]) return false;
  }
  return true;
}

/**
 * The mean silhouette of a clustering under cosine distance, over at most `sample` clustered
 * rows (chosen with `seed`): for each, (b − a) / max(a, b) with a its mean distance to its own
 * cluster and b to the nearest other. −1…1; higher means clusters stand apart.
 */
export function silhouette(
  m: SparseRows,
  assignments: Int32Array,
  k: number,
  sample = 1500,
  seed = 1,
): number {
  const clustered: number[] = [];
  for (let r = 0; r < m.rows; r++) if (assignments[r]! >= 0) clustered.push(r);
  if (k < 2 || clustered.length < 3) return 0;
  const rng = Rng.derive(seed, 'silhouette');
  const picked = clustered.length <= sample ? clustered : rng.shuffle(clustered).slice(0, sample);
  // A sample of comments repeats some: the cosines are found once per pair of distinct rows,
  // then summed per sampled row in the sample's order.
  const { rows: distinct, classOf } = rowClasses(m, picked);
  const members: number[][] = Array.from(distinct, () => []);
  classOf.forEach((c, i) => members[c]!.push(i));
  const scores = new Float64Array(picked.length).fill(NaN);
  const dist = new Float64Array(k);
  const count = new Int32Array(k);
  const cosines = new Float64Array(distinct.length);
  // Each row's cosines with the others through the rows of its terms only, each sum term by
  // term in column order.
  const columns = byColumn(m, distinct);
  const { indptr, indices, values } = m;
  for (let a = 0; a < distinct.length; a++) {
    const r = distinct[a]!;
    cosines.fill(0);
    for (let i = indptr[r]!; i < indptr[r + 1]!; i++) {
      const v = values[i]!;
      const j = indices[i]!;
      for (let p = columns.start[j]!; p < columns.start[j + 1]!; p++) {
        cosines[columns.row[p]!]! += v * columns.values[p]!;
      }
    }
    for (const p of members[a]!) {
      dist.fill(0);
      count.fill(0);
      for (let q = 0; q < picked.length; q++) {
        if (q === p) continue;
        const c = assignments[picked[q]!]!;
        dist[c]! += 1 - cosines[classOf[q]!]!;
        count[c]!++;
      }
      scores[p] = silhouetteOf(assignments[picked[p]!]!, dist, count);
    }
  }
  let sum = 0;
  let counted = 0;
  for (const x of scores) {
    if (Number.isNaN(x)) continue;
    sum += x;
    counted++;
  }
  return counted > 0 ? sum / counted : 0;
}

/**
 * One row's silhouette from its summed distances to each cluster's rows; NaN when it has no
 * neighbour in its own cluster or no other cluster.
 */
function silhouetteOf(own: number, dist: Float64Array, count: Int32Array): number {
  if (count[own] === 0) return NaN;
  const a = dist[own]! / count[own]!;
  let b = Infinity;
  for (let c = 0; c < dist.length; c++) {
    if (c !== own && count[c]! > 0) b = Math.min(b, dist[c]! / count[c]!);
  }
  if (!Number.isFinite(b)) return NaN;
  const denom = Math.max(a, b);
  return denom > 0 ? (b - a) / denom : 0;
}
