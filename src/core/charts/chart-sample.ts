/** The seeded sample of a chart's raw points. */
import { Rng } from '../random.ts';

/**
 * `count` of the `total` eligible rows, chosen with equal chance by a seeded stream (selection
 * sampling): the same seed picks the same rows; the picks come in row order.
 */
export function samplePicks(total: number, count: number, seed: number): Uint8Array {
  const picks = new Uint8Array(total);
  const rng = new Rng(seed);
  let needed = count;
  for (let i = 0; i < total && needed > 0; i++) {
    if (rng.next() * (total - i) < needed) {
      picks[i] = 1;
      needed--;
    }
  }
  return picks;
}
