import { beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CxTraceDb } from '../../src/data/db.ts';
import { readAllColumns, writeChunk } from '../../src/data/chunks-repo.ts';
import { restoreChunkBytes } from '../../src/data/chunk-record.ts';
import {
  commitDataset,
  deleteDataset,
  getDataset,
  renameDataset,
} from '../../src/data/datasets-repo.ts';
import {
  ChunkCache,
  chunkIndex,
  datasetStoredBytes,
  locateRow,
  readRows,
  scanChunks,
} from '../../src/data/dataset-rows.ts';
import { findCellsUsingDataset } from '../../src/data/dataset-usage.ts';
import { putNotebook } from '../../src/data/notebooks-repo.ts';
import { encodeChunk } from '../../src/core/storage/column-chunk.ts';
import { csvPieces } from '../../src/core/storage/export-csv.ts';
import { DatasetProfiler } from '../../src/core/analysis/column-profile.ts';
import type { ColumnInfo, DatasetMeta } from '../../src/core/storage/dataset-meta.ts';
import { createCell, createNotebook } from '../../src/core/notebook/notebook.ts';

let db: CxTraceDb;
let n = 0;
beforeEach(async () => {
  db = new CxTraceDb(`rows-test-${++n}`);
  await db.open();
});

const oldColumns: ColumnInfo[] = [
  { name: 'id', type: 'number', valueType: 'integer' },
  { name: 'city', type: 'string', valueType: 'category' },
];
const columns: ColumnInfo[] = [...oldColumns, { name: 'when', type: 'date', valueType: 'date' }];
// Dates are stored and read back as epoch milliseconds.
const day = (d: number) => Date.UTC(2026, 0, d);

/**
 * A dataset as an import and two appends leave it: chunks of 3, 2 and 4 rows, the first two
 * from before the `when` column existed.
 */
async function unevenDataset(): Promise<DatasetMeta> {
  await writeChunk(db, 'ds', 0, encodeChunk(oldColumns, { id: [1, 2, 3], city: ['A', 'B', 'A'] }));
  await writeChunk(db, 'ds', 1, encodeChunk(oldColumns, { id: [4, 5], city: ['C', null] }));
  await writeChunk(
    db,
    'ds',
    2,
    encodeChunk(columns, {
      id: [6, 7, 8, 9],
      city: ['A', '=1+1', 'B', 'A'],
      when: [day(1), null, day(3), day(4)],
    }),
  );
  const meta: DatasetMeta = {
    id: 'ds',
    name: 'survey',
    createdAt: 1,
    rowCount: 9,
    chunkCount: 3,
    columns,
    source: { fileName: 'survey.csv', bytes: 100 },
  };
  await commitDataset(db, meta);
  return meta;
}

