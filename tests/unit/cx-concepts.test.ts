import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/text/tokenize.ts';
import { tfidf } from '../../src/core/text/tfidf.ts';
import {
  CONCEPT_CLASHES,
  conceptList,
  conceptMapper,
  conceptOf,
} from '../../src/core/text/cx-concepts.ts';
import { clusterComments, isBilingual } from '../../src/core/text/cluster-comments.ts';
import { normalizedMutualInformation } from '../../src/core/text/cluster-agreement.ts';
import { Rng } from '../../src/core/random.ts';

/** The concept of a phrase's one word, through the tokenizer as clustering sees it. */
const concept = (word: string) => {
  const terms = tokenize(word, { bigrams: false });
  expect(terms, word).toHaveLength(1);
  return conceptOf(terms[0]!);
};

describe('CX concept vocabulary', () => {
  it('has a few hundred words, each one stem, no stem claimed by two concepts', () => {
    const list = conceptList();
    const words = list.flatMap((c) => [...c.ru, ...c.en]);
    expect(list.length).toBeGreaterThanOrEqual(80);
    expect(words.length).toBeGreaterThanOrEqual(600);
    for (const c of list) {
      expect(c.ru.length, `${c.name} in Russian`).toBeGreaterThan(0);
      expect(c.en.length, `${c.name} in English`).toBeGreaterThan(0);
    }
    for (const w of words)
      expect(tokenize(w, { bigrams: false, stopWords: false }), w).toHaveLength(1);
    expect(CONCEPT_CLASHES).toEqual([]);
  });

  it('maps Russian and English words of one concept to one token', () => {
    const pairs: [string, string][] = [
      ['доставка', 'delivery'],
      ['доставили', 'shipped'],
      ['опоздание', 'late'],
      ['задержка', 'delayed'],
      ['менеджер', 'manager'],
      ['цена', 'price'],
      ['очередь', 'queue'],
      ['курьер', 'courier'],
      ['поддержка', 'support'],
      ['звонок', 'call'],
      ['ждать', 'wait'],
      ['возврат', 'refund'],
      ['брак', 'defective'],
      ['повреждение', 'damaged'],
      ['счёт', 'invoice'],
      ['склад', 'warehouse'],
      ['качество', 'quality'],
      ['грубый', 'rude'],
    ];
    for (const [ru, en] of pairs) {
      expect(concept(ru), `${ru} / ${en}`).toBe(concept(en));
      expect(concept(ru)).toMatch(/^~/);
    }
    // Different things stay apart.
    expect(concept('wrong')).not.toBe(concept('error'));
    expect(concept('опоздали')).not.toBe(concept('медленно'));
    // Words outside the vocabulary are left as they are.
    expect(conceptOf('зонтик')).toBe('зонтик');
  });

  it('maps negated terms and bigrams word by word', () => {
    const ru = tokenize('Менеджер не отвечает').map(conceptOf);
    const en = tokenize('Manager does not answer').map(conceptOf);
    expect(ru).toContain('not_~answer');
    expect(en).toContain('not_~answer');
    expect(ru).toContain('~manager not_~answer');
    expect(conceptOf('доставк опозда')).toBe(conceptOf('deliveri late'));
    const mapped = conceptMapper();
    expect(mapped('доставк')).toBe('~delivery');
    expect(mapped('доставк')).toBe('~delivery');
  });
});

describe('TF-IDF', () => {
  it('lets chosen terms be more common than maxDf', () => {
    const docs = [
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'b'],
      ['d', 'c'],
      ['d', 'b'],
    ];
    // `a` is in 3 of 5 documents, over maxDf 0.5.
    expect(tfidf(docs, { minDf: 1 }).vocabulary.terms).not.toContain('a');
    const own = tfidf(docs, { minDf: 1, maxDfOf: (t) => (t === 'a' ? 0.8 : undefined) });
    expect(own.vocabulary.terms).toContain('a');
    expect(own.vocabulary.terms).not.toContain('b');
  });
});

