/**
 * Where a trace starts: the default population (the detractors of the model's first NPS
 * indicator) and the start indicator — the one asked for, else the indicator that defines the
 * population (its NPS or its low rating), else the model's NPS.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import type { TraceData } from './trace-data.ts';
import type { Population } from './trace-types.ts';

/**
 * The detractors of the model's first NPS indicator, read from the answers it is bound to (by
 * the dataset's client and period keys); null when the model has none.
 */
export function defaultPopulation(model: ServiceModel): Population | null {
  for (const indicator of model.indicators ?? []) {
    const b = indicator.binding;
    if (!b || b.aggregate !== 'nps') continue;
    const keys = model.datasets?.[b.dataset];
    if (!keys?.client) continue;
    return {
      kind: 'detractors',
      dataset: b.dataset,
      score: b.column,
      client: keys.client,
      date: keys.period ?? null,
    };
  }
  return null;
}

/** The start indicator of a trace (see the module comment); null when there is none with data. */
export function startIndicator(
  model: ServiceModel,
  data: TraceData,
  population: Population,
  asked: string | null,
): string | null {
  if (asked !== null) return data.indicators.has(asked) ? asked : null;
  const usable = (id: string) => {
    const d = data.indicators.get(id);
    return d !== undefined && (d.kind === 'rows' || d.kind === 'cells');
  };
  if (population.kind === 'detractors' || population.kind === 'low') {
    const column = population.kind === 'detractors' ? population.score : population.target;
    const defining = model.indicators.find(
      (i) =>
        i.binding?.dataset === population.dataset &&
        i.binding.column === column &&
        (population.kind === 'low' || i.binding.aggregate === 'nps') &&
        usable(i.id),
    );
    if (defining) return defining.id;
  }
  return model.indicators.find((i) => i.binding?.aggregate === 'nps' && usable(i.id))?.id ?? null;
}
