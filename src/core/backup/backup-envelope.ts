/**
 * The envelope of a backup file (see `docs/share-format.md`, "Backups"): a header, then the
 * backup's bytes in chunks, streamed, so a workspace of several GB never needs one buffer of its
 * size. Encrypted with a passphrase, each chunk is AES-256-GCM under a PBKDF2-SHA256 key with a
 * fresh IV, the header, the chunk's index and whether it is the last authenticated as additional
 * data, after a key check that tells a wrong passphrase apart from a changed file; without one,
 * each chunk carries a SHA-256 of the same. Either way a changed byte, a reordered or missing
 * chunk, or a file cut short fails to open.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { own, passphraseKey } from '../crypto/aes-keys.ts';

/** The first four bytes of a backup: "CXBK". */
export const BACKUP_MAGIC = [0x43, 0x58, 0x42, 0x4b] as const;
/**
 * The backup envelope's version. Version 2 adds a key check after the header of an encrypted
 * backup, so a wrong passphrase is told apart from a changed file; version 1 is still read.
 */
export const BACKUP_VERSION = 2;
/** The key check's length: a 12-byte IV and the 16-byte tag of AES-GCM over nothing. */
const KEY_CHECK_BYTES = 28;
/** The chunk index in the key check's additional data: no chunk has it. */
const KEY_CHECK_INDEX = 0xffffffff;
/** The header's length in bytes. */
export const BACKUP_HEADER_BYTES = 30;
/** Plaintext bytes per chunk. */
export const BACKUP_CHUNK_BYTES = 1 << 20;
/** PBKDF2-SHA256 iterations of a passphrase backup. */
export const BACKUP_ITERATIONS = 600_000;

/** Why a backup does not open. */
export type BackupErrorCode =
  | 'not-a-backup'
  | 'newer-version'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  | 'damaged'
  | 'truncated';

/** A backup that does not open, and why. */
export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode) {
    super(`The backup does not open: ${code}`);
    this.name = 'BackupError';
  }
}

/** How a backup is sealed: with a passphrase (`iterations` only lowers the cost in tests). */
export type BackupSecret = { passphrase: string; iterations?: number } | null;

const subtle = () => globalThis.crypto.subtle;

/** The additional data of chunk `index`: the header, the index and whether it is the last. */
function chunkData(header: Uint8Array, index: number, last: boolean): Uint8Array {
  const out = new Uint8Array(header.length + 5);
  out.set(header, 0);
  new DataView(out.buffer).setUint32(header.length, index);
  out[header.length + 4] = last ? 1 : 0;
  return out;
}

function writeHeader(
  encrypted: boolean,
  iterations: number,
  salt: Uint8Array,
  version: number,
): Uint8Array {
  const h = new Uint8Array(BACKUP_HEADER_BYTES);
  const view = new DataView(h.buffer);
  h.set(BACKUP_MAGIC, 0);
  h[4] = version;
  h[5] = encrypted ? 1 : 0;
  view.setUint32(6, iterations);
  h.set(salt, 10);
  view.setUint32(26, BACKUP_CHUNK_BYTES);
  return h;
}

/** The key check: AES-GCM of nothing under the key, the header as additional data. */
async function keyCheck(header: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ad = chunkData(header, KEY_CHECK_INDEX, false);
  const tag = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: own(ad) }, key, new Uint8Array()),
  );
  const out = new Uint8Array(KEY_CHECK_BYTES);
  out.set(iv, 0);
  out.set(tag, 12);
  return out;
}

