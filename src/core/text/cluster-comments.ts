/**
 * Comments clustered by what they say: tokenised (see `tokenize.ts`), weighed by TF-IDF,
 * grouped by spherical k-means with k chosen by silhouette or given, each cluster named by its
 * top terms and shown by its most typical comments, with a 2-D map of the comments.
 */
import { SurfaceNames, termsOf, type Term } from './tokenize.ts';
import { CONCEPT_MARK, conceptMapper } from './cx-concepts.ts';
import { rowDot, tfidf, type SparseRows } from './tfidf.ts';
import { silhouette, sphericalKMeans, type KMeansResult } from './spherical-kmeans.ts';
import { Rng } from '../random.ts';

/** How to cluster comments. */
export interface ClusterOptions {
  /**
   * A number of clusters, or 'auto' to choose it by silhouette: k = 2…`maxK` (12 by default)
   * are tried, and while the best is the largest tried the range is widened, a few k at a
   * time, up to `kLimit` (30 by default; pass `maxK` for a fixed range).
   */
  k: number | 'auto';
  maxK?: number;
  kLimit?: number;
  seed?: number;
  /** Top terms and examples per cluster; 8 and 5 by default. */
  terms?: number;
  examples?: number;
  /** At most this many comments get a place on the 2-D map; 2,000 by default. */
  mapPoints?: number;
  /**
   * Map Russian and English words of one CX concept to one term (`cx-concepts.ts`) before
   * weighing, so comments cluster by what they say whatever their language. 'auto' (the
   * default): only when the comments are in both languages (`isBilingual`).
   */
  concepts?: boolean | 'auto';
  /** Told of progress (0–1) and of the stage. */
  onProgress?: (share: number, stage: 'terms' | 'choosing-k' | 'clustering') => void;
  /** Told how long each step took, in ms, as it ends (for profiling). */
  onStep?: (step: ClusterStep, ms: number) => void;
}

/**
 * The steps of `clusterComments`: weighing the terms (distinct lists, CX concepts, TF-IDF),
 * choosing k (with k = 'auto'), k-means, the silhouette, describing the clusters (top terms,
 * their names, typical comments) and the 2-D map.
 */
export type ClusterStep = 'weigh' | 'choose-k' | 'k-means' | 'silhouette' | 'describe' | 'map';

/** A cluster of comments. */
export interface CommentCluster {
  id: number;
  size: number;
  /** Its most weighty terms, named by their words. */
  terms: { term: string; name: string; weight: number }[];
  /** Its most typical comments (closest to its centre), as written. */
  examples: string[];
  /** Row numbers of those examples. */
  exampleRows: number[];
}

/** Comments clustered. */
export interface CommentClusters {
  k: number;
  /** Mean silhouette of the clustering (−1…1). */
  silhouette: number;
  /** With k = 'auto': the silhouette of each k tried. */
  tried: { k: number; silhouette: number }[];
  /**
   * With k = 'auto': the best silhouette was still at the largest k tried after widening the
   * range as far as allowed (`kLimit`, or a fifth of the comments sampled), so the comments may
   * hold more themes than clusters. False with k given.
   */
  kAtLimit: boolean;
  clusters: CommentCluster[];
  /** One cluster per comment; −1 for a comment with no usable words. */
  assignments: number[];
  /** A sample of comments placed on a plane (close = similar), with their cluster. */
  map: { row: number; x: number; y: number; cluster: number }[];
  /** Terms kept by TF-IDF. */
  vocabulary: number;
}

/** The share of comments a CX concept (`~late`) may be in and still weigh (other terms: 0.5). */
const CONCEPT_MAX_DF = 0.8;

/** The terms of every comment. */
export function commentTerms(texts: readonly (string | null)[]): Term[][] {
  return texts.map((t) => (t ? termsOf(t) : []));
}

/** Comments' lists of terms, each distinct list (by identity) once. */
interface DistinctLists {
  /** The non-empty lists, in the order first seen. */
  lists: readonly (readonly Term[])[];
  /** How many comments have each. */
  copies: number[];
  /** Each comment's list in `lists`; −1 for none. */
  listOf: Int32Array;
}

/**
 * The distinct lists of terms. Comments of the same text share one list (`termsOfEach`), so a
 * corpus that repeats its comments is tokenised, named and weighed once per distinct text.
 */
