#!/usr/bin/env node
/**
 * Opens a CX Trace share as `docs/share-format.md` describes it, with nothing but Node's own
 * `node:crypto` and `node:zlib`: a second program, so the format is what the document says.
 *
 *   node tests/open-share.mjs LINK
 *   node tests/open-share.mjs FILE.cxtrace --key KEY | --passphrase PASSPHRASE
 *
 * Prints the payload's JSON on stdout; exits 1 with a message when the share does not open.
 */
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const HEADER = 42;
const TAG = 16;

function fromBase64Url(text) {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** The payload of a share's bytes, opened with a 32-byte key or a passphrase. */
export function openShare(bytes, secret) {
  if (bytes.subarray(0, 4).toString('latin1') !== 'CXSH') throw new Error('not a share');
  if (bytes[4] !== 1) throw new Error(`format version ${bytes[4]} is not 1`);
  if (bytes.length < HEADER) throw new Error('cut short');
  const kind = bytes[5];
  const iterations = bytes.readUInt32BE(6);
  const salt = bytes.subarray(10, 26);
  const iv = bytes.subarray(26, 38);
  const length = bytes.readUInt32BE(38);
  if (bytes.length !== HEADER + length) throw new Error('cut short or padded');
  let key;
  if (kind === 1) {
    if (secret.passphrase === undefined) throw new Error('needs a passphrase');
    if (iterations < 600_000) throw new Error('too few PBKDF2 iterations');
    key = pbkdf2Sync(
      Buffer.from(secret.passphrase.normalize('NFC'), 'utf8'),
      salt,
      iterations,
      32,
      'sha256',
    );
  } else if (kind === 0) {
    if (secret.key === undefined) throw new Error('needs a key');
    key = secret.key;
  } else throw new Error('unknown key kind');
  const body = bytes.subarray(HEADER);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(bytes.subarray(0, HEADER));
  decipher.setAuthTag(body.subarray(body.length - TAG));
  const compressed = Buffer.concat([
    decipher.update(body.subarray(0, body.length - TAG)),
    decipher.final(),
  ]);
  return JSON.parse(gunzipSync(compressed).toString('utf8'));
}

function main(argv) {
  const [what, flag, value] = argv;
  if (!what) throw new Error('usage: open-share.mjs LINK | FILE --key KEY | FILE --passphrase P');
  if (/#\/open\?/.test(what)) {
    const params = new URLSearchParams(what.slice(what.indexOf('?', what.indexOf('#')) + 1));
    const key = params.get('k');
    const secret =
      flag === '--passphrase'
        ? { passphrase: value }
        : { key: key ? fromBase64Url(key) : undefined };
    return openShare(fromBase64Url(params.get('d') ?? ''), secret);
  }
  const secret =
    flag === '--passphrase' ? { passphrase: value } : { key: fromBase64Url(value ?? '') };
  return openShare(readFileSync(what), secret);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(JSON.stringify(main(process.argv.slice(2))) + '\n');
  } catch (e) {
    process.stderr.write(`open-share: ${e.message}\n`);
    process.exit(1);
  }
}
