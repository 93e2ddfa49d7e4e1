/// <reference lib="webworker" />
import { expose } from 'comlink';
import { tableFromIPC, Type } from '@uwdata/flechette';
import { getDb } from '../../src/data/db.ts';
import { getDataset } from '../../src/data/datasets-repo.ts';
import { readAllColumns } from '../../src/data/chunks-repo.ts';
import { chunkOwner } from '../../src/core/storage/dataset-meta.ts';

/** Arrow type ids (flechette's `Type`) of the types the app stores. */
const ARROW_TYPE_NAMES: Record<number, string> = {
  [Type.Int]: 'int',
  [Type.Float]: 'float64',
  [Type.Utf8]: 'utf8',
  [Type.Bool]: 'bool',
  [Type.Timestamp]: 'timestamp',
  [Type.Dictionary]: 'dictionary<utf8>',
};

// Loading a stored dataset into a fresh worker, as the analysis worker would: every chunk read
// from IndexedDB and every column decoded to values.

const api = {
  /** Answers once the worker's modules are loaded (to time the worker's start apart). */
  ping: () => performance.now(),

  async reload(datasetId: string) {
    const db = getDb();
    const t0 = performance.now();
    const meta = await getDataset(db, datasetId);
    if (!meta) throw new Error(`Dataset ${datasetId} is not stored`);
    const owner = chunkOwner(meta);
    const names = meta.columns.map((c) => c.name);
    const tMeta = performance.now();

    // A: chunk by chunk (one get each, as scanColumn and readAllColumns do), each chunk's Arrow
    // IPC parsed once and every column decoded with toArray(); the values are kept, as a loaded
    // dataset would be.
    let readMs = 0;
    let decodeMs = 0;
    let bytes = 0;
    let rows = 0;
    const kept: ArrayLike<unknown>[][] = names.map(() => []);
    const columnMs = names.map(() => 0);
    for (let i = 0; i < meta.chunkCount; i++) {
      const a = performance.now();
      const chunk = await db.chunks.get([owner, i]);
      const b = performance.now();
      if (!chunk) throw new Error(`Chunk ${i} is missing`);
      const table = tableFromIPC(chunk.bytes, { useDate: true });
      names.forEach((n, k) => {
        const s = performance.now();
        const col = table.getChild(n);
        if (!col) throw new Error(`Column ${n} is missing from chunk ${i}`);
        kept[k]!.push(col.toArray());
        columnMs[k]! += performance.now() - s;
      });
      const c = performance.now();
      readMs += b - a;
      decodeMs += c - b;
      bytes += chunk.bytes.byteLength;
      rows += table.numRows;
    }
    const tA = performance.now();
    const first = await db.chunks.get([owner, 0]);
    const firstTable = first ? tableFromIPC(first.bytes) : null;
    const arrowTypes = names.map((n) => {
      const t = firstTable?.schema.fields.find((f) => f.name === n)?.type;
      if (!t) return '?';
      if (t.typeId === Type.Int) return `int${t.bitWidth}`;
      return ARROW_TYPE_NAMES[t.typeId] ?? `type ${t.typeId}`;
    });

    // B: the app's own helper for all rows at once (used by the join): decodes per column and
    // copies every value into one plain array per column.
    const all = await readAllColumns(db, meta);
    const tB = performance.now();

    // C: all chunk records in one IndexedDB query, not decoded (what a bulk read would cost).
    const records = await db.chunks.where('datasetId').equals(owner).toArray();
    const tC = performance.now();

    return {
      metaMs: tMeta - t0,
      chunkByChunk: { totalMs: tA - t0, readMs, decodeMs },
      /** Decoding time per column, with its stored Arrow type in the first chunk. */
      columnDecode: names.map((name, k) => ({ name, ms: columnMs[k]!, arrowType: arrowTypes[k]! })),
      readAllColumnsMs: tB - tA,
      bulkReadMs: tC - tB,
      chunks: meta.chunkCount,
      rows,
      bytes,
      columns: names.length,
      readAllRows: all[0]?.length ?? 0,
      bulkRecords: records.length,
      keptColumns: kept.length,
    };
  },
};

export type ReloadApi = typeof api;
expose(api);
