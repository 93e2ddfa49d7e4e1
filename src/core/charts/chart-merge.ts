/**
 * Rare categories merged into the other category, so that the full grid of a chart's marks
 * fits its cap: how many categories each dimension keeps, and each dimension's codes remapped to
 * the kept categories in their natural order, the other category last.
 */
import type { ChartDimension, ChartValue, DimensionRole } from './chart-types.ts';
import type { Encoded } from './chart-encoding.ts';

/** A dimension after rare categories were merged: each code's final place and value. */
export interface Fitted {
  role: DimensionRole;
  info: ChartDimension;
  codes: Int32Array;
  count: number;
  /** Code → final category (the other category last). */
  remap: Int32Array;
  values: ChartValue[];
  ends: (number | null)[];
  /** Whether the last category is the other category. */
  other: boolean;
}

/**
 * Keeps the `limit` categories of `enc` (the other category counting as one) in natural order,
 * the most frequent when there are more, merging the rest into `otherLabel`.
 */
function fitDimension(role: DimensionRole, enc: Encoded, limit: number, otherLabel: string) {
  const k = enc.freq.length;
  let kept = Array.from({ length: k }, (_, c) => c);
  const other = limit < k;
  if (other) {
    kept.sort((a, b) => enc.freq[b]! - enc.freq[a]! || a - b);
    kept = kept.slice(0, Math.max(1, limit - 1));
  }
  const keys = enc.keys;
  if (keys) kept.sort((a, b) => keys[a]! - keys[b]!);
  else kept.sort((a, b) => a - b);
  const remap = new Int32Array(k).fill(kept.length);
  kept.forEach((c, i) => (remap[c] = i));
  const values = kept.map((c) => enc.values[c]!);
  const ends = kept.map((c) => enc.ends?.[c] ?? null);
  if (other) {
    values.push(otherLabel);
    ends.push(null);
  }
  const info = { ...enc.info, merged: other } as ChartDimension;
  const fitted: Fitted = {
    role,
    info,
    codes: enc.codes,
    count: values.length,
    remap,
    values,
    ends,
    other,
  };
  return { fitted, merged: other ? k - kept.length : 0 };
}

/**
 * How many categories each dimension keeps: at most its cap, then, while their product (the
 * marks of a full grid) exceeds `maxMarks`, the largest reducible one is cut down (to 2 at
 * least: one kept and the other category).
 */
export function fitLimits(
  dims: readonly { enc: Encoded; cap: number }[],
  maxMarks: number,
): number[] {
  const limits = dims.map(({ enc, cap }) =>
    enc.reducible ? Math.min(enc.freq.length, cap) : enc.freq.length,
  );
  const product = () => limits.reduce((p, l) => p * Math.max(1, l), 1);
  for (let p = product(); p > maxMarks; p = product()) {
    let best = -1;
    dims.forEach(({ enc }, i) => {
      if (enc.reducible && limits[i]! > 2 && (best < 0 || limits[i]! > limits[best]!)) best = i;
    });
    if (best < 0) break;
    const l = limits[best]!;
    limits[best] = Math.max(2, Math.min(l - 1, Math.floor((l * maxMarks) / p)));
  }
  return limits;
}

/**
 * Each dimension fitted to its limit (see {@link fitLimits}), and how many categories were
 * merged into the other category over all of them.
 */
export function fitEach(
  dims: readonly { role: DimensionRole; enc: Encoded }[],
  limits: readonly number[],
  otherLabel: string,
): { dims: Fitted[]; merged: number } {
  const fits = dims.map((d, i) => fitDimension(d.role, d.enc, limits[i]!, otherLabel));
  return { dims: fits.map((f) => f.fitted), merged: fits.reduce((s, f) => s + f.merged, 0) };
}
