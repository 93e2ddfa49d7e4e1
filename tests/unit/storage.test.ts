import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { scanColumn, writeChunk } from '../../src/data/chunks-repo.ts';
import {
  cleanOrphanChunks,
  commitDataset,
  deleteDataset,
  getDataset,
  listDatasets,
} from '../../src/data/datasets-repo.ts';
import { getNotebook, listNotebooks, putNotebook } from '../../src/data/notebooks-repo.ts';
import { encodeChunk, decodeChunkColumn } from '../../src/core/storage/column-chunk.ts';
import type { ColumnInfo, DatasetMeta } from '../../src/core/storage/dataset-meta.ts';
import { restoreCellData } from '../../src/core/notebook/cell-kinds.ts';

const columns: ColumnInfo[] = [
  { name: 'score', type: 'number' },
  { name: 'comment', type: 'string' },
  { name: 'when', type: 'date' },
  { name: 'churned', type: 'boolean' },
];

let db: CxTraceDb;
let n = 0;
beforeEach(async () => {
  db = new CxTraceDb(`test-${++n}`);
  await db.open();
});

const meta = (id: string, rowCount: number, chunkCount: number): DatasetMeta => ({
  id,
  name: id,
  createdAt: n,
  rowCount,
  chunkCount,
  columns,
});

describe('column chunks', () => {
  it('round-trip numbers, text, dates, booleans and blanks', () => {
    const when = new Date('2026-03-01T00:00:00Z');
    const bytes = encodeChunk(columns, {
      score: [10, null, 3.5],
      comment: ['Доставка опоздала', null, 'ok; "quoted"'],
      when: [when, null, when],
      churned: [true, false, null],
    });
    expect(Array.from(decodeChunkColumn(bytes, 'score'))).toEqual([10, null, 3.5]);
    expect(Array.from(decodeChunkColumn(bytes, 'comment'))).toEqual([
      'Доставка опоздала',
      null,
      'ok; "quoted"',
    ]);
    expect(Array.from(decodeChunkColumn(bytes, 'churned'))).toEqual([true, false, null]);
    const dates = Array.from(decodeChunkColumn(bytes, 'when')) as (Date | null)[];
    expect(dates[0]?.getTime()).toBe(when.getTime());
    expect(dates[1]).toBeNull();
  });

  it('refuses columns of different lengths', () => {
    expect(() => encodeChunk(columns.slice(0, 2), { score: [1, 2], comment: ['a'] })).toThrow(
      /comment/,
    );
  });
});

describe('datasets in IndexedDB', () => {
  const chunk = (scores: (number | null)[]) => encodeChunk(columns.slice(0, 1), { score: scores });

  it('becomes visible only when every chunk is there, then scans in order', async () => {
    await writeChunk(db, 'd1', 0, chunk([10, 9]));
    expect(await listDatasets(db)).toEqual([]);
    // A commit that does not match the chunks stored is refused and leaves nothing visible.
    await expect(commitDataset(db, meta('d1', 3, 2))).rejects.toThrow(/expected 2 chunks/);
    expect(await getDataset(db, 'd1')).toBeNull();
    await writeChunk(db, 'd1', 1, chunk([null]));
    await commitDataset(db, meta('d1', 3, 2));
    const stored = (await getDataset(db, 'd1'))!;
    const seen: unknown[] = [];
    const progress: number[] = [];
    await scanColumn(db, stored, 'score', (values, done) => {
      seen.push(...Array.from(values));
      progress.push(done);
    });
    expect(seen).toEqual([10, 9, null]);
    expect(progress).toEqual([2, 3]);
  });

  it('cleans chunks left by an interrupted import, but not ones being imported', async () => {
    await writeChunk(db, 'kept', 0, chunk([1]));
    await commitDataset(db, meta('kept', 1, 1));
    await writeChunk(db, 'orphan', 0, chunk([1]));
    await writeChunk(db, 'orphan', 1, chunk([2]));
    await writeChunk(db, 'importing', 0, chunk([3]));
    expect(await cleanOrphanChunks(db, new Set(['importing']))).toBe(2);
    expect(await db.chunks.where('datasetId').equals('kept').count()).toBe(1);
    expect(await db.chunks.where('datasetId').equals('importing').count()).toBe(1);
    expect(await db.chunks.where('datasetId').equals('orphan').count()).toBe(0);
  });

  it('deletes a dataset with its chunks and cached results', async () => {
    await writeChunk(db, 'd', 0, chunk([1]));
    await commitDataset(db, meta('d', 1, 1));
    await db.results.put({ key: 'nps:d', datasetId: 'd', createdAt: 0, value: 1 });
    await deleteDataset(db, 'd');
    expect(await db.chunks.count()).toBe(0);
    expect(await db.results.count()).toBe(0);
    expect(await listDatasets(db)).toEqual([]);
  });
});

describe('notebooks in IndexedDB', () => {
  it('repairs damaged records on load and lists the most recent first', async () => {
    await db.notebooks.put({
      id: 'old',
      title: 'Old',
      createdAt: 1,
      updatedAt: 1,
      cells: [],
    } as never);
    await db.notebooks.put({
      id: 'new',
      title: 'New',
      createdAt: 2,
      updatedAt: 5,
      cells: [{ id: 'c', kind: 'markdown', data: 3 }],
    } as never);
    const list = await listNotebooks(db, restoreCellData);
    expect(list.map((x) => x.id)).toEqual(['new', 'old']);
    expect(list[0]!.cells[0]!.data).toEqual({ source: '' });
    const nb = (await getNotebook(db, 'new', restoreCellData))!;
    await putNotebook(db, { ...nb, title: 'Renamed' });
    expect((await getNotebook(db, 'new'))!.title).toBe('Renamed');
    expect(await getNotebook(db, 'missing')).toBeNull();
  });
});
