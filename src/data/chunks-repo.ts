import type { CxTraceDb } from './db.ts';
import { chunkOwner, type DatasetMeta } from '../core/storage/dataset-meta.ts';
import {
  chunkColumnOrNulls,
  chunkRowCount,
  decodeChunkColumns,
  type DecodedColumn,
} from '../core/storage/column-chunk.ts';

// Kept apart from datasets-repo.ts so that the main thread, which only lists datasets,
// does not load the Arrow codec: chunks are written and read in workers.

/**
 * Stores one chunk under `owner` (a dataset's `chunkOwner`); it is not part of the dataset
 * until `commitDataset`.
 */
export async function writeChunk(
  db: CxTraceDb,
  datasetId: string,
  index: number,
  bytes: Uint8Array,
): Promise<void> {
  await db.chunks.put({ datasetId, index, rows: chunkRowCount(bytes), bytes });
}

/**
 * Reads one column chunk by chunk, in row order, handing each chunk's values to `onChunk`
 * (so a column of millions of rows never has to be held at once).
 */
export async function scanColumn(
  db: CxTraceDb,
  meta: DatasetMeta,
  column: string,
  onChunk: (values: ArrayLike<unknown>, rowsDone: number) => void,
): Promise<void> {
  let done = 0;
  for (let i = 0; i < meta.chunkCount; i++) {
    const chunk = await db.chunks.get([chunkOwner(meta), i]);
    if (!chunk) throw new Error(`Dataset ${meta.id} is missing chunk ${i}`);
    const values = chunkColumnOrNulls(chunk.bytes, column);
    done += values.length;
    onChunk(values, done);
  }
}

/**
 * Every column of a dataset, read whole (for work that needs all rows at once, like a join):
 * all chunk records in one query, each chunk's Arrow stream decoded once. A number or date
 * column without blanks comes back as one typed array (no value is boxed); other columns as
 * arrays with null for blanks; dates as epoch milliseconds.
 */
export async function readAllColumns(
  db: CxTraceDb,
  meta: DatasetMeta,
): Promise<ArrayLike<unknown>[]> {
  const owner = chunkOwner(meta);
  const records = await db.chunks
    .where('[datasetId+index]')
    .between([owner, 0], [owner, meta.chunkCount], true, false)
    .toArray();
  if (records.length !== meta.chunkCount) {
    throw new Error(`Dataset ${meta.id} has ${records.length} of ${meta.chunkCount} chunks`);
  }
  const names = meta.columns.map((c) => c.name);
  const parts = names.map((): DecodedColumn[] => []);
  for (const record of records) {
    decodeChunkColumns(record.bytes, names).forEach((values, k) => parts[k]!.push(values));
  }
  return parts.map(concatColumn);
}

/** One column from its chunks' values: a typed array when every part is one, else an array. */
function concatColumn(parts: readonly DecodedColumn[]): ArrayLike<unknown> {
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (parts.length === 1) return parts[0]!;
  if (parts.every((p) => p instanceof Float64Array || p instanceof Int32Array)) {
    const out = parts.every((p) => p instanceof Int32Array)
      ? new Int32Array(total)
      : new Float64Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p as Float64Array, at);
      at += p.length;
    }
    return out;
  }
  const out = new Array<unknown>(total);
  let at = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) out[at++] = p[i];
  return out;
}
