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
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A lone `\r` or a `\n` not after `\r`: either means more than one kind of line end. */
const OTHER_THAN_CRLF = /\r(?!\n)|(?<!\r)\n/;

/**
 * The text with every record end outside quotes turned into `\n` (line breaks inside quoted
 * fields untouched), in one linear pass; text with one kind of line end throughout is returned
 * as it is, with that kind. A quote opens a quoted field only at a field's start, as in the
 * parser, so the inch mark of `5" screen` does not swallow the rest of the file.
 */
export function unifyRecordEnds(text: string, delimiter: Delimiter): UnifiedRecordEnds {
  if (!text.includes('\r')) return { text, newline: '\n', counts: null };
  if (!OTHER_THAN_CRLF.test(text)) return { text, newline: '\r\n', counts: null };
  const counts: RecordEndCounts = { crlf: 0, lf: 0, cr: 0 };
  const sep = delimiter.charCodeAt(0);
  const parts: string[] = [];
  let copied = 0;
  let quoted = false;
  let fieldStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === CR || c === LF) {
      fieldStart = true;
      if (c === LF) {
        counts.lf++;
        continue;
      }
      const crlf = text.charCodeAt(i + 1) === LF;
      if (crlf) counts.crlf++;
      else counts.cr++;
      parts.push(text.slice(copied, i), '\n');
      copied = crlf ? i + 2 : i + 1;
      if (crlf) i++;
      continue;
    }
    if (c === QUOTE && fieldStart) quoted = true;
    fieldStart = c === sep;
  }
  if (copied === 0) return { text, newline: '\n', counts };
  parts.push(text.slice(copied));
  return { text: parts.join(''), newline: '\n', counts };
}

/** Whether record ends of more than one kind were found. */
export function mixesRecordEnds(counts: RecordEndCounts | null): counts is RecordEndCounts {
  if (!counts) return false;
  return [counts.crlf, counts.lf, counts.cr].filter((k) => k > 0).length > 1;
}
