/** Which stored datasets a service model reads. */
import type { ServiceModel } from './model-types.ts';

/** The dataset references (ids or names) a model names: its keys, client card and bindings. */
export function modelDatasetRefs(model: ServiceModel): Set<string> {
  const refs = new Set<string>(Object.keys(model.datasets ?? {}));
  if (model.clientCard) refs.add(model.clientCard.dataset);
  for (const indicator of model.indicators ?? []) {
    if (indicator.binding) refs.add(indicator.binding.dataset);
  }
  return refs;
}

/** A stored dataset as the resolution needs it. */
export interface DatasetRef {
  id: string;
  name: string;
  createdAt: number;
}

/**
 * The stored datasets a model reads: each reference matched by id, then by name (the most
 * recent of several with one name); each once.
 */
export function modelDatasets<D extends DatasetRef>(
  model: ServiceModel,
  stored: readonly D[],
): D[] {
  const byRef = (ref: string): D | undefined =>
    stored.find((d) => d.id === ref) ??
    stored.filter((d) => d.name === ref).sort((a, b) => b.createdAt - a.createdAt)[0];
  const wanted = [...modelDatasetRefs(model)].map(byRef).filter((d): d is D => d !== undefined);
  return [...new Map(wanted.map((d) => [d.id, d])).values()];
}
