/**
 * The sealed envelope of a share (see `docs/share-format.md`): a versioned header, then the
 * gzip-compressed payload encrypted with AES-256-GCM, the header authenticated as additional
 * data. The key is random (it travels in the link's fragment, never to a server) or derived from
 * a passphrase with PBKDF2-SHA256 (its salt and iteration count in the header; the key is then in
 * no link). Any changed, cut or reordered byte fails to open: a share opens whole or not at all.
 */

import { aesKey, own, passphraseKey } from '../crypto/aes-keys.ts';

/** The first four bytes of every share: "CXSH". */
export const SHARE_MAGIC = [0x43, 0x58, 0x53, 0x48] as const;
/** The envelope's format version. */
export const SHARE_VERSION = 1;
/** The header's length in bytes (see the format document). */
export const HEADER_BYTES = 42;
/** The AES-GCM authentication tag's length in bytes. */
const TAG_BYTES = 16;
/** PBKDF2-SHA256 iterations of a passphrase share (OWASP's 2023 figure for SHA-256). */
export const PASSPHRASE_ITERATIONS = 600_000;
/** Fewer iterations are refused when opening (a forged header must not weaken the key). */
const MIN_ITERATIONS = 600_000;
/** More iterations are refused too (a forged header must not hang the browser). */
const MAX_ITERATIONS = 10_000_000;

/** How a share's key is found. */
export type ShareSecret =
  { kind: 'key'; key: Uint8Array } | { kind: 'passphrase'; passphrase: string };

/** Why a share does not open; each has its own message. */
export type ShareErrorCode =
  | 'not-a-share'
  | 'newer-version'
  | 'truncated'
  | 'needs-passphrase'
  | 'needs-key'
  | 'wrong-secret'
  | 'damaged';

/** A share that does not open, and why. */
export class ShareError extends Error {
  constructor(readonly code: ShareErrorCode) {
    super(`The share does not open: ${code}`);
    this.name = 'ShareError';
  }
}

/** What the header says. */
export interface ShareHeader {
  version: number;
  passphrase: boolean;
  iterations: number;
  salt: Uint8Array;
  iv: Uint8Array;
  /** The ciphertext's length with its tag, as sealed. */
  length: number;
}

const subtle = () => globalThis.crypto.subtle;

async function through(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const piped = new Blob([own(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** gzip (RFC 1952) of `bytes`. */
export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new CompressionStream('gzip'));
}

/** `bytes` un-gzipped. */
export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new DecompressionStream('gzip'));
}

function writeHeader(h: Omit<ShareHeader, 'version'>): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES);
  const view = new DataView(out.buffer);
  out.set(SHARE_MAGIC, 0);
  out[4] = SHARE_VERSION;
  out[5] = h.passphrase ? 1 : 0;
  view.setUint32(6, h.iterations);
  out.set(h.salt, 10);
  out.set(h.iv, 26);
  view.setUint32(38, h.length);
  return out;
}

/** The header of a share's bytes; throws `ShareError` when they are not a share it can read. */
export function readShareHeader(bytes: Uint8Array): ShareHeader {
  if (bytes.length < 5 || SHARE_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ShareError(bytes.length < 5 && bytes.length > 0 ? 'truncated' : 'not-a-share');
  }
  if (bytes[4]! > SHARE_VERSION) throw new ShareError('newer-version');
  if (bytes[4] !== SHARE_VERSION) throw new ShareError('damaged');
  if (bytes.length < HEADER_BYTES) throw new ShareError('truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = bytes[5]!;
  if (kind > 1) throw new ShareError('damaged');
  return {
    version: bytes[4]!,
    passphrase: kind === 1,
    iterations: view.getUint32(6),
    salt: bytes.slice(10, 26),
    iv: bytes.slice(26, 38),
    length: view.getUint32(38),
  };
}

/** A sealed share: its bytes, and the random key when it has one (for the link's fragment). */
export interface Sealed {
  bytes: Uint8Array;
  key: Uint8Array | null;
}

/**
 * Seals `payload` (already serialised): compressed, then encrypted under a fresh random key, or
 * under a passphrase's key (`iterations` only lowers the cost in tests of the format itself).
 */
export async function sealShare(
  payload: Uint8Array,
  secret: { kind: 'random' } | { kind: 'passphrase'; passphrase: string; iterations?: number },
): Promise<Sealed> {
  const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
  const iv = random(12);
  const passphrase = secret.kind === 'passphrase';
  const salt = passphrase ? random(16) : new Uint8Array(16);
  const iterations = passphrase ? (secret.iterations ?? PASSPHRASE_ITERATIONS) : 0;
  const raw = passphrase ? null : random(32);
  const key =
    secret.kind === 'passphrase'
      ? await passphraseKey(secret.passphrase, salt, iterations)
      : await aesKey(raw!);
  const compressed = await gzip(payload);
  const length = compressed.length + TAG_BYTES;
  const header = writeHeader({ passphrase, iterations, salt, iv, length });
  const cipher = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: own(iv), additionalData: own(header), tagLength: 128 },
      key,
      own(compressed),
    ),
  );
  const bytes = new Uint8Array(HEADER_BYTES + cipher.length);
  bytes.set(header, 0);
  bytes.set(cipher, HEADER_BYTES);
  return { bytes, key: raw };
}

/**
 * Opens a share's bytes with its key or passphrase: the payload as serialised. Throws
 * `ShareError`: not a share, a newer format, cut short, the wrong kind of secret, the wrong
 * secret (or changed bytes — authenticated encryption cannot tell them apart).
 */
export async function openShare(
  bytes: Uint8Array,
  secret: ShareSecret | null,
  options: { minIterations?: number } = {},
): Promise<Uint8Array> {
  const header = readShareHeader(bytes);
  const cipher = bytes.subarray(HEADER_BYTES);
  if (cipher.length < header.length) throw new ShareError('truncated');
  if (cipher.length > header.length) throw new ShareError('damaged');
  if (header.passphrase && secret?.kind !== 'passphrase') throw new ShareError('needs-passphrase');
  if (!header.passphrase && secret?.kind !== 'key') throw new ShareError('needs-key');
  const given = secret as ShareSecret;
  let key: CryptoKey;
  if (given.kind === 'passphrase') {
    const min = options.minIterations ?? MIN_ITERATIONS;
    if (header.iterations < min || header.iterations > MAX_ITERATIONS) {
      throw new ShareError('damaged');
    }
    key = await passphraseKey(given.passphrase, header.salt, header.iterations);
  } else {
    if (given.key.length !== 32) throw new ShareError('wrong-secret');
    key = await aesKey(given.key);
  }
  let compressed: Uint8Array;
  try {
    compressed = new Uint8Array(
      await subtle().decrypt(
        {
          name: 'AES-GCM',
          iv: own(header.iv),
          additionalData: own(bytes.subarray(0, HEADER_BYTES)),
          tagLength: 128,
        },
        key,
        own(cipher),
      ),
    );
  } catch {
    throw new ShareError('wrong-secret');
  }
  try {
    return await gunzip(compressed);
  } catch {
    throw new ShareError('damaged');
  }
}

/** `bytes` in base64url (RFC 4648 §5, no padding): the alphabet a URL fragment keeps as it is. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of base64url text; null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
