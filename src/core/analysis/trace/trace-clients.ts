/**
 * The clients behind an indicator of a trace: the population's clients with their mean value of
 * the indicator over their rows in the periods compared, the worst first.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import type { LoadedDataset } from '../../index/loaded-dataset.ts';
import { readTraceData, valueAt, type TraceData } from './trace-data.ts';
import { POPULATION, traceFrame } from './trace-frame.ts';
import { defaultPopulation, startIndicator } from './trace-start.ts';
import type { TraceQuery } from './trace-types.ts';

/** One client of the population, by an indicator. */
export interface TraceClient {
  client: string;
  value: number;
  /** Rows (answers or client-periods) of the client behind the value. */
  cells: number;
}

/** The population's clients by `indicatorId`, worst first (by its direction), at most `limit`. */
export function traceClients(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  query: TraceQuery,
  indicatorId: string,
  limit = 200,
  prepared?: TraceData,
): TraceClient[] {
  const data = prepared ?? readTraceData(model, datasets);
  const x = data.indicators.get(indicatorId);
  const population = query.population ?? defaultPopulation(model);
  if (!x || !population) return [];
  const start = startIndicator(model, data, population, query.start);
  const startData = start === null ? undefined : data.indicators.get(start);
  if (!startData || (startData.kind !== 'rows' && startData.kind !== 'cells')) return [];
  const frame = traceFrame(model, datasets, data, startData, population, query.period);
  const aligned =
    x.kind === 'rows' &&
    startData.kind === 'rows' &&
    x.dataset === startData.dataset &&
    x.filter === startData.filter;
  const sums = new Map<number, { sum: number; n: number }>();
  for (let i = 0; i < frame.n; i++) {
    if (frame.side[i] !== POPULATION) continue;
    const v = aligned
      ? x.byRow[frame.datasetRow![i]!]!
      : valueAt(x, data.index, frame.client[i]!, frame.period[i]!);
    if (Number.isNaN(v)) continue;
    const acc = sums.get(frame.client[i]!) ?? { sum: 0, n: 0 };
    acc.sum += v;
    acc.n++;
    sums.set(frame.client[i]!, acc);
  }
  const sign = x.indicator.direction === 'lower' ? -1 : 1;
  return [...sums]
    .map(([c, s]) => ({ client: data.index.clients[c]!, value: s.sum / s.n, cells: s.n }))
    .sort((a, b) => sign * (a.value - b.value) || (a.client < b.client ? -1 : 1))
    .slice(0, limit);
}
