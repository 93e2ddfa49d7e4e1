import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { FilePart } from '../../src/data/file-part.ts';
import {
  profileSource,
  readFileSource,
  type FileSource,
  type PartReader,
} from '../../src/data/file-source.ts';
import { readAllColumns } from '../../src/data/chunks-repo.ts';
import { storeDataset } from '../../src/data/import-dataset.ts';
import { ColumnMemo } from '../../src/core/ingest/inspect.ts';
import { splitPoint } from '../../src/core/ingest/split-point.ts';
import { encodeColumnChunks, storedColumns } from '../../src/core/ingest/typed-chunks.ts';
import type { TypedValues } from '../../src/core/ingest/types.ts';
import { realFile } from '../fixtures/real/real-files.ts';
import { SLOW } from './slow.ts';

// A large file is read in two parts at once (the later one in a worker of its own in the app):
// whatever the split, the preview and the stored dataset must be those of reading it whole.

let db: CxTraceDb;
let n = 0;
beforeEach(async () => {
  db = new CxTraceDb(`file-source-${++n}`);
  await db.open();
});

/** The later part read in-process, as the part worker does it. */
function localReader(closed: { count: number }): () => PartReader {
  return () => {
    const part = new FilePart();
    return {
      parse: (r) => part.parse(r),
      read: (names, formats) => Promise.resolve(part.read(names, formats)),
      store: (owner, columns, first, onRows) => part.store(db, owner, columns, first, onRows),
      ready: () => Promise.resolve(),
      close: () => closed.count++,
    };
  };
}

/** Reads, profiles and stores a file as the ingest worker does; the stored columns and report. */
async function importFile(bytes: Uint8Array, name: string, minSplitBytes: number) {
  const closed = { count: 0 };
  const file = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const source: FileSource = await readFileSource(
    file,
    name,
    {},
    localReader(closed),
    minSplitBytes,
  );
  const memo = new ColumnMemo();
  const preview = await profileSource(source, {}, memo);
  const typed: TypedValues[] = [];
  const report = await profileSource(source, {}, memo, typed);
  const columns = storedColumns(report.columns);
  const later = source.later;
  const meta = await storeDataset(db, {
    name,
    columns,
    totalRows: report.rows,
    chunks: (first) => encodeColumnChunks(columns, typed, 1000, first),
    ...(later
      ? {
          alongside: {
            chunkOffset: Math.ceil(source.table.rows.length / 1000),
            write: (owner: string, first: number, onRows: (rows: number) => void) =>
              later.reader.store(owner, columns, first, onRows),
          },
        }
      : {}),
  });
  return {
    split: later !== null,
    preview,
    report,
    meta,
    values: await readAllColumns(db, meta),
    closed,
  };
}

