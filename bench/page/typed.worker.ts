/// <reference lib="webworker" />
import { expose } from 'comlink';
import { getDb } from '../../src/data/db.ts';
import {
  profileSource,
  readFileSource,
  sourceChunks,
  sourceRows,
} from '../../src/data/file-source.ts';
import { ColumnMemo } from '../../src/core/ingest/inspect.ts';
import { storedColumns } from '../../src/core/ingest/typed-chunks.ts';
import { storeDataset } from '../../src/data/import-dataset.ts';
import { deleteDataset } from '../../src/data/datasets-repo.ts';
import { restoreChunkBytes } from '../../src/data/chunk-record.ts';
import { chunkOwner } from '../../src/core/storage/dataset-meta.ts';
import { startPartReader } from '../../workers/ingest-part-reader.ts';
import type { TypedValues } from '../../src/core/ingest/types.ts';

// The ingest worker's `import` of a file with no preview before it and no overrides, split in
// two timed parts: file → typed columns (readFileSource + profileSource collecting typed values,
// with a second worker reading the later part of a file ≥ 16 MB, as the app does), then
// encoding + IndexedDB writes + commit (storeDataset, both workers writing). Then, in the same
// run, the baseline of the second part: raw IndexedDB puts of the same bytes, as many records.

const RAW_DB = 'cx-trace-bench-raw-put';

/** Opens a fresh database with one object store (out-of-line keys). */
async function openRaw(): Promise<IDBDatabase> {
  await new Promise<void>((resolve, reject) => {
    const del = indexedDB.deleteDatabase(RAW_DB);
    del.onsuccess = () => resolve();
    del.onerror = () => reject(del.error);
  });
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(RAW_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('chunks');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** Puts each value in a transaction of its own, one after the other (as the app writes chunks). */
async function putEach(db: IDBDatabase, values: readonly unknown[], prefix: string) {
  for (const [i, value] of values.entries()) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('chunks', 'readwrite');
      tx.objectStore('chunks').put(value, `${prefix}${i}`);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
}

/** Time spent encoding this worker's chunks (inside storeDataset), summed. */
let encodeMs = 0;

/** The chunks of a generator, with the time spent making each added to `encodeMs`. */
function* timed<T>(chunks: Iterable<T>): Generator<T> {
  const it = chunks[Symbol.iterator]();
  for (;;) {
    const a = performance.now();
    const next = it.next();
    encodeMs += performance.now() - a;
    if (next.done) return;
    yield next.value;
  }
}

const api = {
  /** Answers once the worker's modules are loaded (to time the worker's start apart). */
  ping: () => performance.now(),

  async typedAndStored(file: File) {
    const t0 = performance.now();
    const source = await readFileSource(file, file.name, {}, startPartReader);
    const t1 = performance.now();
    const typed: TypedValues[] = [];
    const report = await profileSource(source, {}, new ColumnMemo(), typed);
    const t2 = performance.now();

    const db = getDb();
    encodeMs = 0;
    const columns = storedColumns(report.columns);
    const later = source.later;
    const parts = sourceChunks(source, columns, typed);
    // When the last chunk (of either writer) and the part worker's last were stored, to tell
    // the writing from the commit after it.
    let lastWritten = t2;
    let otherWritten = t2;
    const alongside = parts.alongside;
    const meta = await storeDataset(
      db,
      {
        name: file.name,
        columns,
        totalRows: report.rows,
        ...parts,
        ...(alongside
          ? {
              alongside: {
                ...alongside,
                write: async (...args: Parameters<typeof alongside.write>) => {
                  const written = await alongside.write(...args);
                  otherWritten = performance.now();
                  return written;
                },
              },
            }
          : {}),
        chunks: (first) => timed(parts.chunks(first)),
        source: { fileName: file.name, bytes: file.size },
      },
      (p) => {
        if (p.rows > 0) lastWritten = performance.now();
      },
    );
    const t3 = performance.now();
    later?.reader.close();

    // The stored chunks' bytes, read back (not timed), for the raw puts of the same bytes.
    const owner = chunkOwner(meta);
    const records = await db.chunks
      .where('[datasetId+index]')
      .between([owner, 0], [owner, meta.chunkCount], true, false)
      .toArray();
    await deleteDataset(db, meta.id);
    const buffers = await Promise.all(
      records.map(async (r) => (await restoreChunkBytes(r)).slice().buffer),
    );
    const raw = await openRaw();
    const r0 = performance.now();
    await putEach(raw, buffers, 'buffer-');
    const r1 = performance.now();
    // Making a Blob of bytes in memory hands them to the browser: part of storing them as one.
    await putEach(
      raw,
      buffers.map((b) => new Blob([b])),
      'blob-',
    );
    const r2 = performance.now();
    raw.close();
    indexedDB.deleteDatabase(RAW_DB);

    return {
      /** readFileSource: read, decode, split, parse both parts (rows of text cells). */
      readMs: t1 - t0,
      /** profileSource with typed values: inference, counting, conversion, both parts. */
      profileMs: t2 - t1,
      /** File → typed columns in the workers: the two above. */
      typedMs: t2 - t0,
      /** Encoding + IndexedDB writes + the strict commit (storeDataset), both workers. */
      storeMs: t3 - t2,
      /** Of which encoding this worker's chunks (the first part's, or all of a small file). */
      ownEncodeMs: encodeMs,
      /** From the start of storing until the last chunk was stored, and the part worker's last. */
      lastWrittenMs: lastWritten - t2,
      otherWrittenMs: otherWritten - t2,
      /** The strict-durability commit after every chunk was stored. */
      commitMs: t3 - Math.max(lastWritten, otherWritten),
      /** File → committed dataset, with no preview before it. */
      totalMs: t3 - t0,
      split: later !== null,
      rows: sourceRows(source),
      chunks: meta.chunkCount,
      storedBytes: meta.storedBytes ?? 0,
      /** Raw puts of the stored chunks' bytes, one record and transaction each. */
      rawPutBuffersMs: r1 - r0,
      rawPutBlobsMs: r2 - r1,
      rawRecords: buffers.length,
      rawBytes: buffers.reduce((s, b) => s + b.byteLength, 0),
      types: report.columns.map((c) => `${c.name}: ${c.format.type}`),
    };
  },
};

export type TypedApi = typeof api;
expose(api);
