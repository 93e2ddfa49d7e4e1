/// <reference lib="webworker" />
import { expose } from 'comlink';
import { CxTraceDb } from '../../src/data/db.ts';
import { detectEncoding, decodeText } from '../../src/core/ingest/decode-text.ts';
import { sniffDelimiter } from '../../src/core/ingest/sniff-delimiter.ts';
import { splitRecords, tableFromRecords } from '../../src/core/ingest/parse-delimited.ts';
import { columnCells } from '../../src/core/ingest/inspect.ts';
import { profileColumn, readColumn } from '../../src/core/ingest/infer-types.ts';
import { encodeColumnChunks, storedColumns } from '../../src/core/ingest/typed-chunks.ts';
import { chunkRowCount } from '../../src/core/storage/column-chunk.ts';
import { storeDataset } from '../../src/data/import-dataset.ts';
import type { SourceTable } from '../../src/core/ingest/read-source.ts';
import type { ColumnProfile, TypedValues } from '../../src/core/ingest/types.ts';

// Where the import's time goes: the steps the ingest worker's `import` runs (readSource →
// profileTable with typed values → encodeColumnChunks → storeDataset), called one by one with
// the same functions, each timed. Writes into a database of its own, deleted afterwards.

const PHASES_DB = 'cx-trace-bench-phases';

/** Per-column costs, to see which kinds of column are expensive. */
interface ColumnCost {
  name: string;
  type: string;
  /** Gathering the column's cells from the rows (`columnCells`). */
  cellsMs: number;
  /** `profileColumn` without collecting values: inference on the sample + the counting pass. */
  profileMs: number;
  /** `profileColumn` collecting typed values, as the import runs it. */
  profileCollectMs: number;
  /** Encoding the column alone in chunks (`encodeChunk` on one column). */
  encodeMs: number;
}

const api = {
  async phases(file: File) {
    const ms: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      ms[name] = now - t;
      t = now;
    };

    // readSource, step by step (its detectDecimal on 1,000 rows is left out).
    const bytes = new Uint8Array(await file.arrayBuffer());
    lap('readFile');
    const encoding = detectEncoding(bytes).encoding;
    lap('detectEncoding');
    const { text } = decodeText(bytes, encoding);
    lap('decodeText');
    const delimiter = sniffDelimiter(text);
    lap('sniffDelimiter');
    // The records are only referenced inside this function, so they can be freed after it.
    const parsed = ((records) => {
      lap('papaParse');
      return tableFromRecords(records);
    })(splitRecords(text, delimiter).records);
    lap('tableFromRecords');
    // readSource's detectDecimal gives ',' for these `;` files with decimal commas.
    const decimal = delimiter === ',' ? '.' : ',';
    const table: SourceTable = {
      kind: 'csv',
      encoding,
      delimiter,
      decimal,
      header: parsed.header,
      sheet: null,
      sheets: [],
      names: parsed.names,
      rows: parsed.rows,
      problems: parsed.problems,
    };
    const rows = table.rows.length;

    // profileTable(table, formats, typed), one column at a time as it does it, plus the same
    // without collecting typed values, to split inference/counting from conversion.
    const costs: ColumnCost[] = [];
    const typed: TypedValues[] = [];
    const profiles: ColumnProfile[] = [];
    table.names.forEach((name, i) => {
      const a = performance.now();
      const cells = columnCells(table, i);
      const b = performance.now();
      profileColumn(name, cells, { decimal });
      const c = performance.now();
      const read = readColumn(name, cells, { decimal });
      typed[i] = read.typed!;
      profiles.push(read.profile);
      const d = performance.now();
      costs.push({
        name,
        type: profiles[i]!.format.type,
        cellsMs: b - a,
        profileMs: c - b,
        profileCollectMs: d - c,
        encodeMs: 0,
      });
    });
    t = performance.now();
    ms.columnCells = costs.reduce((s, c) => s + c.cellsMs, 0);
    ms.profileOnly = costs.reduce((s, c) => s + c.profileMs, 0);
    ms.profileCollect = costs.reduce((s, c) => s + c.profileCollectMs, 0);

    // Arrow encoding of all columns in chunks, as the import does it.
    const columns = storedColumns(profiles);
    const chunks = [...encodeColumnChunks(columns, typed)];
    lap('encodeChunks');
    // The same, column by column (for the per-column costs; not part of the import).
    columns.forEach((col, k) => {
      const a = performance.now();
      for (const _ of encodeColumnChunks([col], [typed[k]!])) void _;
      costs[k]!.encodeMs = performance.now() - a;
    });
    t = performance.now();
    // writeChunk parses each chunk again to count its rows.
    let counted = 0;
    for (const c of chunks) counted += chunkRowCount(c.bytes);
    lap('chunkRowCount');

    // IndexedDB: every chunk put (one transaction each), then the strict-durability commit.
    const db = new CxTraceDb(PHASES_DB);
    t = performance.now();
    const meta = await storeDataset(db, {
      name: file.name,
      columns,
      totalRows: rows,
      chunks: () => chunks,
      source: { fileName: file.name, bytes: file.size },
    });
    lap('storeDataset');
    await db.delete();

    const chunkBytes = chunks.reduce((s, c) => s + c.bytes.byteLength, 0);
    return {
      ms,
      costs,
      rows,
      counted,
      chunks: chunks.length,
      chunkBytes,
      storedBytes: meta.storedBytes ?? 0,
      types: profiles.map((p) => p.format.type),
    };
  },
};

export type PhasesApi = typeof api;
expose(api);