/** Whether the key check verifies under `key`. */
async function keyChecks(header: Uint8Array, check: Uint8Array, key: CryptoKey): Promise<boolean> {
  const ad = chunkData(header, KEY_CHECK_INDEX, false);
  try {
    await subtle().decrypt(
      { name: 'AES-GCM', iv: own(check.subarray(0, 12)), additionalData: own(ad) },
      key,
      own(check.subarray(12)),
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * A stream that seals a backup's bytes: the header, with a passphrase the key check, then each
 * chunk as `u32 length`, `u8 last` and, encrypted, a 12-byte IV and the AES-GCM ciphertext with
 * its tag — or, plain, the bytes and their 32-byte SHA-256 (over the additional data and the
 * bytes). `version` 1 (no key check) is written only to test that old backups still open.
 */
export function sealBackup(
  secret: BackupSecret,
  version = BACKUP_VERSION,
): TransformStream<Uint8Array, Uint8Array> {
  const salt = secret ? globalThis.crypto.getRandomValues(new Uint8Array(16)) : new Uint8Array(16);
  const iterations = secret ? (secret.iterations ?? BACKUP_ITERATIONS) : 0;
  const header = writeHeader(secret !== null, iterations, salt, version);
  const key = secret ? passphraseKey(secret.passphrase, salt, iterations) : null;
  let pending: Uint8Array[] = [];
  let size = 0;
  let index = 0;
  let held: Uint8Array | null = null;

  const seal = async (bytes: Uint8Array, last: boolean): Promise<Uint8Array> => {
    const ad = chunkData(header, index++, last);
    let body: Uint8Array;
    if (key) {
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
      const cipher = new Uint8Array(
        await subtle().encrypt(
          { name: 'AES-GCM', iv, additionalData: own(ad) },
          await key,
          own(bytes),
        ),
      );
      body = new Uint8Array(12 + cipher.length);
      body.set(iv, 0);
      body.set(cipher, 12);
    } else {
      const digest = sha256.create().update(ad).update(bytes).digest();
      body = new Uint8Array(bytes.length + 32);
      body.set(bytes, 0);
      body.set(digest, bytes.length);
    }
    const out = new Uint8Array(5 + body.length);
    new DataView(out.buffer).setUint32(0, body.length);
    out[4] = last ? 1 : 0;
    out.set(body, 5);
    return out;
  };
  const take = (): Uint8Array => {
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of pending) {
      out.set(p, at);
      at += p.length;
    }
    pending = [];
    size = 0;
    return out;
  };

  return new TransformStream({
    async start(controller) {
      controller.enqueue(header);
      if (key && version >= 2) controller.enqueue(await keyCheck(header, await key));
    },
    async transform(bytes, controller) {
      pending.push(bytes);
      size += bytes.length;
      // A full chunk is held back one step: only the end of the stream says which is last.
      while (size >= BACKUP_CHUNK_BYTES) {
        const all = take();
        if (held) controller.enqueue(await seal(held, false));
        held = all.subarray(0, BACKUP_CHUNK_BYTES);
        if (all.length > BACKUP_CHUNK_BYTES) {
          pending = [all.subarray(BACKUP_CHUNK_BYTES)];
          size = all.length - BACKUP_CHUNK_BYTES;
        }
      }
    },
    async flush(controller) {
      const rest = take();
      if (held && rest.length === 0) {
        controller.enqueue(await seal(held, true));
        return;
      }
      if (held) controller.enqueue(await seal(held, false));
      controller.enqueue(await seal(rest, true));
    },
  });
}

/** Reads exact byte counts from a stream of arbitrary pieces. */
class ByteQueue {
  #pieces: Uint8Array[] = [];
  #size = 0;
  push(bytes: Uint8Array): void {
    this.#pieces.push(bytes);
    this.#size += bytes.length;
  }
  get size(): number {
    return this.#size;
  }
  /** The first `n` bytes, removed. */
  take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const p = this.#pieces[0]!;
      const k = Math.min(p.length, n - at);
      out.set(p.subarray(0, k), at);
      at += k;
      if (k === p.length) this.#pieces.shift();
      else this.#pieces[0] = p.subarray(k);
    }
    this.#size -= n;
    return out;
  }
  /** The first `n` bytes, left in place. */
  peek(n: number): Uint8Array {
    const out = this.take(n);
    this.#pieces.unshift(out);
    this.#size += n;
    return out;
  }
}

