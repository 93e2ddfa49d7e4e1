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