describe('reading stored rows', () => {
  it('finds which chunk holds a row when chunks differ in size', () => {
    expect(locateRow([3, 2, 4], 0)).toEqual({ chunk: 0, at: 0 });
    expect(locateRow([3, 2, 4], 3)).toEqual({ chunk: 1, at: 0 });
    expect(locateRow([3, 2, 4], 4)).toEqual({ chunk: 1, at: 1 });
    expect(locateRow([3, 2, 4], 8)).toEqual({ chunk: 2, at: 3 });
    expect(locateRow([3, 2, 4], 9)).toEqual({ chunk: 3, at: 0 });
  });

  it('reads a page of rows across chunk boundaries, blank where a chunk predates a column', async () => {
    const meta = await unevenDataset();
    expect(await readRows(db, meta, 2, 4)).toEqual([
      [3, 'A', null],
      [4, 'C', null],
      [5, null, null],
      [6, 'A', day(1)],
    ]);
    expect(await readRows(db, meta, 7, 100)).toEqual([
      [8, 'B', day(3)],
      [9, 'A', day(4)],
    ]);
    expect(await readRows(db, meta, 9, 10)).toEqual([]);
    expect(await readRows(db, meta, -3, 1)).toEqual([[1, 'A', null]]);
  });

  it('reads whole columns across chunks, blank where a chunk predates a column', async () => {
    const meta = await unevenDataset();
    const [id, city, when] = await readAllColumns(db, meta);
    // Numbers without blanks come back as one typed array.
    expect(ArrayBuffer.isView(id)).toBe(true);
    expect(Array.from(id!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(city).toEqual(['A', 'B', 'A', 'C', null, 'A', '=1+1', 'B', 'A']);
    expect(Array.from(when!)).toEqual([null, null, null, null, null, day(1), null, day(3), day(4)]);
  });

  it('reads chunks stored before Blobs (bytes as a Uint8Array) beside newer ones', async () => {
    const meta = await unevenDataset();
    // The middle chunk as an older version wrote it.
    const old = (await db.chunks.get(['ds', 1]))!;
    await db.chunks.put({ ...old, bytes: await restoreChunkBytes(old) });
    expect((await db.chunks.get(['ds', 1]))!.bytes).toBeInstanceOf(Uint8Array);
    expect((await db.chunks.get(['ds', 2]))!.bytes).toBeInstanceOf(Blob);
    const [id, city] = await readAllColumns(db, meta);
    expect(Array.from(id!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(city).toEqual(['A', 'B', 'A', 'C', null, 'A', '=1+1', 'B', 'A']);
    expect(await readRows(db, meta, 3, 2)).toEqual([
      [4, 'C', null],
      [5, null, null],
    ]);
  });

  it('reads only the chunks that hold the rows, and decodes each once while scrolling', async () => {
    const meta = await unevenDataset();
    await chunkIndex(db, meta);
    const read: number[] = [];
    const get = db.chunks.get.bind(db.chunks);
    db.chunks.get = ((key: [string, number]) => {
      read.push(key[1]);
      return get(key);
    }) as typeof db.chunks.get;
    const cache = new ChunkCache(2);
    await readRows(db, meta, 6, 2, cache);
    await readRows(db, meta, 7, 2, cache);
    await readRows(db, meta, 5, 1, cache);
    expect(read).toEqual([2]);
  });

  it('keeps the chunk index in the results cache until the dataset changes', async () => {
    const meta = await unevenDataset();
    const index = await chunkIndex(db, meta);
    expect(index.rows).toEqual([3, 2, 4]);
    expect(await db.results.get('chunk-index:ds')).toBeDefined();
    let stored = 0;
    for (const c of await db.chunks.toArray()) stored += (await restoreChunkBytes(c)).byteLength;
    expect(index.bytes).toBe(stored);
    // No storedBytes in the metadata: the size is the chunks' sum.
    expect(await datasetStoredBytes(db, meta)).toBe(stored);
    expect(await datasetStoredBytes(db, { ...meta, storedBytes: 42 })).toBe(42);

    // An append commits one more chunk: the commit drops the cached index.
    await writeChunk(db, 'ds', 3, encodeChunk(columns, { id: [10], city: ['D'], when: [day(9)] }));
    const more = { ...meta, rowCount: 10, chunkCount: 4 };
    await commitDataset(db, more);
    expect(await db.results.get('chunk-index:ds')).toBeUndefined();
    expect((await chunkIndex(db, more)).rows).toEqual([3, 2, 4, 1]);
    expect(await readRows(db, more, 9, 5)).toEqual([[10, 'D', day(9)]]);
  });

  it('feeds the profile and the CSV export one chunk at a time', async () => {
    const meta = await unevenDataset();
    const profiler = new DatasetProfiler(meta.columns);
    const chunks: unknown[][][] = [];
    const done: number[] = [];
    await scanChunks(db, meta, (values, rows) => {
      profiler.add(values);
      chunks.push(values.map((v) => Array.from(v)));
      done.push(rows);
    });
    expect(done).toEqual([3, 5, 9]);
    const [id, city, when] = profiler.finish();
    expect(id).toMatchObject({ nulls: 0, distinct: 9, min: 1, max: 9 });
    expect(city).toMatchObject({ nulls: 1, distinct: 4 });
    expect(city!.top[0]).toEqual({ value: 'A', count: 4 });
    expect(when).toMatchObject({
      nulls: 6,
      distinct: 3,
      min: day(1),
      max: day(4),
    });

    let csv = '';
    for await (const piece of csvPieces(meta.columns, chunks)) csv += piece;
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' });
    expect(parsed.data.slice(0, -1)).toEqual([
      ['id', 'city', 'when'],
      ['1', 'A', ''],
      ['2', 'B', ''],
      ['3', 'A', ''],
      ['4', 'C', ''],
      ['5', '', ''],
      ['6', 'A', '2026-01-01'],
      ['7', "'=1+1", ''],
      ['8', 'B', '2026-01-03'],
      ['9', 'A', '2026-01-04'],
    ]);
  });
});

describe('dataset housekeeping', () => {
  it('renames a dataset without touching its rows; blank names are refused', async () => {
    const meta = await unevenDataset();
    expect(await renameDataset(db, 'ds', '  Опрос Q3 ')).toBe(true);
    expect((await getDataset(db, 'ds'))?.name).toBe('Опрос Q3');
    expect(await renameDataset(db, 'ds', '   ')).toBe(false);
    expect(await renameDataset(db, 'nope', 'x')).toBe(false);
    expect((await getDataset(db, 'ds'))?.name).toBe('Опрос Q3');
    expect(await readRows(db, { ...meta, name: 'Опрос Q3' }, 0, 1)).toEqual([[1, 'A', null]]);
  });

  it('names the notebook cells that read a dataset, of any kind', async () => {
    const q3 = createNotebook('Q3 review', 10);
    q3.cells = [
      createCell('import', { datasetId: 'ds' }),
      createCell('markdown', { source: 'ds' }),
      createCell('nps', { datasetId: 'ds', column: 'score' }),
      createCell('nps', { datasetId: 'other', column: 'score' }),
      createCell('join', { left: 'other', right: 'ds', resultId: 'joined' }),
      createCell('future-kind', { datasetId: 'ds' }),
    ];
    const other = createNotebook('Other', 5);
    other.cells = [createCell('import', { datasetId: 'other' })];
    await putNotebook(db, q3);
    await putNotebook(db, other);
    const uses = await findCellsUsingDataset(db, 'ds');
    expect(uses.map((u) => [u.notebookTitle, u.cellIndex, u.kind])).toEqual([
      ['Q3 review', 0, 'import'],
      ['Q3 review', 2, 'nps'],
      ['Q3 review', 4, 'join'],
      ['Q3 review', 5, 'future-kind'],
    ]);
    expect(uses[0]).toMatchObject({ notebookId: q3.id, cellId: q3.cells[0]!.id });
    expect(await findCellsUsingDataset(db, 'unused')).toEqual([]);
  });

  it('deleting drops the cached index and profile with the rows', async () => {
    const meta = await unevenDataset();
    await chunkIndex(db, meta);
    await deleteDataset(db, 'ds');
    expect(await db.results.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });
});
