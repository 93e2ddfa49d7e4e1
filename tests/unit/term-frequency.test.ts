import { describe, expect, it } from 'vitest';
import { termsOf } from '../../src/core/text/tokenize.ts';
import { distinctiveTerms, termsByGroup, topTerms } from '../../src/core/text/term-frequency.ts';
import { themeChanges, themePareto } from '../../src/core/text/theme-pareto.ts';
import { highlightPieces } from '../../src/core/text/highlight.ts';
import { frequencyAnalysis } from '../../src/core/text/frequency-analysis.ts';

const docs = (texts: string[]) => texts.map((t) => termsOf(t));

describe('term frequency', () => {
  it('counts the comments that mention a term, once per comment, named by their words', () => {
    const d = docs([
      'Доставка опоздала, доставка опоздала снова',
      'доставку задержали',
      'Менеджер не отвечает',
      '',
    ]);
    const top = topTerms(d, { kind: 'unigram', minCount: 1 });
    expect(top[0]).toEqual({ term: 'доставк', name: 'доставка', count: 2, share: 2 / 3 });
    expect(top.find((t) => t.term === 'не_отвеча')?.name).toBe('не отвечает');
    const bigrams = topTerms(d, { kind: 'bigram', minCount: 1 });
    // The phrase repeated in one comment still counts once.
    expect(bigrams.find((t) => t.term === 'доставк опозда')).toMatchObject({
      name: 'доставка опоздала',
      count: 1,
    });
  });

  it('lists top terms per group, named alike in every group', () => {
    const d = docs(['late delivery', 'late delivery again', 'rude manager', 'manager rude']);
    const groups = termsByGroup(d, ['B', 'B', 'A', null], { kind: 'unigram', minCount: 1 });
    expect(groups.map((g) => [g.key, g.n])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect(groups[1]!.terms.slice(0, 2).map((t) => [t.name, t.count])).toEqual([
      ['delivery', 2],
      ['late', 2],
    ]);
  });

  it('finds the words detractors use more than promoters', () => {
    const detractors = docs([
      ...Array(30).fill('доставка опоздала, менеджер молчит'),
      ...Array(10).fill('цена высокая'),
    ]);
    const promoters = docs([
      ...Array(30).fill('цена нормальная, менеджер вежливый'),
      ...Array(5).fill('доставка быстрая'),
    ]);
    const distinct = distinctiveTerms(detractors, promoters, { kind: 'unigram' });
    expect(distinct[0]!.name).toMatch(/опоздала|молчит/);
    expect(distinct.map((t) => t.name)).not.toContain('вежливый');
    expect(distinct.every((t) => t.z > 0)).toBe(true);
    // "менеджер" is as common on both sides: it does not set detractors apart.
    const manager = distinct.find((t) => t.term === 'менеджер');
    expect(manager === undefined || manager.z < 1.96).toBe(true);
  });
});

describe('theme Pareto', () => {
  it('ranks themes by count with the cumulative share and the vital few up to 80%', () => {
    const themes = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'd', null];
    const p = themePareto(themes);
    expect(p.map((t) => [t.key, t.count, +t.cumulative.toFixed(2), t.vital])).toEqual([
      ['a', 5, 0.5, true],
      ['b', 3, 0.8, true],
      ['c', 1, 0.9, false],
      ['d', 1, 1, false],
    ]);
  });

  it('ranks by value at risk when weights are given: costly complaints first', () => {
    const p = themePareto(['a', 'a', 'a', 'b'], [10, 10, 10, 1000]);
    expect(p.map((t) => [t.key, t.value])).toEqual([
      ['b', 1000],
      ['a', 30],
    ]);
    expect(p[0]!.valueShare).toBeCloseTo(1000 / 1030, 12);
    expect(themePareto(['a', 'a', 'a', 'b'], [10, 10, 10, 1000], 'count')[0]!.key).toBe('a');
  });

  it('flags a change of share between the last two periods only when beyond chance', () => {
    const themes: string[] = [];
    const periods: string[] = [];
    const add = (period: string, theme: string, n: number) => {
      for (let i = 0; i < n; i++) {
        themes.push(theme);
        periods.push(period);
      }
    };
    add('2026-Q1', 'late', 50);
    add('2026-Q1', 'price', 50);
    add('2026-Q2', 'late', 80);
    add('2026-Q2', 'price', 20);
    add('2025-Q4', 'late', 1);
    const c = themeChanges(themes, periods)!;
    expect([c.previous, c.current]).toEqual(['2026-Q1', '2026-Q2']);
    const late = c.changes.find((x) => x.key === 'late')!;
    expect(late.change).toBeCloseTo(0.3, 12);
    // z = 0.3 / sqrt(0.65 · 0.35 · (1/100 + 1/100))
    expect(late.z).toBeCloseTo(0.3 / Math.sqrt(0.65 * 0.35 * 0.02), 9);
    expect(late.significant).toBe(true);
    add('2026-Q3', 'late', 10);
    add('2026-Q3', 'price', 4);
    const small = themeChanges(themes, periods)!;
    expect(small.changes.every((x) => !x.significant)).toBe(true);
    expect(themeChanges(['a'], ['2026-Q1'])).toBeNull();
    // A latest period of comments without a theme (not coded yet) compares nothing: the change
    // is between the last two periods that have themed complaints.
    const untagged = themeChanges([...themes, null, null], [...periods, '2026-Q4', '2026-Q4'])!;
    expect(untagged.current).toBe('2026-Q3');
  });
});

describe('highlighting', () => {
  it('marks the words of a term in the comment as written, never touching the rest', () => {
    const pieces = highlightPieces('Доставка, ОПОЗДАЛА! Ёлки, доставку ждём <b>', [
      'доставка опоздала',
      'доставку',
    ]);
    expect(pieces).toEqual([
      { text: 'Доставка, ОПОЗДАЛА', hit: true },
      { text: '! Ёлки, ', hit: false },
      { text: 'доставку', hit: true },
      { text: ' ждём <b>', hit: false },
    ]);
    expect(
      highlightPieces('ёлка и елка', ['елка'])
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['ёлка', 'елка']);
    expect(highlightPieces('plain', [])).toEqual([{ text: 'plain', hit: false }]);
    // A word inside another is not marked.
    expect(
      highlightPieces('lately late', ['late'])
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['late']);
  });
});

describe('frequency analysis', () => {
  it('counts every complaint of a category, with or without a comment; words only from comments', () => {
    const r = frequencyAnalysis({
      terms: [termsOf('курьер опоздал'), [], [], termsOf('цена высокая')],
      themes: ['Delivery', 'Delivery', null, 'Price'],
      values: [100, 50, 10, 1],
    });
    expect(r.byCount.map((t) => [t.key, t.count])).toEqual([
      ['Delivery', 2],
      ['Price', 1],
    ]);
    expect(r.byValue!.map((t) => [t.key, t.value])).toEqual([
      ['Delivery', 150],
      ['Price', 1],
    ]);
    expect(r.comments).toBe(2);
    expect(r.themeTerms.map((g) => [g.key, g.n])).toEqual([
      ['Delivery', 1],
      ['Price', 1],
    ]);
  });
});
