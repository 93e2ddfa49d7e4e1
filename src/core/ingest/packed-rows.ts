/**
 * A few rows of text cells packed into one string and one array of cell ends, for handing from
 * a worker to the page: a 20,000-column preview is then two values to copy, not 400,000 strings,
 * so receiving it never blocks the page. Cells are read back a range of columns at a time.
 */

/** Rows of `width` text cells, all cells concatenated in row order, with each cell's end. */
export interface PackedRows {
  width: number;
  rows: number;
  text: string;
  /** `ends[r * width + c]` is where cell (r, c) ends in `text`; it starts where the one before ends. */
  ends: Uint32Array;
}

/** Packs rows (each cut or padded with '' to `width` cells). */
export function packRows(rows: readonly (readonly string[])[], width: number): PackedRows {
  const ends = new Uint32Array(rows.length * width);
  const parts: string[] = [];
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? '';
      parts.push(cell);
      at += cell.length;
      ends[r * width + c] = at;
    }
  }
  return { width, rows: rows.length, text: parts.join(''), ends };
}

/** The cells of columns `from`…`to` (exclusive) of every packed row. */
export function unpackRows(packed: PackedRows, from = 0, to = packed.width): string[][] {
  const { width, text, ends } = packed;
  const lo = Math.max(0, from);
  const hi = Math.min(width, to);
  const out: string[][] = [];
  for (let r = 0; r < packed.rows; r++) {
    const row: string[] = [];
    for (let c = lo; c < hi; c++) {
      const i = r * width + c;
      row.push(text.slice(i === 0 ? 0 : ends[i - 1], ends[i]));
    }
    out.push(row);
  }
  return out;
}
