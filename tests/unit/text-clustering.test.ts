import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/text/tokenize.ts';
import { rowsDot, tfidf, type SparseRows } from '../../src/core/text/tfidf.ts';
import { silhouette, sphericalKMeans } from '../../src/core/text/spherical-kmeans.ts';
import { normalizedMutualInformation } from '../../src/core/text/cluster-agreement.ts';
import { Rng } from '../../src/core/random.ts';
import { clusterComments } from '../../src/core/text/cluster-comments.ts';

describe('TF-IDF', () => {
  it('weighs terms by smooth idf on a hand fixture, rows of unit length', () => {
    const docs = [['a', 'b'], ['a', 'c'], ['a', 'b', 'b'], []];
    const { vocabulary, matrix } = tfidf(docs, { minDf: 1, maxDf: 1 });
    expect(vocabulary.terms).toEqual(['a', 'b', 'c']);
    expect([...vocabulary.df]).toEqual([3, 2, 1]);
    // idf = ln((1 + 4) / (1 + df)) + 1
    const idf = [Math.log(5 / 4) + 1, Math.log(5 / 3) + 1, Math.log(5 / 2) + 1];
    vocabulary.idf.forEach((v, k) => expect(v).toBeCloseTo(idf[k]!, 12));
    // Row 2: tf(b) = 2 → 1 + ln 2, then normalised.
    const a = idf[0]!;
    const b = (1 + Math.log(2)) * idf[1]!;
    const norm = Math.hypot(a, b);
    expect([...matrix.indices.slice(matrix.indptr[2], matrix.indptr[3])]).toEqual([0, 1]);
    expect(matrix.values[matrix.indptr[2]!]).toBeCloseTo(a / norm, 6);
    expect(matrix.values[matrix.indptr[2]! + 1]).toBeCloseTo(b / norm, 6);
    for (let r = 0; r < 3; r++) expect(rowsDot(matrix, r, matrix, r)).toBeCloseTo(1, 6);
    // The empty document is a zero row.
    expect(matrix.indptr[4]! - matrix.indptr[3]!).toBe(0);
  });

  it('weighs a document given with copies as if each copy were given', () => {
    const docs = [['a', 'b'], ['a', 'c', 'c'], ['b'], ['d', 'a']];
    const copies = [3, 1, 2, 1];
    const expanded = docs.flatMap((d, i) => Array.from({ length: copies[i]! }, () => d));
    const options = { minDf: 2, maxDf: 0.6 };
    const once = tfidf(docs, { ...options, copies });
    const all = tfidf(expanded, options);
    expect(once.vocabulary.terms).toEqual(all.vocabulary.terms);
    expect([...once.vocabulary.df]).toEqual([...all.vocabulary.df]);
    expect([...once.vocabulary.idf]).toEqual([...all.vocabulary.idf]);
    // Each document's row is the row of each of its copies, to the bit.
    let at = 0;
    docs.forEach((_, d) => {
      const row = (m: typeof once.matrix, r: number) => [
        ...m.indices.slice(m.indptr[r], m.indptr[r + 1]),
        ...m.values.slice(m.indptr[r], m.indptr[r + 1]),
      ];
      for (let c = 0; c < copies[d]!; c++)
        expect(row(all.matrix, at++)).toEqual(row(once.matrix, d));
    });
  });

  it('drops terms that are too rare or too common', () => {
    const docs = [
      ['x', 'common'],
      ['y', 'common'],
      ['x', 'common'],
      ['z', 'common'],
    ];
    expect(tfidf(docs, { minDf: 2, maxDf: 0.9 }).vocabulary.terms).toEqual(['x']);
  });
});

