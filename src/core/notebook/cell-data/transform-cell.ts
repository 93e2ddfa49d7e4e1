import type { DatasetMeta, TransformedFrom } from '../../storage/dataset-meta.ts';
import { restoreTransformSteps, type TransformStep } from '../../transform/transform-steps.ts';

/**
 * A transform cell's data: the dataset it shapes, its steps in order, the name of the dataset
 * it makes, and that dataset once made.
 */
export interface TransformCellData {
  datasetId: string | null;
  steps: TransformStep[];
  name: string;
  resultId: string | null;
}

/** A new transform cell with nothing chosen. */
export function createTransformCellData(): TransformCellData {
  return { datasetId: null, steps: [], name: '', resultId: null };
}

/** Repairs stored transform-cell data (unusable steps are dropped). */
export function restoreTransformCellData(raw: unknown): TransformCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    datasetId: str(r.datasetId),
    steps: restoreTransformSteps(r.steps),
    name: typeof r.name === 'string' ? r.name : '',
    resultId: str(r.resultId),
  };
}

/** The stored datasets a transform reads: the one it shapes, then each one joined in. */
export function transformInputs(datasetId: string, steps: readonly TransformStep[]): string[] {
  const joined = steps.flatMap((s) => (s.kind === 'join' ? [s.dataset] : []));
  return [...new Set([datasetId, ...joined])];
}

/** What a made dataset records of how it was made (its `derivedFrom`). */
export function transformRecord(
  datasetId: string,
  steps: readonly TransformStep[],
  stored: readonly DatasetMeta[],
): TransformedFrom {
  const inputs = transformInputs(datasetId, steps);
  const generations: Record<string, number> = {};
  for (const id of inputs) {
    const meta = stored.find((d) => d.id === id);
    if (meta) generations[id] = meta.generation ?? 1;
  }
  return { kind: 'transform', inputs, generations, steps: structuredClone([...steps]) };
}

/**
 * Whether a transform's stored result still answers its settings:
 * - `current`: made from these steps and inputs, none refreshed since;
 * - `steps-changed`: the steps or the input dataset were edited since;
 * - `inputs-changed`: an input's rows were replaced or appended to since;
 * - `input-missing`: an input was deleted;
 * - `none`: there is no stored result.
 */
export function transformState(
  data: TransformCellData,
  stored: readonly DatasetMeta[],
): 'current' | 'steps-changed' | 'inputs-changed' | 'input-missing' | 'none' {
  const result = data.resultId ? stored.find((d) => d.id === data.resultId) : undefined;
  const made = result?.derivedFrom;
  if (!result || made?.kind !== 'transform' || !data.datasetId) return 'none';
  const wanted = transformRecord(data.datasetId, data.steps, stored);
  const sameSteps =
    JSON.stringify(restoreTransformSteps(made.steps)) === JSON.stringify(data.steps) &&
    JSON.stringify(made.inputs) === JSON.stringify(wanted.inputs);
  if (!sameSteps) return 'steps-changed';
  if (made.inputs.some((id) => !stored.some((d) => d.id === id))) return 'input-missing';
  const refreshed = made.inputs.some((id) => made.generations[id] !== wanted.generations[id]);
  return refreshed ? 'inputs-changed' : 'current';
}
