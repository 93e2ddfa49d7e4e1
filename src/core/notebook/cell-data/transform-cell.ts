import type { DatasetMeta, TransformedFrom } from '../../storage/dataset-meta.ts';
import { restoreTransformSteps, type TransformStep } from '../../transform/transform-steps.ts';
import type { TransformCellInput } from '../../worker-api/transform-api.ts';
import type { CellRequest } from '../cell-query.ts';

/**
 * A transform cell's data: the dataset it shapes, its steps in order, and the name of the
 * dataset it makes (the dataset itself is found by its maker: `TransformedFrom.owner`).
 */
export interface TransformCellData {
  datasetId: string | null;
  steps: TransformStep[];
  name: string;
}

/** A new transform cell with nothing chosen. */
export function createTransformCellData(): TransformCellData {
  return { datasetId: null, steps: [], name: '' };
}

/** Repairs stored transform-cell data (unusable steps are dropped). */
export function restoreTransformCellData(raw: unknown): TransformCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    datasetId: typeof r.datasetId === 'string' && r.datasetId !== '' ? r.datasetId : null,
    steps: restoreTransformSteps(r.steps),
    name: typeof r.name === 'string' ? r.name : '',
  };
}

/** The stored datasets a transform reads: the one it shapes, then each one joined in. */
export function transformInputs(datasetId: string, steps: readonly TransformStep[]): string[] {
  const joined = steps.flatMap((s) => (s.kind === 'join' ? [s.dataset] : []));
  return [...new Set([datasetId, ...joined])];
}

/** What a made dataset records of how it was made (its `derivedFrom`), and by which cell. */
export function transformRecord(
  datasetId: string,
  steps: readonly TransformStep[],
  stored: readonly DatasetMeta[],
  owner?: string,
): TransformedFrom {
  const inputs = transformInputs(datasetId, steps);
  const generations: Record<string, number> = {};
  for (const id of inputs) {
    const meta = stored.find((d) => d.id === id);
    if (meta) generations[id] = meta.generation ?? 1;
  }
  return {
    kind: 'transform',
    ...(owner ? { owner } : {}),
    inputs,
    generations,
    steps: structuredClone([...steps]),
  };
}

/** The dataset a transform cell made (its latest run stored it), if it is still stored. */
export function madeBy(cellId: string, stored: readonly DatasetMeta[]): DatasetMeta | null {
  return (
    stored.find((d) => d.derivedFrom?.kind === 'transform' && d.derivedFrom.owner === cellId) ??
    null
  );
}

/**
 * The cell's request: run the steps on the dataset and store the result under the cell's name,
 * replacing what this cell stored before. Null until a dataset and a name are given. It reads
 * every input, so the stored result turns stale when one is refreshed, like every result.
 */
export function transformCellQuery(data: TransformCellData, cellId: string): CellRequest | null {
  const name = data.name.trim();
  if (!data.datasetId || name === '') return null;
  const input: TransformCellInput = {
    owner: cellId,
    datasetId: data.datasetId,
    steps: data.steps,
    name,
  };
  return {
    worker: 'transform',
    method: 'transformCell',
    input,
    reads: { datasets: transformInputs(data.datasetId, data.steps), models: [], cells: [] },
  };
}