/** A CSV with quotes, quoted line breaks and delimiters, blanks, invalid numbers and dates. */
function messyCsv(rows: number): Uint8Array {
  const lines = ['\uFEFFid;сумма;дата;комментарий;канал'];
  for (let i = 0; i < rows; i++) {
    const amount = i % 97 === 0 ? 'нет' : i % 13 === 0 ? '' : `${i % 5000},${i % 100}`;
    const date = `${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.2025`;
    const comment =
      i % 7 === 0 ? `"Сказал: ""жду""; потом\nещё строка ${i}"` : i % 3 === 0 ? '' : `ок ${i % 40}`;
    lines.push([`К${i}`, amount, date, comment, ['сайт', 'звонок', 'офис'][i % 3]].join(';'));
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

describe('reading a large file in two parts', () => {
  it('gives the preview and the dataset of reading it whole', SLOW, async () => {
    const bytes = messyCsv(9000);
    expect(splitPoint(bytes, 'utf-8', 1000)).not.toBeNull();
    const whole = await importFile(bytes, 'm.csv', Infinity);
    const parts = await importFile(bytes, 'm.csv', 1000);
    expect(whole.split).toBe(false);
    expect(parts.split).toBe(true);
    expect(parts.report.rows).toBe(9000);
    expect(parts.preview).toEqual(whole.preview);
    expect(parts.report).toEqual(whole.report);
    expect(parts.meta.rowCount).toBe(9000);
    expect(parts.values.map((v) => Array.from(v))).toEqual(whole.values.map((v) => Array.from(v)));
    // The invalid amounts are counted across both parts, with row numbers in the whole file.
    const amount = parts.report.columns[1]!;
    expect(amount.invalid).toBe(Math.floor(8999 / 97) + 1);
    expect(amount.invalidExamples[0]).toEqual({ row: 1, value: 'нет' });
  });

  it('cuts only at a line break outside quotes, and not UTF-16 or small files', () => {
    const text = 'a,b\n1,"x\ny\nz"\n2,w\n';
    const bytes = new TextEncoder().encode(text);
    expect(text.slice(0, splitPoint(bytes, 'utf-8', 0)!)).toBe('a,b\n1,"x\ny\nz"\n');
    expect(splitPoint(bytes, 'utf-16le', 0)).toBeNull();
    expect(splitPoint(bytes, 'utf-8')).toBeNull();
  });

  it('numbers ragged rows of the later part as in the whole file', async () => {
    const lines = ['a,b,c'];
    for (let i = 0; i < 4000; i++) lines.push(i === 3500 || i === 3900 ? `${i},x` : `${i},x,y`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const whole = await importFile(bytes, 'r.csv', Infinity);
    const parts = await importFile(bytes, 'r.csv', 1000);
    expect(parts.split).toBe(true);
    expect(parts.report.problems).toEqual(whole.report.problems);
    expect(parts.report.problems.map((p) => p.row)).toEqual([3502, 3902]);
  });

  it('reads the file whole when quotes do not pair up, and stops the part reader', async () => {
    const lines = ['a;b'];
    // Two fields open a quote they never close: the quotes before the middle pair up by count,
    // but the first part's parse finds them stray, so the cut cannot be trusted.
    for (let i = 0; i < 4000; i++) lines.push(i === 100 || i === 200 ? `${i};"bad` : `${i};"ok"`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const parts = await importFile(bytes, 'q.csv', 1000);
    const whole = await importFile(bytes, 'q.csv', Infinity);
    expect(parts.split).toBe(false);
    expect(parts.closed.count).toBe(1);
    expect(parts.report).toEqual(whole.report);
    expect(whole.report.problems.some((p) => p.code === 'stray-quote')).toBe(true);
  });

  it(
    'reads the file whole when no record ends near the cut (one 10 MB quoted field)',
    SLOW,
    async () => {
      const long = 'строка\n'.repeat(800_000) + 'конец';
      const lines = ['n;text'];
      for (let i = 0; i < 1000; i++) lines.push(`${i};ok`);
      lines.push(`1000;"${long}"`);
      for (let i = 1001; i < 2000; i++) lines.push(`${i};ok`);
      const bytes = new TextEncoder().encode(lines.join('\n'));
      expect(bytes.length).toBeGreaterThan(10_000_000);
      const parts = await importFile(bytes, 'long.csv', 1000);
      expect(parts.split).toBe(false);
      expect(parts.closed.count).toBe(1);
      expect(parts.meta.rowCount).toBe(2000);
      expect(parts.values[1]![1000]).toBe(long);
      expect(parts.values[1]![1999]).toBe('ok');
    },
  );

  it('reads a real export the same either way (telco churn, 7,043 rows)', SLOW, async () => {
    const bytes = new Uint8Array(readFileSync(realFile('telco_customer_churn.csv')));
    const whole = await importFile(bytes, 'telco.csv', Infinity);
    const parts = await importFile(bytes, 'telco.csv', 100_000);
    expect(parts.split).toBe(true);
    expect(parts.report).toEqual(whole.report);
    expect(parts.values.map((v) => Array.from(v))).toEqual(whole.values.map((v) => Array.from(v)));
    expect(parts.meta.rowCount).toBe(7043);
  });
});
