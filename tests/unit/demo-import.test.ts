import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { storeDemoWorld } from '../../src/data/demo-datasets.ts';
import { importDataset } from '../../src/data/import-dataset.ts';
import { readAllColumns } from '../../src/data/chunks-repo.ts';
import { getDataset, listDatasets, renameDataset } from '../../src/data/datasets-repo.ts';
import { datasetTitle } from '../../src/core/storage/dataset-meta.ts';
import { getModel } from '../../src/data/models-repo.ts';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { createDemoNotebook } from '../../src/core/notebook/demo-notebook.ts';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { profileTable } from '../../src/core/ingest/inspect.ts';
import { validateModel } from '../../src/core/model/validate-model.ts';
import { loadModelDatasets } from '../../src/data/model-datasets.ts';
import { satisfactionIndex } from '../../src/core/index/satisfaction-index.ts';
import { summariseIndex } from '../../src/core/index/index-summary.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import type { DatasetMeta } from '../../src/core/storage/dataset-meta.ts';
import type { DatasetSchema } from '../../src/core/model/model-types.ts';
import { SLOW } from './slow.ts';

let db: CxTraceDb;
let n = 0;
beforeEach(async () => {
  db = new CxTraceDb(`demo-${++n}`);
  await db.open();
});

const small = () => generateDemoWorld({ clients: 300, months: 12 });

/** A stored dataset as the analyses see it: its columns and every value. */
async function contents(meta: DatasetMeta) {
  return {
    rows: meta.rowCount,
    columns: meta.columns,
    values: (await readAllColumns(db, meta)).map((v) => Array.from(v)),
  };
}

describe('the demo world in the app', () => {
  it(
    'stores the same tables as importing the CSV files of `cx-trace demo` with the importer',
    SLOW,
    async () => {
      const world = small();
      const made = await storeDemoWorld(db, world);
      expect(Object.keys(made.datasets).sort()).toEqual([
        'clients',
        'it',
        'ops',
        'shipments',
        'staff',
        'survey',
      ]);
      for (const file of world.files) {
        // The file as the command line writes it (UTF-8 bytes of the same text), imported as any
        // user's file would be.
        const bytes = new TextEncoder().encode(file.csv);
        const src = await readSource(bytes, file.fileName);
        const report = profileTable(src);
        const imported = await importDataset(db, {
          name: file.name,
          rows: src.rows,
          profiles: report.columns,
          source: { fileName: file.fileName, bytes: bytes.length },
        });
        const inApp = (await getDataset(db, made.datasets[file.name]!))!;
        expect(await contents(inApp), file.name).toEqual(await contents(imported));
      }
    },
  );

  it.each(['mixed', 'en', 'ru'] as const)(
    'stores its service model, which validates clean against the stored datasets (%s)',
    async (lang) => {
      const world = generateDemoWorld({ clients: 300, months: 12, lang });
      const made = await storeDemoWorld(db, world);
      const model = (await getModel(db, made.modelId))!;
      expect(model).toEqual(world.model);
      const schemas: DatasetSchema[] = await listDatasets(db);
      expect(validateModel(model, schemas)).toEqual([]);
      // The demo notebook of that language names only columns its datasets have.
      if (lang === 'mixed') return;
      const notebook = createDemoNotebook(lang, made.datasets, made.modelId);
      const columnsOf = new Map(schemas.map((d) => [d.id, d.columns.map((c) => c.name)]));
      const named: string[] = [];
      for (const cell of notebook.cells) {
        const data = cell.data as Record<string, unknown>;
        const dataset = (data.datasetId ?? data.left) as string | undefined;
        for (const key of [
          'column',
          'periodColumn',
          'text',
          'score',
          'segment',
          'client',
          'target',
          'leftKey',
        ]) {
          const v = data[key];
          if (typeof v !== 'string' || !dataset) continue;
          expect(columnsOf.get(dataset), `${cell.kind}.${key} = ${v}`).toContain(v);
          named.push(v);
        }
      }
      expect(named).toContain(lang === 'ru' ? 'Комментарий' : 'comment');
      expect(notebook.title).toBe(
        lang === 'ru' ? 'Демо: B2B-дистрибьютор' : 'Demo: a B2B distributor',
      );
    },
  );

  it('shows its datasets by titles in the demo’s language, keeping the keys models bind to', async () => {
    const ru = await storeDemoWorld(db, generateDemoWorld({ clients: 200, months: 6, lang: 'ru' }));
    const survey = (await getDataset(db, ru.datasets.survey!))!;
    expect(survey).toMatchObject({ name: 'survey', title: 'Опрос клиентов' });
    expect(datasetTitle(survey)).toBe('Опрос клиентов');
    // Renamed, it keeps its key; opened again in English, it is shown by the key.
    expect(await renameDataset(db, survey.id, 'Опрос 2026')).toBe(true);
    expect(await getDataset(db, survey.id)).toMatchObject({ name: 'survey', title: 'Опрос 2026' });
    const en = await storeDemoWorld(db, generateDemoWorld({ clients: 200, months: 6, lang: 'en' }));
    expect(en.datasets.survey).toBe(survey.id);
    expect(datasetTitle((await getDataset(db, survey.id))!)).toBe('survey');
  });

  it('opened again, replaces its own datasets in place and never a user’s dataset of the same name', async () => {
    const world = small();
    const own = await importDataset(db, {
      name: 'clients',
      rows: [['x']],
      profiles: profileTable(await readSource(new TextEncoder().encode('a\nx\n'), 'clients.csv'))
        .columns,
      source: { fileName: 'clients.csv', bytes: 4 },
    });
    const first = await storeDemoWorld(db, world);
    const second = await storeDemoWorld(db, world);
    expect(second.datasets).toEqual(first.datasets);
    const all = await listDatasets(db);
    expect(all).toHaveLength(7);
    expect((await getDataset(db, own.id))!.rowCount).toBe(1);
  });

  it(
    'computes the satisfaction index from the stored datasets as from the CSV files',
    SLOW,
    async () => {
      const world = small();
      const made = await storeDemoWorld(db, world);
      const model = (await getModel(db, made.modelId))!;
      const stored = summariseIndex(satisfactionIndex(model, await loadModelDatasets(db, model)));
      const files = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
      const fromCsv = summariseIndex(satisfactionIndex(model, files));
      // Most clients answered a survey; the rest have too few inputs for an index.
      expect(stored.clients).toBeGreaterThan(200);
      expect(stored.clients).toBeLessThan(300);
      expect(stored.problems).toEqual([]);
      expect(stored).toEqual(fromCsv);
      // Lowest first, and each client's latest period.
      const idx = stored.clientsLatest.map((c) => c.index);
      expect(idx).toEqual([...idx].sort((a, b) => a - b));
    },
  );
});
