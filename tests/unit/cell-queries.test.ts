import { describe, expect, it } from 'vitest';
import {
  createMetricCellData,
  metricCellQuery,
} from '../../src/core/notebook/cell-data/metric-cell.ts';
import {
  createTraceCellData,
  traceCellQuery,
} from '../../src/core/notebook/cell-data/trace-cell.ts';
import {
  restoreTraceCellData,
  resolveHanded,
  type HandedPopulation,
} from '../../src/core/notebook/cell-data/trace-cell.ts';
import {
  createFrequencyCellData,
  frequencyCellQuery,
  restoreFrequencyCellData,
  CLUSTER_THEMES,
} from '../../src/core/notebook/cell-data/frequency-cell.ts';
import {
  createClustersCellData,
  clustersCellQuery,
} from '../../src/core/notebook/cell-data/clusters-cell.ts';
import {
  createDriversCellData,
  driversCellQuery,
} from '../../src/core/notebook/cell-data/drivers-cell.ts';
import {
  createIndexCellData,
  indexCellQuery,
} from '../../src/core/notebook/cell-data/index-cell.ts';
import {
  createFrontLineCellData,
  frontLineCellQuery,
  restoreFrontLineCellData,
} from '../../src/core/notebook/cell-data/frontline-cell.ts';
import { requestKey } from '../../src/core/notebook/cell-query.ts';
import { demoModel } from '../../src/core/demo/demo-model.ts';

/** Stored datasets as the queries see them: two with one name (the later one is read). */
const stored = [
  { id: 'd-clients', name: 'clients', createdAt: 1 },
  { id: 'd-survey-old', name: 'survey', createdAt: 1 },
  { id: 'd-survey', name: 'survey', createdAt: 2 },
  { id: 'd-it', name: 'it', createdAt: 1 },
  { id: 'd-other', name: 'unrelated', createdAt: 1 },
];

