import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { importDataset, StorageFullError } from '../../src/data/import-dataset.ts';
import { scanColumn } from '../../src/data/chunks-repo.ts';
import { getDataset, listDatasets } from '../../src/data/datasets-repo.ts';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { profileTable } from '../../src/core/ingest/inspect.ts';

let db: CxTraceDb;
let n = 0;
beforeEach(async () => {
  db = new CxTraceDb(`import-${++n}`);
  await db.open();
});

async function table(rows: number) {
  const lines = ['id;score;amount;comment'];
  for (let i = 0; i < rows; i++) lines.push(`K${i};${i % 11};${i},5;"текст ${i}; с ""кавычками"""`);
  const src = await readSource(new TextEncoder().encode(lines.join('\n')), 't.csv');
  return { src, report: profileTable(src) };
}

const input = (src: Awaited<ReturnType<typeof table>>) => ({
  name: 't',
  rows: src.src.rows,
  profiles: src.report.columns,
  source: { fileName: 't.csv', bytes: 1 },
});

describe('importDataset', () => {
  it('stores typed chunks, then the metadata, and reads back every value', async () => {
    const t = await table(70_000);
    const progress: number[] = [];
    const meta = await importDataset(db, input(t), (p) => progress.push(p.rows));
    expect(meta).toMatchObject({ rowCount: 70_000, chunkCount: 2 });
    expect(progress).toEqual([65_536, 70_000]);
    expect(meta.columns.map((c) => [c.name, c.type, c.valueType])).toEqual([
      ['id', 'string', 'id'],
      ['score', 'number', 'integer'],
      ['amount', 'number', 'decimal'],
      ['comment', 'string', 'text'],
    ]);
    const stored = (await getDataset(db, meta.id))!;
    expect(stored.storedBytes).toBeGreaterThan(0);
    const amounts: unknown[] = [];
    await scanColumn(db, stored, 'amount', (v) => amounts.push(...Array.from(v)));
    expect(amounts[69_999]).toBe(69_999.5);
    const comments: unknown[] = [];
    await scanColumn(db, stored, 'comment', (v) => comments.push(...Array.from(v)));
    expect(comments[1]).toBe('текст 1; с "кавычками"');
  });

  it('rolls back when storage runs out, leaving earlier datasets byte-identical', async () => {
    const first = await importDataset(db, input(await table(100)));
    const before = await db.chunks.toArray();
    let writes = 0;
    // The browser's QuotaExceededError, raised on the second chunk write of the next import.
    db.chunks.hook('creating', () => {
      if (++writes === 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = await importDataset(db, input(await table(140_000))).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StorageFullError);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual([first.id]);
    expect(await db.chunks.toArray()).toEqual(before);
  });
});
