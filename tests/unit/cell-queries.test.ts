import { describe, expect, it } from 'vitest';
import {
  createMetricCellData,
  metricCellQuery,
} from '../../src/core/notebook/cell-data/metric-cell.ts';
import {
  createTraceCellData,
  traceCellQuery,
} from '../../src/core/notebook/cell-data/trace-cell.ts';
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
    expect(traceCellQuery(data, { models: [], datasets: stored })).toBeNull();
    const q = traceCellQuery(data, { models: [model], datasets: stored })!;
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
      traceCellQuery({ ...data, modelId: 'gone' }, { models: [model], datasets: stored }),
    ).toBeNull();
    const segment = {
      ...data,
      population: { kind: 'segment' as const, column: 'region', value: '' },
    };
    expect(traceCellQuery(segment, { models: [model], datasets: stored })).toBeNull();
    const chosen = traceCellQuery(
      { ...segment, population: { ...segment.population, value: 'North' } },
      { models: [model], datasets: stored },
    )!;
    expect(requestKey(chosen)).not.toBe(requestKey(q));
  });
});
