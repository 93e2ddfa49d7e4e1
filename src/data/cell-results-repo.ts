import type { CxTraceDb, CellResultRecord } from './db.ts';
import { restoreDatasetMeta } from '../core/storage/dataset-meta.ts';
import { requestKey, type CellInputs, type InputVersions } from '../core/notebook/cell-query.ts';
import type { CellAnswer, CellCall } from '../core/worker-api/cell-api.ts';
import { valueBytes } from '../core/notebook/value-bytes.ts';

/**
 * The current versions of a request's inputs: each dataset's generation and each model's
 * revision (null when gone), each source cell's stored result key (from `sources`).
 */
export async function currentVersions(
  db: CxTraceDb,
  reads: CellInputs,
  sources: Record<string, string | null> = {},
): Promise<InputVersions> {
  const [datasets, models] = await Promise.all([
    db.datasets.bulkGet(reads.datasets),
    db.models.bulkGet(reads.models),
  ]);
  return {
    datasets: Object.fromEntries(
      reads.datasets.map((id, i) => {
        const meta = restoreDatasetMeta(datasets[i]);
        return [id, meta ? (meta.generation ?? 1) : null];
      }),
    ),
    models: Object.fromEntries(
      reads.models.map((id, i) => [id, models[i] ? (models[i]!.revision ?? 1) : null]),
    ),
    cells: Object.fromEntries(reads.cells.map((id) => [id, sources[id] ?? null])),
  };
}

/** A stored cell result by its request key, or null. */
export async function getCellResult(db: CxTraceDb, key: string): Promise<CellResultRecord | null> {
  return (await db.cellResults.get(key)) ?? null;
}

/** The latest stored result a cell showed, whatever its request; null when none. */
export async function latestCellResult(
  db: CxTraceDb,
  cellId: string,
): Promise<CellResultRecord | null> {
  const all = await db.cellResults.where('cellIds').equals(cellId).toArray();
  return all.reduce<CellResultRecord | null>(
    (best, r) => (!best || r.createdAt > best.createdAt ? r : best),
    null,
  );
}

/**
 * Stores a cell result (replacing one of the same request), shown by `notebookId` and `cellId`
 * as well as by those that showed the one it replaces.
 */
export async function putCellResult(
  db: CxTraceDb,
  record: Omit<CellResultRecord, 'notebookIds' | 'cellIds'>,
  notebookId: string,
  cellId: string,
): Promise<void> {
  await db.transaction('rw', db.cellResults, async () => {
    const previous = await db.cellResults.get(record.key);
    const notebookIds = [...new Set([...(previous?.notebookIds ?? []), notebookId])];
    const cellIds = [...new Set([...(previous?.cellIds ?? []), cellId])];
    await db.cellResults.put({ ...record, notebookIds, cellIds });
  });
}

/**
 * Answers a cell in a worker: reads the current versions of its inputs, computes its result
 * with `compute`, stores it (so that reopening the notebook shows it without computing) and
 * returns it as stored.
 */
export async function answerCell(
  db: CxTraceDb,
  call: CellCall,
  compute: (method: string, input: unknown) => Promise<unknown>,
): Promise<CellAnswer> {
  const { request } = call;
  const versions = await currentVersions(db, request.reads, call.sources);
  const value = await compute(request.method, request.input);
  const answer: CellAnswer = { key: requestKey(request), versions, createdAt: Date.now(), value };
  await putCellResult(
    db,
    { ...answer, request, bytes: valueBytes(value) },
    call.notebookId,
    call.cellId,
  );
  return answer;
}

/** Bytes of stored results per notebook (a result shown by two notebooks counts for both). */
export async function resultBytesByNotebook(db: CxTraceDb): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await db.cellResults.each((r) => {
    for (const id of r.notebookIds) out.set(id, (out.get(id) ?? 0) + r.bytes);
  });
  return out;
}

/**
 * Forgets a notebook's stored results: each is no longer shown by it, and is deleted when no
 * other notebook shows it. Returns how many were deleted.
 */
export async function clearNotebookResults(db: CxTraceDb, notebookId: string): Promise<number> {
  return db.transaction('rw', db.cellResults, async () => {
    let deleted = 0;
    const records = await db.cellResults.where('notebookIds').equals(notebookId).toArray();
    for (const r of records) {
      const rest = r.notebookIds.filter((id) => id !== notebookId);
      if (rest.length === 0) {
        await db.cellResults.delete(r.key);
        deleted++;
      } else await db.cellResults.update(r.key, { notebookIds: rest });
    }
    return deleted;
  });
}