/** Comments of four planted complaint themes in two languages, with shared filler words. */
function plantedComments(perTheme: number, seed: number): { texts: string[]; theme: number[] } {
  const themes = [
    ['доставка', 'опоздала', 'курьер', 'задержка', 'привезли поздно', 'ждали доставку'],
    ['менеджер', 'не отвечает', 'звонки', 'перезвонить', 'связь', 'почта без ответа'],
    ['late delivery', 'courier', 'delayed shipment', 'arrived late', 'waiting for delivery'],
    ['invoice', 'wrong invoice', 'documents', 'billing error', 'missing paperwork'],
  ];
  const filler = ['в целом', 'как обычно', 'in general', 'as usual', 'заказ', 'order', 'сегодня'];
  const rng = new Rng(seed);
  const texts: string[] = [];
  const theme: number[] = [];
  for (let t = 0; t < themes.length; t++) {
    for (let i = 0; i < perTheme; i++) {
      const words = [rng.pick(themes[t]!), rng.pick(themes[t]!), rng.pick(themes[t]!)];
      if (rng.bernoulli(0.6)) words.push(rng.pick(filler));
      texts.push(rng.shuffle(words).join(', '));
      theme.push(t);
    }
  }
  return { texts, theme };
}

describe('spherical k-means', () => {
  it('recovers planted complaint themes (NMI ≥ 0.9) and the silhouette prefers their number', () => {
    const { texts, theme } = plantedComments(80, 7);
    const { matrix } = tfidf(texts.map((t) => tokenize(t)));
    const result = sphericalKMeans(matrix, { k: 4, seed: 3, restarts: 4 });
    expect(normalizedMutualInformation(result.assignments, theme)).toBeGreaterThanOrEqual(0.9);
    expect([...result.sizes].reduce((a, b) => a + b, 0)).toBe(texts.length);
    const at = (k: number) =>
      silhouette(matrix, sphericalKMeans(matrix, { k, seed: 3 }).assignments, k);
    expect(at(4)).toBeGreaterThan(at(2));
    expect(at(4)).toBeGreaterThan(at(8));
  });

  it('gives the same clusters for the same seed, and leaves empty comments out', () => {
    const { texts } = plantedComments(30, 11);
    const docs = [...texts, '', '12345'].map((t) => tokenize(t));
    const { matrix } = tfidf(docs);
    const a = sphericalKMeans(matrix, { k: 4, seed: 42 });
    const b = sphericalKMeans(matrix, { k: 4, seed: 42 });
    expect([...a.assignments]).toEqual([...b.assignments]);
    expect(a.assignments.at(-1)).toBe(-1);
    expect(a.assignments.at(-2)).toBe(-1);
    // More clusters than distinct comments cannot be made: k shrinks to the distinct rows, and
    // a repeated comment goes where its first copy went.
    const tiny = tfidf(
      [
        ['a', 'b'],
        ['a', 'b'],
        ['c', 'a'],
      ],
      { minDf: 1, maxDf: 1 },
    ).matrix;
    const small = sphericalKMeans(tiny, { k: 5 });
    expect(small.k).toBe(2);
    expect(small.assignments[0]).toBe(small.assignments[1]);
    expect(small.assignments[2]).not.toBe(small.assignments[0]);
    expect([...small.sizes].sort()).toEqual([1, 2]);
  });
});

/**
 * `themes` planted themes of 20 terms each as a sparse matrix of unit rows: each row three of
 * its theme's terms and one of any theme, random weights, so nearly every row is distinct.
 */
function plantedRows(
  rows: number,
  themes: number,
  seed: number,
): { m: SparseRows; theme: number[] } {
  const rng = new Rng(seed);
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const theme: number[] = [];
  for (let r = 0; r < rows; r++) {
    const t = rng.int(0, themes - 1);
    const terms = new Map<number, number>();
    for (let i = 0; i < 3; i++) terms.set(t * 20 + rng.int(0, 19), rng.uniform(0.5, 1));
    terms.set(rng.int(0, themes * 20 - 1), rng.uniform(0, 0.2));
    const cols = [...terms.keys()].sort((a, b) => a - b);
    const norm = Math.hypot(...cols.map((c) => terms.get(c)!));
    for (const c of cols) {
      indices.push(c);
      values.push(terms.get(c)! / norm);
    }
    indptr[r + 1] = indices.length;
    theme.push(t);
  }
  const m = {
    rows,
    columns: themes * 20,
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };
  return { m, theme };
}

