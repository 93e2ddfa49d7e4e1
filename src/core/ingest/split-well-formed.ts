/**
 * The fast path of `splitRecords`: delimited text whose quoting is well formed, split into the
 * same records as Papa Parse gives, or null for anything else (which Papa Parse then splits and
 * reports on). What makes it faster than the general parser on a large file:
 *
 * - Well-formed quoting is the only case handled, so the scan is a few `indexOf`s per field
 *   with no error bookkeeping.
 * - A column's repeated short values (categories, dates, small numbers) are made into strings
 *   once and shared, with no string made for a repeat: a million-row file is millions of cells
 *   that all live until the import ends, and every one of them is copied by the garbage
 *   collector while it runs. Strings are values, so sharing them changes no result.
 */
import type { Delimiter } from './delimiters.ts';

const QUOTE = 0x22;
const BOM = 0xfeff;

/** Cells per block of records created together (a longer record makes one block alone). */
const BLOCK_CELLS = 1 << 16;

/** Cells longer than this are not looked up among a column's values (comments, long text). */
const SHORT_CELL = 32;

/**
 * Records wider than this are split record by record: a column's shared values pay off over many
 * rows, and a file of one 50 MB line (millions of fields, refused as too wide after splitting)
 * would otherwise get one lookup table per field.
 */
const SHARED_COLUMNS = 16_384;

/** Distinct values a column may have and still be shared (past it, every cell is a new string). */
const SHARED_VALUES = 4096;

/**
 * The distinct short values of one column, to give a repeated value as the string made for it
 * the first time. Looked up by a hash of the characters in place, so a repeat makes no string.
 */
class Interner {
  private values: string[] = [];
  private hashes: number[] = [];
  /** Open addressing: 1 + the index into `values`, or 0 for a free slot. */
  private slots = new Int32Array(64);
  private off = false;

  /** The text from `start` to `end`, the same string as before when it was seen before. */
  text(source: string, start: number, end: number): string {
    const length = end - start;
    if (this.off || length === 0 || length > SHORT_CELL) return source.slice(start, end);
    let h = 0x811c9dc5 ^ length;
    for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    let at = h & mask;
    for (let slot = this.slots[at]!; slot !== 0; slot = this.slots[at]!) {
      const value = this.values[slot - 1]!;
      if (this.hashes[slot - 1] === h && value.length === length && source.startsWith(value, start))
        return value;
      at = (at + 1) & mask;
    }
    const value = source.slice(start, end);
    if (this.values.length === SHARED_VALUES) {
      // Too many distinct values to be worth it (ids, amounts): stop looking.
      this.off = true;
      this.values = [];
      this.hashes = [];
      this.slots = new Int32Array(0);
      return value;
    }
    this.values.push(value);
    this.hashes.push(h);
    this.slots[at] = this.values.length;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return value;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let k = 0; k < this.values.length; k++) {
      let at = this.hashes[k]! & mask;
      while (this.slots[at] !== 0) at = (at + 1) & mask;
      this.slots[at] = k + 1;
    }
  }
}

/**
 * Cell boundaries of a block of records, before any string is made: cell k runs from
 * `starts[k]` to `ends[k]` of the text, its quotes doubled when `starts[k]` is negative
 * (`-start - 1`); record r holds cells `recordEnds[r - 1]` (0 for the first) to `recordEnds[r]`.
 */
class Block {
  starts = new Int32Array(BLOCK_CELLS);
  ends = new Int32Array(BLOCK_CELLS);
  cells = 0;
  recordEnds: number[] = [];
  /** Repeated values of each column, kept from block to block. */
  private readonly columns: Interner[] = [];

