import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { importDataset } from '../../src/data/import-dataset.ts';
import { putModel } from '../../src/data/models-repo.ts';
import {
  clearNotebookResults,
  currentVersions,
  getCellResult,
  putCellResult,
  resultBytesByNotebook,
} from '../../src/data/cell-results-repo.ts';
import {
  requestKey,
  staleReasons,
  stableJson,
  type CellRequest,
} from '../../src/core/notebook/cell-query.ts';
import { npsCellQuery, createNpsCellData } from '../../src/core/notebook/cell-data/nps-cell.ts';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { profileTable } from '../../src/core/ingest/inspect.ts';
import { demoModel } from '../../src/core/demo/demo-model.ts';
import { valueBytes } from '../../src/core/notebook/value-bytes.ts';

let db: CxTraceDb;
let n = 0;
beforeEach(async () => {
  db = new CxTraceDb(`cell-results-${++n}`);
  await db.open();
});

async function importCsv(
  name: string,
  csv: string,
  target?: { mode: 'append'; datasetId: string },
) {
  const src = await readSource(new TextEncoder().encode(csv), `${name}.csv`);
  const report = profileTable(src);
  return importDataset(
    db,
    {
      name,
      rows: src.rows,
      profiles: report.columns,
      source: { fileName: `${name}.csv`, bytes: csv.length },
    },
    undefined,
    target,
  );
}

