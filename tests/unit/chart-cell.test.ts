import { describe, expect, it } from 'vitest';
import {
  chartCellQuery,
  createChartCellData,
  restoreChartCellData,
  specDatasetNames,
} from '../../src/core/notebook/cell-data/chart-cell.ts';
import { populationRows, pickRows } from '../../src/core/transform/row-population.ts';

const datasets = [
  { id: 'd1', name: 'survey' },
  { id: 'd2', name: 'Buyers by quarter' },
];

describe('a chart cell', () => {
  it('asks for the form’s chart of its dataset, or for the expert’s spec and the datasets it names', () => {
    const data = createChartCellData();
    expect(chartCellQuery(data, datasets)).toBeNull();
    const form = chartCellQuery({ ...data, datasetId: 'd1' }, datasets)!;
    expect(form.input).toMatchObject({ kind: 'form', datasetId: 'd1' });
    expect(form.reads.datasets).toEqual(['d1']);
    const spec = JSON.stringify({
      layer: [{ data: { name: 'Buyers by quarter' } }, { data: { name: 'nowhere' } }],
    });
    const json = chartCellQuery({ ...data, datasetId: 'd1', json: spec }, datasets)!;
    expect(json.input).toEqual({ kind: 'json', json: spec });
    // A refreshed dataset the spec draws makes the chart stale; an unknown name reads nothing.
    expect(json.reads.datasets).toEqual(['d2']);
    expect(specDatasetNames('{ not json')).toEqual([]);
  });

  it('survives storage, dropping a pinned population that selects nothing', () => {
    const pinned = {
      name: 'Buyers',
      datasetId: 'd1',
      conditions: [{ column: 'role', op: 'eq', value: 'Buyer' }],
      rows: 3,
      clients: ['C1', 7, 'C2'],
    };
    const back = restoreChartCellData({
      datasetId: 'd1',
      settings: { mark: 'pie', x: 'role' },
      json: 3,
      pinned: [pinned, { name: 'empty', datasetId: 'd1', conditions: [] }],
    });
    expect(back.settings.mark).toBe('bar');
    expect(back.settings.x).toBe('role');
    expect(back.json).toBeNull();
    expect(back.pinned).toEqual([{ ...pinned, clients: ['C1', 'C2'] }]);
  });
});

describe('a population of rows', () => {
  it('keeps exactly the rows that meet every condition', () => {
    const columns = { role: ['Buyer', 'buyer ', 'Director', null], nps: [3, 9, 10, 2] };
    const types = { role: 'string', nps: 'number' } as const;
    const rows = populationRows(
      [
        { column: 'role', op: 'eq', value: 'BUYER' },
        { column: 'nps', op: 'le', value: '9' },
      ],
      columns,
      types,
      4,
    );
    expect([...rows]).toEqual([0, 1]);
    expect(pickRows(columns.nps, rows)).toEqual([3, 9]);
    const hostile = [{ column: 'role', op: 'eq' as const, value: `") || fetch('x') //` }];
    expect([...populationRows(hostile, columns, types, 4)]).toEqual([]);
  });
});
