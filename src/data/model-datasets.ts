import type { CxTraceDb } from './db.ts';
import { readColumnsLazily } from './chunks-repo.ts';
import { listDatasets } from './datasets-repo.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import type { LoadedDataset } from '../core/index/loaded-dataset.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';
import { modelDatasets } from '../core/model/model-datasets.ts';

/**
 * Datasets already read, kept while their rows stay the same, so a model edited again and
 * again is recomputed without reading its datasets anew. Holds only the last model's datasets.
 */
export class LoadedDatasetCache {
  #entries = new Map<string, { stamp: string; dataset: LoadedDataset }>();

  /** The cached dataset for `meta` if its rows and columns are unchanged. */
  get(meta: DatasetMeta): LoadedDataset | undefined {
    const e = this.#entries.get(meta.id);
    return e && e.stamp === rowsStamp(meta) ? e.dataset : undefined;
  }

  /** Keeps exactly these datasets. */
  keep(entries: readonly { meta: DatasetMeta; dataset: LoadedDataset }[]): void {
    this.#entries = new Map(
      entries.map(({ meta, dataset }) => [meta.id, { stamp: rowsStamp(meta), dataset }]),
    );
  }
}

/** What identifies a dataset's current rows and columns (replace, append and column changes alter it). */
export const rowsStamp = (meta: DatasetMeta): string =>
  JSON.stringify([meta.storageId ?? meta.id, meta.chunkCount, meta.rowCount, meta.columns]);

/**
 * A stored dataset, whole, column by column, with its columns' types and roles (worker only;
 * each column is decoded when first read, see `readColumnsLazily`);
 * with `only`, just those of its columns (names it lacks are left out).
 */
export async function loadStoredDataset(
  db: CxTraceDb,
  meta: DatasetMeta,
  only?: readonly string[],
): Promise<LoadedDataset> {
  const wanted = only ? meta.columns.filter((c) => only.includes(c.name)) : meta.columns;
  const columns = await readColumnsLazily(db, meta, only ? wanted.map((c) => c.name) : undefined);
  const types: LoadedDataset['types'] = {};
  const roles: Record<string, string | undefined> = {};
  const labels: NonNullable<LoadedDataset['labels']> = {};
  wanted.forEach((c) => {
    types[c.name] = c.type;
    roles[c.name] = c.role;
    if (c.labels) labels[c.name] = c.labels;
  });
  return { id: meta.id, name: meta.name, rowCount: meta.rowCount, columns, types, roles, labels };
}

/**
 * Loads every stored dataset a model reads (matched by id, then by name; the most recent of
 * several with one name), whole, column by column (worker only: it decodes the chunks).
 * `onDataset` hears of each as it is read; `cache` spares reading those read before.
 */
export async function loadModelDatasets(
  db: CxTraceDb,
  model: ServiceModel,
  onDataset: (done: number, total: number) => void = () => undefined,
  cache?: LoadedDatasetCache,
): Promise<LoadedDataset[]> {
  const unique = modelDatasets(model, await listDatasets(db));
  const out: LoadedDataset[] = [];
  const kept: { meta: DatasetMeta; dataset: LoadedDataset }[] = [];
  for (const meta of unique) {
    const cached = cache?.get(meta);
    if (cached) {
      out.push(cached);
      kept.push({ meta, dataset: cached });
      onDataset(out.length, unique.length);
      continue;
    }
    const dataset = await loadStoredDataset(db, meta);
    out.push(dataset);
    kept.push({ meta, dataset });
    onDataset(out.length, unique.length);
  }
  cache?.keep(kept);
  return out;
}