  /** Adds a cell, growing the arrays for a record longer than a block. */
  cell(start: number, end: number): void {
    if (this.cells === this.starts.length) {
      const starts = new Int32Array(this.cells * 2);
      const ends = new Int32Array(this.cells * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.cells] = start;
    this.ends[this.cells++] = end;
  }

  /** Makes the block's records, appending them to `out`, and empties the block. */
  flush(text: string, out: string[][]): void {
    const { starts, ends, recordEnds } = this;
    const records = recordEnds.length;
    const first = out.length;
    let widest = 0;
    let from = 0;
    for (let r = 0; r < records; r++) {
      const to = recordEnds[r]!;
      out.push(new Array<string>(to - from));
      widest = Math.max(widest, to - from);
      from = to;
    }
    const cellText = (k: number) => {
      const start = starts[k]!;
      return start >= 0
        ? text.slice(start, ends[k])
        : text.slice(-start - 1, ends[k]).replaceAll('""', '"');
    };
    if (widest <= SHARED_COLUMNS && widest * records <= 2 * this.cells) {
      // Column by column, each with the values it repeats.
      while (this.columns.length < widest) this.columns.push(new Interner());
      for (let c = 0; c < widest; c++) {
        const interner = this.columns[c]!;
        let from = 0;
        for (let r = 0; r < records; r++) {
          const to = recordEnds[r]!;
          const k = from + c;
          if (k < to) {
            const start = starts[k]!;
            out[first + r]![c] = start >= 0 ? interner.text(text, start, ends[k]!) : cellText(k);
          }
          from = to;
        }
      }
    } else {
      // Widths vary too much for a pass per column (one record of thousands of cells among
      // short ones), or the records are too wide: record by record.
      let k = 0;
      for (let r = 0; r < records; r++) {
        const row = out[first + r]!;
        for (let c = 0; c < row.length; c++) row[c] = cellText(k++);
      }
    }
    this.cells = 0;
    this.recordEnds = [];
  }
}

/**
 * Splits `text` into records as `Papa.parse(text, { delimiter, newline })` does (a leading
 * byte-order mark dropped; the empty text has no records; text ending in a record end has a last
 * record of one empty cell), provided every field that starts with a quote is closed by a quote
 * directly followed by the delimiter, a record end or the end of the text. Null otherwise: an
 * unterminated quote, or text after a closing quote, where Papa Parse reports errors.
 */
export function splitWellFormed(
  text: string,
  delimiter: Delimiter,
  newline: '\n' | '\r\n',
): string[][] | null {
  const n = text.length;
  const sep = delimiter.charCodeAt(0);
  const out: string[][] = [];
  let pos = text.charCodeAt(0) === BOM ? 1 : 0;
  if (pos >= n) return out;
  const block = new Block();
  let nextDelim = text.indexOf(delimiter, pos);
  let nextNewline = text.indexOf(newline, pos);
  const endRecord = () => {
    block.recordEnds.push(block.cells);
    if (block.cells >= BLOCK_CELLS) block.flush(text, out);
  };
  for (;;) {
    if (text.charCodeAt(pos) === QUOTE) {
      let q = pos + 1;
      let doubled = false;
      for (;;) {
        q = text.indexOf('"', q);
        if (q === -1) return null;
        if (text.charCodeAt(q + 1) !== QUOTE) break;
        doubled = true;
        q += 2;
      }
      block.cell(doubled ? -(pos + 1) - 1 : pos + 1, q);
      const after = q + 1;
      if (after === n) break;
      if (text.charCodeAt(after) === sep) pos = after + 1;
      else if (text.startsWith(newline, after)) {
        endRecord();
        pos = after + newline.length;
      } else return null;
      // The quoted field may have held delimiters and line breaks: look again from its end.
      if (nextDelim !== -1 && nextDelim < pos) nextDelim = text.indexOf(delimiter, pos);
      if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf(newline, pos);
      continue;
    }
    if (nextDelim !== -1 && (nextDelim < nextNewline || nextNewline === -1)) {
      block.cell(pos, nextDelim);
      pos = nextDelim + 1;
      nextDelim = text.indexOf(delimiter, pos);
      continue;
    }
    if (nextNewline === -1) {
      block.cell(pos, n);
      break;
    }
    block.cell(pos, nextNewline);
    endRecord();
    pos = nextNewline + newline.length;
    nextNewline = text.indexOf(newline, pos);
  }
  block.recordEnds.push(block.cells);
  block.flush(text, out);
  return out;
}
