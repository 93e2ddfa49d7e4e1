import type { ServiceModel } from '../../model/model-types.ts';
import { modelDatasets, type DatasetRef } from '../../model/model-datasets.ts';
import type { CellInputs } from '../cell-query.ts';

/** The stored models and datasets a cell that reads a service model chooses from. */
export interface ModelContext {
  models: readonly ServiceModel[];
  datasets: readonly DatasetRef[];
}

/**
 * What an answer computed from a model reads: the model, every stored dataset it reads (plus
 * `also`, datasets the cell reads besides), and the source `cells`.
 */
export function modelReads(
  model: ServiceModel,
  datasets: readonly DatasetRef[],
  cells: string[] = [],
  also: string[] = [],
): CellInputs {
  const ids = new Set(also);
  for (const d of modelDatasets(model, datasets)) ids.add(d.id);
  return { datasets: [...ids], models: [model.id], cells };
}
