import { describe, expect, it } from 'vitest';
import { failsWith } from './fails-with.ts';
import {
  BACKUP_CHUNK_BYTES,
  BACKUP_HEADER_BYTES,
  BackupError,
  openBackup,
  sealBackup,
} from '../../src/core/backup/backup-envelope.ts';

/** Random bytes (getRandomValues gives at most 64 kB at a time). */
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65_536) {
    crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65_536)));
  }
  return out;
}

/** `bytes` as a stream of uneven pieces, as a file or a network gives them. */
function pieces(bytes: Uint8Array, size = 77_777): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const seal = (bytes: Uint8Array, passphrase: string | null = null, version?: number) =>
  collect(
    pieces(bytes).pipeThrough(
      sealBackup(passphrase ? { passphrase, iterations: 1000 } : null, version),
    ),
  );

/** The key check an encrypted backup of version 2 carries after its header (IV and tag). */
const KEY_CHECK = 28;

const open = (bytes: Uint8Array, passphrase: string | null = null) =>
  collect(pieces(bytes, 50_001).pipeThrough(openBackup(passphrase, { minIterations: 1000 })));

/** Whether two byte arrays are equal (`toEqual` on megabytes takes seconds). */
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

const failsWithCode = (p: Promise<unknown>) => failsWith(p, BackupError);

/** The sealed chunks' frames: where each starts and ends. */
function frames(sealed: Uint8Array): { start: number; end: number }[] {
  const out = [];
  const keyCheck = sealed[4]! >= 2 && sealed[5] === 1 ? KEY_CHECK : 0;
  let at = BACKUP_HEADER_BYTES + keyCheck;
  while (at < sealed.length) {
    const length = new DataView(sealed.buffer, sealed.byteOffset + at).getUint32(0);
    out.push({ start: at, end: at + 5 + length });
    at += 5 + length;
  }
  return out;
}

const data = randomBytes(Math.round(BACKUP_CHUNK_BYTES * 2.5));

describe('a backup envelope', () => {
  it('streams a backup through in chunks and back, plain and with a passphrase', async () => {
    const plain = await seal(data);
    expect(frames(plain)).toHaveLength(3);
    expect(same(await open(plain), data)).toBe(true);
    const locked = await seal(data, 'Пароль резервной копии');
    expect(same(await open(locked, 'Пароль резервной копии'), data)).toBe(true);
    expect(await failsWithCode(open(locked, 'пароль резервной копии'))).toBe('wrong-passphrase');
    expect(await failsWithCode(open(locked))).toBe('needs-passphrase');
    // An empty workspace still seals into a backup that opens.
    expect((await open(await seal(new Uint8Array(0)))).length).toBe(0);
  });

  it('fails when cut short, reordered or changed anywhere, plain or encrypted', async () => {
    for (const passphrase of [null, 'secret words']) {
      const sealed = await seal(data, passphrase);
      const f = frames(sealed);
      // Cut at a chunk's end (the last never comes), and inside a chunk.
      const cut = sealed.subarray(0, f[1]!.end);
      expect(await failsWithCode(open(cut, passphrase))).toBe('truncated');
      expect(await failsWithCode(open(sealed.subarray(0, f[1]!.end - 10), passphrase))).toBe(
        'truncated',
      );
      // The first two (equal-sized) chunks swapped.
      const swapped = new Uint8Array(sealed);
      swapped.set(sealed.subarray(f[1]!.start, f[1]!.end), f[0]!.start);
      swapped.set(sealed.subarray(f[0]!.start, f[0]!.end), f[1]!.start);
      expect(await failsWithCode(open(swapped, passphrase))).toMatch(/damaged|wrong-passphrase/);
      // A flipped bit in the header, and in the middle of the body.
      for (const at of [12, Math.floor(sealed.length / 2)]) {
        const flipped = new Uint8Array(sealed);
        flipped[at]! ^= 0x10;
        expect(await failsWithCode(open(flipped, passphrase)), `byte ${at}`).toMatch(
          /damaged|wrong-passphrase/,
        );
      }
      // A flipped bit in any chunk, the first included, is a changed file, never a wrong
      // passphrase: the key check said the passphrase was right.
      for (const frame of f) {
        const flipped = new Uint8Array(sealed);
        flipped[frame.start + 40]! ^= 0x01;
        expect(await failsWithCode(open(flipped, passphrase)), `chunk at ${frame.start}`).toBe(
          'damaged',
        );
      }
      expect(
        await failsWithCode(open(new TextEncoder().encode('not a backup at all'), passphrase)),
      ).toBe('not-a-backup');
    }
  });

  it('opens backups of version 1 (without a key check) as before', async () => {
    const old = await seal(data, 'old words', 1);
    expect(old[4]).toBe(1);
    expect(same(await open(old, 'old words'), data)).toBe(true);
    expect(await failsWithCode(open(old, 'other words'))).toBe('wrong-passphrase');
    const plain = await seal(data, null, 1);
    expect(same(await open(plain), data)).toBe(true);
  });
});
