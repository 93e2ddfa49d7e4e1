import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { readAllColumns, scanColumn, writeChunk } from '../../src/data/chunks-repo.ts';
import { loadStoredDataset } from '../../src/data/model-datasets.ts';
import {
  cleanOrphanChunks,
  commitDataset,
  deleteDataset,
  getDataset,
  listDatasets,
} from '../../src/data/datasets-repo.ts';
import { getNotebook, listNotebooks, putNotebook } from '../../src/data/notebooks-repo.ts';
import {
  Type,
  dictionary,
  int32,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  timestamp,
  utf8,
} from '@uwdata/flechette';
import { encodeChunk, decodeChunkColumn } from '../../src/core/storage/column-chunk.ts';
import { encodeColumnChunks } from '../../src/core/ingest/typed-chunks.ts';
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
    // Dates come back as epoch milliseconds (no Date object per row).
    expect(Array.from(decodeChunkColumn(bytes, 'when'))).toEqual([
      when.getTime(),
      null,
      when.getTime(),
    ]);
  });

  it('round-trips any string, including astral, lone-surrogate and empty ones', () => {
    const text = [
      'plain',
      'Доставка опоздала',
      '',
      'emoji 😀 end',
      '\ud83d',
      '\ude00',
      null,
      'ё',
      '中文',
    ];
    // A lone surrogate is not valid UTF-8: it is stored as U+FFFD, as TextEncoder writes it.
    const stored = (t: string | null) =>
      t &&
      t.replace(/[\ud800-\udfff]/g, (c, i: number) => {
        const pair = /[\ud800-\udbff][\udc00-\udfff]/;
        return pair.test(t.slice(i - 1, i + 1)) || pair.test(t.slice(i, i + 2)) ? c : '\ufffd';
      });
    // Short strings are coded as one text; long ones (comments) one by one: both exact.
    for (const repeat of [1, 40]) {
      const values = text.map((t) => t && t.repeat(repeat));
      const bytes = encodeChunk([columns[1]!], { comment: values });
      expect(Array.from(decodeChunkColumn(bytes, 'comment'))).toEqual(values.map(stored));
    }
  });

  it('stores repeating strings as a dictionary and unique ones as text, both exact', () => {
    const grades = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? null : `Грейд ${i % 3}`));
    const ids = Array.from({ length: 1000 }, (_, i) => `К${String(i).padStart(7, '0')}`);
    const cols: ColumnInfo[] = [
      { name: 'grade', type: 'string' },
      { name: 'id', type: 'string' },
    ];
    const bytes = encodeChunk(cols, { grade: grades, id: ids });
    const table = tableFromIPC(bytes);
    expect(table.getChild('grade')!.type.typeId).toBe(Type.Dictionary);
    expect(table.getChild('id')!.type.typeId).toBe(Type.Utf8);
    expect(Array.from(decodeChunkColumn(bytes, 'grade'))).toEqual(grades);
    expect(Array.from(decodeChunkColumn(bytes, 'id'))).toEqual(ids);
    // Whole numbers are stored in the narrowest integer type, others as float64, blanks (null
    // or NaN) as nulls; calendar days as date32.
    const nums = encodeChunk(
      [
        { name: 'n', type: 'number' },
        { name: 'm', type: 'number' },
        { name: 'x', type: 'number' },
        { name: 'day', type: 'date', valueType: 'date' },
      ],
      {
        n: Float64Array.from([1, NaN, -3]),
        m: [40_000, 0, -1],
        x: [0.5, null, 2 ** 40],
        day: [Date.UTC(1900, 0, 1), null, Date.UTC(2026, 10, 23)],
      },
    );
    const t2 = tableFromIPC(nums);
    const width = (name: string) => (t2.getChild(name)!.type as { bitWidth: number }).bitWidth;
    expect([width('n'), width('m')]).toEqual([8, 32]);
    expect(t2.getChild('day')!.type.typeId).toBe(Type.Date);
    expect(Array.from(decodeChunkColumn(nums, 'n'))).toEqual([1, null, -3]);
    expect(Array.from(decodeChunkColumn(nums, 'm'))).toEqual([40_000, 0, -1]);
    expect(Array.from(decodeChunkColumn(nums, 'x'))).toEqual([0.5, null, 2 ** 40]);
    expect(Array.from(decodeChunkColumn(nums, 'day'))).toEqual([
      Date.UTC(1900, 0, 1),
      null,
      Date.UTC(2026, 10, 23),
    ]);
  });

  it('stores columns read as a dictionary chunk by chunk, each with only the values it uses', () => {
    const words = ['Москва', 'Томск', 'Псков', 'Омск'];
    // Rows 0–99 use the first two words; rows 100–199 are all distinct (a dictionary would not pay).
    const n = 200;
    const codes = new Int32Array(n).map((_, i) => (i % 10 === 9 ? -1 : i % 2));
    const uniques = Array.from({ length: 100 }, (_, i) => `улица ${i}`);
    const dictionary = [...words, ...uniques];
    for (let i = 100; i < n; i++) codes[i] = words.length + (i - 100);
    const col: ColumnInfo = { name: 'city', type: 'string' };
    const chunks = [...encodeColumnChunks([col], [{ codes, dictionary }], 100)];
    const first = tableFromIPC(chunks[0]!.bytes).getChild('city')!;
    expect(first.type.typeId).toBe(Type.Dictionary);
    expect((first.data[0] as unknown as { dictionary: { length: number } }).dictionary.length).toBe(
      2,
    );
    expect(tableFromIPC(chunks[1]!.bytes).getChild('city')!.type.typeId).toBe(Type.Utf8);
    const decoded = chunks.flatMap((c) => Array.from(decodeChunkColumn(c.bytes, 'city')));
    expect(decoded).toEqual(Array.from(codes, (c) => (c < 0 ? null : dictionary[c])));
  });

  it('reads chunks written by flechette’s own builders (data stored by earlier versions)', () => {
    const old = tableToIPC(
      tableFromArrays(
        {
          when: [new Date(Date.UTC(1969, 6, 20, 20, 17)), null, new Date(Date.UTC(2026, 0, 1))],
          grade: ['A', 'B', 'A'],
          comment: ['ок', null, 'x'],
        },
        { types: { when: timestamp(), grade: dictionary(utf8(), int32()), comment: utf8() } },
      ),
      { format: 'stream' },
    )!;
    expect(Array.from(decodeChunkColumn(old, 'when'))).toEqual([
      Date.UTC(1969, 6, 20, 20, 17),
      null,
      Date.UTC(2026, 0, 1),
    ]);
    expect(Array.from(decodeChunkColumn(old, 'grade'))).toEqual(['A', 'B', 'A']);
    expect(Array.from(decodeChunkColumn(old, 'comment'))).toEqual(['ок', null, 'x']);
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

  it('loads a dataset whose columns read as the whole-dataset read gives them', async () => {
    const rows = (from: number, n: number) => ({
      score: Array.from({ length: n }, (_, i) => ((from + i) % 7 === 0 ? null : from + i)),
      comment: Array.from({ length: n }, (_, i) => (i % 5 ? `отзыв ${from + i}` : null)),
      when: Array.from({ length: n }, (_, i) => Date.UTC(2026, 0, 1 + ((from + i) % 60))),
      churned: Array.from({ length: n }, (_, i) => (from + i) % 3 === 0),
    });
    await writeChunk(db, 'm', 0, encodeChunk(columns, rows(0, 40)));
    await writeChunk(db, 'm', 1, encodeChunk(columns, rows(40, 25)));
    await commitDataset(db, meta('m', 65, 2));
    const stored = (await getDataset(db, 'm'))!;
    const whole = await readAllColumns(db, stored);
    const loaded = await loadStoredDataset(db, stored);
    expect(loaded.rowCount).toBe(65);
    expect(Object.keys(loaded.columns)).toEqual(columns.map((c) => c.name));
    columns.forEach((c, k) => {
      expect(Array.from(loaded.columns[c.name]!), c.name).toEqual(Array.from(whole[k]!));
    });
    // A column read twice is the same array; a column replaced keeps its new values.
    expect(loaded.columns.score).toBe(loaded.columns.score);
    loaded.columns.comment = ['x'];
    expect(loaded.columns.comment).toEqual(['x']);
    // Only the columns asked for, each read the first time it is used.
    const some = await loadStoredDataset(db, stored, ['when']);
    expect(Object.keys(some.columns)).toEqual(['when']);
    expect(Array.from(some.columns.when!)).toEqual(Array.from(whole[2]!));
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