describe('what each cell kind asks its worker', () => {
  it('a metric cell asks nothing until it has a dataset and, but for a count, a column', () => {
    const data = createMetricCellData();
    expect(metricCellQuery(data)).toBeNull();
    expect(metricCellQuery({ ...data, datasetId: 'd', metric: 'mean' })).toBeNull();
    const count = metricCellQuery({ ...data, datasetId: 'd', metric: 'count', column: 'x' })!;
    expect(count.input).toMatchObject({ datasetId: 'd', metric: 'count', column: null });
    expect(count.reads).toEqual({ datasets: ['d'], models: [], cells: [] });
    // The CSAT scale is part of the request only for CSAT: other metrics ignore it.
    const mean = { ...data, datasetId: 'd', metric: 'mean' as const, column: 'x' };
    expect(requestKey(metricCellQuery({ ...mean, scaleMax: 10 })!)).toBe(
      requestKey(metricCellQuery({ ...mean, scaleMax: 5 })!),
    );
    const csat = { ...mean, metric: 'csat' as const };
    expect(requestKey(metricCellQuery({ ...csat, scaleMax: 10 })!)).not.toBe(
      requestKey(metricCellQuery({ ...csat, scaleMax: 5 })!),
    );
  });

  it('a trace cell asks nothing without a model or a chosen segment value, and reads what its model reads', () => {
    const model = demoModel();
    const data = createTraceCellData();
    expect(traceCellQuery(data, { models: [], datasets: stored, sources: {} })).toBeNull();
    const q = traceCellQuery(data, { models: [model], datasets: stored, sources: {} })!;
    expect(q.method).toBe('traceCell');
    expect(q.input).toEqual({
      modelId: model.id,
      query: { population: null, period: null, start: null },
    });
    // Every stored dataset the model names (the latest of a name), and nothing else.
    expect(q.reads.datasets.sort()).toEqual(['d-clients', 'd-it', 'd-survey']);
    expect(q.reads.models).toEqual([model.id]);
    // A model that is not stored is not traced.
    expect(
      traceCellQuery(
        { ...data, modelId: 'gone' },
        { models: [model], datasets: stored, sources: {} },
      ),
    ).toBeNull();
    const segment = {
      ...data,
      population: { kind: 'segment' as const, column: 'region', value: '' },
    };
    expect(traceCellQuery(segment, { models: [model], datasets: stored, sources: {} })).toBeNull();
    const chosen = traceCellQuery(
      { ...segment, population: { ...segment.population, value: 'North' } },
      { models: [model], datasets: stored, sources: {} },
    )!;
    expect(requestKey(chosen)).not.toBe(requestKey(q));
  });

  it('a front-line cell waits for its trace cell, reads it, and shows pseudonyms without asking again', () => {
    const model = demoModel();
    const data = createFrontLineCellData();
    const context = { models: [model], datasets: stored, sources: {} };
    expect(frontLineCellQuery(data, { ...context, models: [] })).toBeNull();
    const own = frontLineCellQuery(data, context)!;
    expect(own).toMatchObject({ worker: 'analysis', method: 'frontLineCell' });
    expect(own.input).toEqual({ modelId: model.id, traceCell: null });
    expect(own.reads.datasets.sort()).toEqual(['d-clients', 'd-it', 'd-survey']);
    expect(own.reads.cells).toEqual([]);
    // With a trace cell: nothing until it has a result, then its causes are read from it.
    const traced = { ...data, traceCell: 't1' };
    expect(frontLineCellQuery(traced, context)).toBeNull();
    const q = frontLineCellQuery(traced, { ...context, sources: { t1: 'k@1' } })!;
    expect(q.reads.cells).toEqual(['t1']);
    expect(requestKey(q)).not.toBe(requestKey(own));
    // Pseudonyms change what is shown, not what is computed.
    expect(requestKey(frontLineCellQuery({ ...data, pseudonymise: true }, context)!)).toBe(
      requestKey(own),
    );
    expect(restoreFrontLineCellData({ modelId: 5, traceCell: 't', pseudonymise: 'yes' })).toEqual({
      modelId: null,
      traceCell: 't',
      pseudonymise: false,
    });
  });

  it('a frequency cell asks once it has comments; model themes read the model, in the language', () => {
    const data = { ...createFrequencyCellData(), datasetId: 'd' };
    expect(frequencyCellQuery(data, 'en')).toBeNull();
    const plain = frequencyCellQuery({ ...data, text: 'comment' }, 'en')!;
    expect(plain.reads).toEqual({ datasets: ['d'], models: [], cells: [] });
    // The language names the themes of a model only: plain frequencies are one result.
    expect(requestKey(plain)).toBe(
      requestKey(frequencyCellQuery({ ...data, text: 'comment' }, 'ru')!),
    );
    const themed = { ...data, text: 'comment', themeModel: 'm1' };
    const en = frequencyCellQuery(themed, 'en')!;
    expect(en.reads.models).toEqual(['m1']);
    expect(requestKey(en)).not.toBe(requestKey(frequencyCellQuery(themed, 'ru')!));
    const clusters = frequencyCellQuery({ ...themed, themeModel: CLUSTER_THEMES }, 'en')!;
    expect(clusters.reads.models).toEqual([]);
    expect((clusters.input as { themesFrom: unknown }).themesFrom).toEqual({ clusters: true });
    // A theme column wins over themes from elsewhere.
    const column = frequencyCellQuery({ ...themed, theme: 'topic' }, 'en')!;
    expect((column.input as { themesFrom: unknown }).themesFrom).toBeNull();
  });

  it('a frequency cell reads a value at risk from a model’s client card, and reads that model', () => {
    const data = { ...createFrequencyCellData(), datasetId: 'd', text: 'comment' };
    const own = frequencyCellQuery({ ...data, value: 'revenue' }, 'en')!;
    expect(own.input).toMatchObject({ value: 'revenue', valueFrom: null });
    const card = frequencyCellQuery({ ...data, value: 'ltv', valueModel: 'm2' }, 'en')!;
    expect(card.input).toMatchObject({ value: null, valueFrom: { modelId: 'm2', column: 'ltv' } });
    expect(card.reads.models).toEqual(['m2']);
    expect(requestKey(card)).not.toBe(requestKey(own));
    // Cells stored before the choice read their own column; a model without a value is dropped.
    expect(restoreFrequencyCellData({ value: 'ltv' }).valueModel).toBeNull();
    expect(restoreFrequencyCellData({ valueModel: 'm2' }).valueModel).toBeNull();
    expect(restoreFrequencyCellData({ value: 'ltv', valueModel: 'm2' }).valueModel).toBe('m2');
  });

  it('a clusters cell asks once it has comments; names and merges are not part of its request', () => {
    const data = { ...createClustersCellData(), datasetId: 'd' };
    expect(clustersCellQuery(data)).toBeNull();
    const q = clustersCellQuery({ ...data, text: 'comment' })!;
    expect(q).toMatchObject({ worker: 'text', method: 'clustersCell' });
    const renamed = clustersCellQuery({
      ...data,
      text: 'comment',
      edits: { ...data.edits, names: { 'late | wait | day': 'Late deliveries' } },
    })!;
    expect(requestKey(renamed)).toBe(requestKey(q));
    expect(requestKey(clustersCellQuery({ ...data, text: 'comment', k: 4 })!)).not.toBe(
      requestKey(q),
    );
  });

  it('a key-drivers cell asks once it has a target, and reads its model’s datasets when it joins one', () => {
    const model = demoModel();
    const context = { models: [model], datasets: stored };
    const data = { ...createDriversCellData(), datasetId: 'd-survey' };
    expect(driversCellQuery(data, context)).toBeNull();
    expect(driversCellQuery({ ...data, target: 'nps', features: [] }, context)).toBeNull();
    const alone = driversCellQuery({ ...data, target: 'nps' }, context)!;
    expect(alone.worker).toBe('drivers');
    expect(alone.reads).toEqual({ datasets: ['d-survey'], models: [], cells: [] });
    const joined = driversCellQuery({ ...data, target: 'nps', modelId: model.id }, context)!;
    expect(joined.reads.models).toEqual([model.id]);
    expect(joined.reads.datasets.sort()).toEqual(['d-clients', 'd-it', 'd-survey']);
  });

  it('an index cell asks once its model is stored; a picked period is not part of its request', () => {
    const model = demoModel();
    const context = { models: [model], datasets: stored };
    expect(indexCellQuery(createIndexCellData(), context)).toBeNull();
    expect(indexCellQuery({ modelId: 'gone', segmentColumn: null }, context)).toBeNull();
    const q = indexCellQuery({ modelId: model.id, segmentColumn: 'region' }, context)!;
    expect(q.input).toEqual({
      modelId: model.id,
      query: { period: null, segmentColumn: 'region', segment: null },
    });
    expect(q.reads.models).toEqual([model.id]);
  });
});

