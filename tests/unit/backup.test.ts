import { beforeAll, describe, expect, it } from 'vitest';
import { failsWith } from './fails-with.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { CxTraceDb } from '../../src/data/db.ts';
import { storeDemoWorld } from '../../src/data/demo-datasets.ts';
import { putNotebook } from '../../src/data/notebooks-repo.ts';
import { StorageFullError } from '../../src/data/import-dataset.ts';
import { backupStream, restoreBackup, type RestoreMode } from '../../src/data/backup-store.ts';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { createCell, createNotebook } from '../../src/core/notebook/notebook.ts';
import { readChunkBytes } from '../../src/data/chunks-repo.ts';
import { BackupError, openBackup, sealBackup } from '../../src/core/backup/backup-envelope.ts';
import { readRecords } from '../../src/core/backup/backup-records.ts';
import { SLOW } from './slow.ts';

let n = 0;
const freshDb = async () => {
  const db = new CxTraceDb(`backup-${++n}`);
  await db.open();
  return db;
};

let source: CxTraceDb;
let plain: Uint8Array;
let locked: Uint8Array;

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Everything a workspace holds, comparable: each dataset by its rows' SHA-256. */
async function snapshot(db: CxTraceDb) {
  const datasets = [];
  for (const meta of await db.datasets.orderBy('id').toArray()) {
    const hash = sha256.create();
    for (let i = 0; i < meta.chunkCount; i++) {
      hash.update(await readChunkBytes(db, meta, i));
    }
    const { storageId: _owner, ...rest } = meta;
    datasets.push({ ...rest, sha256: Buffer.from(hash.digest()).toString('hex') });
  }
  return {
    datasets,
    models: await db.models.orderBy('id').toArray(),
    notebooks: await db.notebooks.orderBy('id').toArray(),
    results: await db.cellResults.orderBy('key').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
    chunks: await db.chunks.count(),
  };
}

const restore = (db: CxTraceDb, file: Uint8Array, mode: RestoreMode, passphrase: string | null) =>
  restoreBackup(
    db,
    new Blob([file as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(openBackup(passphrase, { minIterations: 1000 }))
      .pipeThrough(readRecords()),
    mode,
  );

const failsWithCode = (p: Promise<unknown>) => failsWith(p, BackupError);

beforeAll(async () => {
  source = await freshDb();
  const made = await storeDemoWorld(source, generateDemoWorld({ clients: 300, months: 12 }));
  const notebook = createNotebook('Backed up', 1);
  notebook.cells = [createCell('markdown', { source: 'Keep me' })];
  await putNotebook(source, notebook);
  await source.settings.put({ key: 'locale', value: 'ru' });
  await source.cellResults.put({
    key: 'analysis:npsCell:x',
    notebookIds: [notebook.id],
    cellIds: [notebook.cells[0]!.id],
    request: {
      worker: 'analysis',
      method: 'npsCell',
      input: {},
      reads: { datasets: [made.datasets.survey!], models: [], cells: [] },
    },
    versions: { datasets: {}, models: {}, cells: {} },
    bytes: 10,
    createdAt: 2,
    value: { shap: new Float64Array([0.25, NaN]) },
  });
  plain = await collect(backupStream(source).pipeThrough(sealBackup(null)));
  locked = await collect(
    backupStream(source).pipeThrough(sealBackup({ passphrase: 'backup words', iterations: 1000 })),
  );
}, 120_000);

describe('a backup', () => {
  it(
    'restores every dataset byte for byte, every model, notebook, result and setting',
    SLOW,
    async () => {
      const want = await snapshot(source);
      expect(want.datasets.length).toBe(6);
      for (const [file, passphrase] of [
        [plain, null],
        [locked, 'backup words'],
      ] as const) {
        const target = await freshDb();
        const got = await restore(target, file, 'replace', passphrase);
        expect(got).toEqual({ datasets: 6, notebooks: 1, models: 1, results: 1 });
        expect(await snapshot(target)).toEqual(want);
        const value = (await target.cellResults.get('analysis:npsCell:x'))!.value as {
          shap: Float64Array;
        };
        expect(value.shap).toBeInstanceOf(Float64Array);
      }
    },
  );

  it(
    'changes nothing when the file is cut, changed, or opened with the wrong passphrase',
    SLOW,
    async () => {
      const target = await freshDb();
      const own = createNotebook('Mine', 5);
      await putNotebook(target, own);
      await restore(target, plain, 'merge', null);
      const before = await snapshot(target);
      expect(before.notebooks.map((x) => x.title).sort()).toEqual(['Backed up', 'Mine']);
      const flipped = new Uint8Array(plain);
      flipped[Math.floor(plain.length * 0.7)]! ^= 1;
      const cases: [Uint8Array, string | null, RegExp][] = [
        [locked, 'wrong words', /wrong-passphrase/],
        [plain.subarray(0, Math.floor(plain.length * 0.9)), null, /truncated/],
        [flipped, null, /damaged/],
      ];
      for (const [file, passphrase, code] of cases) {
        for (const mode of ['replace', 'merge'] as const) {
          expect(await failsWithCode(restore(target, file, mode, passphrase))).toMatch(code);
          expect(await snapshot(target)).toEqual(before);
        }
      }
    },
  );

  it(
    'rolls back when storage runs out during a restore, the workspace as it was',
    SLOW,
    async () => {
      const target = await freshDb();
      await restore(target, plain, 'merge', null);
      const before = await snapshot(target);
      let writes = 0;
      // The browser's QuotaExceededError, on the third chunk the restore writes.
      target.chunks.hook('creating', () => {
        if (++writes === 3)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      for (const mode of ['replace', 'merge'] as const) {
        writes = 0;
        const failed = await restore(target, plain, mode, null).catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(StorageFullError);
        expect(await snapshot(target)).toEqual(before);
      }
    },
  );

  it('replaces the workspace, or merges keeping what it has', SLOW, async () => {
    const target = await freshDb();
    const own = createNotebook('Mine', 5);
    await putNotebook(target, own);
    await restore(target, plain, 'merge', null);
    expect((await target.notebooks.toArray()).map((x) => x.title).sort()).toEqual([
      'Backed up',
      'Mine',
    ]);
    // Merging again adds nothing twice and leaves no stray chunk.
    const once = await snapshot(target);
    await restore(target, plain, 'merge', null);
    expect(await snapshot(target)).toEqual(once);
    await restore(target, plain, 'replace', null);
    expect((await target.notebooks.toArray()).map((x) => x.title)).toEqual(['Backed up']);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });
});