/** Comments on two themes, each in both languages (a fifth in English). */
function bilingualComments(n: number, seed: number) {
  const themes = {
    ru: [
      ['доставка опоздала', 'задержка поставки', 'курьер опоздал', 'ждали доставку'],
      ['цены выросли', 'дорого', 'скидки маленькие', 'цена выше'],
    ],
    en: [
      ['late delivery', 'delayed shipment', 'courier was late', 'waiting for delivery'],
      ['prices went up', 'expensive', 'small discounts', 'price is higher'],
    ],
  };
  const rng = new Rng(seed);
  const texts: string[] = [];
  const theme: number[] = [];
  const lang: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = rng.bernoulli(0.2) ? 'en' : 'ru';
    const t = i % 2;
    const pool = themes[l][t]!;
    texts.push(`${rng.pick(pool)}, ${rng.pick(pool)}`);
    theme.push(t);
    lang.push(l);
  }
  return { texts, theme, lang };
}

describe('clusterComments with CX concepts', () => {
  it('groups comments by what they say, not by their language', () => {
    const { texts, theme, lang } = bilingualComments(200, 4);
    const r = clusterComments(texts, { k: 2, seed: 1 });
    expect(normalizedMutualInformation(r.assignments, theme)).toBeGreaterThan(0.9);
    // Without the vocabulary the English comments of both themes end up in one cluster.
    const plain = clusterComments(texts, { k: 2, seed: 1, concepts: false });
    expect(normalizedMutualInformation(plain.assignments, theme)).toBeLessThan(0.8);
    const english = plain.assignments.filter((_, i) => lang[i] === 'en');
    const inFirst = english.filter((a) => a === english[0]).length;
    expect(inFirst / english.length).toBeGreaterThan(0.9);
    // Clusters are named in people's words, never by a concept token.
    for (const c of r.clusters) for (const t of c.terms) expect(t.name).not.toMatch(/~/);
  });

  it('maps concepts only for comments in both languages by default', () => {
    const { texts } = bilingualComments(200, 4);
    const ru = texts.filter((t) => /[а-я]/.test(t));
    const en = texts.filter((t) => !/[а-я]/.test(t));
    const terms = (xs: string[]) =>
      xs.map((t) => tokenize(t).map((term) => ({ term, surface: term })));
    expect(isBilingual(terms(texts))).toBe(true);
    expect(isBilingual(terms(ru))).toBe(false);
    expect(isBilingual(terms([...ru, en[0]!]))).toBe(false);
    expect(isBilingual(terms(en))).toBe(false);
    // One language: exactly as without the vocabulary.
    const auto = clusterComments(en, { k: 2, seed: 3 });
    const plain = clusterComments(en, { k: 2, seed: 3, concepts: false });
    expect(auto.assignments).toEqual(plain.assignments);
    expect(auto.clusters.map((c) => c.terms)).toEqual(plain.clusters.map((c) => c.terms));
    const forced = clusterComments(en, { k: 2, seed: 3, concepts: true });
    expect(forced.clusters.flatMap((c) => c.terms.map((t) => t.term))).toContain('~late');
  });
});

/** `themes` themes of `per` comments, each theme with words of its own. */
function manyThemes(themes: number, per: number, seed: number): string[] {
  const letters = 'bcdfghjklmnpqrstvwxz';
  const rng = new Rng(seed);
  const texts: string[] = [];
  for (let t = 0; t < themes; t++) {
    const words = Array.from(
      { length: 5 },
      (_, w) => `zo${letters[t % 20]}${letters[Math.floor(t / 20)]}a${letters[w]}ik`,
    );
    for (let i = 0; i < per; i++) texts.push(rng.shuffle(words.slice()).slice(0, 3).join(' '));
  }
  return texts;
}

describe('choosing k by silhouette', () => {
  it('widens the range while the best k is the largest tried', () => {
    const texts = manyThemes(16, 15, 2);
    const r = clusterComments(texts, { k: 'auto', seed: 1, mapPoints: 0 });
    expect(r.tried[0]!.k).toBe(2);
    expect(Math.max(...r.tried.map((t) => t.k))).toBeGreaterThan(12);
    expect(r.k).toBeGreaterThan(12);
    expect(r.kAtLimit).toBe(false);
  });

  it('says so when the best k is still at the top of the allowed range', () => {
    const texts = manyThemes(16, 15, 2);
    const r = clusterComments(texts, { k: 'auto', seed: 1, kLimit: 12, mapPoints: 0 });
    expect(r.tried.map((t) => t.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.k).toBe(12);
    expect(r.kAtLimit).toBe(true);
    // A k in the middle of the range, or a k given, raises no flag.
    expect(clusterComments(manyThemes(5, 15, 2), { k: 'auto', seed: 1 }).kAtLimit).toBe(false);
    expect(clusterComments(texts, { k: 3, seed: 1 }).kAtLimit).toBe(false);
  });
});