describe('spherical k-means of many distinct rows', () => {
  it('runs the restarts on a sample, then clusters every row from the best of them', () => {
    // Above 20,000 distinct rows the restarts run on 10,000 of them.
    const { m, theme } = plantedRows(24_000, 4, 5);
    const result = sphericalKMeans(m, { k: 4, seed: 2 });
    expect(normalizedMutualInformation(result.assignments, theme)).toBeGreaterThanOrEqual(0.9);
    expect([...result.sizes].reduce((a, b) => a + b, 0)).toBe(m.rows);
    expect([...result.assignments].every((a) => a >= 0 && a < 4)).toBe(true);
    // Seeded: the same rows and seed give the same clusters.
    expect([...sphericalKMeans(m, { k: 4, seed: 2 }).assignments]).toEqual([...result.assignments]);
  });
});

describe('normalised mutual information', () => {
  it('is 1 for the same partition under other names, 0 for independent ones', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], ['b', 'b', 'a', 'a'])).toBeCloseTo(1, 12);
    expect(normalizedMutualInformation([0, 1, 0, 1], [0, 0, 1, 1])).toBeCloseTo(0, 12);
    // Hand-computed: MI = ln 2 − (3/4)·ln 3 + … for a 3-of-4 agreement.
    const v = normalizedMutualInformation([0, 0, 1, 1], [0, 0, 0, 1]);
    const h1 = Math.log(2);
    const h2 = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    const mi =
      0.5 * Math.log(0.5 / (0.5 * 0.75)) +
      0.25 * Math.log(0.25 / (0.5 * 0.75)) +
      0.25 * Math.log(0.25 / (0.5 * 0.25));
    expect(v).toBeCloseTo(mi / ((h1 + h2) / 2), 12);
  });
});

describe('clusterComments', () => {
  it('chooses k by silhouette, names clusters by their words, shows typical comments and a map', () => {
    const { texts, theme } = plantedComments(60, 5);
    // The planted Russian and English delivery themes are one concept for `concepts`
    // (tests/unit/cx-concepts.test.ts): here each language's words are a theme of their own.
    const r = clusterComments([...texts, null, '!!!'], {
      k: 'auto',
      maxK: 8,
      seed: 9,
      concepts: false,
    });
    expect(r.k).toBe(4);
    expect(r.tried.map((t) => t.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.silhouette).toBe(Math.max(...r.tried.map((t) => t.silhouette)));
    expect(
      normalizedMutualInformation(r.assignments.slice(0, texts.length), theme),
    ).toBeGreaterThanOrEqual(0.9);
    expect(r.assignments.slice(-2)).toEqual([-1, -1]);
    // The invoice cluster is named in words people wrote, and its examples are about invoices.
    const invoices = r.clusters.find((c) => c.terms.some((t) => t.name === 'invoice'))!;
    expect(invoices.examples.length).toBe(5);
    for (const e of invoices.examples) expect(e).toMatch(/invoice|documents|billing|paperwork/);
    expect(r.map.length).toBe(texts.length);
    expect(r.map.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    // Blank rows change nothing: the same comments cluster the same with or without them.
    const padded = texts.flatMap((t) => [t, null, '']);
    const withBlanks = clusterComments(padded, { k: 4, seed: 9 }).assignments.filter(
      (_, i) => i % 3 === 0,
    );
    expect(withBlanks).toEqual(clusterComments(texts, { k: 4, seed: 9 }).assignments);
    // Same seed, same result.
    expect(clusterComments(texts, { k: 4, seed: 9 }).assignments).toEqual(
      clusterComments(texts, { k: 4, seed: 9 }).assignments,
    );
  });
});
