/**
 * Standard CX metrics (DESIGN §1) over whole columns and by group: NPS, CSAT, churn rate and
 * means, with 95% intervals. Columns are given as the app decodes them: numbers, strings,
 * booleans, `null` for blank, dates as epoch milliseconds (UTC).
 *
 * Units: NPS and its interval are in points (−100…100) as `NpsSummary` gives them; every other
 * share (CSAT, churn) and its interval is a fraction 0–1.
 */
import { npsOf, type NpsSummary } from './nps.ts';
import { isBlankValue } from '../analysis/blank-value.ts';
import { periodKey, type PeriodGrain } from '../index/period-key.ts';

/** Groups with fewer answers than this are flagged `unreliable` (their interval is too wide). */
export const MIN_RELIABLE_N = 30;

/** z for a two-sided 95% interval (the same as `nps.ts` uses). */
const Z95 = 1.959964;

/**
 * The period key of each row's date (epoch ms, or a `Date`), `null` for a blank or unreadable
 * date, to group by: `npsByGroup(scores, periodKeys(dates, 'quarter'))` is NPS by quarter, with
 * the groups in chronological order.
 */
export function periodKeys(dates: ArrayLike<unknown>, grain: PeriodGrain): (string | null)[] {
  const out = new Array<string | null>(dates.length);
  for (let i = 0; i < dates.length; i++) out[i] = periodKey(dates[i], grain);
  return out;
}

/** A group key as text; null for a blank one. */
export function groupKey(v: unknown): string | null {
  if (isBlankValue(v)) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Numeric keys in numeric order (2 before 10), the rest by code point (deterministic). */
export function compareKeys(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y) {
    return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One group of a by-group metric. */
export interface GroupResult<S> {
  /** The group's value as text (period keys for `periodKeys` groups). */
  key: string;
  summary: S;
  /** True when the group has fewer than `minN` usable answers (`summary.n`). */
  unreliable: boolean;
}

/** A metric over the whole column and by group. */
export interface ByGroup<S> {
  /** Every row, including those with a blank group. */
  overall: S;
  /** Groups sorted by key: numerically when both keys are numbers, else by code point. */
  groups: GroupResult<S>[];
  /** Rows whose group is blank: counted in `overall`, in no group. */
  blankGroup: number;
}

/** Options of the by-group metrics. */
export interface ByGroupOptions {
  /** Groups with fewer usable answers are `unreliable`; `MIN_RELIABLE_N` by default. */
  minN?: number;
}

/**
 * Splits `values` by `groups` (the same length; null for no grouping) and summarises the whole
 * and each group with `summarise`.
 */
function byGroup<S extends { n: number }>(
  values: ArrayLike<unknown>,
  groups: ArrayLike<unknown> | null,
  summarise: (values: ArrayLike<unknown>) => S,
  options: ByGroupOptions,
): ByGroup<S> {
  const minN = options.minN ?? MIN_RELIABLE_N;
  const overall = summarise(values);
  if (!groups) return { overall, groups: [], blankGroup: 0 };
  if (groups.length !== values.length) {
    throw new RangeError(`${values.length} values but ${groups.length} group keys`);
  }
  const members = new Map<string, unknown[]>();
  let blankGroup = 0;
  for (let i = 0; i < values.length; i++) {
    const key = groupKey(groups[i]);
    if (key === null) {
      blankGroup++;
      continue;
    }
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push(values[i]);
  }
  const result = [...members.keys()].sort(compareKeys).map((key) => {
    const summary = summarise(members.get(key)!);
    return { key, summary, unreliable: summary.n < minN };
  });
  return { overall, groups: result, blankGroup };
}

/**
 * NPS (points, −100…100, with the adjusted-Wald interval of `nps.ts`) of 0–10 scores. Blank
 * values (null, NaN, empty text) are `missing`; anything else that is not an integer 0–10,
 * including text and booleans, is `invalid`; neither counts in `n`.
 */
export function npsOfValues(scores: ArrayLike<unknown>): NpsSummary {
  const numbers = new Array<number | null>(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i];
    // -1 is any value outside 0–10, so nps.ts counts it as invalid.
    numbers[i] = isBlankValue(v) ? null : typeof v === 'number' ? v : -1;
  }
  return npsOf(numbers);
}

/**
 * NPS of `scores` overall and by `groups` (one key per row, null for none; see `npsOfValues`).
 * Rows with a blank group count in `overall` and in `blankGroup`, not in any group.
 */
export function npsByGroup(
  scores: ArrayLike<unknown>,
  groups: ArrayLike<unknown> | null,
  options: ByGroupOptions = {},
): ByGroup<NpsSummary> {
  return byGroup(scores, groups, npsOfValues, options);
}

/** A share of answers with its 95% Wilson interval, all fractions 0–1. */
export interface ShareSummary {
  /** Usable answers. */
  n: number;
  /** null when n = 0, as are the interval's ends. */
  share: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Blank answers, not in n. */
  missing: number;
  /** Answers that are not on the scale (or not a yes/no), not in n. */
  invalid: number;
  /** missing + invalid. */
  excluded: number;
}

/**
 * The 95% Wilson score interval of `successes` out of `n` (fractions 0–1); null ends for n = 0.
 * Unlike the normal approximation it stays inside 0–1 and is not empty for 0 or n successes.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z = Z95,
): { low: number | null; high: number | null } {
  if (n <= 0) return { low: null, high: null };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair off.
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= n ? 1 : Math.min(1, centre + half),
  };
}

function shareSummary(hits: number, n: number, missing: number, invalid: number): ShareSummary {
  const { low, high } = wilsonInterval(hits, n);
  return {
    n,
    share: n > 0 ? hits / n : null,
    ciLow: low,
    ciHigh: high,
    missing,
    invalid,
    excluded: missing + invalid,
  };
}

/** CSAT: the share of satisfied answers. */
export interface CsatSummary extends ShareSummary {
  /** Answers in the top box. */
  satisfied: number;
}

/** The scale of a CSAT question. */
export interface CsatOptions {
  /** Lowest answer: 0 when `scaleMax` is 10 (the 0–10 scale), else 1. */
  scaleMin?: number;
  /** Highest answer; 5 by default. */
  scaleMax?: number;
  /** Lowest satisfied answer; the top two (`scaleMax − 1`) by default. */
  topBox?: number;
}

/**
 * CSAT of ratings: the share (0–1) of answers ≥ `topBox` — 4 and 5 on the default 1–5 scale —
 * with a 95% Wilson interval. Blank answers are `missing`; non-integers, text and answers
 * outside `scaleMin`–`scaleMax` are `invalid`; both are `excluded` from n.
 */
export function csat(ratings: ArrayLike<unknown>, options: CsatOptions = {}): CsatSummary {
  const max = options.scaleMax ?? 5;
  const min = options.scaleMin ?? (max === 10 ? 0 : 1);
  const top = options.topBox ?? max - 1;
  let n = 0;
  let satisfied = 0;
  let missing = 0;
  let invalid = 0;
  for (let i = 0; i < ratings.length; i++) {
    const v = ratings[i];
    if (isBlankValue(v)) missing++;
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) invalid++;
    else {
      n++;
      if (v >= top) satisfied++;
    }
  }
  return { ...shareSummary(satisfied, n, missing, invalid), satisfied };
}

