import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { importDataset, StorageFullError } from '../../src/data/import-dataset.ts';
import { scanColumn } from '../../src/data/chunks-repo.ts';
import { cleanOrphanChunks, getDataset, listDatasets } from '../../src/data/datasets-repo.ts';
import { appendFormats, diffSchemas } from '../../src/core/ingest/schema-diff.ts';
import { writeChunk } from '../../src/data/chunks-repo.ts';
import { restoreChunkBytes } from '../../src/data/chunk-record.ts';
import { chunkOwner } from '../../src/core/storage/dataset-meta.ts';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { profileTable } from '../../src/core/ingest/inspect.ts';
import { SLOW } from './slow.ts';

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

/** Every stored chunk with its bytes read (a Blob alone compares equal to any other). */
async function storedChunks() {
  return Promise.all(
    (await db.chunks.toArray()).map(async (c) => ({ ...c, bytes: await restoreChunkBytes(c) })),
  );
}

const input = (src: Awaited<ReturnType<typeof table>>) => ({
  name: 't',
  rows: src.src.rows,
  profiles: src.report.columns,
  source: { fileName: 't.csv', bytes: 1 },
});

describe('importDataset', () => {
  it('stores typed chunks, then the metadata, and reads back every value', SLOW, async () => {
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

  it(
    'rolls back when storage runs out, leaving earlier datasets byte-identical',
    SLOW,
    async () => {
      const first = await importDataset(db, input(await table(100)));
      const before = await storedChunks();
      let writes = 0;
      // The browser's QuotaExceededError, raised on the second chunk write of the next import.
      db.chunks.hook('creating', () => {
        if (++writes === 2)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const failed = await importDataset(db, input(await table(140_000))).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(StorageFullError);
      expect((await listDatasets(db)).map((d) => d.id)).toEqual([first.id]);
      expect(await storedChunks()).toEqual(before);
    },
  );

  async function fromCsv(csv: string, formats = {}) {
    const src = await readSource(new TextEncoder().encode(csv), 'next.csv');
    const report = profileTable(src, formats);
    return {
      name: 'next',
      rows: src.rows,
      profiles: report.columns,
      source: { fileName: 'next.csv', bytes: csv.length },
    };
  }
  const column = async (id: string, name: string) => {
    const out: unknown[] = [];
    await scanColumn(db, (await getDataset(db, id))!, name, (v) => out.push(...Array.from(v)));
    return out;
  };

  it('appends next month’s rows to the same dataset, reading shared columns as before', async () => {
    const jan = await importDataset(
      db,
      await fromCsv('client;month;score\nA;2026-01;9\nB;2026-01;6\n'),
    );
    const febCsv = 'client;score;channel\nA;10;app\nC;n/a;web\nD;7;app\n';
    const febProbe = await fromCsv(febCsv);
    const diff = diffSchemas(jan.columns, febProbe.profiles);
    expect(diff).toMatchObject({ added: ['channel'], missing: ['month'] });
    const feb = await importDataset(
      db,
      await fromCsv(febCsv, appendFormats(jan.columns)),
      undefined,
      {
        mode: 'append',
        datasetId: jan.id,
      },
    );
    expect(feb.id).toBe(jan.id);
    expect(feb.rowCount).toBe(5);
    expect(feb.columns.map((c) => c.name)).toEqual(['client', 'month', 'score', 'channel']);
    expect(await column(jan.id, 'score')).toEqual([9, 6, 10, null, 7]);
    expect(await column(jan.id, 'month')).toEqual(['2026-01', '2026-01', null, null, null]);
    expect(await column(jan.id, 'channel')).toEqual([null, null, 'app', 'web', 'app']);
    expect((await listDatasets(db)).length).toBe(1);
  });

  it('replaces a dataset’s rows in one commit, keeping its id and dropping the old rows', async () => {
    const first = await importDataset(db, await fromCsv('a;b\n1;x\n2;y\n'));
    const oldOwner = chunkOwner(first);
    const next = await importDataset(db, await fromCsv('a;b\n7;z\n'), undefined, {
      mode: 'replace',
      datasetId: first.id,
    });
    expect(next.id).toBe(first.id);
    expect(chunkOwner(next)).not.toBe(oldOwner);
    expect(await column(first.id, 'a')).toEqual([7]);
    expect(await db.chunks.where('datasetId').equals(oldOwner).count()).toBe(0);
  });

  it('a failed append leaves the dataset exactly as it was; stray appended chunks are cleaned', async () => {
    const base = await importDataset(db, await fromCsv('a;b\n1;x\n'));
    const before = await storedChunks();
    let writes = 0;
    db.chunks.hook('creating', () => {
      if (++writes === 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const rows = Array.from({ length: 70_000 }, (_, i) => `${i};r`).join('\n');
    const failed = await importDataset(db, await fromCsv(`a;b\n${rows}\n`), undefined, {
      mode: 'append',
      datasetId: base.id,
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StorageFullError);
    expect(await getDataset(db, base.id)).toEqual(base);
    expect(await storedChunks()).toEqual(before);
    // A chunk past the dataset's last one (an append cut off by a crash) is an orphan.
    writes = 10;
    await writeChunk(db, chunkOwner(base), 1, before[0]!.bytes);
    expect(await cleanOrphanChunks(db)).toBe(1);
    expect(await storedChunks()).toEqual(before);
  });
});
