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
  /**
   * How many documents each given one stands for (1 each by default): a corpus that repeats
   * its comments is weighed from its distinct ones, each row once, with the same idf as if
   * every copy were given.
   */
  copies?: ArrayLike<number>;
}

/** Every document's terms as ids into one list of the distinct terms, and their counts. */
interface TermIds {
  terms: string[];
  /** Documents (counting copies) each term occurs in. */
  df: number[];
  /** Document d's term ids: `ids[starts[d]..starts[d+1])`. */
  ids: Int32Array;
  starts: Int32Array;
}

function termIds(
  docs: readonly (readonly string[])[],
  copies: ArrayLike<number> | undefined,
): TermIds {
  let total = 0;
  for (const doc of docs) total += doc.length;
  const ids = new Int32Array(total);
  const starts = new Int32Array(docs.length + 1);
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  // The last document each term was counted in: a term repeated in one document counts once.
  const lastDoc: number[] = [];
  let at = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const times = copies ? copies[d]! : 1;
    for (let i = 0; i < doc.length; i++) {
      const term = doc[i]!;
      let id = idOf.get(term);
      if (id === undefined) {
        id = terms.length;
        idOf.set(term, id);
        terms.push(term);
        df.push(0);
        lastDoc.push(-1);
      }
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        df[id]! += times;
      }
      ids[at++] = id;
    }
    starts[d + 1] = at;
  }
  return { terms, df, ids, starts };
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
  const copies = options.copies;
  let n = docs.length;
  if (copies) {
    n = 0;
    for (let d = 0; d < docs.length; d++) n += copies[d]!;
  }
  const ids = termIds(docs, copies);
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
  const candidates: number[] = [];
  ids.terms.forEach((term, id) => {
    const d = ids.df[id]!;
    if (d >= minDf && d <= Math.max(ceiling(term), minDf)) candidates.push(id);
  });
  const { terms, df } = ids;
  const kept = candidates
    .sort((a, b) => df[b]! - df[a]! || (terms[a]! < terms[b]! ? -1 : 1))
    .slice(0, options.maxTerms ?? 20_000)
    // Alphabetical columns: the same input gives the same matrix, whatever the order of ties.
    .sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  const column = new Int32Array(terms.length).fill(-1);
  kept.forEach((id, k) => (column[id] = k));
  const keptDf = Int32Array.from(kept, (id) => df[id]!);
  const idf = Float64Array.from(keptDf, (d) => Math.log((1 + n) / (1 + d)) + 1);
  return {
    vocabulary: { terms: kept.map((id) => terms[id]!), df: keptDf, idf },
    matrix: weighRows(ids, column, idf, options.sublinearTf ?? true),
  };
}

/** The rows: each document's kept terms by column, tf × idf, scaled to unit length. */
function weighRows(
  { ids, starts }: TermIds,
  column: Int32Array,
  idf: Float64Array,
  sublinear: boolean,
): SparseRows {
  const n = starts.length - 1;
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(ids.length);
  const values = new Float32Array(ids.length);
  const tf = new Int32Array(idf.length);
  const cols = new Int32Array(Math.min(ids.length, idf.length));
  const weights = new Float64Array(cols.length);
  let nnz = 0;
  for (let r = 0; r < n; r++) {
    let found = 0;
    for (let i = starts[r]!; i < starts[r + 1]!; i++) {
      const k = column[ids[i]!]!;
      if (k < 0) continue;
      if (tf[k] === 0) cols[found++] = k;
      tf[k]!++;
    }
    const row = cols.subarray(0, found).sort();
    // Weights summed and divided in double precision, in column order, then stored as floats.
    let norm = 0;
    for (let i = 0; i < found; i++) {
      const k = row[i]!;
      const t = tf[k]!;
      const w = (sublinear ? 1 + Math.log(t) : t) * idf[k]!;
      weights[i] = w;
      norm += w * w;
      tf[k] = 0;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < found; i++) {
      indices[nnz] = row[i]!;
      values[nnz++] = weights[i]! / norm;
    }
    indptr[r + 1] = nnz;
  }
  return {
    rows: n,
    columns: idf.length,
    indptr,
    indices: indices.slice(0, nnz),
    values: values.slice(0, nnz),
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
