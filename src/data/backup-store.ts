import { sha256 } from '@noble/hashes/sha2.js';
import type { CxTraceDb } from './db.ts';
import { StorageFullError, isQuotaError } from './import-dataset.ts';
import { readable } from './unreadable.ts';
import { restoreChunkBytes, storedChunkBytes } from './chunk-record.ts';
import { importLockName } from './datasets-repo.ts';
import { newId } from '../core/ids.ts';
import { chunkOwner, restoreDatasetMeta, type DatasetMeta } from '../core/storage/dataset-meta.ts';
import { BackupError } from '../core/backup/backup-envelope.ts';
import {
  BACKUP_FORMAT,
  encodeRecord,
  noCounts,
  type BackupRecord,
} from '../core/backup/backup-records.ts';

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Every record of a backup of the workspace, as its bytes, read from the database lazily. */
async function* backupRecords(db: CxTraceDb): AsyncGenerator<Uint8Array> {
  yield encodeRecord('header', { format: BACKUP_FORMAT, version: 1, made: Date.now() });
  const counts = noCounts();
  for (const s of await db.settings.toArray()) {
    counts.settings++;
    yield encodeRecord('setting', s);
  }
  for (const m of await db.models.toArray()) {
    if (!readable('models', m)) continue;
    counts.models++;
    yield encodeRecord('model', m);
  }
  for (const n of await db.notebooks.toArray()) {
    if (!readable('notebooks', n)) continue;
    counts.notebooks++;
    yield encodeRecord('notebook', n);
  }
  for (const key of await db.cellResults.toCollection().primaryKeys()) {
    const r = await db.cellResults.get(key);
    if (!r || !readable('cellResults', r)) continue;
    counts.results++;
    yield encodeRecord('result', r);
  }
  // What cannot be read is left out: a backup of the rest is what the analyst can save.
  for (const meta of await db.datasets.toArray()) {
    if (!readable('datasets', meta)) continue;
    counts.datasets++;
    yield encodeRecord('dataset', meta);
    const hash = sha256.create();
    const owner = chunkOwner(meta);
    for (let index = 0; index < meta.chunkCount; index++) {
      const chunk = await db.chunks.get([owner, index]);
      if (!chunk) throw new Error(`Dataset ${meta.name}: chunk ${index} is missing`);
      const bytes = await restoreChunkBytes(chunk);
      hash.update(bytes);
      counts.chunks++;
      yield encodeRecord('chunk', { index, rows: chunk.rows }, bytes);
    }
    yield encodeRecord('datasetEnd', {
      id: meta.id,
      chunks: meta.chunkCount,
      sha256: hex(hash.digest()),
    });
  }
  yield encodeRecord('end', counts);
}

/** A backup of every dataset, model, notebook, stored result and setting, as a stream. */
export function backupStream(db: CxTraceDb): ReadableStream<Uint8Array> {
  const records = backupRecords(db);
  return new ReadableStream({
    async pull(controller) {
      const next = await records.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await records.return(undefined);
    },
  });
}

/** How a restore treats the workspace: keep it and add the backup, or replace it whole. */
export type RestoreMode = 'merge' | 'replace';

/**
 * Holds the import lock of a chunk owner a restore writes (see `cleanUnfinishedImports`), so no
 * tab's clean-up takes its chunks for an interrupted import's; returns its release.
 */
function holdOwner(owner: string): () => void {
  const locks = globalThis.navigator?.locks;
  let release: () => void = () => undefined;
  if (!locks) return release;
  const done = new Promise<void>((resolve) => (release = resolve));
  void locks.request(importLockName(owner), () => done);
  return release;
}

