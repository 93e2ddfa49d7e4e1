import { getDb } from '../src/data/db.ts';
import { backupStream, restoreBackup } from '../src/data/backup-store.ts';
import { StorageFullError } from '../src/data/import-dataset.ts';
import { readable } from '../src/data/unreadable.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';
import { BackupError, openBackup, sealBackup } from '../src/core/backup/backup-envelope.ts';
import { readRecords } from '../src/core/backup/backup-records.ts';
import type { BackupMade, RestoreInput, RestoreOutput } from '../src/core/worker-api/backup-api.ts';

/** Counts the bytes going through, for progress. */
function counting(onBytes: (n: number) => void): TransformStream<Uint8Array, Uint8Array> {
  let n = 0;
  return new TransformStream({
    transform(bytes, controller) {
      n += bytes.length;
      onBytes(n);
      controller.enqueue(bytes);
    },
  });
}

/** The analysis worker's backup calls (see `backup-api.ts`). */
export const backupMethods = {
  /** Every dataset, model, notebook, stored result and setting as one (optionally sealed) file. */
  async backup(input: { passphrase: string | null }, onProgress?: ProgressFn): Promise<BackupMade> {
    const db = getDb();
    // What the backup holds: the records that can be read (see `readable`).
    const datasets = (await db.datasets.toArray()).filter((d) => readable('datasets', d));
    const notebooks = (await db.notebooks.toArray()).filter((n) => readable('notebooks', n));
    const total = datasets.reduce((s, d) => s + (d.storedBytes ?? 0), 0);
    const sealed = backupStream(db)
      .pipeThrough(counting((done) => onProgress?.({ done: Math.min(done, total), total })))
      .pipeThrough(sealBackup(input.passphrase ? { passphrase: input.passphrase } : null));
    // The browser keeps a large Blob on disk: the backup is never one buffer in memory.
    const blob = await new Response(sealed).blob();
    return { blob, datasets: datasets.length, notebooks: notebooks.length };
  },

  /** Restores a backup file, all or nothing. */
  async restore(input: RestoreInput, onProgress?: ProgressFn): Promise<RestoreOutput> {
    const records = input.file
      .stream()
      .pipeThrough(counting((done) => onProgress?.({ done, total: input.file.size })))
      .pipeThrough(openBackup(input.passphrase))
      .pipeThrough(readRecords());
    try {
      return { ok: true, ...(await restoreBackup(getDb(), records, input.mode)) };
    } catch (e) {
      if (e instanceof BackupError) return { ok: false, code: e.code };
      if (e instanceof StorageFullError) {
        return { ok: false, code: 'storage-full', usage: e.usage, quota: e.quota };
      }
      throw e;
    }
  },
};
