/**
 * The verdict: `cause` when a process, staff or IT indicator (OX/EX/IT) carries a persistent
 * contribution that is both statistically supported — its Benjamini–Hochberg q-value among all
 * such candidates at most `q` — and material (at least `materiality` of the gap); `unexplained`
 * when the population is worse but none does; `none` when it is not worse beyond chance.
 */
import type { Layer } from '../../model/model-types.ts';
import type { TraceSettings, Verdict } from './trace-types.ts';

/** The layers whose indicators can be named as a cause. */
export const CAUSE_LAYERS: readonly Layer[] = ['OX', 'EX', 'IT'];

/** Benjamini–Hochberg q-values (adjusted p-values) of `p`, in the same order. */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const q = new Array<number>(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const [v, i] = order[r]!;
    running = Math.min(running, (v * m) / (r + 1));
    q[i] = running;
  }
  return q;
}

/** A candidate's figures the verdict reads. */
export interface VerdictCandidate {
  layer: Layer;
  /** Its persistent share of the gap. */
  persistentShare: number;
  q: number | null;
}

/** Whether one candidate is a supported, material cause. */
export function isSupportedCause(c: VerdictCandidate, settings: TraceSettings): boolean {
  return (
    CAUSE_LAYERS.includes(c.layer) &&
    c.q !== null &&
    c.q <= settings.q &&
    c.persistentShare >= settings.materiality
  );
}

/** The verdict from the gap's one-sided p-value (null when the start defines the population). */
export function traceVerdict(
  gapP: number | null,
  candidates: readonly VerdictCandidate[],
  settings: TraceSettings,
): Verdict {
  if (gapP !== null && !(gapP <= 0.05)) return 'none';
  return candidates.some((c) => isSupportedCause(c, settings)) ? 'cause' : 'unexplained';
}
