/**
 * Which words and phrases complaints use most: terms counted by the comments that mention them
 * (a word repeated in one comment counts once), overall and per group, and the terms that set
 * one group of comments apart from another (detractors against promoters) by a weighted
 * log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).
 */
import { SurfaceNames, type Term } from './tokenize.ts';

/** A term with how many comments mention it. */
export interface TermCount {
  /** The stem or stem pair, as counted. */
  term: string;
  /** The words people wrote, for showing (its most frequent surface form). */
  name: string;
  /** Comments that mention it. */
  count: number;
  /** Of the comments with any term, the share mentioning it (0–1). */
  share: number;
}

/** Top terms of one group of comments. */
export interface GroupTerms {
  key: string;
  /** Comments in the group with any term. */
  n: number;
  terms: TermCount[];
}

/** Options of the term counts. */
export interface TermCountOptions {
  /** How many terms to return; 20 by default. */
  top?: number;
  /** Leave out bigrams (`a b`) or unigrams; both are counted by default. */
  kind?: 'all' | 'unigram' | 'bigram';
  /** Terms in fewer comments are not listed; 2 by default. */
  minCount?: number;
}

const isBigram = (term: string) => term.includes(' ');
const fits = (term: string, kind: TermCountOptions['kind']) =>
  kind === 'unigram' ? !isBigram(term) : kind === 'bigram' ? isBigram(term) : true;

/** The number of comments mentioning each term. */
function documentCounts(docs: readonly (readonly Term[])[]): {
  counts: Map<string, number>;
  n: number;
} {
  const counts = new Map<string, number>();
  let n = 0;
  for (const doc of docs) {
    if (doc.length === 0) continue;
    n++;
    const seen = new Set<string>();
    for (const { term } of doc) {
      if (seen.has(term)) continue;
      seen.add(term);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return { counts, n };
}

/**
 * The most mentioned terms of some comments, most first (ties by term), named by their words.
 * `names` defaults to the surface forms of these comments.
 */
export function topTerms(
  docs: readonly (readonly Term[])[],
  options: TermCountOptions = {},
  names?: SurfaceNames,
): TermCount[] {
  const { counts, n } = documentCounts(docs);
  const named = names ?? surfaceNamesOf(docs);
  const minCount = options.minCount ?? 2;
  return [...counts.entries()]
    .filter(([term, c]) => c >= minCount && fits(term, options.kind))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.top ?? 20)
    .map(([term, count]) => ({ term, name: named.name(term), count, share: count / n }));
}

/** The surface names of some comments' terms. */
export function surfaceNamesOf(docs: readonly (readonly Term[])[]): SurfaceNames {
  const names = new SurfaceNames();
  for (const doc of docs) names.add(doc);
  return names;
}

/**
 * Top terms per group (one key per comment, null for none), groups in natural order; the names
 * come from all comments, so a term reads the same in every group.
 */
export function termsByGroup(
  docs: readonly (readonly Term[])[],
  groups: ArrayLike<string | null>,
  options: TermCountOptions = {},
): GroupTerms[] {
  const names = surfaceNamesOf(docs);
  const members = new Map<string, Term[][]>();
  docs.forEach((doc, i) => {
    const key = groups[i];
    if (key === null || key === undefined) return;
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push(doc as Term[]);
  });
  const collator = new Intl.Collator(undefined, { numeric: true });
  return [...members.keys()].sort(collator.compare).map((key) => {
    const list = members.get(key)!;
    return {
      key,
      n: list.filter((d) => d.length > 0).length,
      terms: topTerms(list, options, names),
    };
  });
}

/** A term over-represented in one group of comments against another. */
export interface DistinctiveTerm extends TermCount {
  /** Comments of the other group that mention it. */
  otherCount: number;
  /** The weighted log-odds z-score: above 1.96 the difference is beyond chance at 95%. */
  z: number;
}

/**
 * Terms that set comments `a` apart from comments `b` (e.g. detractors against promoters):
 * the log-odds ratio of each term's mention counts with an informative Dirichlet prior from
 * both groups together, divided by its standard error; the highest z first, only z > 0.
 */
export function distinctiveTerms(
  a: readonly (readonly Term[])[],
  b: readonly (readonly Term[])[],
  options: TermCountOptions = {},
): DistinctiveTerm[] {
  const ca = documentCounts(a);
  const cb = documentCounts(b);
  const names = surfaceNamesOf([...a, ...b]);
  const minCount = options.minCount ?? 2;
  const all = new Map<string, number>();
  for (const [t, c] of ca.counts) all.set(t, c);
  for (const [t, c] of cb.counts) all.set(t, (all.get(t) ?? 0) + c);
  let a0 = 0;
  for (const c of all.values()) a0 += c;
  // The prior: the pooled counts scaled to a modest total, so rare terms are not over-trusted.
  const priorTotal = Math.min(a0, 1000);
  let na = 0;
  let nb = 0;
  for (const c of ca.counts.values()) na += c;
  for (const c of cb.counts.values()) nb += c;
  const out: DistinctiveTerm[] = [];
  for (const [term, pooled] of all) {
    if (!fits(term, options.kind)) continue;
    const ya = ca.counts.get(term) ?? 0;
    const yb = cb.counts.get(term) ?? 0;
    if (ya < minCount) continue;
    const alpha = (pooled / a0) * priorTotal;
    const delta =
      Math.log((ya + alpha) / (na + priorTotal - ya - alpha)) -
      Math.log((yb + alpha) / (nb + priorTotal - yb - alpha));
    const variance = 1 / (ya + alpha) + 1 / (yb + alpha);
    const z = delta / Math.sqrt(variance);
    if (z > 0) {
      out.push({
        term,
        name: names.name(term),
        count: ya,
        share: ya / Math.max(1, ca.n),
        otherCount: yb,
        z,
      });
    }
  }
  return out.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : 1)).slice(0, options.top ?? 20);
}
