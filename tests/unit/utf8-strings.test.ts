import { describe, expect, it } from 'vitest';
import { decodeUtf8Strings, encodeUtf8Strings } from '../../src/core/storage/utf8-strings.ts';
import { decodeChunkColumns, encodeChunk } from '../../src/core/storage/column-chunk.ts';

/** Each string encoded alone by the platform's TextEncoder, laid end to end. */
function reference(values: readonly (string | null)[]) {
  const encoder = new TextEncoder();
  const parts = values.map((v) => encoder.encode(v ?? ''));
  const offsets = [0];
  for (const p of parts) offsets.push(offsets.at(-1)! + p.length);
  const bytes = new Uint8Array(offsets.at(-1)!);
  parts.forEach((p, i) => bytes.set(p, offsets[i]!));
  return { offsets, bytes };
}

/** A seeded generator of strings mixing ASCII, Cyrillic, CJK, emoji and broken surrogates. */
function randomStrings(count: number, maxLength: number, seed: number): string[] {
  let x = seed;
  const r = () => ((x = (x * 48271) % 2147483647) / 2147483647) as number;
  const pieces = ['a', 'Z', ' ', '"', 'ж', 'Ё', '€', '中', '😀', '\ud83d', '\ude00', '\u0000'];
  return Array.from({ length: count }, () => {
    let s = '';
    const length = Math.floor(r() * maxLength);
    while (s.length < length) s += pieces[Math.floor(r() * pieces.length)];
    return s;
  });
}

describe('strings to and from one UTF-8 buffer', () => {
  it('writes the bytes TextEncoder writes, lone surrogates as U+FFFD', () => {
    const values = [
      'plain',
      '',
      null,
      'Доставка опоздала',
      'emoji 😀 pair',
      'lone high \ud83d at the end\ud83d',
      '\ude00 lone low first',
      'high then high \ud83d\ud83d\ude00',
      '中文 € £',
    ];
    const got = encodeUtf8Strings(values);
    const want = reference(values);
    expect(Array.from(got.offsets)).toEqual(want.offsets);
    expect(got.bytes).toEqual(want.bytes);
    expect(new TextDecoder().decode(got.bytes.subarray(got.offsets[5], got.offsets[6]))).toBe(
      'lone high \ufffd at the end\ufffd',
    );
  });

  it('agrees with TextEncoder on thousands of random short and long strings', () => {
    for (const [count, maxLength, seed] of [
      [5000, 12, 7],
      [400, 900, 11],
    ] as const) {
      const values = randomStrings(count, maxLength, seed);
      const got = encodeUtf8Strings(values);
      const want = reference(values);
      expect(Array.from(got.offsets)).toEqual(want.offsets);
      expect(got.bytes).toEqual(want.bytes);
      // Read back, well-formed strings are what was written.
      const back = decodeUtf8Strings(got.offsets, got.bytes, values.length);
      const decoder = new TextDecoder();
      values.forEach((v, i) => expect(back[i]).toBe(decoder.decode(new TextEncoder().encode(v))));
    }
  });

  it('stores long comments in a chunk and reads them back unchanged', () => {
    const comments = randomStrings(300, 2000, 3).map((s) => s.replace(/[\ud800-\udfff]/g, 'x'));
    comments[4] = null as unknown as string;
    const columns = [{ name: 'comment', type: 'string' as const }];
    const [back] = decodeChunkColumns(encodeChunk(columns, { comment: comments }), ['comment']);
    expect(Array.from(back!)).toEqual(comments);
  });
});
