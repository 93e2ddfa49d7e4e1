import { liveQuery } from 'dexie';
import type { CxTraceDb } from './db.ts';
import { chunkOwner, restoreDatasetMeta, type DatasetMeta } from '../core/storage/dataset-meta.ts';

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
 * Makes a dataset visible by writing its metadata, after checking that its chunks are all there
 * (indexes 0 to chunkCount − 1, no others; counted by key, without reading the chunks' bytes);
 * fails, leaving nothing visible, when they are not. With
 * `dropOwner`, the chunks of a previous generation (replaced rows) are deleted in the same
 * transaction, so readers see either the old rows or the new ones. The commit counts in the
 * dataset's `generation`; returns the metadata as stored.
 */
export async function commitDataset(
  db: CxTraceDb,
  meta: DatasetMeta,
  dropOwner?: string,
): Promise<DatasetMeta> {
  return db.transaction('rw', db.chunks, db.datasets, db.results, async () => {
    const owner = chunkOwner(meta);
    const stored = await db.chunks.where('datasetId').equals(owner).count();
    const numbered = await db.chunks
      .where('[datasetId+index]')
      .between([owner, 0], [owner, meta.chunkCount], true, false)
      .count();
    if (stored !== meta.chunkCount || numbered !== meta.chunkCount) {
      throw new Error(
        `Dataset ${meta.id}: expected ${meta.chunkCount} chunks, found ${stored} (${numbered} numbered 0–${meta.chunkCount - 1})`,
      );
    }
    const previous = await db.datasets.get(meta.id);
    const committed = { ...meta, generation: (previous?.generation ?? 0) + 1 };
    await db.datasets.put(committed);
    if (dropOwner !== undefined && dropOwner !== chunkOwner(meta)) {
      await db.chunks.where('datasetId').equals(dropOwner).delete();
    }
    // Results computed from the old rows no longer hold.
    await db.results.where('datasetId').equals(meta.id).delete();
    return committed;
  });
}

/** Deletes a dataset with its chunks and cached results, all or nothing. */
export async function deleteDataset(db: CxTraceDb, id: string): Promise<void> {
  await db.transaction('rw', db.datasets, db.chunks, db.results, async () => {
    const meta = await db.datasets.get(id);
    await db.datasets.delete(id);
    await db.chunks
      .where('datasetId')
      .equals(meta ? chunkOwner(meta) : id)
      .delete();
    await db.results.where('datasetId').equals(id).delete();
  });
}

/**
 * Deletes chunks stored under `owner` that no commit made part of a dataset (a failed or
 * cancelled import): all of them, or those from index `fromIndex` on (a failed append).
 */
export async function deleteDatasetChunks(
  db: CxTraceDb,
  owner: string,
  fromIndex = 0,
): Promise<void> {
  await db.chunks
    .where('[datasetId+index]')
    .between([owner, fromIndex], [owner, Infinity])
    .delete();
}

/**
 * The Web Lock an import holds while it writes a dataset's chunks, so that start-up cleaning
 * in another tab leaves them alone.
 */
export function importLockName(owner: string): string {
  return `cx-import:${owner}`;
}

/** Chunk owners (see `chunkOwner`) that an import is writing right now (in any tab). */
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
  const locks = globalThis.navigator?.locks;
  if (!locks) return;
  await Promise.all(
    [...busy].map((owner) => locks.request(importLockName(owner), () => cleanOrphanChunks(db))),
  );
}

/**
 * Deletes chunks that no committed dataset uses: those of owners no dataset has (an interrupted
 * import or replacement) and those past a dataset's last chunk (an interrupted append). `keep`
 * names owners an import is writing right now. Returns how many chunks were deleted.
 */
export async function cleanOrphanChunks(
  db: CxTraceDb,
  keep: ReadonlySet<string> = new Set(),
): Promise<number> {
  return db.transaction('rw', db.datasets, db.chunks, async () => {
    const counts = new Map<string, number>();
    for (const raw of await db.datasets.toArray()) {
      const meta = restoreDatasetMeta(raw);
      if (meta) counts.set(chunkOwner(meta), meta.chunkCount);
    }
    const owners = (await db.chunks.orderBy('datasetId').uniqueKeys()) as string[];
    let removed = 0;
    for (const owner of owners) {
      if (keep.has(owner)) continue;
      removed += await db.chunks
        .where('[datasetId+index]')
        .between([owner, counts.get(owner) ?? 0], [owner, Infinity])
        .delete();
    }
    return removed;
  });
}

/**
 * Renames a dataset (blank names are refused); its rows, and the cells that use it, are not
 * touched. A dataset shown by a title (the demo's) gets a new title and keeps the name models
 * bind to. Returns whether there was such a dataset.
 */
export async function renameDataset(db: CxTraceDb, id: string, name: string): Promise<boolean> {
  const trimmed = name.trim();
  if (trimmed === '') return false;
  return db.transaction('rw', db.datasets, async () => {
    const current = await db.datasets.get(id);
    if (!current) return false;
    const titled = typeof (current as { title?: unknown }).title === 'string';
    await db.datasets.update(id, titled ? { title: trimmed } : { name: trimmed });
    return true;
  });
}
