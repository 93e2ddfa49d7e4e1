/**
 * Whether "NPS" scores are really on the 0–10 scale. A column of 1–5 ratings (CSAT, a 1–5
 * "how likely…") counted as NPS makes every answer a detractor and gives −100, which reads as a
 * result. So before an NPS is shown, the valid scores are checked: when there are enough of them
 * and all lie within 1–7, they look like a short (1–5 or 1–7) scale, and the NPS is refused with
 * what was found, unless the user says the scores are 0–10 (`'0-10'`).
 *
 * The range is counted chunk by chunk (`addScoreRange`), as `addNpsScores` counts the NPS.
 */

/**
 * How an NPS treats its scores' scale: `'detect'` refuses scores that look like a short scale;
 * `'0-10'` takes them as 0–10 whatever they look like (the user's override).
 */
export type NpsScaleMode = 'detect' | '0-10';

/**
 * Fewest valid scores for the check to speak: a small group of real 0–10 answers can all fall
 * within 1–7 by chance (an unhappy branch), many cannot without a single 0, 8, 9 or 10.
 */
export const SHORT_SCALE_MIN_N = 30;

/** The highest top of a short scale the check recognises (1–5, 1–7). */
export const SHORT_SCALE_MAX_TOP = 7;

/** The range of the valid NPS scores (integers 0–10) seen so far; min and max null when none. */
export interface ScoreRange {
  n: number;
  min: number | null;
  max: number | null;
}

/** Scores that look like a short scale, as found: the refusal the user is shown. */
export interface ShortScale {
  code: 'short-scale';
  /** Valid scores (integers 0–10) read. */
  n: number;
  /** Their lowest and highest value. */
  min: number;
  max: number;
  /** The top of the scale they look like: 1–5, or 1–7 when some are 6 or 7. */
  top: 5 | 7;
}

/** A fresh range with no scores. */
export function emptyScoreRange(): ScoreRange {
  return { n: 0, min: null, max: null };
}

/**
 * Adds a batch of scores to a running range. Only valid NPS scores count (numbers that are
 * integers 0–10, as `addNpsScores` counts them); blanks, text and other numbers are skipped.
 */
export function addScoreRange(range: ScoreRange, scores: ArrayLike<unknown>): ScoreRange {
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10) continue;
    range.n++;
    if (range.min === null || v < range.min) range.min = v;
    if (range.max === null || v > range.max) range.max = v;
  }
  return range;
}

/**
 * The short scale `range` looks like, or null when its scores may be taken as 0–10: always
 * with `mode` `'0-10'`; with `'detect'` unless at least `SHORT_SCALE_MIN_N` valid scores all
 * lie within 1–`SHORT_SCALE_MAX_TOP` (a single 0, or any 8–10, proves the 0–10 scale).
 */
export function shortScaleOf(range: ScoreRange, mode: NpsScaleMode = 'detect'): ShortScale | null {
  const { n, min, max } = range;
  if (mode === '0-10' || n < SHORT_SCALE_MIN_N || min === null || max === null) return null;
  if (min < 1 || max > SHORT_SCALE_MAX_TOP) return null;
  return { code: 'short-scale', n, min, max, top: max <= 5 ? 5 : 7 };
}

/** `shortScaleOf` of a whole column of scores at once. */
export function checkNpsScale(
  scores: ArrayLike<unknown>,
  mode: NpsScaleMode = 'detect',
): ShortScale | null {
  return shortScaleOf(addScoreRange(emptyScoreRange(), scores), mode);
}

/**
 * A scale mode as typed or stored: `'0-10'` (also with an en dash, `0–10`) or `'detect'`;
 * null for anything else.
 */
export function parseNpsScaleMode(raw: unknown): NpsScaleMode | null {
  if (typeof raw !== 'string') return null;
  const v = raw.trim().toLowerCase();
  if (v === '0-10' || v === '0–10') return '0-10';
  return v === 'detect' ? 'detect' : null;
}

/** The top two answers of a short scale, as CSAT counts them ("4–5" on 1–5). */
export function topTwoBox(scale: ShortScale): string {
  return `${scale.top - 1}–${scale.top}`;
}
