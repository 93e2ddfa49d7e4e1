/**
 * The AES-256-GCM keys shares and backups are sealed with: a random key's bytes, or a
 * passphrase's key by PBKDF2-HMAC-SHA-256 (the passphrase in Unicode NFC, UTF-8).
 */

const subtle = () => globalThis.crypto.subtle;

/** An ArrayBuffer-backed copy (WebCrypto and streams want one, not a view of a shared buffer). */
export function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

/** The AES-GCM key of 32 random bytes. */
export async function aesKey(raw: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', own(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** The AES-256-GCM key of a passphrase, with its salt and iteration count. */
export async function passphraseKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const base = await subtle().importKey(
    'raw',
    own(new TextEncoder().encode(passphrase.normalize('NFC'))),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: own(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