function distinctLists(terms: readonly (readonly Term[])[]): DistinctLists {
  const indexOf = new Map<readonly Term[], number>();
  const lists: (readonly Term[])[] = [];
  const copies: number[] = [];
  const listOf = new Int32Array(terms.length).fill(-1);
  for (let r = 0; r < terms.length; r++) {
    const list = terms[r]!;
    if (list.length === 0) continue;
    let at = indexOf.get(list);
    if (at === undefined) {
      at = lists.length;
      indexOf.set(list, at);
      lists.push(list);
      copies.push(0);
    }
    copies[at]!++;
    listOf[r] = at;
  }
  return { lists, copies, listOf };
}

/** The rows `picked` of a sparse matrix, in that order (a row may be picked again). */
function rowsOf(m: SparseRows, picked: readonly number[]): SparseRows {
  const indptr = new Int32Array(picked.length + 1);
  let nnz = 0;
  for (let i = 0; i < picked.length; i++) {
    nnz += m.indptr[picked[i]! + 1]! - m.indptr[picked[i]!]!;
    indptr[i + 1] = nnz;
  }
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let i = 0; i < picked.length; i++) {
    const r = picked[i]!;
    const s = m.indptr[r]!;
    const e = m.indptr[r + 1]!;
    // Element by element: the rows are short, and a view per row would cost more than it copies.
    for (let j = s, at = indptr[i]!; j < e; j++, at++) {
      indices[at] = m.indices[j]!;
      values[at] = m.values[j]!;
    }
  }
  return { rows: picked.length, columns: m.columns, indptr, indices, values };
}

/**
 * Whether each used comment (by its place in `used`) repeats an earlier one: the same text with
 * the same list of terms, so the same row, cluster and similarity. Such a comment can never be
 * shown as an example: the earlier one comes first and shows the same text.
 */
function repeatedComments(
  used: readonly number[],
  corpus: DistinctLists,
  texts: readonly (string | null)[],
): Uint8Array {
  const repeated = new Uint8Array(used.length);
  const firstOf = new Int32Array(corpus.lists.length).fill(-1);
  for (let i = 0; i < used.length; i++) {
    const row = used[i]!;
    const list = corpus.listOf[row]!;
    const first = firstOf[list]!;
    if (first < 0) firstOf[list] = row;
    else if (texts[first] === texts[row]) repeated[i] = 1;
  }
  return repeated;
}

/** Comments weighed for clustering: their distinct lists, the comments used, the TF-IDF rows. */
interface WeighedComments {
  corpus: DistinctLists;
  /** The comments with words (rows of the texts), one matrix row each. */
  used: number[];
  vocabulary: string[];
  matrix: SparseRows;
}

/**
 * The comments' terms (with CX concepts where `concepts` says), weighed by TF-IDF. Each
 * distinct list is mapped and weighed once, as often as it occurs.
 */
function weighComments(rawTerms: readonly Term[][], concepts: boolean | 'auto'): WeighedComments {
  const raw = distinctLists(rawTerms);
  const corpus =
    concepts === true || (concepts === 'auto' && bilingual(raw))
      ? { ...raw, lists: withConcepts(raw.lists) }
      : raw;
  // Only comments with words count in the weights: blank rows must not change them (and the
  // same comments give the same clusters whether blanks come along or not).
  const used: number[] = [];
  for (let r = 0; r < rawTerms.length; r++) if (corpus.listOf[r]! >= 0) used.push(r);
  const weighed = tfidf(
    corpus.lists.map((list) => list.map((x) => x.term)),
    // Rare terms say little of a theme; in a small corpus a term in two comments may.
    {
      minDf: used.length > 2000 ? 3 : 2,
      maxDf: 0.5,
      // A concept gathers the words of one theme in both languages: a theme of most comments
      // ("late" and "delay" in 52 % of them) must not lose its word for being common; in
      // nearly every comment it says nothing, though.
      maxDfOf: (term) => (term.startsWith(CONCEPT_MARK) ? CONCEPT_MAX_DF : undefined),
      copies: corpus.copies,
    },
  );
  return {
    corpus,
    used,
    vocabulary: weighed.vocabulary.terms,
    matrix: rowsOf(
      weighed.matrix,
      used.map((r) => corpus.listOf[r]!),
    ),
  };
}

