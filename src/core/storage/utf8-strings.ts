/**
 * Many strings to and from one UTF-8 buffer with offsets (Arrow's utf8 layout), with one
 * `TextEncoder`/`TextDecoder` call per buffer rather than one per string: per-string calls cost
 * about a microsecond each, which is seconds for a million-row identifier column.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Mean length (UTF-16 units or bytes) above which strings are encoded or decoded one by one. */
const LONG = 64;

/** Strings laid out as Arrow utf8: value `i` is `bytes[offsets[i] .. offsets[i + 1])`. */
export interface Utf8Buffer {
  offsets: Int32Array;
  bytes: Uint8Array;
}

/** UTF-8 byte length of `s[from .. to)`, as `TextEncoder` writes it (a lone surrogate → U+FFFD). */
function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Encodes strings (null and undefined as empty; the caller keeps a validity bitmap) into one
 * UTF-8 buffer with offsets.
 */
export function encodeUtf8Strings(values: ArrayLike<string | null | undefined>): Utf8Buffer {
  const n = values.length;
  const parts = new Array<string>(n);
  let chars = 0;
  for (let i = 0; i < n; i++) chars += (parts[i] = values[i] ?? '').length;
  if (chars > LONG * n) return encodeLong(parts, chars);
  const joined = parts.join('');
  const bytes = encoder.encode(joined);
  const offsets = new Int32Array(n + 1);
  if (bytes.length === joined.length) {
    // All ASCII: bytes and characters coincide.
    for (let i = 0, pos = 0; i < n; i++) offsets[i + 1] = pos += parts[i]!.length;
  } else {
    // Each string is measured alone. A value ending in a lone high surrogate followed by one
    // starting with a lone low surrogate forms a pair in the joined text (4 bytes, not 3 + 3):
    // the total then differs, and each value is encoded on its own instead.
    let chars = 0;
    let pos = 0;
    for (let i = 0; i < n; i++) {
      const len = parts[i]!.length;
      pos += utf8Length(joined, chars, chars + len);
      chars += len;
      offsets[i + 1] = pos;
    }
    if (pos !== bytes.length) return encodeEach(parts);
  }
  return { offsets, bytes };
}

/**
 * Long strings (comments): one `encodeInto` call per string costs less than measuring every
 * character of the joined text.
 */
function encodeLong(parts: readonly string[], chars: number): Utf8Buffer {
  // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
  const buffer = new Uint8Array(3 * chars);
  const offsets = new Int32Array(parts.length + 1);
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    pos += encoder.encodeInto(parts[i]!, buffer.subarray(pos)).written;
    offsets[i + 1] = pos;
  }
  return { offsets, bytes: buffer.slice(0, pos) };
}

function encodeEach(parts: readonly string[]): Utf8Buffer {
  const encoded = parts.map((p) => encoder.encode(p));
  const offsets = new Int32Array(parts.length + 1);
  let total = 0;
  encoded.forEach((e, i) => (offsets[i + 1] = total += e.length));
  const bytes = new Uint8Array(total);
  encoded.forEach((e, i) => bytes.set(e, offsets[i]!));
  return { offsets, bytes };
}

/**
 * Decodes `length` strings from a UTF-8 buffer with offsets (as `encodeUtf8Strings` or any Arrow
 * writer lays them out), into `out` from index `at` (a new array by default). The buffer is
 * decoded once and cut by character positions.
 */
export function decodeUtf8Strings(
  offsets: ArrayLike<number>,
  bytes: Uint8Array,
  length: number,
  out: unknown[] = new Array<string>(length),
  at = 0,
): string[] {
  if (length === 0) return out as string[];
  const start = offsets[0]!;
  const end = offsets[length]!;
  if (end - start > LONG * length) {
    // Long strings: one decode each costs less than walking every byte.
    for (let i = 0; i < length; i++) {
      out[at + i] = decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
    }
    return out as string[];
  }
  const text = decoder.decode(bytes.subarray(start, end));
  if (text.length === end - start) {
    for (let i = 0; i < length; i++) {
      out[at + i] = text.slice(offsets[i]! - start, offsets[i + 1]! - start);
    }
    return out as string[];
  }
  // Walk the bytes once, turning byte offsets into UTF-16 positions: every byte that starts a
  // character adds one unit, a 4-byte sequence (outside the BMP) two. The bytes are valid UTF-8
  // (Arrow requires it; ours come from TextEncoder), so the decoded text has no replacements.
  let unit = 0;
  let b = start;
  let prev = 0;
  for (let i = 0; i < length; i++) {
    const to = offsets[i + 1]!;
    for (; b < to; b++) {
      const x = bytes[b]!;
      if ((x & 0xc0) !== 0x80) unit += x >= 0xf0 ? 2 : 1;
    }
    out[at + i] = text.slice(prev, unit);
    prev = unit;
  }
  return out as string[];
}
