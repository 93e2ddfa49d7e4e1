import { modelReads, type ModelContext } from './model-reads.ts';
import type { DriversInput } from '../../worker-api/drivers-api.ts';
import type { CellRequest } from '../cell-query.ts';
import type { TargetRule } from '../../analysis/driver-target.ts';

/** A key-drivers cell's data: which table, which low outcome, which features. */
export interface DriversCellData {
  datasetId: string | null;
  /** A stored service model whose client card and indicators join the dataset. */
  modelId: string | null;
  target: string | null;
  /** Which rows are the low outcome; null means detractors of an NPS column. */
  rule: TargetRule | null;
  /** The feature columns; null for the default choice. */
  features: string[] | null;
  seed: number;
}

/** A new key-drivers cell with nothing chosen. */
export function createDriversCellData(): DriversCellData {
  return { datasetId: null, modelId: null, target: null, rule: null, features: null, seed: 1 };
}

function restoreRule(raw: unknown): TargetRule | null {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (r.kind === 'equals' && typeof r.value === 'string') return { kind: 'equals', value: r.value };
  if (r.kind === 'below' && typeof r.threshold === 'number' && Number.isFinite(r.threshold)) {
    return { kind: 'below', threshold: r.threshold };
  }
  return null;
}

/** Repairs stored key-drivers cell data. */
export function restoreDriversCellData(raw: unknown): DriversCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    datasetId: str(r.datasetId),
    modelId: str(r.modelId),
    target: str(r.target),
    rule: restoreRule(r.rule),
    features: Array.isArray(r.features)
      ? [...new Set(r.features.filter((f): f is string => typeof f === 'string' && f !== ''))]
      : null,
    seed: typeof r.seed === 'number' && Number.isInteger(r.seed) && r.seed >= 0 ? r.seed : 1,
  };
}

/**
 * The cell's request, or null until a dataset and a target are chosen (and, when features are
 * chosen, at least one). It reads the dataset and, with a model, the model and what it reads
 * (its client card and indicators join the table).
 */
export function driversCellQuery(data: DriversCellData, context: ModelContext): CellRequest | null {
  if (!data.datasetId || !data.target) return null;
  if (data.features !== null && data.features.length === 0) return null;
  const model = data.modelId ? context.models.find((m) => m.id === data.modelId) : undefined;
  const input: DriversInput = {
    datasetId: data.datasetId,
    modelId: data.modelId,
    target: data.target,
    rule: data.rule,
    features: data.features,
    seed: data.seed,
  };
  return {
    worker: 'drivers',
    method: 'driversCell',
    input,
    reads: model
      ? modelReads(model, context.datasets, [], [data.datasetId])
      : { datasets: [data.datasetId], models: data.modelId ? [data.modelId] : [], cells: [] },
  };
}
