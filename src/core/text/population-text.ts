/**
 * What a count of comments says about which comments it counted, in words: "1,234 comments of
 * detractors and passives (0–8), of 6,275 in all" — shared by the frequency cell and the
 * barrier matrix, which count by the same filter.
 */
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import { praiseFrom, type CommentPopulation, type ScoreScale } from './complaint-population.ts';

/** The comments counted (`comments` of `total`) under a population and a score scale. */
export function populationText(
  locale: Locale,
  p: { kind: CommentPopulation; comments: number; total: number; scale: ScoreScale | null },
): string {
  if (p.kind === 'all' || !p.scale)
    return translate(locale, 'freq.countedAll', { count: p.comments });
  const { min, max } = p.scale;
  return translate(locale, p.scale.kind === 'nps' ? 'freq.countedNps' : 'freq.countedCsat', {
    count: p.comments,
    total: p.total,
    low: min,
    high: praiseFrom(p.scale) - 1,
    min,
    max,
  });
}

/** The caption of what the praise side praises: promoters (NPS) or high ratings (CSAT). */
export function praiseCaption(locale: Locale, scale: ScoreScale): string {
  return translate(locale, scale.kind === 'nps' ? 'freq.praise' : 'freq.praiseCsat', {
    low: praiseFrom(scale),
    max: scale.max,
  });
}