describe('a population handed over by another cell', () => {
  const fromClusters: HandedPopulation = {
    kind: 'handed',
    cell: 'c-clusters',
    part: { kind: 'clusters', ids: [0, 2] },
    label: 'Late deliveries',
  };

  it('is a reference the trace reads its source for, asking nothing until the source has a result', () => {
    const model = demoModel();
    const data = { ...createTraceCellData(), population: fromClusters };
    const none = { models: [model], datasets: stored, sources: { 'c-clusters': null } };
    expect(traceCellQuery(data, none)).toBeNull();
    const q = traceCellQuery(data, { ...none, sources: { 'c-clusters': 'text:x:1@5' } })!;
    expect(q.reads.cells).toEqual(['c-clusters']);
    // The request holds the reference, not the clients: a new source result keeps its key and
    // turns it stale through the source's version instead.
    expect(JSON.stringify(q.input)).not.toContain('C-');
    expect(
      requestKey(traceCellQuery(data, { ...none, sources: { 'c-clusters': 'text:x:1@9' } })!),
    ).toBe(requestKey(q));
  });

  it('resolves to the clients of the chosen clusters, or the drivers’ low outcome, from the stored result', () => {
    const clustersResult = {
      input: {},
      output: {
        ok: true,
        clusters: [
          { id: 0, clients: ['C-1', 'C-2'] },
          { id: 1, clients: ['C-3'] },
          { id: 2, clients: ['C-2', 'C-4'] },
        ],
      },
    };
    expect(resolveHanded(fromClusters, clustersResult)).toEqual({
      kind: 'clients',
      ids: ['C-1', 'C-2', 'C-4'],
      label: 'Late deliveries',
    });
    // A clustering without a client column, or a failed one, hands over nobody.
    const noClients = { output: { ok: true, clusters: [{ id: 0, clients: [] }] } };
    expect(resolveHanded(fromClusters, noClients)).toBeNull();
    expect(resolveHanded(fromClusters, { output: { ok: false } })).toBeNull();
    const low = {
      kind: 'handed' as const,
      cell: 'c-drivers',
      part: { kind: 'low' as const },
      label: '',
    };
    const detractors = {
      kind: 'detractors',
      dataset: 'survey',
      score: 'nps',
      client: 'client_id',
      date: 'date',
    };
    expect(
      resolveHanded(low, { output: { ok: true, handoff: { population: detractors } } }),
    ).toEqual(detractors);
    expect(resolveHanded(low, { output: { ok: true, handoff: null } })).toBeNull();
  });

  it('is restored as stored; an old notebook’s copied client ids stay a fixed list', () => {
    expect(restoreTraceCellData({ population: fromClusters }).population).toEqual(fromClusters);
    const old = restoreTraceCellData({
      modelId: 'm',
      population: { kind: 'clients', ids: ['C-2', 'C-1', 'C-2', 7], label: 'Late' },
    });
    expect(old.population).toEqual({ kind: 'clients', ids: ['C-2', 'C-1'], label: 'Late' });
    const model = demoModel();
    const q = traceCellQuery(
      { ...old, modelId: model.id },
      { models: [model], datasets: stored, sources: {} },
    )!;
    expect(q.reads.cells).toEqual([]);
    // A broken reference is dropped (the trace falls back to the detractors), never kept half.
    expect(
      restoreTraceCellData({ population: { kind: 'handed', part: {} } }).population,
    ).toBeNull();
  });

  it('keeps a what-if and the verdict’s settings, repaired, as part of the trace’s request', () => {
    const model = demoModel();
    const ctx = { models: [model], datasets: stored, sources: {} };
    const restored = restoreTraceCellData({
      whatIf: {
        indicator: 'it.scanner_coverage',
        value: 'median',
        at: { unitKind: 'warehouse', units: ['WH-2', 'WH-2', 'WH-5', 3] },
      },
      settings: { q: 0.1, materiality: 9, bootstrap: 400.4 },
    });
    expect(restored.whatIf).toEqual({
      indicator: 'it.scanner_coverage',
      value: 'median',
      at: { unitKind: 'warehouse', units: ['WH-2', 'WH-5'] },
    });
    // A materiality of 900% is not one: it falls back to the default.
    expect(restored.settings).toEqual({ q: 0.1, bootstrap: 400 });
    expect(restoreTraceCellData({ whatIf: { indicator: 'x', value: 'max' } }).whatIf).toBeNull();
    const plain = traceCellQuery({ ...restored, whatIf: null, settings: {} }, ctx)!;
    const asked = traceCellQuery(restored, ctx)!;
    expect((plain.input as { query: object }).query).not.toHaveProperty('whatIf');
    expect((asked.input as { query: { whatIf: unknown } }).query.whatIf).toEqual(restored.whatIf);
    expect(requestKey(asked)).not.toBe(requestKey(plain));
  });
});
