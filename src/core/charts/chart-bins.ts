/**
 * Ranges of a chart's number dimension: round edges (steps of 1, 2 or 5 times a power of ten)
 * covering the values, and the range a value falls in. A range holds its lower edge, not its
 * upper one.
 */

/** A number dimension is cut into at most this many ranges. */
export const MAX_BINS = 50;

/** The `i`-th multiple of `m`·10^`power`, as the nearest double to the decimal. */
function multiple(i: number, m: number, power: number): number {
  return power >= 0 ? i * m * 10 ** power : (i * m) / 10 ** -power;
}

/** Edges at multiples of `m`·10^`power` covering min…max, or null for more than `maxBins`. */
function edgesWith(min: number, max: number, m: number, power: number, maxBins: number) {
  let first = Math.floor(min / multiple(1, m, power));
  while (multiple(first, m, power) > min) first--;
  while (multiple(first + 1, m, power) <= min) first++;
  const edges = [multiple(first, m, power)];
  for (let k = first + 1; edges.length <= maxBins + 1; k++) {
    const e = multiple(k, m, power);
    edges.push(e);
    if (e > max) return edges;
  }
  return null;
}

/**
 * Round edges (steps of 1, 2 or 5 times a power of ten) of at most `maxBins` ranges covering
 * `min`…`max`: each range holds its lower edge; the last edge lies above `max`.
 */
export function niceEdges(min: number, max: number, maxBins = MAX_BINS): number[] {
  if (!(max > min)) return [min, min + 1];
  let power = Math.floor(Math.log10((max - min) / maxBins));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const edges = edgesWith(min, max, m, power, maxBins);
      if (edges) return edges;
    }
    power++;
  }
}

/** The range of `edges` holding `v` (clamped to the first and last range). */
export function binIndex(v: number, edges: readonly number[]): number {
  const last = edges.length - 2;
  let i = Math.floor((v - edges[0]!) / (edges[1]! - edges[0]!));
  i = Math.max(0, Math.min(last, Number.isFinite(i) ? i : 0));
  while (i > 0 && v < edges[i]!) i--;
  while (i < last && v >= edges[i + 1]!) i++;
  return i;
}
