import { CxTraceDb } from './db.ts';
import { writeChunk } from './chunks-repo.ts';
import { commitDataset, deleteDatasetChunks, importLockName } from './datasets-repo.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';
import { encodeTypedChunks, storedColumns } from '../core/ingest/typed-chunks.ts';
import type { ColumnProfile } from '../core/ingest/types.ts';
import { newId } from '../core/ids.ts';

/** Progress of an import: rows stored so far of all rows. */
export interface ImportProgress {
  rows: number;
  totalRows: number;
}

/** What to import: parsed rows, their column profiles (types and roles), and where they came from. */
export interface ImportInput {
  name: string;
  rows: readonly (readonly string[])[];
  profiles: readonly ColumnProfile[];
  source: NonNullable<DatasetMeta['source']>;
}

/** Storage ran out while importing; nothing of the import remains. */
export class StorageFullError extends Error {
  constructor(
    readonly usage: number | null,
    readonly quota: number | null,
    options?: { cause?: unknown },
  ) {
    super('Storage is full', options);
    this.name = 'StorageFullError';
  }
}

const isQuotaError = (e: unknown): boolean => {
  for (
    let x: unknown = e;
    x;
    x = (x as { cause?: unknown; inner?: unknown }).inner ?? (x as { cause?: unknown }).cause
  ) {
    if ((x as { name?: string }).name === 'QuotaExceededError') return true;
  }
  return false;
};

/**
 * Stores a new dataset: chunk by chunk, then its metadata in a strict-durability transaction,
 * so the dataset becomes visible only once all of it is on disk. While it writes it holds the
 * dataset's import lock, which keeps start-up cleaning in other tabs off its chunks. Any failure
 * removes what was written (if the page dies instead, start-up cleaning does).
 */
export async function importDataset(
  db: CxTraceDb,
  input: ImportInput,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<DatasetMeta> {
  const id = newId();
  const run = async (): Promise<DatasetMeta> => {
    let chunkCount = 0;
    let storedBytes = 0;
    let rows = 0;
    try {
      for (const chunk of encodeTypedChunks(input.rows, input.profiles)) {
        await writeChunk(db, id, chunk.index, chunk.bytes);
        chunkCount++;
        storedBytes += chunk.bytes.byteLength;
        rows += chunk.rows;
        onProgress({ rows, totalRows: input.rows.length });
      }
      const meta: DatasetMeta = {
        id,
        name: input.name,
        createdAt: Date.now(),
        rowCount: rows,
        chunkCount,
        columns: storedColumns(input.profiles),
        source: input.source,
        storedBytes,
      };
      const strict = new CxTraceDb(db.name, 'strict');
      try {
        await commitDataset(strict, meta);
      } finally {
        strict.close();
      }
      return meta;
    } catch (e) {
      await deleteDatasetChunks(db, id).catch(() => undefined);
      if (isQuotaError(e)) {
        const est = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
        throw new StorageFullError(est?.usage ?? null, est?.quota ?? null, { cause: e });
      }
      throw e;
    }
  };
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(importLockName(id), run) : run();
}
