import { CxTraceDb } from './db.ts';
import { writeChunks, type ChunksWritten } from './chunks-repo.ts';
import { commitDataset, deleteDatasetChunks, getDataset, importLockName } from './datasets-repo.ts';
import { chunkOwner, type ColumnInfo, type DatasetMeta } from '../core/storage/dataset-meta.ts';
import {
  encodeTypedChunks,
  storedColumns,
  type EncodedChunk,
} from '../core/ingest/typed-chunks.ts';
import { mergeColumns } from '../core/ingest/schema-diff.ts';
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

/**
 * Where rows go: a new dataset, or an existing one (same id, so cells and bindings that use it
 * stay valid) whose rows are added to (`append`) or replaced (`replace`).
 */
export type { ImportTarget } from '../core/worker-api/ingest-api.ts';
import type { ImportTarget } from '../core/worker-api/ingest-api.ts';

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

/** The dataset to add to or replace no longer exists. */
export class TargetMissingError extends Error {
  constructor(readonly datasetId: string) {
    super(`Dataset ${datasetId} no longer exists`);
    this.name = 'TargetMissingError';
  }
}

/** Whether an error is the browser's storage running out (however wrapped). */
export const isQuotaError = (e: unknown): boolean => {
  for (let x: unknown = e; x;) {
    if ((x as { name?: string }).name === 'QuotaExceededError') return true;
    x = (x as { inner?: unknown }).inner ?? (x as { cause?: unknown }).cause;
  }
  return false;
};

/**
 * Stores rows as a dataset: chunk by chunk, then the metadata in a strict-durability
 * transaction, so the rows become visible only once all of them are on disk. A new dataset
 * and a replacement write a fresh generation of chunks (a replacement drops the old one in the
 * same commit); an append writes chunks after the last one. While writing it holds the import
 * lock of the chunks' owner, which keeps clean-up in other tabs off them. Any failure removes
 * what it wrote (if the page dies instead, start-up cleaning does), leaving the dataset as it was.
 */
export async function importDataset(
  db: CxTraceDb,
  input: ImportInput,
  onProgress: (p: ImportProgress) => void = () => undefined,
  target: ImportTarget = { mode: 'new' },
): Promise<DatasetMeta> {
  return storeDataset(
    db,
    {
      name: input.name,
      columns: storedColumns(input.profiles),
      totalRows: input.rows.length,
      chunks: (firstIndex) => encodeTypedChunks(input.rows, input.profiles, undefined, firstIndex),
      source: input.source,
    },
    onProgress,
    target,
  );
}

/** Rows to store, already typed and encoded chunk by chunk. */
export interface StoreInput {
  name: string;
  /** The name shown, when it is not `name` (see `DatasetMeta.title`); a replacement keeps its own otherwise. */
  title?: string;
  columns: ColumnInfo[];
  totalRows: number;
  /** Encodes the rows in chunks numbered from `firstIndex`. */
  chunks: (firstIndex: number) => Iterable<EncodedChunk>;
  source?: NonNullable<DatasetMeta['source']>;
  derivedFrom?: DatasetMeta['derivedFrom'];
  /**
   * Another writer storing the rows after these at the same time (a worker reading the later
   * part of a large file): it writes chunks under `owner` numbered from `firstIndex` (this
   * writer's first index plus `chunkOffset`, the number of chunks `chunks` yields), reporting
   * rows written. Its rows are counted in `totalRows`.
   */
  alongside?: {
    chunkOffset: number;
    write: (
      owner: string,
      firstIndex: number,
      onRows: (rows: number) => void,
    ) => Promise<ChunksWritten>;
  };
}

/** Stores encoded rows as a dataset (see `importDataset`, which reads them from a file). */
export async function storeDataset(
  db: CxTraceDb,
  input: StoreInput,
  onProgress: (p: ImportProgress) => void = () => undefined,
  target: ImportTarget = { mode: 'new' },
): Promise<DatasetMeta> {
  const existing = target.mode === 'new' ? null : await getDataset(db, target.datasetId);
  if (target.mode !== 'new' && !existing) throw new TargetMissingError(target.datasetId);
  const append = target.mode === 'append';
  const id = existing?.id ?? (target.mode === 'new' ? target.id : undefined) ?? newId();
  const owner = existing === null ? id : append ? chunkOwner(existing) : newId();

  const run = async (): Promise<DatasetMeta> => {
    // Read again under the lock: another append may have finished while this one waited.
    const current = existing && (await getDataset(db, existing.id));
    if (existing && (!current || (append && chunkOwner(current) !== owner))) {
      throw new TargetMissingError(existing.id);
    }
    const firstIndex = append && current ? current.chunkCount : 0;
    let alongsideRows = 0;
    let ownRows = 0;
    const report = () => onProgress({ rows: ownRows + alongsideRows, totalRows: input.totalRows });
    let alongside: Promise<ChunksWritten> | null = null;
    try {
      alongside =
        input.alongside?.write(owner, firstIndex + input.alongside.chunkOffset, (r) => {
          alongsideRows = r;
          report();
        }) ?? null;
      alongside?.catch(() => undefined);
      const own = await writeChunks(db, owner, input.chunks(firstIndex), (w) => {
        ownRows = w.rows;
        report();
      });
      const other = alongside ? await alongside : { chunks: 0, rows: 0, bytes: 0 };
      const chunkCount = own.chunks + other.chunks;
      const storedBytes = own.bytes + other.bytes;
      const rows = own.rows + other.rows;
      const columns = input.columns;
      const now = Date.now();
      const meta: DatasetMeta =
        append && current
          ? {
              ...current,
              rowCount: current.rowCount + rows,
              chunkCount: current.chunkCount + chunkCount,
              columns: mergeColumns(current.columns, columns),
              storedBytes: (current.storedBytes ?? 0) + storedBytes,
              source: input.source,
              refreshedAt: now,
            }
          : {
              id,
              name: current?.name ?? input.name,
              // A replacement keeps the title it had unless it brings one.
              ...((input.title ?? current?.title) ? { title: input.title ?? current?.title } : {}),
              createdAt: current?.createdAt ?? now,
              rowCount: rows,
              chunkCount,
              columns,
              source: input.source,
              ...(input.derivedFrom ? { derivedFrom: input.derivedFrom } : {}),
              storedBytes,
              ...(owner !== id ? { storageId: owner } : {}),
              ...(current ? { refreshedAt: now } : {}),
            };
      const strict = new CxTraceDb(db.name, 'strict');
      try {
        return await commitDataset(
          strict,
          meta,
          current && !append ? chunkOwner(current) : undefined,
        );
      } finally {
        strict.close();
      }
    } catch (e) {
      // Let the other writer settle first, so the clean-up removes its chunks too.
      await alongside?.catch(() => undefined);
      await deleteDatasetChunks(db, owner, firstIndex).catch(() => undefined);
      if (isQuotaError(e)) {
        const est = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
        throw new StorageFullError(est?.usage ?? null, est?.quota ?? null, { cause: e });
      }
      throw e;
    }
  };
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(importLockName(owner), run) : run();
}
