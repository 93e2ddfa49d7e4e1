import type { TextEncoding } from './decode-text.ts';

/** Files smaller than this are read in one piece: splitting costs more than it saves. */
export const MIN_SPLIT_BYTES = 16 * 1024 * 1024;

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Where a delimited file can be cut in two so that each part holds whole records: the index of
 * the byte just after the first line break at or past `share` of the bytes (the middle by
 * default) that is outside quotes (an even number of `"` bytes before it, which is exact for
 * well-formed CSV; a part whose parse finds stray quotes makes the caller read the file whole
 * instead). Null for files under `minBytes`, for UTF-16 (whose bytes for `"` and a line break
 * are two wide), and when no line break follows that point.
 */
export function splitPoint(
  bytes: Uint8Array,
  encoding: TextEncoding,
  minBytes = MIN_SPLIT_BYTES,
  share = 0.5,
): number | null {
  if (bytes.length < minBytes) return null;
  return cutAfter(bytes, encoding, Math.floor(bytes.length * share));
}

/**
 * The first place at or past byte `from` where `bytes` (a file, or the start of one) can be cut
 * between whole records, as `splitPoint` finds it; null when there is none before the last byte
 * of `bytes`, or for UTF-16.
 */
export function cutAfter(bytes: Uint8Array, encoding: TextEncoding, from: number): number | null {
  if (encoding.startsWith('utf-16')) return null;
  let quotes = 0;
  // Quote bytes are rare in most files: counting them by search is much faster than a loop.
  let at = bytes.indexOf(QUOTE);
  let line = bytes.indexOf(NEWLINE, from);
  while (line !== -1) {
    while (at !== -1 && at < line) {
      quotes++;
      at = bytes.indexOf(QUOTE, at + 1);
    }
    if (quotes % 2 === 0) return line + 1 < bytes.length ? line + 1 : null;
    line = bytes.indexOf(NEWLINE, line + 1);
  }
  return null;
}
