import { liveQuery } from 'dexie';
import type { CxTraceDb } from './db.ts';
import { restoreDatasetMeta, type DatasetMeta } from '../core/storage/dataset-meta.ts';

/** Every complete dataset, newest first. */
export async function listDatasets(db: CxTraceDb): Promise<DatasetMeta[]> {
  const raw = await db.datasets.orderBy('createdAt').reverse().toArray();
  return raw.map(restoreDatasetMeta).filter((m): m is DatasetMeta => m !== null);
}

/** Calls `onChange` with the dataset list now and on every change (any tab); returns a stop function. */
export function watchDatasets(
  db: CxTraceDb,
  onChange: (datasets: DatasetMeta[]) => void,
  onError: (e: unknown) => void,
): () => void {
  const sub = liveQuery(() => listDatasets(db)).subscribe({ next: onChange, error: onError });
  return () => sub.unsubscribe();
}

/** A dataset's metadata, or null when there is no such complete dataset. */
export async function getDataset(db: CxTraceDb, id: string): Promise<DatasetMeta | null> {
  return restoreDatasetMeta(await db.datasets.get(id));
}

/**
 * Makes a dataset visible by writing its metadata, after checking that every chunk is there
 * and the row counts add up. Fails, leaving nothing visible, when they do not.
 */
export async function commitDataset(db: CxTraceDb, meta: DatasetMeta): Promise<void> {
  await db.transaction('rw', db.chunks, db.datasets, async () => {
    const chunks = await db.chunks.where('datasetId').equals(meta.id).toArray();
    const rows = chunks.reduce((s, c) => s + c.rows, 0);
    if (chunks.length !== meta.chunkCount || rows !== meta.rowCount) {
      throw new Error(
        `Dataset ${meta.id}: expected ${meta.chunkCount} chunks / ${meta.rowCount} rows, found ${chunks.length} / ${rows}`,
      );
    }
    await db.datasets.put(meta);
  });
}

/** Deletes a dataset with its chunks and cached results, all or nothing. */
export async function deleteDataset(db: CxTraceDb, id: string): Promise<void> {
  await db.transaction('rw', db.datasets, db.chunks, db.results, async () => {
    await db.datasets.delete(id);
    await db.chunks.where('datasetId').equals(id).delete();
    await db.results.where('datasetId').equals(id).delete();
  });
}

/** Deletes the chunks of a dataset that was never committed (a failed or cancelled import). */
export async function deleteDatasetChunks(db: CxTraceDb, id: string): Promise<void> {
  await db.chunks.where('datasetId').equals(id).delete();
}

/**
 * The Web Lock an import holds while it writes a dataset's chunks, so that start-up cleaning
 * in another tab leaves them alone.
 */
export function importLockName(datasetId: string): string {
  return `cx-import:${datasetId}`;
}

/** Ids of datasets whose import holds its lock right now (in any tab). */
export async function datasetsBeingImported(): Promise<Set<string>> {
  const held = (await navigator.locks?.query())?.held ?? [];
  const prefix = importLockName('');
  return new Set(
    held.flatMap((l) => (l.name?.startsWith(prefix) ? [l.name.slice(prefix.length)] : [])),
  );
}

/**
 * Removes what unfinished imports left: now for those no import is writing, and for those
 * whose import lock is still held (a cancelled or crashed import whose worker is still going
 * away) once the lock is released. Resolves when all of it is done.
 */
export async function cleanUnfinishedImports(db: CxTraceDb): Promise<void> {
  const busy = await datasetsBeingImported();
  await cleanOrphanChunks(db, busy);
  if (!navigator.locks) return;
  await Promise.all(
    [...busy].map((id) =>
      navigator.locks.request(importLockName(id), async () => {
        if (!(await db.datasets.get(id))) await deleteDatasetChunks(db, id);
      }),
    ),
  );
}

/**
 * Deletes chunks that belong to no committed dataset: the remains of an import that was
 * interrupted by a crash or a closed tab. `keep` names datasets being imported right now.
 */
export async function cleanOrphanChunks(
  db: CxTraceDb,
  keep: ReadonlySet<string> = new Set(),
): Promise<number> {
  return db.transaction('rw', db.datasets, db.chunks, async () => {
    const known = new Set(await db.datasets.toCollection().primaryKeys());
    const owners = (await db.chunks.orderBy('datasetId').uniqueKeys()) as string[];
    let removed = 0;
    for (const owner of owners) {
      if (known.has(owner) || keep.has(owner)) continue;
      removed += await db.chunks.where('datasetId').equals(owner).delete();
    }
    return removed;
  });
}
