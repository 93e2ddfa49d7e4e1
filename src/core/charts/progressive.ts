/**
 * What a chart built part by part needs (the chart view adds such a chart's rows two hundred
 * per task, then draws it once, on a canvas): its inline rows named `ROWS`, and every scale's
 * domain fixed in the spec from all the rows, so that each part encodes only its own marks.
 */

/** The name of a progressive chart's inline rows. */
export const ROWS = 'rows';

/** Marks above which a chart of points (its scales fixed) is drawn part by part. */
const PROGRESSIVE_MARKS = 1500;

/** Whether a chart of `marks` points, its scales fixed from all of them, is drawn part by part. */
export const isDense = (marks: number): boolean => marks > PROGRESSIVE_MARKS;

/** The smallest and largest finite number of `values`, or null when there is none. */
export function extent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}