/** CSAT overall and by group, as `npsByGroup` does for NPS. */
export function csatByGroup(
  ratings: ArrayLike<unknown>,
  groups: ArrayLike<unknown> | null,
  options: CsatOptions & ByGroupOptions = {},
): ByGroup<CsatSummary> {
  return byGroup(ratings, groups, (values) => csat(values, options), options);
}

/** Churn rate: the share of churned clients. */
export interface ChurnSummary extends ShareSummary {
  churned: number;
}

const YES = new Set(['true', 'yes', 'y', '1', 'да', 'д', 'истина']);
const NO = new Set(['false', 'no', 'n', '0', 'нет', 'н', 'ложь']);

/**
 * Churn rate of flags: the share (0–1) of true ones with a 95% Wilson interval. A flag is a
 * boolean, 1/0, or text yes/no, true/false, да/нет (any case); blanks are `missing`, anything
 * else `invalid`, both `excluded` from n.
 */
export function churnRate(flags: ArrayLike<unknown>): ChurnSummary {
  let n = 0;
  let churned = 0;
  let missing = 0;
  let invalid = 0;
  for (let i = 0; i < flags.length; i++) {
    const v = flags[i];
    let flag: boolean | null = null;
    if (isBlankValue(v)) {
      missing++;
      continue;
    }
    if (typeof v === 'boolean') flag = v;
    else if (v === 1 || v === 0) flag = v === 1;
    else if (typeof v === 'string') {
      const t = v.trim().toLowerCase();
      flag = YES.has(t) ? true : NO.has(t) ? false : null;
    }
    if (flag === null) invalid++;
    else {
      n++;
      if (flag) churned++;
    }
  }
  return { ...shareSummary(churned, n, missing, invalid), churned };
}

/** A mean with its spread. */
export interface MeanSummary {
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  /** Blank values, not in n. */
  missing: number;
  /** Text, booleans and infinities, not in n. */
  invalid: number;
  /** missing + invalid. */
  excluded: number;
}

/** The mean and sample standard deviation of the finite numbers among `values`. */
export function meanOf(values: ArrayLike<unknown>): MeanSummary {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let missing = 0;
  let invalid = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlankValue(v)) missing++;
    else if (typeof v !== 'number' || !Number.isFinite(v)) invalid++;
    else {
      // Welford's update: stable for large columns of similar values.
      n++;
      const delta = v - mean;
      mean += delta / n;
      m2 += delta * (v - mean);
    }
  }
  return {
    n,
    mean: n > 0 ? mean : null,
    sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : null,
    missing,
    invalid,
    excluded: missing + invalid,
  };
}
