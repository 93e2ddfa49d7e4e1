/// <reference lib="webworker" />
import { expose } from 'comlink';
import { tableFromIPC, Type } from '@uwdata/flechette';
import { getDb } from '../../src/data/db.ts';
import { getDataset } from '../../src/data/datasets-repo.ts';
import { readAllColumns } from '../../src/data/chunks-repo.ts';
import { loadStoredDataset } from '../../src/data/model-datasets.ts';
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

// Loading a stored dataset into a fresh worker, as the analysis workers do: the app's own
// `loadStoredDataset` (every chunk read from IndexedDB; each column decoded to values, one array
// per column, when first read), then every column read once, then the same work split into its
// parts.

const api = {
  /** Answers once the worker's modules are loaded (to time the worker's start apart). */
  ping: () => performance.now(),

  async reload(datasetId: string) {
    const db = getDb();
    // The measured reload: metadata, then the dataset as the app loads it for an analysis.
    const t0 = performance.now();
    const meta = await getDataset(db, datasetId);
    if (!meta) throw new Error(`Dataset ${datasetId} is not stored`);
    const loaded = await loadStoredDataset(db, meta);
    const tLoaded = performance.now();
    // Then the first read of every column: what an analysis using all of them pays on top.
    const all = meta.columns.map((c) => loaded.columns[c.name]!);
    const t1 = performance.now();
    // The same dataset read whole at once, every column decoded (`readAllColumns`, as a join
    // reads it), now that its chunks have been read once.
    await readAllColumns(db, meta);
    const tEager = performance.now();

    // Its parts, measured again: the one IndexedDB query of all chunk records and reading their
    // bytes, then decoding.
    const tParts = performance.now();
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
      /** The app's loadStoredDataset, from opening the metadata: the reload. */
      totalMs: tLoaded - t0,
      /** The first read of every column of the loaded dataset, after the reload. */
      firstUseMs: t1 - tLoaded,
      /** `readAllColumns` of every column, after the above (chunks read once before). */
      eagerMs: tEager - t1,
      /** One query of all chunk records and reading their bytes, not decoded. */
      readMs: t2 - tParts,
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
