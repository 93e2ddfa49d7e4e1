/**
 * Record ends of delimited text. Files from different tools mix Windows (`\r\n`), Unix (`\n`)
 * and old Mac (`\r`) line ends, e.g. a header written by Excel above rows appended by a script.
 * A parser told one kind reads the others as cell text, which silently scrambles rows; so any
 * of the three outside quotes ends a record, and inside a quoted field each is kept as it is.
 */
import type { Delimiter } from './delimiters.ts';

/** How many record ends of each kind a text has outside quoted fields. */
export interface RecordEndCounts {
  crlf: number;
  lf: number;
  cr: number;
}

/** Text whose record ends are all one kind, and which kind, for the parser. */
export interface UnifiedRecordEnds {
  text: string;
  newline: '\n' | '\r\n';
  /** Record ends of each kind outside quotes, or null when the text was not scanned (one kind). */
  counts: RecordEndCounts | null;
  /**
   * The text was scanned and left as it is with `\r\n` record ends although line breaks of
   * another kind are inside its quoted fields (only with `keepCrlf`; see `unifyRecordEnds`).
   */
  kept?: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A lone `\r` or a `\n` not after `\r`: either means more than one kind of line end. */
const OTHER_THAN_CRLF = /\r(?!\n)|(?<!\r)\n/;

/** What may change the state of the scan outside quoted fields. */
const SPECIAL = /["\r\n]/g;

/**
 * The text with every record end outside quotes turned into `\n` (line breaks inside quoted
 * fields untouched), in one linear pass; text with one kind of line end throughout is returned
 * as it is, with that kind. A quote opens a quoted field only at a field's start, as in the
 * parser, so the inch mark of `5" screen` does not swallow the rest of the file.
 *
 * With `keepCrlf`, text whose record ends outside quotes are all `\r\n` is returned as it is
 * with that kind (and `kept`), even when quoted fields hold other line breaks: it splits into the
 * same records, without a copy of the text, wherever the parser agrees with this scan on where
 * quoted fields are (well-formed quoting; the parser finds no quote problem).
 */
export function unifyRecordEnds(
  text: string,
  delimiter: Delimiter,
  options: { keepCrlf?: boolean } = {},
): UnifiedRecordEnds {
  if (!text.includes('\r')) return { text, newline: '\n', counts: null };
  if (!OTHER_THAN_CRLF.test(text)) return { text, newline: '\r\n', counts: null };
  const counts: RecordEndCounts = { crlf: 0, lf: 0, cr: 0 };
  const sep = delimiter.charCodeAt(0);
  // Where each `\r` outside quotes is (a `\r\n` or a lone `\r`).
  const crs: number[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q === -1) break;
      if (text.charCodeAt(q + 1) === QUOTE) i = q + 2;
      else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    SPECIAL.lastIndex = i;
    const m = SPECIAL.exec(text);
    if (!m) break;
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === QUOTE) {
      // A field starts at the text's start and after a delimiter or a line break.
      const before = at === 0 ? LF : text.charCodeAt(at - 1);
      if (before === sep || before === CR || before === LF) quoted = true;
      i = at + 1;
    } else if (c === LF) {
      counts.lf++;
      i = at + 1;
    } else {
      crs.push(at);
      if (text.charCodeAt(at + 1) === LF) {
        counts.crlf++;
        i = at + 2;
      } else {
        counts.cr++;
        i = at + 1;
      }
    }
  }
  if (crs.length === 0) return { text, newline: '\n', counts };
  if (options.keepCrlf && counts.lf === 0 && counts.cr === 0) {
    return { text, newline: '\r\n', counts, kept: true };
  }
  const parts: string[] = [];
  let copied = 0;
  for (const at of crs) {
    parts.push(text.slice(copied, at), '\n');
    copied = text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), newline: '\n', counts };
}

/** Whether record ends of more than one kind were found. */
export function mixesRecordEnds(counts: RecordEndCounts | null): counts is RecordEndCounts {
  if (!counts) return false;
  return [counts.crlf, counts.lf, counts.cr].filter((k) => k > 0).length > 1;
}