/** The k to cluster with: given, or chosen by silhouette (with the silhouettes tried). */
function chosenK(
  matrix: SparseRows,
  options: ClusterOptions,
  seed: number,
  report: NonNullable<ClusterOptions['onProgress']>,
): { k: number; tried: { k: number; silhouette: number }[]; kAtLimit: boolean } {
  if (options.k !== 'auto') return { k: options.k, tried: [], kAtLimit: false };
  report(0.05, 'choosing-k');
  const maxK = options.maxK ?? 12;
  const tried = chooseK(matrix, maxK, Math.max(maxK, options.kLimit ?? 30), seed, (s) =>
    report(0.05 + 0.45 * s, 'choosing-k'),
  );
  const k = bestK(tried);
  return { k, tried, kAtLimit: tried.length > 1 && k === tried[tried.length - 1]!.k };
}

/** Clusters comments (see the module comment). */
export function clusterComments(
  texts: readonly (string | null)[],
  options: ClusterOptions,
  rawTerms: Term[][] = commentTerms(texts),
): CommentClusters {
  const report = options.onProgress ?? (() => undefined);
  let lapStart = performance.now();
  const lap = (step: ClusterStep) => {
    const now = performance.now();
    options.onStep?.(step, now - lapStart);
    lapStart = now;
  };
  report(0, 'terms');
  const { corpus, used, vocabulary, matrix } = weighComments(rawTerms, options.concepts ?? 'auto');
  lap('weigh');
  const seed = options.seed ?? 1;
  const { k, tried, kAtLimit } = chosenK(matrix, options, seed, report);
  if (options.k === 'auto') lap('choose-k');
  const start = options.k === 'auto' ? 0.5 : 0.05;
  const result = sphericalKMeans(matrix, {
    k,
    seed,
    restarts: 3,
    onProgress: (s) => report(start + (0.95 - start) * s, 'clustering'),
  });
  lap('k-means');
  // The silhouette of this very clustering (the k search measured samples of it).
  const score = silhouette(matrix, result.assignments, result.k, 1500, seed);
  lap('silhouette');
  const clusters = describeClusters(
    matrix,
    result,
    vocabulary,
    corpus,
    used.map((i) => texts[i] ?? null),
    repeatedComments(used, corpus, texts),
    options,
  ).map((c) => ({ ...c, exampleRows: c.exampleRows.map((r) => used[r]!) }));
  lap('describe');
  const mapPoints = options.mapPoints ?? 2000;
  const map =
    mapPoints > 0
      ? projectComments(matrix, result, mapPoints, seed).map((p) => ({ ...p, row: used[p.row]! }))
      : [];
  const assignments = new Array<number>(texts.length).fill(-1);
  used.forEach((row, i) => (assignments[row] = result.assignments[i]!));
  lap('map');
  report(1, 'clustering');
  return {
    k: result.k,
    silhouette: score,
    tried,
    kAtLimit,
    clusters,
    assignments,
    map,
    vocabulary: vocabulary.length,
  };
}

/**
 * The fewest comments in the other language for `concepts: 'auto'` to map concepts: enough to
 * share words and gather in a cluster of their language. A count, not a share: 1 % of English
 * in 300,000 Russian comments is 3,000 comments, a cluster of its own.
 */
const BILINGUAL_MIN = 10;

/**
 * Whether comments come in both Russian and English, at least `BILINGUAL_MIN` of each (a
 * comment's language: the script of most of its terms).
 *
 * Why concepts only then: they exist to bridge the languages. In one language they merge
 * only synonyms, which the corpus's own co-occurrences already tie, and on comments of
 * another trade their merges can blur what that trade tells apart: on the English CFPB
 * narratives (finance) the mean NMI against their product fell with them, 0.265 → 0.246 over
 * seeds 1–5 and 0.238 → 0.223 over seeds 6–15. A one-language corpus thus clusters exactly as
 * without the vocabulary; comments in both (the mixed demo: 0.43 → 0.55) get it.
 */
export function isBilingual(terms: readonly (readonly Term[])[]): boolean {
  return bilingual(distinctLists(terms));
}

/** `isBilingual` of distinct lists: each list's language found once, counted as often as used. */
function bilingual({ lists, copies }: DistinctLists): boolean {
  let ru = 0;
  let en = 0;
  lists.forEach((list, i) => {
    let cyrillic = 0;
    for (const t of list) {
      const c = t.term.charCodeAt(0);
      if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    }
    if (cyrillic * 2 > list.length) ru += copies[i]!;
    else en += copies[i]!;
  });
  return Math.min(ru, en) >= BILINGUAL_MIN;
}

