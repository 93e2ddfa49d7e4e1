import type { ChunkRecord } from './db.ts';

// A stored chunk's bytes. Chunks are stored as Blobs: Chromium keeps a Blob of an IndexedDB
// value as a file beside its database, which it writes and reads back about twice as fast as an
// ArrayBuffer value of the same size, and a query answers with the Blobs' handles at once, so a
// reader can decode one chunk while the next is read. Chunks written before this hold their
// bytes as a Uint8Array; every reader goes through `restoreChunkBytes`.

/** The bytes of a chunk as they are stored. */
export function storedChunkBytes(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

/** A stored chunk's Arrow bytes, however it was stored. */
export async function restoreChunkBytes(record: Pick<ChunkRecord, 'bytes'>): Promise<Uint8Array> {
  const { bytes } = record;
  return bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes;
}

/** The size of a stored chunk's bytes, without reading them. */
export function chunkByteLength(record: Pick<ChunkRecord, 'bytes'>): number {
  const { bytes } = record;
  return bytes instanceof Blob ? bytes.size : bytes.byteLength;
}
