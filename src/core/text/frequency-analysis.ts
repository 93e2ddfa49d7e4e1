/**
 * The frequency analysis of complaints (the method's first analysis): which themes are most
 * frequent and which cost the most, how they moved since the previous period, which words
 * and phrases complaints use overall and per theme, and which set detractors apart from
 * promoters. Works on columns as the app decodes them.
 */
import { periodKey, type PeriodGrain } from '../index/period-key.ts';
import { keyText } from '../index/indicator-values.ts';
import type { Term } from './tokenize.ts';
import {
  distinctiveTerms,
  surfaceNamesOf,
  termsByGroup,
  topTerms,
  type DistinctiveTerm,
  type GroupTerms,
  type TermCount,
} from './term-frequency.ts';
import { themeChanges, themePareto, type ParetoTheme, type ThemeChange } from './theme-pareto.ts';

/** The columns of one frequency analysis (all of one dataset, one value per row). */
export interface FrequencyColumns {
  /** Each row's comment terms (see `termsOf`). */
  terms: readonly (readonly Term[])[];
  /** A factor or category per complaint (the theme); none: no theme views. */
  themes?: ArrayLike<unknown> | null;
  /** The value at risk behind each complaint (the client's LTV, revenue). */
  values?: ArrayLike<unknown> | null;
  /** A 0–10 score per row: detractors (0–6) against promoters (9–10). */
  scores?: ArrayLike<unknown> | null;
  /** A date per row (epoch ms) for the change since the previous period. */
  dates?: ArrayLike<unknown> | null;
  grain?: PeriodGrain;
  /** Keeps only the rows where `keep` is true (a segment). */
  keep?: ArrayLike<boolean> | null;
}

/** What the frequency views show. */
export interface FrequencyResult {
  /** Rows considered (after the segment) and those with a comment that has terms. */
  rows: number;
  comments: number;
  terms: TermCount[];
  phrases: TermCount[];
  /** Themes ranked by complaint count, and by value at risk when values are given. */
  byCount: ParetoTheme[];
  byValue: ParetoTheme[] | null;
  /** Each theme's share in the last period against the one before. */
  change: { previous: string; current: string; changes: ThemeChange[] } | null;
  /** Top terms per theme. */
  themeTerms: GroupTerms[];
  /** Terms over-represented among detractors against promoters, and the group sizes. */
  detractorTerms: DistinctiveTerm[] | null;
  detractors: number;
  promoters: number;
}

/**
 * Complaints counted by theme: every row with a theme counts (a CRM category counts its
 * complaints whether or not a comment was written; themes found in the text exist only where
 * there is text); words come from the rows with a comment.
 */
export function frequencyAnalysis(columns: FrequencyColumns, top = 20): FrequencyResult {
  const n = columns.terms.length;
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (!columns.keep || columns.keep[i]) kept.push(i);
  const docs = kept.map((i) => columns.terms[i]!);
  const withText = kept.filter((i) => columns.terms[i]!.length > 0);
  const names = surfaceNamesOf(docs);

  const theme = (i: number) => (columns.themes ? keyText(columns.themes[i]) : null);
  const themed = kept.filter((i) => theme(i) !== null);
  const themes = themed.map(theme);
  const hasThemes = themed.length > 0;
  const values = columns.values
    ? themed.map((i) => {
        const v = columns.values![i];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      })
    : null;
  const periods = columns.dates
    ? themed.map((i) => periodKey(columns.dates![i], columns.grain ?? 'quarter'))
    : null;

  let detractorTerms: DistinctiveTerm[] | null = null;
  let detractors = 0;
  let promoters = 0;
  if (columns.scores) {
    const low: Term[][] = [];
    const high: Term[][] = [];
    for (const i of withText) {
      const s = columns.scores[i];
      if (typeof s !== 'number') continue;
      if (s <= 6) low.push(columns.terms[i] as Term[]);
      else if (s >= 9) high.push(columns.terms[i] as Term[]);
    }
    detractors = low.length;
    promoters = high.length;
    detractorTerms = distinctiveTerms(low, high, { top });
  }

  return {
    rows: kept.length,
    comments: withText.length,
    terms: topTerms(docs, { top, kind: 'unigram' }, names),
    phrases: topTerms(docs, { top, kind: 'bigram' }, names),
    byCount: hasThemes ? themePareto(themes) : [],
    byValue: hasThemes && values ? themePareto(themes, values, 'value') : null,
    change: hasThemes && periods ? themeChanges(themes, periods) : null,
    themeTerms: hasThemes
      ? termsByGroup(
          withText.map((i) => columns.terms[i]!),
          withText.map(theme),
          { top: 10, kind: 'all' },
        )
      : [],
    detractorTerms,
    detractors,
    promoters,
  };
}

/**
 * The rows whose comment mentions `term` (and, if given, has `theme`), in row order, with the
 * words to highlight in each: the term's surface forms as they occur in that comment.
 */
export function commentsWith(
  terms: readonly (readonly Term[])[],
  options: {
    term?: string | null;
    theme?: string | null;
    themes?: ArrayLike<unknown> | null;
    keep?: ArrayLike<boolean> | null;
  },
): { row: number; words: string[] }[] {
  const out: { row: number; words: string[] }[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (options.keep && !options.keep[i]) continue;
    if (options.theme && (!options.themes || keyText(options.themes[i]) !== options.theme))
      continue;
    const doc = terms[i]!;
    if (doc.length === 0) continue;
    if (!options.term) {
      out.push({ row: i, words: [] });
      continue;
    }
    const words = doc.filter((t) => t.term === options.term).map((t) => t.span ?? t.surface);
    if (words.length > 0) out.push({ row: i, words: [...new Set(words)] });
  }
  return out;
}
