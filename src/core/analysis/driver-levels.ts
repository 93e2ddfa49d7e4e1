/**
 * What the levels of a category driver say, two ways that answer different questions:
 *
 * - **Most often low**: the level whose rows are most often the low outcome, from every row with
 *   a known outcome — a plain count, named only when it stands apart from the other rows beyond
 *   chance (a two-proportion test, Bonferroni-corrected over the levels).
 * - **Most risk given the other drivers**: the level with the highest mean SHAP value toward the
 *   low outcome over the sampled rows — what the level adds once the model knows the other
 *   drivers. Named only when that mean moves the odds by at least `MIN_LEVEL_SHAP` and its 95%
 *   interval (over the level's rows) stays above zero.
 *
 * The two can differ, and the difference is the finding: a warehouse whose clients are often
 * detractors because its deliveries are late is "most often low" but adds no risk beyond the
 * delivery rating — its effect runs through a driver already in the model.
 */
import { normalQuantile } from '../metrics/normal.ts';
import { categoryValue, OTHER_LEVEL } from '../ml/feature-matrix.ts';

/** How one level of a category moves the low outcome. */
export interface LevelEffect {
  level: string;
  /** Mean SHAP value (log-odds) of the sampled rows at this level. */
  meanShap: number;
  /**
   * Its standard error: over those rows, and over refits of the model on resamples (a small
   * level's mean moves with the model as much as with its rows).
   */
  se: number;
  /** Sampled rows at this level. */
  n: number;
  /** Every row with a known outcome at this level, and the share of them low. */
  rows: number;
  lowShare: number;
}

/** The levels worth naming, or null where none stands out. */
export interface LevelFindings {
  /** The level most often low, beyond chance, and the low share of all other rows. */
  oftenLow: { level: LevelEffect; restShare: number } | null;
  /** The level adding the most risk given the other drivers, beyond noise. */
  risk: LevelEffect | null;
}

/** Smallest mean SHAP (log-odds) worth naming: the odds of a low outcome move by 5% or more. */
export const MIN_LEVEL_SHAP = Math.log(1.05);
/** Fewest rows for a level's share to be named. */
export const MIN_LEVEL_ROWS = 30;
const Z95 = 1.959964;

/**
 * How much each level's mean SHAP moves between refits of the model: its standard deviation
 * over `refits` (each the grouped SHAP values, `groups` per row, of the rows at `positions` of
 * the sample) for driver `driver`. Levels seen in fewer than two refits are left out.
 */
export function levelSpread(
  sampleLevels: readonly (string | number | null)[],
  positions: Int32Array,
  refits: readonly Float64Array[],
  groups: number,
  driver: number,
): Map<string, number> {
  const means = new Map<string, number[]>();
  for (const grouped of refits) {
    const acc = new Map<string, { s: number; n: number }>();
    positions.forEach((pos, r) => {
      const v = sampleLevels[pos];
      if (v === null || v === undefined) return;
      const a = acc.get(String(v)) ?? { s: 0, n: 0 };
      a.s += grouped[r * groups + driver]!;
      a.n++;
      acc.set(String(v), a);
    });
    for (const [level, a] of acc) {
      const list = means.get(level) ?? [];
      list.push(a.s / a.n);
      means.set(level, list);
    }
  }
  const out = new Map<string, number>();
  for (const [level, xs] of means) {
    if (xs.length < 2) continue;
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    out.set(level, Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)));
  }
  return out;
}

/**
 * Each level's effects, highest mean SHAP first: `sampleLevels[r]` is sampled row r's level
 * (null when blank) and `shap[r]` its SHAP value for this driver; `outcomes` holds every row
 * with a known outcome (`values[rows[i]]` the level of outcome `y[i]`), with levels outside
 * `kept` pooled as `OTHER_LEVEL`; `spread` each level's spread over refits (`levelSpread`).
 */
export function levelEffects(
  sampleLevels: readonly (string | number | null)[],
  shap: Float64Array,
  kept: readonly string[],
  outcomes: { values: ArrayLike<unknown>; rows: Int32Array; y: Uint8Array },
  spread: ReadonlyMap<string, number> = new Map(),
): LevelEffect[] {
  const { values, rows, y } = outcomes;
  const acc = new Map<string, { s: number; ss: number; n: number; rows: number; low: number }>();
  const at = (level: string) => {
    let a = acc.get(level);
    if (!a) acc.set(level, (a = { s: 0, ss: 0, n: 0, rows: 0, low: 0 }));
    return a;
  };
  sampleLevels.forEach((v, r) => {
    if (v === null) return;
    const a = at(String(v));
    a.s += shap[r]!;
    a.ss += shap[r]! * shap[r]!;
    a.n++;
  });
  const known = new Set(kept);
  for (let i = 0; i < rows.length; i++) {
    const raw = categoryValue(values[rows[i]!]);
    if (raw === null) continue;
    const a = at(known.has(raw) ? raw : OTHER_LEVEL);
    a.rows++;
    a.low += y[i]!;
  }
  return [...acc.entries()]
    .map(([level, a]) => {
      const mean = a.n > 0 ? a.s / a.n : 0;
      const variance = a.n > 1 ? Math.max(0, (a.ss - a.n * mean * mean) / (a.n - 1)) : 0;
      const model = spread.get(level) ?? 0;
      return {
        level,
        meanShap: mean,
        se: a.n > 1 ? Math.sqrt(variance / a.n + model * model) : Infinity,
        n: a.n,
        rows: a.rows,
        lowShare: a.rows > 0 ? a.low / a.rows : 0,
      };
    })
    .sort((a, b) => b.meanShap - a.meanShap);
}

/** The levels of `levels` worth naming (see the module comment). */
export function levelFindings(levels: readonly LevelEffect[]): LevelFindings {
  const named = levels.filter((l) => l.level !== OTHER_LEVEL);
  const top = named[0];
  const risk =
    top && top.meanShap >= MIN_LEVEL_SHAP && top.meanShap - Z95 * top.se > 0 ? top : null;
  return { oftenLow: mostOftenLow(levels), risk };
}

/** The level most often low, when it stands apart from all other rows beyond chance. */
function mostOftenLow(levels: readonly LevelEffect[]): LevelFindings['oftenLow'] {
  const total = levels.reduce((s, l) => s + l.rows, 0);
  const low = levels.reduce((s, l) => s + l.lowShare * l.rows, 0);
  const candidates = levels.filter((l) => l.level !== OTHER_LEVEL && l.rows >= MIN_LEVEL_ROWS);
  const best = candidates.reduce<LevelEffect | null>(
    (b, l) => (b === null || l.lowShare > b.lowShare ? l : b),
    null,
  );
  if (!best) return null;
  const restRows = total - best.rows;
  if (restRows < MIN_LEVEL_ROWS) return null;
  const restShare = (low - best.lowShare * best.rows) / restRows;
  const pooled = low / total;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / best.rows + 1 / restRows));
  // Bonferroni over the levels that could have been picked, one-sided (higher).
  const z = normalQuantile(1 - 0.05 / Math.max(1, levels.length));
  return se > 0 && (best.lowShare - restShare) / se >= z ? { level: best, restShare } : null;
}