interface Restored {
  settings: { key: string; value: unknown }[];
  models: { id: string; updatedAt: number }[];
  notebooks: { id: string; updatedAt: number }[];
  results: { key: string; notebookIds?: string[]; cellIds?: string[] }[];
  datasets: DatasetMeta[];
  /** Chunk owners this restore wrote (removed again when it fails). */
  owners: string[];
  /** Releases the owners' import locks. */
  releases: (() => void)[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a backup's records, writing its datasets' chunks under new owners as they come. */
async function readBackup(
  db: CxTraceDb,
  records: ReadableStream<BackupRecord>,
  out: Restored,
  onProgress?: (chunks: number) => void,
): Promise<void> {
  const counts = noCounts();
  let open: {
    meta: DatasetMeta;
    owner: string;
    hash: ReturnType<typeof sha256.create>;
    n: number;
  } | null = null;
  let header = false;
  let ended = false;
  const reader = records.getReader();
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    const r = next.value;
    if (ended) throw new BackupError('damaged');
    const v = r.value;
    if (r.kind === 'header') {
      if (!isRecord(v) || v.format !== BACKUP_FORMAT) throw new BackupError('not-a-backup');
      header = true;
      continue;
    }
    if (!header) throw new BackupError('not-a-backup');
    if (r.kind === 'setting' && isRecord(v) && typeof v.key === 'string') {
      counts.settings++;
      out.settings.push(v as never);
    } else if (r.kind === 'model' && isRecord(v) && typeof v.id === 'string') {
      counts.models++;
      out.models.push(v as never);
    } else if (r.kind === 'notebook' && isRecord(v) && typeof v.id === 'string') {
      counts.notebooks++;
      out.notebooks.push(v as never);
    } else if (r.kind === 'result' && isRecord(v) && typeof v.key === 'string') {
      counts.results++;
      out.results.push(v as never);
    } else if (r.kind === 'dataset') {
      const meta = restoreDatasetMeta(v);
      if (!meta || open) throw new BackupError('damaged');
      const owner = newId();
      out.owners.push(owner);
      out.releases.push(holdOwner(owner));
      open = { meta, owner, hash: sha256.create(), n: 0 };
      counts.datasets++;
    } else if (r.kind === 'chunk' && open && isRecord(v) && v.index === open.n) {
      open.hash.update(r.bytes);
      await db.chunks.put({
        datasetId: open.owner,
        index: open.n++,
        rows: typeof v.rows === 'number' ? v.rows : 0,
        bytes: storedChunkBytes(r.bytes),
      });
      counts.chunks++;
      onProgress?.(counts.chunks);
    } else if (r.kind === 'datasetEnd' && open && isRecord(v)) {
      // The dataset's bytes as they were backed up, or the restore stops here.
      if (v.id !== open.meta.id || v.chunks !== open.n || open.n !== open.meta.chunkCount) {
        throw new BackupError('damaged');
      }
      if (v.sha256 !== hex(open.hash.digest())) throw new BackupError('damaged');
      out.datasets.push({ ...open.meta, storageId: open.owner });
      open = null;
    } else if (r.kind === 'end' && isRecord(v) && !open) {
      const same = Object.entries(counts).every(([k, n]) => v[k] === n);
      if (!same) throw new BackupError('damaged');
      ended = true;
    } else {
      throw new BackupError('damaged');
    }
  }
  if (!ended) throw new BackupError('truncated');
}

/**
 * Restores a backup's records into the workspace, all or nothing: the datasets' chunks are
 * written first under new owners and checked against their SHA-256, the counts against the end
 * record; then one transaction replaces the workspace (`replace`) or adds what it lacks, keeping
 * the later-changed of a model or notebook both have (`merge`). When anything fails — a
 * changed, cut or wrongly decrypted file, a full disk, a cancel — the chunks written are removed
 * and the workspace is as it was. Resolves to what was restored.
 */
export async function restoreBackup(
  db: CxTraceDb,
  records: ReadableStream<BackupRecord>,
  mode: RestoreMode,
  onProgress?: (chunks: number) => void,
): Promise<{ datasets: number; notebooks: number; models: number; results: number }> {
  const got: Restored = {
    settings: [],
    models: [],
    notebooks: [],
    results: [],
    datasets: [],
    owners: [],
    releases: [],
  };
  const drop = async (owners: readonly string[]) => {
    for (const o of owners) await db.chunks.where('datasetId').equals(o).delete();
  };
  let unused: string[];
  try {
    await readBackup(db, records, got, onProgress);
    const tables = [db.settings, db.models, db.notebooks, db.cellResults, db.datasets, db.results];
    unused = await db.transaction('rw', tables, async () => {
      const old = await db.datasets.toArray();
      if (mode === 'replace') {
        for (const t of tables) await t.clear();
        await db.settings.bulkPut(got.settings);
        await db.models.bulkPut(got.models as never[]);
        await db.notebooks.bulkPut(got.notebooks as never[]);
        await db.cellResults.bulkPut(got.results as never[]);
        await db.datasets.bulkPut(got.datasets);
        return old.map(chunkOwner);
      }
      const later = async <T extends { id: string; updatedAt: number }>(
        table: typeof db.models | typeof db.notebooks,
        items: T[],
      ) => {
        for (const item of items) {
          const have = (await table.get(item.id)) as { updatedAt?: number } | undefined;
          if (!have || (have.updatedAt ?? 0) < item.updatedAt) await table.put(item as never);
        }
      };
      await later(db.models, got.models);
      await later(db.notebooks, got.notebooks);
      for (const s of got.settings) if (!(await db.settings.get(s.key))) await db.settings.put(s);
      for (const r of got.results)
        if (!(await db.cellResults.get(r.key))) await db.cellResults.put(r as never);
      const skipped: string[] = [];
      for (const d of got.datasets) {
        if (await db.datasets.get(d.id)) skipped.push(chunkOwner(d));
        else await db.datasets.put(d);
      }
      return skipped;
    });
  } catch (e) {
    await drop(got.owners).catch(() => undefined);
    for (const release of got.releases) release();
    if (isQuotaError(e)) {
      const est = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
      throw new StorageFullError(est?.usage ?? null, est?.quota ?? null, { cause: e });
    }
    throw e;
  }
  await drop(unused).catch(() => undefined);
  for (const release of got.releases) release();
  return {
    datasets: got.datasets.length,
    notebooks: got.notebooks.length,
    models: got.models.length,
    results: got.results.length,
  };
}