/**
 * Each list of terms with the words of a CX concept replaced by its token (`~delivery`,
 * `not_~answer`, `~late ~week`), keeping their words so the cluster shows «доставка», not
 * `~delivery`. Only the clustering sees these: the terms given (shared with the frequency
 * analysis) are not changed. A term is one remembered Map lookup.
 */
function withConcepts(lists: readonly (readonly Term[])[]): Term[][] {
  const concept = conceptMapper();
  return lists.map((list) =>
    list.map((t) => {
      const c = concept(t.term);
      return c === t.term ? t : { ...t, term: c };
    }),
  );
}

/** The k of the best silhouette (the smallest on a tie). */
function bestK(tried: readonly { k: number; silhouette: number }[]): number {
  return tried.reduce(
    (best, t) => (t.silhouette > best.silhouette ? t : best),
    tried[0] ?? { k: 1, silhouette: 0 },
  ).k;
}

/** How many more k are tried at a time while the best is the largest tried. */
const WIDEN_STEP = 4;

/**
 * The silhouette of k = 2…maxK, each clustered on a sample of up to 3,000 comments (enough
 * to rank the ks, cheap enough for 300,000 comments); while the best is the largest k tried,
 * `WIDEN_STEP` more k are tried, up to `limit` (a silhouette still rising at the top of the
 * range says the comments hold more themes, as on the demo with k = 12 of 2–12). Never more
 * than a fifth of the comments sampled.
 */
function chooseK(
  matrix: SparseRows,
  maxK: number,
  limit: number,
  seed: number,
  onProgress: (share: number) => void,
): { k: number; silhouette: number }[] {
  const rows: number[] = [];
  for (let r = 0; r < matrix.rows; r++) if (matrix.indptr[r + 1]! > matrix.indptr[r]!) rows.push(r);
  const rng = Rng.derive(seed, 'choose-k');
  const picked =
    rows.length > 3000
      ? rng
          .shuffle(rows.slice())
          .slice(0, 3000)
          .sort((a, b) => a - b)
      : rows;
  const sample = rowsOf(matrix, picked);
  const most = Math.max(2, Math.floor(picked.length / 5));
  const ceiling = Math.min(limit, most);
  let top = Math.max(2, Math.min(maxK, most));
  const out: { k: number; silhouette: number }[] = [];
  for (let k = 2; k <= top; k++) {
    const r = sphericalKMeans(sample, { k, seed, restarts: 2, maxIterations: 20 });
    out.push({ k, silhouette: silhouette(sample, r.assignments, r.k, 1000, seed) });
    if (k === top && bestK(out) === k && top < ceiling) top = Math.min(ceiling, top + WIDEN_STEP);
    onProgress((k - 1) / Math.max(1, top - 1));
  }
  return out;
}

/** Each cluster's size, top terms (by centroid weight) and most typical comments. */
function describeClusters(
  matrix: SparseRows,
  result: KMeansResult,
  vocabulary: readonly string[],
  corpus: DistinctLists,
  texts: readonly (string | null)[],
  repeated: Uint8Array,
  options: ClusterOptions,
): CommentCluster[] {
  const dim = matrix.columns;
  const nTerms = options.terms ?? 8;
  const tops = Array.from({ length: result.k }, (_, c) => {
    const centroid = result.centroids.subarray(c * dim, (c + 1) * dim);
    return Array.from(centroid.keys())
      .filter((j) => centroid[j]! > 0)
      .sort((a, b) => centroid[b]! - centroid[a]!)
      .slice(0, nTerms);
  });
  // Only the terms shown are named: each distinct list once, as often as it occurs, gives the
  // same counts in the same order of first sight as comment by comment.
  const shown = new Set(tops.flat().map((j) => vocabulary[j]!));
  const names = new SurfaceNames();
  corpus.lists.forEach((list, i) => names.add(list, corpus.copies[i], shown));
  const examples = typicalComments(matrix, result, texts, repeated, options.examples ?? 5);
  return tops.map((order, c) => ({
    id: c,
    size: result.sizes[c]!,
    terms: order.map((j) => ({
      term: vocabulary[j]!,
      name: names.name(vocabulary[j]!),
      weight: result.centroids[c * dim + j]!,
    })),
    ...examples[c]!,
  }));
}

/**
 * Each cluster's most typical comments: closest to its centre, distinct by their text (trimmed,
 * in any case), with their rows.
 */
