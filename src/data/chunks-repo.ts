import type { ChunkRecord, CxTraceDb } from './db.ts';
import { restoreChunkBytes, storedChunkBytes } from './chunk-record.ts';
import type { EncodedChunk } from '../core/ingest/typed-chunks.ts';
import { chunkOwner, type DatasetMeta } from '../core/storage/dataset-meta.ts';
import { chunkColumnOrNulls, chunkRowCount, readChunkTable } from '../core/storage/column-chunk.ts';
import {
  ColumnGatherer,
  lazyChunkColumns,
  type GatheredColumn,
} from '../core/storage/chunk-columns.ts';

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
  await db.chunks.put({
    datasetId,
    index,
    rows: chunkRowCount(bytes),
    bytes: storedChunkBytes(bytes),
  });
}

/** The Arrow bytes of a stored dataset's chunk `index`. */
export async function readChunkBytes(
  db: CxTraceDb,
  meta: DatasetMeta,
  index: number,
): Promise<Uint8Array> {
  const chunk = await db.chunks.get([chunkOwner(meta), index]);
  if (!chunk) throw new Error(`Dataset ${meta.id} is missing chunk ${index}`);
  return restoreChunkBytes(chunk);
}

/** What `writeChunks` wrote. */
export interface ChunksWritten {
  chunks: number;
  rows: number;
  bytes: number;
}

/**
 * Writes chunks under `owner` as they are encoded, with one write in flight while the next chunk
 * is encoded (the database writes on its own thread, so the two overlap instead of taking
 * turns); `onWritten` hears of each chunk once it is stored.
 */
export async function writeChunks(
  db: CxTraceDb,
  owner: string,
  chunks: Iterable<EncodedChunk>,
  onWritten: (written: ChunksWritten) => void = () => undefined,
): Promise<ChunksWritten> {
  const done: ChunksWritten = { chunks: 0, rows: 0, bytes: 0 };
  let writing: Promise<void> | null = null;
  try {
    for (const chunk of chunks) {
      if (writing) await writing;
      writing = writeChunk(db, owner, chunk.index, chunk.bytes).then(() => {
        done.chunks++;
        done.rows += chunk.rows;
        done.bytes += chunk.bytes.byteLength;
        onWritten({ ...done });
      });
      // Handled when awaited; marked now so a failure during the next encode is not reported
      // as unhandled.
      writing.catch(() => undefined);
    }
    if (writing) await writing;
  } finally {
    // On a failure, let a write still in flight settle, so the caller's clean-up sees its chunk.
    await writing?.catch(() => undefined);
  }
  return done;
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
    const values = chunkColumnOrNulls(await readChunkBytes(db, meta, i), column);
    done += values.length;
    onChunk(values, done);
  }
}

/**
 * Every column of a dataset (or the columns named in `only`, in that order), read whole (for
 * work that needs all rows at once, like a join):
 * all chunk records in one query, each chunk's Arrow stream decoded once. A number or date
 * column without blanks comes back as one typed array (no value is boxed); other columns as
 * arrays with null for blanks; dates as epoch milliseconds.
 */
export async function readAllColumns(
  db: CxTraceDb,
  meta: DatasetMeta,
  only?: readonly string[],
): Promise<ArrayLike<unknown>[]> {
  const records = await chunkRecords(db, meta);
  const total = records.reduce((n, r) => n + r.rows, 0);
  const gatherer = new ColumnGatherer(gatheredColumns(meta, only), total);
  for (const [record, bytes] of readAhead(records)) {
    gatherer.add(readChunkTable(await bytes), record.rows);
  }
  return gatherer.finish();
}

/**
 * A dataset's columns (or those named in `only`) by name, as `readAllColumns` gives them, each
 * decoded the first time it is read (see `lazyChunkColumns`): every chunk's bytes are read now.
 */
export async function readColumnsLazily(
  db: CxTraceDb,
  meta: DatasetMeta,
  only?: readonly string[],
): Promise<Record<string, ArrayLike<unknown>>> {
  const records = await chunkRecords(db, meta);
  const chunks = await Promise.all(
    records.map(async (r) => ({ rows: r.rows, bytes: await restoreChunkBytes(r) })),
  );
  return lazyChunkColumns(chunks, gatheredColumns(meta, only));
}

/** Every chunk record of a dataset, in one query, checked complete. */
async function chunkRecords(db: CxTraceDb, meta: DatasetMeta): Promise<ChunkRecord[]> {
  const owner = chunkOwner(meta);
  const records = await db.chunks
    .where('[datasetId+index]')
    .between([owner, 0], [owner, meta.chunkCount], true, false)
    .toArray();
  if (records.length !== meta.chunkCount) {
    throw new Error(`Dataset ${meta.id} has ${records.length} of ${meta.chunkCount} chunks`);
  }
  return records;
}

/** The columns to read: `only` (a name the dataset lacks reads as blank text), else all. */
const gatheredColumns = (meta: DatasetMeta, only?: readonly string[]): GatheredColumn[] =>
  only
    ? only.map(
        (n) => meta.columns.find((c) => c.name === n) ?? { name: n, type: 'string' as const },
      )
    : meta.columns;

/**
 * Each record with its bytes being read, the next chunk's read started before this one is
 * handed on: the browser reads it while the caller decodes.
 */
function* readAhead(
  records: readonly ChunkRecord[],
): Generator<[ChunkRecord, Promise<Uint8Array>]> {
  let next = records[0] ? restoreChunkBytes(records[0]) : null;
  for (let i = 0; i < records.length; i++) {
    const bytes = next!;
    next = records[i + 1] ? restoreChunkBytes(records[i + 1]!) : null;
    // A read that fails while an earlier chunk is decoded is reported when awaited.
    next?.catch(() => undefined);
    yield [records[i]!, bytes];
  }
}
