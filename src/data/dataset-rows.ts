import type { CxTraceDb } from './db.ts';
import { chunkOwner, type DatasetMeta } from '../core/storage/dataset-meta.ts';
import { decodeChunkColumns } from '../core/storage/column-chunk.ts';
import { chunkByteLength } from './chunk-record.ts';
import { readChunkBytes } from './chunks-repo.ts';

// Reading a stored dataset's rows chunk by chunk, in the analysis worker (this module loads the
// Arrow codec, so the main thread never imports it).

/** Where each chunk of a dataset starts, and how much storage its chunks take. */
export interface ChunkIndex {
  owner: string;
  chunkCount: number;
  rowCount: number;
  /** Rows of each chunk, in order. */
  rows: number[];
  /** Sum of the chunks' byte lengths. */
  bytes: number;
}

const INDEX_KEY = (id: string) => `chunk-index:${id}`;

function fits(index: unknown, meta: DatasetMeta): index is ChunkIndex {
  const i = index as Partial<ChunkIndex> | null;
  return (
    !!i &&
    i.owner === chunkOwner(meta) &&
    i.chunkCount === meta.chunkCount &&
    i.rowCount === meta.rowCount &&
    Array.isArray(i.rows) &&
    i.rows.length === meta.chunkCount &&
    typeof i.bytes === 'number'
  );
}

/**
 * The rows of each chunk of a dataset (chunks differ in size once rows have been appended) and
 * their total size. Worked out once by reading the chunk records, then kept in the results
 * cache, which every commit of the dataset clears.
 */
export async function chunkIndex(db: CxTraceDb, meta: DatasetMeta): Promise<ChunkIndex> {
  const cached = await db.results.get(INDEX_KEY(meta.id));
  if (cached && fits(cached.value, meta)) return cached.value;
  const owner = chunkOwner(meta);
  const rows: number[] = [];
  let bytes = 0;
  for (let i = 0; i < meta.chunkCount; i++) {
    const chunk = await db.chunks.get([owner, i]);
    if (!chunk) throw new Error(`Dataset ${meta.id} is missing chunk ${i}`);
    rows.push(chunk.rows);
    bytes += chunkByteLength(chunk);
  }
  const index: ChunkIndex = {
    owner,
    chunkCount: meta.chunkCount,
    rowCount: meta.rowCount,
    rows,
    bytes,
  };
  // Only a cache: when the dataset changed meanwhile, `fits` rejects this entry next time.
  await db.results
    .put({ key: INDEX_KEY(meta.id), datasetId: meta.id, createdAt: Date.now(), value: index })
    .catch(() => undefined);
  return index;
}

/** The values of every column of one chunk, in the order of `meta.columns`. */
export async function readChunkColumns(
  db: CxTraceDb,
  meta: DatasetMeta,
  index: number,
): Promise<ArrayLike<unknown>[]> {
  // One read of the chunk's Arrow stream for all its columns.
  return decodeChunkColumns(
    await readChunkBytes(db, meta, index),
    meta.columns.map((c) => c.name),
  );
}

/**
 * Reads a dataset chunk by chunk, in row order, handing each chunk's column values (in the order
 * of `meta.columns`) to `onChunk`, so that only one chunk is held at a time.
 */
export async function scanChunks(
  db: CxTraceDb,
  meta: DatasetMeta,
  onChunk: (values: ArrayLike<unknown>[], rowsDone: number) => void | Promise<void>,
): Promise<void> {
  let done = 0;
  for (let i = 0; i < meta.chunkCount; i++) {
    const values = await readChunkColumns(db, meta, i);
    done += values[0]?.length ?? 0;
    await onChunk(values, done);
  }
}

/** The first chunk holding row `row`, and the row's position in it, by the chunk sizes. */
export function locateRow(rows: readonly number[], row: number): { chunk: number; at: number } {
  let start = 0;
  for (let i = 0; i < rows.length; i++) {
    const n = rows[i]!;
    if (row < start + n) return { chunk: i, at: row - start };
    start += n;
  }
  return { chunk: rows.length, at: 0 };
}

/**
 * Recently decoded chunks, so that scrolling through a dataset decodes each chunk once. Keyed
 * by the chunks' owner, which changes when a dataset's rows are replaced.
 */
export class ChunkCache {
  readonly #entries = new Map<string, Promise<ArrayLike<unknown>[]>>();

  constructor(private readonly size = 3) {}

  /** One chunk's columns, decoded now or taken from the cache. */
  get(db: CxTraceDb, meta: DatasetMeta, index: number): Promise<ArrayLike<unknown>[]> {
    const key = `${chunkOwner(meta)}\u0000${index}\u0000${meta.columns.map((c) => c.name).join('\u0001')}`;
    let entry = this.#entries.get(key);
    if (entry) {
      // Most recently used last.
      this.#entries.delete(key);
    } else {
      entry = readChunkColumns(db, meta, index);
      entry.catch(() => this.#entries.delete(key));
    }
    this.#entries.set(key, entry);
    while (this.#entries.size > this.size) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return entry;
  }
}

/**
 * Rows `offset`…`offset + limit` of a dataset (fewer at its end), each as its values in the
 * order of `meta.columns`. Only the chunks that hold them are read.
 */
export async function readRows(
  db: CxTraceDb,
  meta: DatasetMeta,
  offset: number,
  limit: number,
  cache = new ChunkCache(),
): Promise<unknown[][]> {
  const index = await chunkIndex(db, meta);
  const end = Math.min(meta.rowCount, Math.max(0, offset) + Math.max(0, limit));
  const out: unknown[][] = [];
  let row = Math.max(0, offset);
  let { chunk, at } = locateRow(index.rows, row);
  while (row < end && chunk < index.rows.length) {
    const columns = await cache.get(db, meta, chunk);
    const n = Math.min(index.rows[chunk]! - at, end - row);
    for (let r = at; r < at + n; r++) out.push(columns.map((values) => values[r] ?? null));
    row += n;
    chunk++;
    at = 0;
  }
  return out;
}

/**
 * The dataset's stored size: `storedBytes` when the import recorded it, otherwise the sum of its
 * chunks' byte lengths.
 */
export async function datasetStoredBytes(db: CxTraceDb, meta: DatasetMeta): Promise<number> {
  return meta.storedBytes ?? (await chunkIndex(db, meta)).bytes;
}