describe('cell requests', () => {
  it('key equal requests alike, whatever their key order, and any change apart', () => {
    const a: CellRequest = {
      worker: 'analysis',
      method: 'npsCell',
      input: {
        datasetId: 'd',
        column: 'nps',
        by: null,
        period: { column: 'date', grain: 'month' },
      },
      reads: { datasets: ['d'], models: [], cells: [] },
    };
    const reordered = {
      ...a,
      input: {
        period: { grain: 'month', column: 'date' },
        by: null,
        column: 'nps',
        datasetId: 'd',
      },
    };
    expect(stableJson(reordered.input)).toBe(stableJson(a.input));
    expect(requestKey(reordered)).toBe(requestKey(a));
    const keys = new Set([
      requestKey(a),
      requestKey({ ...a, input: { ...(a.input as object), column: 'nps2' } }),
      requestKey({
        ...a,
        input: { ...(a.input as object), period: { column: 'date', grain: 'quarter' } },
      }),
      requestKey({ ...a, method: 'metricCell' }),
      requestKey({ ...a, worker: 'text' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('an NPS cell asks nothing until a dataset and a score column are chosen', () => {
    const data = createNpsCellData();
    expect(npsCellQuery(data)).toBeNull();
    expect(npsCellQuery({ ...data, datasetId: 'd' })).toBeNull();
    const q = npsCellQuery({
      ...data,
      datasetId: 'd',
      column: 'nps',
      periodColumn: 'date',
      grain: 'month',
    })!;
    expect(q).toEqual({
      worker: 'analysis',
      method: 'npsCell',
      input: {
        datasetId: 'd',
        column: 'nps',
        by: null,
        period: { column: 'date', grain: 'month' },
        scale: 'detect',
      },
      reads: { datasets: ['d'], models: [], cells: [] },
    });
    // A split by a column wins over the periods, as the cell shows it.
    expect(
      (
        npsCellQuery({
          ...data,
          datasetId: 'd',
          column: 'nps',
          by: 'region',
          periodColumn: 'date',
        })!.input as {
          period: unknown;
        }
      ).period,
    ).toBeNull();
  });

  it('an NPS cell sends its scale, so that the 0–10 override and results from before the check are told apart', () => {
    const data = { ...createNpsCellData(), datasetId: 'd', column: 'q1' };
    const detect = npsCellQuery(data)!;
    const forced = npsCellQuery({ ...data, scale: '0-10' })!;
    expect((detect.input as { scale: string }).scale).toBe('detect');
    expect((forced.input as { scale: string }).scale).toBe('0-10');
    const before = { ...detect, input: { ...(detect.input as object), scale: undefined } };
    expect(new Set([requestKey(detect), requestKey(forced), requestKey(before)]).size).toBe(3);
  });
});

describe('stored cell results', () => {
  it('go stale exactly when a dataset they read is refreshed or deleted, or a model is edited', async () => {
    const survey = await importCsv('survey', 'id,nps\n1,9\n2,3\n');
    const other = await importCsv('other', 'id,x\n1,1\n');
    const model = demoModel();
    await putModel(db, model);
    const reads = { datasets: [survey.id, other.id], models: [model.id], cells: ['c1'] };
    const stored = await currentVersions(db, reads, { c1: 'analysis:x:1' });
    expect(stored).toEqual({
      datasets: { [survey.id]: 1, [other.id]: 1 },
      models: { [model.id]: 1 },
      cells: { c1: 'analysis:x:1' },
    });
    expect(staleReasons(stored, await currentVersions(db, reads, { c1: 'analysis:x:1' }))).toEqual(
      [],
    );

    // Next month's rows added to the survey: only it is reported.
    await importCsv('survey', 'id,nps\n3,10\n', { mode: 'append', datasetId: survey.id });
    const afterAppend = await currentVersions(db, reads, { c1: 'analysis:x:1' });
    expect(afterAppend.datasets[survey.id]).toBe(2);
    expect(staleReasons(stored, afterAppend)).toEqual([
      { kind: 'dataset-refreshed', id: survey.id },
    ]);

    // A model edit, a deleted dataset and a new source result.
    await putModel(db, { ...model, name: { en: 'Edited', ru: 'Изменена' } });
    await db.datasets.delete(other.id);
    const later = await currentVersions(db, reads, { c1: 'analysis:x:2' });
    expect(staleReasons(stored, later)).toEqual([
      { kind: 'dataset-refreshed', id: survey.id },
      { kind: 'dataset-deleted', id: other.id },
      { kind: 'model-edited', id: model.id },
      { kind: 'source-changed', id: 'c1' },
    ]);
  });

  it('are kept by request, shared by notebooks, counted and cleared per notebook', async () => {
    const record = (key: string, bytes: number) => ({
      key,
      request: {
        worker: 'analysis' as const,
        method: 'npsCell',
        input: {},
        reads: { datasets: [], models: [], cells: [] },
      },
      versions: { datasets: {}, models: {}, cells: {} },
      bytes,
      createdAt: 1,
      value: { nps: 12 },
    });
    await putCellResult(db, record('a', 100), 'nb1', 'c1');
    await putCellResult(db, record('a', 100), 'nb2', 'c2');
    await putCellResult(db, record('b', 40), 'nb1', 'c1');
    expect((await getCellResult(db, 'a'))!.notebookIds).toEqual(['nb1', 'nb2']);
    expect(await resultBytesByNotebook(db)).toEqual(
      new Map([
        ['nb1', 140],
        ['nb2', 100],
      ]),
    );
    expect(await clearNotebookResults(db, 'nb1')).toBe(1);
    expect(await getCellResult(db, 'b')).toBeNull();
    expect((await getCellResult(db, 'a'))!.notebookIds).toEqual(['nb2']);
    expect(await resultBytesByNotebook(db)).toEqual(new Map([['nb2', 100]]));
  });
});

describe('the size of a stored result', () => {
  it('counts typed arrays by their bytes, not by the text JSON would make of them', () => {
    const shap = new Float64Array(10_000).map((_, i) => i / 7);
    const result = { drivers: ['a', 'b'], sample: { shap, rows: new Int32Array(1000) } };
    expect(valueBytes(result)).toBeGreaterThan(84_000);
    expect(valueBytes(result)).toBeLessThan(85_000);
    expect(JSON.stringify(result).length).toBeGreaterThan(150_000);
    expect(valueBytes({ text: 'Доставка', n: 3, ok: true, none: null })).toBe(
      4 + 8 + 1 + 8 + 2 + 1 + 4 + 1,
    );
  });
});
