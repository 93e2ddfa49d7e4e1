import type { CxTraceDb } from './db.ts';
import { readAllColumns } from './chunks-repo.ts';
import { listDatasets } from './datasets-repo.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import type { LoadedDataset } from '../core/index/loaded-dataset.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';

/** The dataset names or ids a model reads: its bindings, client card and declared keys. */
export function modelDatasetRefs(model: ServiceModel): Set<string> {
  const refs = new Set<string>(Object.keys(model.datasets));
  if (model.clientCard) refs.add(model.clientCard.dataset);
  for (const indicator of model.indicators) {
    if (indicator.binding) refs.add(indicator.binding.dataset);
  }
  return refs;
}

/**
 * Loads every stored dataset a model reads (matched by id, then by name; the most recent of
 * several with one name), whole, column by column (worker only: it decodes the chunks).
 * `onDataset` hears of each as it is read.
 */
export async function loadModelDatasets(
  db: CxTraceDb,
  model: ServiceModel,
  onDataset: (done: number, total: number) => void = () => undefined,
): Promise<LoadedDataset[]> {
  const stored = await listDatasets(db);
  const byRef = (ref: string): DatasetMeta | undefined =>
    stored.find((d) => d.id === ref) ??
    stored.filter((d) => d.name === ref).sort((a, b) => b.createdAt - a.createdAt)[0];
  const wanted = [...modelDatasetRefs(model)]
    .map(byRef)
    .filter((d): d is DatasetMeta => d !== undefined);
  const unique = [...new Map(wanted.map((d) => [d.id, d])).values()];
  const out: LoadedDataset[] = [];
  for (const meta of unique) {
    const values = await readAllColumns(db, meta);
    const columns: Record<string, ArrayLike<unknown>> = {};
    const types: LoadedDataset['types'] = {};
    meta.columns.forEach((c, k) => {
      columns[c.name] = values[k]!;
      types[c.name] = c.type;
    });
    out.push({ id: meta.id, name: meta.name, columns, types });
    onDataset(out.length, unique.length);
  }
  return out;
}
