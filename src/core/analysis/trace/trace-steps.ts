/**
 * The gap as steps from the reference's value to the population's: each indicator's contribution
 * as a change of the start indicator (the largest few apart, the rest together), then the part
 * no indicator explains. The steps add up to `population − reference`.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import type { TraceAnalysis } from './trace-types.ts';

/** One step: an indicator (or the rest, or the unexplained part) and the change it makes. */
export interface TraceStep {
  /** An indicator id; `@rest` for the others together; `@unexplained`. */
  id: string;
  change: number;
}

/** The steps of the gap (see the module comment), at most `top` indicators apart. */
export function traceSteps(model: ServiceModel, analysis: TraceAnalysis, top = 6): TraceStep[] {
  const start = model.indicators.find((i) => i.id === analysis.start);
  // Contributions count worse as positive; a worse value is lower unless lower is better.
  const sign = start?.direction === 'lower' ? 1 : -1;
  const bySize = [...analysis.causes].sort(
    (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution),
  );
  const steps: TraceStep[] = bySize
    .slice(0, top)
    .map((c) => ({ id: c.indicator, change: sign * c.contribution }));
  const rest = bySize.slice(top).reduce((s, c) => s + c.contribution, 0);
  if (bySize.length > top) steps.push({ id: '@rest', change: sign * rest });
  steps.push({ id: '@unexplained', change: sign * analysis.unexplained.contribution });
  return steps;
}