/**
 * A stream that opens a sealed backup's bytes (see `sealBackup`) into the bytes that were
 * sealed; it errors with `BackupError` as soon as anything does not hold, and at the end when
 * the last chunk never came.
 */
export function openBackup(
  passphrase: string | null,
  options: { minIterations?: number } = {},
): TransformStream<Uint8Array, Uint8Array> {
  const queue = new ByteQueue();
  let header: Uint8Array | null = null;
  let key: Promise<CryptoKey> | null = null;
  // Version 2 and encrypted: the key check comes before the chunks.
  let keyCheckDue = false;
  let index = 0;
  let ended = false;

  const readHeader = () => {
    const h = queue.take(BACKUP_HEADER_BYTES);
    if (BACKUP_MAGIC.some((b, i) => h[i] !== b)) throw new BackupError('not-a-backup');
    if (h[4]! > BACKUP_VERSION) throw new BackupError('newer-version');
    if (h[4]! < 1 || h[5]! > 1) throw new BackupError('damaged');
    const view = new DataView(h.buffer);
    if (h[5] === 1) {
      if (passphrase === null) throw new BackupError('needs-passphrase');
      const iterations = view.getUint32(6);
      if (iterations < (options.minIterations ?? BACKUP_ITERATIONS) || iterations > 10_000_000) {
        throw new BackupError('damaged');
      }
      key = passphraseKey(passphrase, h.subarray(10, 26), iterations);
      keyCheckDue = h[4]! >= 2;
    }
    header = h;
  };

  const openChunk = async (body: Uint8Array, last: boolean): Promise<Uint8Array> => {
    const ad = chunkData(header!, index++, last);
    if (key) {
      try {
        return new Uint8Array(
          await subtle().decrypt(
            { name: 'AES-GCM', iv: own(body.subarray(0, 12)), additionalData: own(ad) },
            await key,
            own(body.subarray(12)),
          ),
        );
      } catch {
        // With a key check the key was right: the file was changed. Without one (version 1),
        // the first chunk is the best guess of a wrong passphrase.
        const firstOfOld = header![4] === 1 && index === 1;
        throw new BackupError(firstOfOld ? 'wrong-passphrase' : 'damaged');
      }
    }
    if (body.length < 32) throw new BackupError('damaged');
    const bytes = body.subarray(0, body.length - 32);
    const digest = sha256.create().update(ad).update(bytes).digest();
    const stored = body.subarray(body.length - 32);
    if (digest.some((b, i) => b !== stored[i])) throw new BackupError('damaged');
    return bytes;
  };

  return new TransformStream({
    async transform(bytes, controller) {
      queue.push(bytes);
      if (!header) {
        if (queue.size < BACKUP_HEADER_BYTES) return;
        readHeader();
      }
      if (keyCheckDue) {
        if (queue.size < KEY_CHECK_BYTES) return;
        const check = queue.take(KEY_CHECK_BYTES);
        if (!(await keyChecks(header!, check, await key!))) {
          throw new BackupError('wrong-passphrase');
        }
        keyCheckDue = false;
      }
      while (queue.size >= 5) {
        if (ended) throw new BackupError('damaged');
        const head = queue.peek(5);
        const length = new DataView(head.buffer).getUint32(0);
        if (length > BACKUP_CHUNK_BYTES + 64) throw new BackupError('damaged');
        if (queue.size < 5 + length) return;
        queue.take(5);
        const last = head[4] === 1;
        controller.enqueue(await openChunk(queue.take(length), last));
        if (last) ended = true;
      }
    },
    flush() {
      if (!header) {
        const start = queue.take(Math.min(queue.size, BACKUP_MAGIC.length));
        const magic = start.length > 0 && start.every((b, i) => b === BACKUP_MAGIC[i]);
        throw new BackupError(magic ? 'truncated' : 'not-a-backup');
      }
      if (!ended || queue.size > 0) throw new BackupError(ended ? 'damaged' : 'truncated');
    },
  });
}
