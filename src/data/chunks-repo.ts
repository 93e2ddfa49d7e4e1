import type { CxTraceDb } from './db.ts';
import { chunkOwner, type DatasetMeta } from '../core/storage/dataset-meta.ts';
import { chunkColumnOrNulls, chunkRowCount } from '../core/storage/column-chunk.ts';

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

/** Every column of a dataset, read whole (for work that needs all rows at once, like a join). */
export async function readAllColumns(db: CxTraceDb, meta: DatasetMeta): Promise<unknown[][]> {
  const out: unknown[][] = meta.columns.map(() => []);
  for (let i = 0; i < meta.chunkCount; i++) {
    const chunk = await db.chunks.get([chunkOwner(meta), i]);
    if (!chunk) throw new Error(`Dataset ${meta.id} is missing chunk ${i}`);
    meta.columns.forEach((c, k) => {
      const values = chunkColumnOrNulls(chunk.bytes, c.name);
      const target = out[k]!;
      for (let r = 0; r < values.length; r++) target.push(values[r]);
    });
  }
  return out;
}
