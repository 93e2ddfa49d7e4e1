/**
 * TF-IDF of tokenised comments as a sparse matrix (compressed rows), each row scaled to unit
 * length so a dot product of two rows is their cosine similarity.
 */

/** A sparse matrix by rows: row r holds `values[indptr[r]..indptr[r+1])` at `indices[…]`. */
export interface SparseRows {
  rows: number;
  columns: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** The terms kept and their weights. */
export interface TfidfVocabulary {
  terms: string[];
  /** Documents each term occurs in. */
  df: Int32Array;
  idf: Float64Array;
}

/** Which terms are kept. */
export interface TfidfOptions {
  /** Terms in fewer documents are dropped: a count, or a share of documents below 1; 2 by default. */
  minDf?: number;
  /** Terms in more documents are dropped: a share (≤ 1) or a count; 0.5 by default. */
  maxDf?: number;
  /** A term's own `maxDf` (same units), where it differs from `maxDf`; undefined for the rest. */
  maxDfOf?: (term: string) => number | undefined;
  /** At most this many terms, the most frequent kept; 20,000 by default. */
  maxTerms?: number;
  /** 1 + log(tf) instead of tf (damps a word repeated in one comment); true by default. */
  sublinearTf?: boolean;
}

/**
 * TF-IDF of `docs` (each a list of terms): smooth idf = ln((1 + n) / (1 + df)) + 1, terms kept
 * by document frequency (`minDf`–`maxDf`, then the `maxTerms` most frequent), rows L2-normalised.
 * An empty document (or one with no kept term) is a zero row.
 */
export function tfidf(
  docs: readonly (readonly string[])[],
  options: TfidfOptions = {},
): { vocabulary: TfidfVocabulary; matrix: SparseRows } {
  const n = docs.length;
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const term of new Set(doc)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const asCount = (x: number, fallback: number) =>
    x === undefined ? fallback : x < 1 ? Math.ceil(x * n) : x;
  const minDf = Math.max(1, asCount(options.minDf ?? 2, 2));
  const maxDfOpt = options.maxDf ?? 0.5;
  const asMaxDf = (x: number) => (x <= 1 ? Math.floor(x * n) : x);
  const maxDf = asMaxDf(maxDfOpt);
  const ownMaxDf = options.maxDfOf;
  const ceiling = (term: string) => {
    const own = ownMaxDf?.(term);
    return own === undefined ? maxDf : asMaxDf(own);
  };
  const kept = [...counts.entries()]
    .filter(([term, df]) => df >= minDf && df <= Math.max(ceiling(term), minDf))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxTerms ?? 20_000)
    // Alphabetical columns: the same input gives the same matrix, whatever the order of ties.
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const index = new Map(kept.map(([term], k) => [term, k]));
  const df = Int32Array.from(kept, ([, d]) => d);
  const idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  const sublinear = options.sublinearTf ?? true;

  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const tf = new Map<number, number>();
  docs.forEach((doc, r) => {
    tf.clear();
    for (const term of doc) {
      const k = index.get(term);
      if (k !== undefined) tf.set(k, (tf.get(k) ?? 0) + 1);
    }
    const cols = [...tf.keys()].sort((a, b) => a - b);
    let norm = 0;
    const start = values.length;
    for (const k of cols) {
      const t = tf.get(k)!;
      const w = (sublinear ? 1 + Math.log(t) : t) * idf[k]!;
      indices.push(k);
      values.push(w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let i = start; i < values.length; i++) values[i]! /= norm;
    indptr[r + 1] = values.length;
  });
  return {
    vocabulary: { terms: kept.map(([t]) => t), df, idf },
    matrix: {
      rows: n,
      columns: kept.length,
      indptr,
      indices: Int32Array.from(indices),
      values: Float32Array.from(values),
    },
  };
}

/** The number of stored (non-zero) entries of row `r`. */
export function rowLength(m: SparseRows, r: number): number {
  return m.indptr[r + 1]! - m.indptr[r]!;
}

/** The dot product of row `r` with a dense vector. */
export function rowDot(m: SparseRows, r: number, dense: ArrayLike<number>): number {
  let s = 0;
  for (let i = m.indptr[r]!; i < m.indptr[r + 1]!; i++) s += m.values[i]! * dense[m.indices[i]!]!;
  return s;
}

/** The dot product of two rows (their cosine, for normalised rows). */
export function rowsDot(a: SparseRows, r: number, b: SparseRows, s: number): number {
  let i = a.indptr[r]!;
  let j = b.indptr[s]!;
  const iEnd = a.indptr[r + 1]!;
  const jEnd = b.indptr[s + 1]!;
  let sum = 0;
  while (i < iEnd && j < jEnd) {
    const x = a.indices[i]!;
    const y = b.indices[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