function typicalComments(
  matrix: SparseRows,
  result: KMeansResult,
  texts: readonly (string | null)[],
  repeated: Uint8Array,
  count: number,
): { examples: string[]; exampleRows: number[] }[] {
  const dim = matrix.columns;
  const best: { row: number; sim: number }[][] = Array.from({ length: result.k }, () => []);
  const { indptr, indices, values } = matrix;
  for (let r = 0; r < matrix.rows; r++) {
    const c = result.assignments[r]!;
    if (c < 0 || repeated[r]) continue;
    let sim = 0;
    for (let i = indptr[r]!; i < indptr[r + 1]!; i++) {
      sim += values[i]! * result.centroids[c * dim + indices[i]!]!;
    }
    best[c]!.push({ row: r, sim });
  }
  return best.map((candidates) => {
    const seen = new Set<string>();
    const examples: string[] = [];
    const exampleRows: number[] = [];
    for (const { row } of candidates.sort((a, b) => b.sim - a.sim || a.row - b.row)) {
      const text = (texts[row] ?? '').trim();
      const key = text.toLowerCase();
      if (!text || seen.has(key)) continue;
      seen.add(key);
      examples.push(text);
      exampleRows.push(row);
      if (examples.length >= count) break;
    }
    return { examples, exampleRows };
  });
}

/**
 * A sample of comments on a plane: the first two principal axes of the cluster centres
 * (through the k × k Gram matrix, so it stays cheap for any vocabulary), each comment placed
 * by its projection on them. Close points say similar things.
 */
function projectComments(
  matrix: SparseRows,
  result: KMeansResult,
  maxPoints: number,
  seed: number,
): CommentClusters['map'] {
  const k = result.k;
  const dim = matrix.columns;
  if (k === 0) return [];
  const mean = new Float64Array(dim);
  for (let c = 0; c < k; c++)
    for (let j = 0; j < dim; j++) mean[j]! += result.centroids[c * dim + j]! / k;
  const centred = Float64Array.from(result.centroids, (v, i) => v - mean[i % dim]!);
  const gram = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += centred[a * dim + j]! * centred[b * dim + j]!;
      gram[a * k + b] = gram[b * k + a] = s;
    }
  }
  const axes: Float64Array[] = [];
  const rng = Rng.derive(seed, 'projection');
  for (let axis = 0; axis < 2; axis++) {
    let u = Float64Array.from({ length: k }, () => rng.next() - 0.5);
    let lambda = 0;
    const found = axes.map((prev) => projectOnGram(prev, centred, k, dim));
    for (let it = 0; it < 100; it++) {
      const v = new Float64Array(k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) v[a]! += gram[a * k + b]! * u[b]!;
      // Deflate: take out the axes already found.
      for (const pu of found) {
        let dot = 0;
        for (let a = 0; a < k; a++) dot += pu[a]! * v[a]!;
        for (let a = 0; a < k; a++) v[a]! -= dot * pu[a]!;
      }
      const norm = length(v);
      if (norm === 0) break;
      lambda = norm;
      u = v.map((x) => x / norm);
    }
    const direction = new Float64Array(dim);
    for (let c = 0; c < k; c++)
      for (let j = 0; j < dim; j++) direction[j]! += u[c]! * centred[c * dim + j]!;
    const len = length(direction) || 1;
    axes.push(direction.map((x) => x / len));
    if (lambda === 0) break;
  }
  const rows: number[] = [];
  for (let r = 0; r < matrix.rows; r++) if (result.assignments[r]! >= 0) rows.push(r);
  const rng2 = Rng.derive(seed, 'map-sample');
  const picked =
    rows.length > maxPoints
      ? rng2
          .shuffle(rows.slice())
          .slice(0, maxPoints)
          .sort((a, b) => a - b)
      : rows;
  const offset = axes.map((ax) => ax.reduce((s, v, j) => s + v * mean[j]!, 0));
  return picked.map((row) => ({
    row,
    x: axes[0] ? rowDot(matrix, row, axes[0]) - offset[0]! : 0,
    y: axes[1] ? rowDot(matrix, row, axes[1]) - offset[1]! : 0,
    cluster: result.assignments[row]!,
  }));
}

/** An axis (in term space) expressed in the centres' coordinates, for deflation. */
function projectOnGram(
  axis: Float64Array,
  centred: Float64Array,
  k: number,
  dim: number,
): Float64Array {
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += centred[c * dim + j]! * axis[j]!;
    out[c] = s;
  }
  const norm = length(out) || 1;
  return out.map((x) => x / norm);
}

/** The Euclidean length of a vector (without spreading it into arguments). */
function length(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}
