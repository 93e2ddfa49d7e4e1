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
import {
  DEFAULT_POPULATION,
  NPS_SCALE,
  appliedPopulation,
  countComments,
  isComment,
  populationMask,
  scoreSide,
  type CommentPopulation,
  type ScoreScale,
} from './complaint-population.ts';
import { withoutFillers, withoutPraise } from './praise-words.ts';

/** The columns of one frequency analysis (all of one dataset, one value per row). */
export interface FrequencyColumns {
  /** Each row's comment terms (see `termsOf`). */
  terms: readonly (readonly Term[])[];
  /**
   * Each row's comment as written: a non-blank text is a comment (the barrier matrix counts
   * alike). Without it, a comment is a row with terms.
   */
  texts?: ArrayLike<unknown> | null;
  /**
   * A factor or category per complaint (the theme), or a list of them (a comment naming
   * barriers of several factors); none: no theme views.
   */
  themes?: ArrayLike<unknown> | null;
  /** The value at risk behind each complaint (the client's LTV, revenue). */
  values?: ArrayLike<unknown> | null;
  /** A score per row: complaints against praise (see `complaint-population.ts`). */
  scores?: ArrayLike<unknown> | null;
  /** The scores' scale; NPS (0–10) by default. */
  scale?: ScoreScale | null;
  /**
   * Which rows are counted: the complaints (scores below the scale's top two answers, so NPS
   * 0–8) by default, or all; without scores, all.
   */
  population?: CommentPopulation;
  /** A date per row (epoch ms) for the change since the previous period. */
  dates?: ArrayLike<unknown> | null;
  grain?: PeriodGrain;
  /** Keeps only the rows where `keep` is true (a segment). */
  keep?: ArrayLike<boolean> | null;
}

/** Which comments a frequency analysis counted. */
export interface FrequencyPopulation {
  /** The population that applied (complaints need scores). */
  kind: CommentPopulation;
  /** The comments counted, of all comments of the rows considered (the segment). */
  comments: number;
  total: number;
  /** The scores' scale, when there are scores. */
  scale: ScoreScale | null;
}

/** What the frequency views show. */
export interface FrequencyResult {
  /** Rows counted (the segment's, of the population) and those with a comment that has terms. */
  rows: number;
  comments: number;
  /** Which comments were counted (absent from results stored before there was a choice). */
  population?: FrequencyPopulation;
  /** Words and phrases of the counted comments, without the words of praise. */
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
  /**
   * What the praise side (promoters, high ratings) praises: its most mentioned words, praise
   * words included, and its comments with words; null without scores (or stored before).
   */
  praise?: { terms: TermCount[]; comments: number } | null;
}

/** The theme keys of a row's theme value: one, several (a list) or none. */
export function themeKeys(value: unknown): string[] {
  if (Array.isArray(value)) {
    return [...new Set(value.map(keyText).filter((k): k is string => k !== null))];
  }
  const k = keyText(value);
  return k === null ? [] : [k];
}

/**
 * Complaints counted by theme: every counted row with a theme counts (a CRM category counts
 * its complaints whether or not a comment was written; themes found in the text exist only
 * where there is text), once per theme it has; words come from the rows with a comment.
 * Rows are counted by the shared population filter (`populationMask`), as the barrier matrix.
 */
export function frequencyAnalysis(columns: FrequencyColumns, top = 20): FrequencyResult {
  const n = columns.terms.length;
  const scale = columns.scores ? (columns.scale ?? NPS_SCALE) : null;
  const filter = {
    population: columns.population ?? DEFAULT_POPULATION,
    scores: columns.scores ?? null,
    scale,
    keep: columns.keep ?? null,
  };
  const counted = populationMask(n, filter);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (counted[i]) kept.push(i);
  const inSegment = (i: number) => !columns.keep || !!columns.keep[i];
  // Complaint-side words: the praise words are left out (see `praise-words.ts`).
  const complaintTerms = (i: number) => withoutPraise(columns.terms[i]!);
  const docs = kept.map(complaintTerms);
  const withText = kept.filter((i) => columns.terms[i]!.length > 0);
  const names = surfaceNamesOf(docs);

  const texts = columns.texts;
  const isCommentRow = (i: number) => (texts ? isComment(texts[i]) : columns.terms[i]!.length > 0);
  let total = 0;
  for (let i = 0; i < n; i++) if (inSegment(i) && isCommentRow(i)) total++;
  const population: FrequencyPopulation = {
    kind: appliedPopulation(filter),
    comments: texts ? countComments(texts, counted) : withText.length,
    total,
    scale,
  };

  // One entry per theme of a counted row.
  const pairs: { row: number; key: string }[] = [];
  if (columns.themes) {
    for (const i of kept)
      for (const key of themeKeys(columns.themes[i])) pairs.push({ row: i, key });
  }
  const themes = pairs.map((p) => p.key);
  const hasThemes = pairs.length > 0;
  const values = columns.values
    ? pairs.map(({ row }) => {
        const v = columns.values![row];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      })
    : null;
  const periods = columns.dates
    ? pairs.map(({ row }) => periodKey(columns.dates![row], columns.grain ?? 'quarter'))
    : null;
  const themedText = pairs.filter(({ row }) => columns.terms[row]!.length > 0);

  let detractorTerms: DistinctiveTerm[] | null = null;
  let detractors = 0;
  let promoters = 0;
  let praise: FrequencyResult['praise'] = null;
  if (columns.scores && scale) {
    // Detractors against promoters, and the praise side, are the segment's whatever is counted.
    const low: Term[][] = [];
    const high: Term[][] = [];
    const praised: Term[][] = [];
    for (let i = 0; i < n; i++) {
      const doc = columns.terms[i]!;
      if (!inSegment(i) || doc.length === 0) continue;
      const s = columns.scores[i];
      if (scoreSide(s, scale) === 'praise') praised.push(withoutFillers(doc));
      if (scale.kind !== 'nps' || typeof s !== 'number') continue;
      if (s <= 6) low.push(withoutPraise(doc));
      else if (s >= 9) high.push(doc as Term[]);
    }
    if (scale.kind === 'nps') {
      detractors = low.length;
      promoters = high.length;
      detractorTerms = distinctiveTerms(low, high, { top });
    }
    praise = {
      terms: topTerms(praised, { top: Math.min(top, 10), kind: 'unigram' }),
      comments: praised.length,
    };
  }

  return {
    rows: kept.length,
    comments: withText.length,
    population,
    terms: topTerms(docs, { top, kind: 'unigram' }, names),
    phrases: topTerms(docs, { top, kind: 'bigram' }, names),
    byCount: hasThemes ? themePareto(themes) : [],
    byValue: hasThemes && values ? themePareto(themes, values, 'value') : null,
    change: hasThemes && periods ? themeChanges(themes, periods) : null,
    themeTerms: hasThemes
      ? termsByGroup(
          themedText.map(({ row }) => complaintTerms(row)),
          themedText.map(({ key }) => key),
          { top: 10, kind: 'all' },
        )
      : [],
    detractorTerms,
    detractors,
    promoters,
    praise,
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
    if (options.theme && (!options.themes || !themeKeys(options.themes[i]).includes(options.theme)))
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
