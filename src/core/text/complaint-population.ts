/**
 * Which comments are complaints: the population both the complaint-frequency cell and the
 * model's barrier matrix count, so that under the same choice they count the same rows.
 *
 * A score scale's top two answers are praise and every answer below them a complaint:
 * - NPS (0–10): detractors and passives (0–8) complain, promoters (9–10) praise;
 * - CSAT on 1–5: low ratings (1–3) complain, satisfied ones (4–5, the top-two box `csat()`
 *   counts) praise; on a 0–10 CSAT scale, as NPS: 0–8 against 9–10.
 * A row without a valid score is neither: the complaints leave it out, "all comments" keep it.
 * A comment is a non-blank text (whether or not any of its words survive the stop words).
 */

/** Which comments are counted: the complaints (below the scale's top two answers), or all. */
export type CommentPopulation = 'complaints' | 'all';

/** The comments counted when nothing is chosen. */
export const DEFAULT_POPULATION: CommentPopulation = 'complaints';

/** A stored population, repaired: anything but `all` is the default (complaints). */
export function restorePopulation(raw: unknown): CommentPopulation {
  return raw === 'all' ? 'all' : DEFAULT_POPULATION;
}

/** A score's scale: its kind and its lowest and highest answers. */
export interface ScoreScale {
  kind: 'nps' | 'csat';
  min: number;
  max: number;
}

/** The NPS scale (0–10). */
export const NPS_SCALE: ScoreScale = { kind: 'nps', min: 0, max: 10 };

/**
 * The scale of a score column from its role and values: a column with the `nps` role, or one
 * with an answer above 5 that is not CSAT, is NPS (0–10); otherwise CSAT — 1–5 when no answer
 * exceeds 5, else 0–10.
 */
export function scoreScaleOf(
  role: string | null | undefined,
  values: ArrayLike<unknown>,
): ScoreScale {
  if (role === 'nps') return NPS_SCALE;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v) && v > high) high = v;
  }
  if (high > 5) return role === 'csat' ? { kind: 'csat', min: 0, max: 10 } : NPS_SCALE;
  return { kind: 'csat', min: 1, max: 5 };
}

/** The lowest answer that is praise: the second from the top. */
export const praiseFrom = (scale: ScoreScale): number => scale.max - 1;

/** What a score says: a complaint (below the top two answers), praise, or nothing valid. */
export function scoreSide(v: unknown, scale: ScoreScale): 'complaint' | 'praise' | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < scale.min || v > scale.max) return null;
  return v >= praiseFrom(scale) ? 'praise' : 'complaint';
}

/** Whether a value is a comment: a non-blank text. */
export const isComment = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** The rows one choice of comments counts. */
export interface PopulationFilter {
  population: CommentPopulation;
  /** A score per row; without it every row counts, as for "all". */
  scores?: ArrayLike<unknown> | null;
  scale?: ScoreScale | null;
  /** Only the rows where this is true (a segment). */
  keep?: ArrayLike<boolean> | null;
}

/** The population that applies: complaints need scores, else all comments are counted. */
export function appliedPopulation(filter: PopulationFilter): CommentPopulation {
  return filter.population === 'complaints' && filter.scores ? 'complaints' : 'all';
}

/**
 * Whether each of `n` rows is counted: in the segment and, for complaints, with a score
 * below the scale's top two answers (see the module comment).
 */
export function populationMask(n: number, filter: PopulationFilter): boolean[] {
  const complaints = appliedPopulation(filter) === 'complaints';
  const scale = filter.scale ?? NPS_SCALE;
  const out = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      (!filter.keep || !!filter.keep[i]) &&
      (!complaints || scoreSide(filter.scores![i], scale) === 'complaint');
  }
  return out;
}

/** How many rows where `mask` is true hold a comment. */
export function countComments(texts: ArrayLike<unknown>, mask?: ArrayLike<boolean> | null): number {
  let n = 0;
  for (let i = 0; i < texts.length; i++) if ((!mask || mask[i]) && isComment(texts[i])) n++;
  return n;
}
