import type { Population, TraceQuery } from '../../analysis/trace/trace-types.ts';
import type { ServiceModel } from '../../model/model-types.ts';
import { modelDatasets, type DatasetRef } from '../../model/model-datasets.ts';
import type { CellRequest } from '../cell-query.ts';

/** A trace cell's data: which model, which population, from which indicator. */
export interface TraceCellData {
  /** A stored service model; null means the first one stored. */
  modelId: string | null;
  /** Who to trace; null for the detractors of the model's NPS answers. */
  population: Population | null;
  /** Only this period (at the model's grain); null for all. */
  period: string | null;
  /** The indicator to start from; null for the default (see `startIndicator`). */
  start: string | null;
}

/** A new trace cell: the first model, its detractors, from the default start. */
export function createTraceCellData(): TraceCellData {
  return { modelId: null, population: null, period: null, start: null };
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** Repairs a stored population; null when it is not one. */
export function restorePopulation(raw: unknown): Population | null {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (r.kind === 'detractors') {
    const dataset = str(r.dataset);
    const score = str(r.score);
    const client = str(r.client);
    if (!dataset || !score || !client) return null;
    return { kind: 'detractors', dataset, score, client, date: str(r.date) };
  }
  if (r.kind === 'segment') {
    const column = str(r.column);
    return column && typeof r.value === 'string'
      ? { kind: 'segment', column, value: r.value }
      : null;
  }
  if (r.kind === 'low') {
    const dataset = str(r.dataset);
    const target = str(r.target);
    const client = str(r.client);
    const rule = (typeof r.rule === 'object' && r.rule !== null ? r.rule : {}) as Record<
      string,
      unknown
    >;
    const parsed =
      rule.kind === 'equals' && typeof rule.value === 'string'
        ? ({ kind: 'equals', value: rule.value } as const)
        : (rule.kind === 'below' || rule.kind === 'at-most') && typeof rule.threshold === 'number'
          ? ({ kind: rule.kind, threshold: rule.threshold } as const)
          : null;
    if (!dataset || !target || !client || !parsed) return null;
    return { kind: 'low', dataset, target, rule: parsed, client, date: str(r.date) };
  }
  if (r.kind === 'clients' && Array.isArray(r.ids)) {
    const ids = [...new Set(r.ids.filter((id): id is string => typeof id === 'string'))];
    return { kind: 'clients', ids, label: typeof r.label === 'string' ? r.label : '' };
  }
  return null;
}

/** Repairs stored trace cell data. */
export function restoreTraceCellData(raw: unknown): TraceCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    modelId: str(r.modelId),
    population: restorePopulation(r.population),
    period: str(r.period),
    start: str(r.start),
  };
}

/** What a trace cell's request is made from besides its settings: the stored models and datasets. */
export interface TraceCellContext {
  models: readonly ServiceModel[];
  datasets: readonly DatasetRef[];
}

/** What a trace cell asks the analysis worker. */
export interface TraceCellInput {
  modelId: string;
  query: TraceQuery;
}

/**
 * The cell's request: its model (the first stored one by default) and population; null without
 * a model, or with a segment whose value is not chosen yet. It reads the model and every stored
 * dataset the model reads.
 */
export function traceCellQuery(data: TraceCellData, context: TraceCellContext): CellRequest | null {
  const model = data.modelId
    ? context.models.find((m) => m.id === data.modelId)
    : context.models[0];
  if (!model) return null;
  if (data.population?.kind === 'segment' && !data.population.value) return null;
  const input: TraceCellInput = {
    modelId: model.id,
    query: { population: data.population, period: data.period, start: data.start },
  };
  return {
    worker: 'analysis',
    method: 'traceCell',
    input,
    reads: {
      datasets: modelDatasets(model, context.datasets).map((d) => d.id),
      models: [model.id],
      cells: [],
    },
  };
}
