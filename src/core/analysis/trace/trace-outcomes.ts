/**
 * Where the gap lands in money: each TX indicator (churn, LTV, revenue) for the population
 * against the reference, over the periods compared — each answer (or client-period) of a side
 * counting its client's value once. A description of the two groups, not an effect.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import { valueAt, type TraceData } from './trace-data.ts';
import { POPULATION, REFERENCE, type TraceFrame } from './trace-frame.ts';
import type { TraceOutcome } from './trace-types.ts';

/** The TX indicators' means on each side (see the module comment); those with no value left out. */
export function traceOutcomes(
  model: ServiceModel,
  data: TraceData,
  frame: TraceFrame,
): TraceOutcome[] {
  const out: TraceOutcome[] = [];
  for (const ind of model.indicators) {
    const x = ind.layer === 'TX' ? data.indicators.get(ind.id) : undefined;
    if (!x) continue;
    const sum = [0, 0];
    const n = [0, 0];
    for (let i = 0; i < frame.n; i++) {
      if (!frame.compared[frame.period[i]!]) continue;
      const side = frame.side[i] === POPULATION ? 0 : frame.side[i] === REFERENCE ? 1 : -1;
      if (side < 0) continue;
      const v = valueAt(x, data.index, frame.client[i]!, frame.period[i]!);
      if (Number.isNaN(v)) continue;
      sum[side]! += v;
      n[side]!++;
    }
    if (n[0]! > 0 && n[1]! > 0) {
      out.push({
        indicator: ind.id,
        population: sum[0]! / n[0]!,
        reference: sum[1]! / n[1]!,
        n: [n[0]!, n[1]!],
      });
    }
  }
  return out;
}
