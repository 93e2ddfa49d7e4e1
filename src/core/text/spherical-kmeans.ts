/**
 * Spherical k-means of unit-length sparse rows (TF-IDF of comments): clusters by cosine
 * similarity, with unit-length centroids; k-means++ starts, several restarts, the best kept.
 * Seeded, so the same input and seed give the same clusters. Zero rows (empty comments) are
 * left out (assignment −1).
 */
import { Rng } from '../random.ts';
import { rowDot, rowLength, rowsDot, type SparseRows } from './tfidf.ts';

/** How to cluster. */
export interface KMeansOptions {
  k: number;
  seed?: number;
  /** Restarts from new k-means++ starts; the one with the highest total similarity is kept. */
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

/**
 * k-means++ starts for cosine distance (1 − cos): the first row at random, each next drawn with
 * probability proportional to its squared distance from the nearest start.
 */
function kmeansPlusPlus(
  m: SparseRows,
  rows: Int32Array,
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
  while (starts.length < k) {
    const last = starts[starts.length - 1]!;
    let total = 0;
    for (let i = 0; i < rows.length; i++) {
      const d = 1 - rowsDot(m, rows[i]!, m, last);
      const d2 = Math.max(0, d) ** 2 * weights[i]!;
      if (d2 < best[i]!) best[i] = d2;
      total += best[i]!;
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

/** One run of Lloyd iterations from k-means++ starts. */
function runOnce(
  m: SparseRows,
  rows: Int32Array,
  weights: Float64Array,
  k: number,
  rng: Rng,
  maxIterations: number,
  onIteration: () => void,
): KMeansResult {
  const dim = m.columns;
  const centroids = new Float64Array(k * dim);
  kmeansPlusPlus(m, rows, weights, k, rng).forEach((r, c) => {
    for (let i = m.indptr[r]!; i < m.indptr[r + 1]!; i++) {
      centroids[c * dim + m.indices[i]!] = m.values[i]!;
    }
  });
  const assignments = new Int32Array(m.rows).fill(-1);
  const sizes = new Int32Array(k);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  let cohesion = 0;
  let iterations = 0;
  for (let it = 0; it < maxIterations; it++) {
    iterations++;
    let changed = 0;
    cohesion = 0;
    const { indptr, indices, values } = m;
    for (let u = 0; u < rows.length; u++) {
      const r = rows[u]!;
      const w = weights[u]!;
      let best = 0;
      let bestSim = -Infinity;
      const start = indptr[r]!;
      const end = indptr[r + 1]!;
      // The hot loop: a row's few terms against each centroid, without allocating views.
      for (let c = 0; c < k; c++) {
        const base = c * dim;
        let sim = 0;
        for (let i = start; i < end; i++) sim += values[i]! * centroids[base + indices[i]!]!;
        if (sim > bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      if (assignments[r] !== best) changed += w;
      assignments[r] = best;
      cohesion += w * bestSim;
    }
    onIteration();
    // New centroids: the normalised sum of each cluster's rows.
    centroids.fill(0);
    sizes.fill(0);
    for (let u = 0; u < rows.length; u++) {
      const r = rows[u]!;
      const w = weights[u]!;
      const c = assignments[r]!;
      sizes[c]! += w;
      const base = c * dim;
      for (let i = m.indptr[r]!; i < m.indptr[r + 1]!; i++) {
        centroids[base + m.indices[i]!]! += w * m.values[i]!;
      }
    }
    // Normalise every centre first, so an emptied one restarts on the row the others really
    // explain worst.
    let reseeded = false;
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue;
      const v = centroids.subarray(c * dim, (c + 1) * dim);
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += v[j]! * v[j]!;
      norm = Math.sqrt(norm);
      if (norm > 0) for (let j = 0; j < dim; j++) v[j]! /= norm;
    }
    for (let c = 0; c < k; c++) {
      const v = centroids.subarray(c * dim, (c + 1) * dim);
      if (sizes[c] === 0) {
        reseeded = true;
        // An emptied cluster restarts on the row its centroid explains worst.
        let worst = rows[0]!;
        let worstSim = Infinity;
        for (const r of rows) {
          const a = assignments[r]!;
          const sim = rowDot(m, r, centroids.subarray(a * dim, (a + 1) * dim));
          if (sim < worstSim && sizes[a]! > 1) {
            worstSim = sim;
            worst = r;
          }
        }
        for (let i = m.indptr[worst]!; i < m.indptr[worst + 1]!; i++)
          v[m.indices[i]!] = m.values[i]!;
      }
    }
    // Converged when almost no row moves: later passes polish what no reader would notice
    // (on 300,000 comments they halve the time for under 0.01% of cohesion).
    if (!reseeded && changed <= totalWeight * 0.001) break;
  }
  return { k, assignments, centroids, sizes, cohesion, iterations };
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
  const total = restarts * maxIterations;
  let done = 0;
  let best: KMeansResult | null = null;
  for (let run = 0; run < restarts; run++) {
    const rng = Rng.derive(options.seed ?? 1, `kmeans-${run}`);
    const result = runOnce(m, rows, weights, k, rng, maxIterations, () =>
      options.onProgress?.(++done / total),
    );
    done = (run + 1) * maxIterations;
    if (!best || result.cohesion > best.cohesion) best = result;
  }
  options.onProgress?.(1);
  // Repeated comments go where the first of them went.
  const out = best!;
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
  const firstOf = new Map<string, number>();
  const representative = new Int32Array(m.rows).fill(-1);
  const rows: number[] = [];
  const weights: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    if (rowLength(m, r) === 0) continue;
    const s = m.indptr[r]!;
    const e = m.indptr[r + 1]!;
    const key = `${m.indices.subarray(s, e).join(',')}|${m.values.subarray(s, e).join(',')}`;
    const at = firstOf.get(key);
    if (at === undefined) {
      firstOf.set(key, rows.length);
      representative[r] = r;
      rows.push(r);
      weights.push(1);
    } else {
      representative[r] = rows[at]!;
      weights[at]!++;
    }
  }
  return { rows: Int32Array.from(rows), weights: Float64Array.from(weights), representative };
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
  const clustered = Int32Array.from({ length: m.rows }, (_, r) => r).filter(
    (r) => assignments[r]! >= 0,
  );
  if (k < 2 || clustered.length < 3) return 0;
  const rng = Rng.derive(seed, 'silhouette');
  const picked =
    clustered.length <= sample
      ? clustered
      : Int32Array.from(rng.shuffle([...clustered]).slice(0, sample));
  let sum = 0;
  let counted = 0;
  const dist = new Float64Array(k);
  const count = new Int32Array(k);
  for (const r of picked) {
    dist.fill(0);
    count.fill(0);
    for (const s of picked) {
      if (s === r) continue;
      const c = assignments[s]!;
      dist[c]! += 1 - rowsDot(m, r, m, s);
      count[c]!++;
    }
    const own = assignments[r]!;
    if (count[own] === 0) continue;
    const a = dist[own]! / count[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && count[c]! > 0) b = Math.min(b, dist[c]! / count[c]!);
    }
    if (!Number.isFinite(b)) continue;
    const denom = Math.max(a, b);
    sum += denom > 0 ? (b - a) / denom : 0;
    counted++;
  }
  return counted > 0 ? sum / counted : 0;
}
