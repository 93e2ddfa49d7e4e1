import type { ChunkRecord, CxTraceDb } from './db.ts';
import { restoreChunkBytes, storedChunkBytes } from './chunk-record.ts';
import type { EncodedChunk } from '../core/ingest/typed-chunks.ts';
import { chunkOwner, type DatasetMeta } from '../core/storage/dataset-meta.ts';
import {
  chunkColumnOrNulls,
  chunkRowCount,
  decodeChunkInto,
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
  const owner = chunkOwner(meta);
  const records = await db.chunks
    .where('[datasetId+index]')
    .between([owner, 0], [owner, meta.chunkCount], true, false)
    .toArray();
  if (records.length !== meta.chunkCount) {
    throw new Error(`Dataset ${meta.id} has ${records.length} of ${meta.chunkCount} chunks`);
  }
  const columns = only
    ? only.map(
        (n) => meta.columns.find((c) => c.name === n) ?? { name: n, type: 'string' as const },
      )
    : meta.columns;
  const names = columns.map((c) => c.name);
  const total = records.reduce((n, r) => n + r.rows, 0);
  // Strings and booleans are decoded straight into one array per column; numbers and dates
  // come as typed arrays per chunk, joined after.
  const targets = columns.map((c) =>
    c.type === 'string' || c.type === 'boolean' ? new Array<unknown>(total) : null,
  );
  const parts = names.map((): DecodedColumn[] => []);
  let at = 0;
  for (const [record, bytes] of readAhead(records)) {
    decodeChunkInto(await bytes, names, targets, at).forEach((values, k) => {
      if (values) parts[k]!.push(values);
    });
    at += record.rows;
  }
  return names.map((_, k) => targets[k] ?? concatColumn(parts[k]!));
}

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

/** One column from its chunks' values: a typed array when every part is one, else an array. */
function concatColumn(parts: readonly DecodedColumn[]): ArrayLike<unknown> {
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (parts.length === 1) return parts[0]!;
  if (parts.every((p) => ArrayBuffer.isView(p))) {
    // Chunks may store a column in different widths (int8 in one, float64 in another).
    const kind = parts[0]!.constructor as Float64ArrayConstructor;
    const out = parts.every((p) => p.constructor === kind)
      ? new kind(total)
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
