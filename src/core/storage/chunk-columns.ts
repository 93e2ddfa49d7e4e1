import {
  decodeTableInto,
  readChunkTable,
  type ChunkTable,
  type DecodedColumn,
} from './column-chunk.ts';
import type { ColumnType } from './dataset-meta.ts';

/** What gathering a column needs to know of it. */
export interface GatheredColumn {
  name: string;
  type: ColumnType;
}

/**
 * Whole columns gathered from a dataset's chunks, chunk by chunk in row order: strings and
 * booleans are decoded straight into one array per column; numbers and dates come as typed
 * arrays per chunk, joined at the end (one typed array when every chunk gave one).
 */
export class ColumnGatherer {
  readonly #names: string[];
  readonly #targets: (unknown[] | null)[];
  readonly #parts: DecodedColumn[][];
  #at = 0;

  /** Gathers `columns` of a dataset of `total` rows. */
  constructor(columns: readonly GatheredColumn[], total: number) {
    this.#names = columns.map((c) => c.name);
    this.#targets = columns.map((c) =>
      c.type === 'string' || c.type === 'boolean' ? new Array<unknown>(total) : null,
    );
    this.#parts = columns.map((): DecodedColumn[] => []);
  }

  /** Adds the next chunk's rows (`rows` of them). */
  add(table: ChunkTable, rows: number): void {
    decodeTableInto(table, this.#names, this.#targets, this.#at).forEach((values, k) => {
      if (values) this.#parts[k]!.push(values);
    });
    this.#at += rows;
  }

  /** The gathered columns, in the order they were named. */
  finish(): ArrayLike<unknown>[] {
    return this.#names.map((_, k) => this.#targets[k] ?? joinParts(this.#parts[k]!));
  }
}

/**
 * A dataset's columns, each decoded from the chunks the first time it is read (a getter that
 * then replaces itself with the values): opening a dataset costs reading its bytes, and an
 * analysis that uses four columns of forty decodes four. The chunks' bytes are let go once every
 * column has been read.
 */
export function lazyChunkColumns(
  chunks: readonly { bytes: Uint8Array; rows: number }[],
  columns: readonly GatheredColumn[],
): Record<string, ArrayLike<unknown>> {
  let tables: ChunkTable[] | null = chunks.map((c) => readChunkTable(c.bytes));
  const rows = chunks.map((c) => c.rows);
  const total = rows.reduce((a, b) => a + b, 0);
  let pending = columns.length;
  const out: Record<string, ArrayLike<unknown>> = {};
  for (const column of columns) {
    // After its first read (or a write), the column is an ordinary property.
    const settle = (values: ArrayLike<unknown>) => {
      Object.defineProperty(out, column.name, {
        value: values,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (--pending === 0) tables = null;
    };
    Object.defineProperty(out, column.name, {
      enumerable: true,
      configurable: true,
      get() {
        const gatherer = new ColumnGatherer([column], total);
        tables!.forEach((t, i) => gatherer.add(t, rows[i]!));
        const [values] = gatherer.finish();
        settle(values!);
        return values;
      },
      set: settle,
    });
  }
  return out;
}

/** One column from its chunks' values: a typed array when every part is one, else an array. */
function joinParts(parts: readonly DecodedColumn[]): ArrayLike<unknown> {
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (parts.length === 1) return parts[0]!;
  if (parts.every((p) => ArrayBuffer.isView(p))) {
    // Chunks may store a column in different widths (int8 in one, float64 in another).
    const kind = parts[0]!.constructor as Float64ArrayConstructor;
    const out = parts.every((p) => p.constructor === kind)
      ? new kind(total)
      : new Float64Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p as Float64Array, at);
      at += p.length;
    }
    return out;
  }
  const out = new Array<unknown>(total);
  let at = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) out[at++] = p[i];
  return out;
}
