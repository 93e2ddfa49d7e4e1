/// <reference lib="webworker" />
import { expose } from 'comlink';
import { tableFromIPC, Type } from '@uwdata/flechette';
import { getDb } from '../../src/data/db.ts';
import { getDataset } from '../../src/data/datasets-repo.ts';
import { readAllColumns } from '../../src/data/chunks-repo.ts';
import { restoreChunkBytes } from '../../src/data/chunk-record.ts';
import { decodeChunkColumns } from '../../src/core/storage/column-chunk.ts';
import { chunkOwner } from '../../src/core/storage/dataset-meta.ts';

/** Arrow type ids (flechette's `Type`) of the types the app stores. */
const ARROW_TYPE_NAMES: Record<number, string> = {
  [Type.Int]: 'int',
  [Type.Float]: 'float64',
  [Type.Utf8]: 'utf8',
  [Type.Bool]: 'bool',
  [Type.Timestamp]: 'timestamp',
  [Type.Date]: 'date32',
  [Type.Dictionary]: 'dictionary<utf8>',
};

// Loading a stored dataset into a fresh worker, as the analysis worker does: the app's own
// `readAllColumns` (every chunk read from IndexedDB, every column decoded to values, one array
// per column), then the same work split into its parts.

const api = {
  /** Answers once the worker's modules are loaded (to time the worker's start apart). */
  ping: () => performance.now(),

  async reload(datasetId: string) {
    const db = getDb();
    // The measured reload: metadata, then every row of every column, as the app reads them.
    const t0 = performance.now();
    const meta = await getDataset(db, datasetId);
    if (!meta) throw new Error(`Dataset ${datasetId} is not stored`);
    const all = await readAllColumns(db, meta);
    const t1 = performance.now();

    // Its parts, measured again: the one IndexedDB query of all chunk records and reading their
    // bytes, then decoding.
    const owner = chunkOwner(meta);
    const names = meta.columns.map((c) => c.name);
    const stored = await db.chunks
      .where('[datasetId+index]')
      .between([owner, 0], [owner, meta.chunkCount], true, false)
      .toArray();
    const records = await Promise.all(
      stored.map(async (r) => ({ rows: r.rows, bytes: await restoreChunkBytes(r) })),
    );
    const t2 = performance.now();
    const columnMs = names.map(() => 0);
    let rows = 0;
    let bytes = 0;
    for (const record of records) {
      names.forEach((n, k) => {
        const s = performance.now();
        decodeChunkColumns(record.bytes, [n]);
        columnMs[k]! += performance.now() - s;
      });
      rows += record.rows;
      bytes += record.bytes.byteLength;
    }
    const first = records[0] ? tableFromIPC(records[0].bytes) : null;
    const arrowTypes = names.map((n) => {
      const t = first?.schema.fields.find((f) => f.name === n)?.type;
      if (!t) return '?';
      if (t.typeId === Type.Int) return `int${t.bitWidth}`;
      return ARROW_TYPE_NAMES[t.typeId] ?? `type ${t.typeId}`;
    });

    return {
      /** The app's readAllColumns, from opening the metadata: the reload. */
      totalMs: t1 - t0,
      /** One query of all chunk records and reading their bytes, not decoded. */
      readMs: t2 - t1,
      /** Decoding each column of each chunk on its own (sum). */
      decodeMs: columnMs.reduce((a, b) => a + b, 0),
      /** Decoding time per column, with its stored Arrow type in the first chunk. */
      columnDecode: names.map((name, k) => ({ name, ms: columnMs[k]!, arrowType: arrowTypes[k]! })),
      chunks: meta.chunkCount,
      rows,
      bytes,
      columns: names.length,
      readAllRows: all[0]?.length ?? 0,
    };
  },
};

export type ReloadApi = typeof api;
expose(api);
