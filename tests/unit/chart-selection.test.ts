import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/core/charts/chart-data.ts';
import type { ChartData, ChartRow } from '../../src/core/charts/chart-types.ts';
import { selectionConditions, type ChartSelection } from '../../src/core/charts/chart-selection.ts';
import { createChartSettings, type ChartSettings } from '../../src/core/charts/chart-settings.ts';
import type { LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import { Rng } from '../../src/core/random.ts';
import { rowFilter, type Row } from '../../src/core/transform/row-functions.ts';

/** Operations data with blanks in every column. */
function dataset(n = 2000): LoadedDataset {
  const rng = new Rng(4);
  const col = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  return {
    name: 'ops',
    columns: {
      segment: col((i) =>
        i % 97 === 0 ? null : ['Retail', 'retail ', 'Online', 'Partner'][rng.int(0, 3)]!,
      ),
      region: col((i) => (i % 89 === 0 ? '' : ['North', 'South', 'East'][rng.int(0, 2)]!)),
      score: col((i) => (i % 31 === 0 ? null : rng.int(0, 10))),
      delay: col((i) => (i % 43 === 0 ? null : Math.round(rng.uniform(0, 300) * 100) / 100)),
      date: col((i) =>
        i % 71 === 0
          ? null
          : Date.UTC(2025, 0, 1) + rng.int(0, 729) * 86_400_000 + rng.int(0, 86_399_999),
      ),
      late: col((i) => (i % 53 === 0 ? null : rng.next() < 0.3)),
      client: col(() => `c${Math.floor(rng.next() ** 3 * 400)}`),
    },
    types: {
      segment: 'string',
      region: 'string',
      score: 'number',
      delay: 'number',
      date: 'date',
      late: 'boolean',
      client: 'string',
    },
    labels: { late: { yes: 'Late', no: 'On time' } },
  };
}

const d = dataset();
const ROWS: Row[] = Array.from({ length: 2000 }, (_, i) =>
  Object.fromEntries(Object.entries(d.columns).map(([k, v]) => [k, v[i]])),
);

const settings = (over: Partial<ChartSettings>): ChartSettings => ({
  ...createChartSettings(),
  ...over,
});

/** How many rows of the dataset the conditions keep. */
function kept(conditions: NonNullable<ReturnType<typeof selectionConditions>>): number {
  const test = rowFilter(conditions, 'and', d.types);
  return ROWS.filter(test).length;
}

/** A click on a mark, as Vega reports its fields (dates parsed to epoch ms). */
function clickOn(row: ChartRow, data: ChartData, heatmap: boolean): ChartSelection {
  const values: Record<string, unknown> = {};
  for (const f of heatmap ? ['x', 'y', 'facet'] : ['x', 'color', 'facet']) {
    if (row[f] === undefined) continue;
    const dim = data.dimensions[f as 'x'];
    values[f] = dim?.kind === 'period' ? Date.parse(String(row[f])) : row[f];
  }
  return { kind: 'point', values };
}

/** Every mark of the chart: its conditions keep exactly its `n` rows. */
function expectEveryMarkPinned(over: Partial<ChartSettings>, maxMarks = 5000) {
  const s = settings(over);
  const data = chartData(d, s, { maxMarks });
  expect(data.rows.length).toBeGreaterThan(1);
  let pinned = 0;
  for (const row of data.rows) {
    const conditions = selectionConditions(s, data, clickOn(row, data, s.mark === 'heatmap'));
    if (conditions === null) continue;
    expect(kept(conditions), JSON.stringify(row)).toBe(row.n);
    pinned++;
  }
  return { data, pinned };
}

describe('chart selection', () => {
  it('pins a category and a colour (text compared as the transform compares it)', () => {
    const { data, pinned } = expectEveryMarkPinned({ x: 'segment', color: 'region' });
    expect(pinned).toBe(data.rows.length);
    const s = settings({ x: 'segment', color: 'region' });
    expect(
      selectionConditions(s, data, { kind: 'point', values: { x: 'Retail', color: 'North' } }),
    ).toEqual([
      { column: 'segment', op: 'eq', value: 'Retail' },
      { column: 'region', op: 'eq', value: 'North' },
    ]);
  });

  it('pins a month of a date (from its start to the next month’s), leaving out blank measures', () => {
    const { data, pinned } = expectEveryMarkPinned({
      x: 'date',
      y: 'delay',
      aggregate: 'mean',
      dateGrain: 'month',
    });
    expect(pinned).toBe(24);
    const s = settings({ x: 'date', y: 'delay', aggregate: 'mean' });
    expect(selectionConditions(s, data, { kind: 'point', values: { x: '2025-03-01' } })).toEqual([
      { column: 'date', op: 'ge', value: Date.UTC(2025, 2, 1) },
      { column: 'date', op: 'lt', value: Date.UTC(2025, 3, 1) },
      { column: 'delay', op: 'notBlank', value: null },
    ]);
  });

  it('pins days, quarters and years too', () => {
    for (const dateGrain of ['day', 'quarter', 'year'] as const) {
      const { data, pinned } = expectEveryMarkPinned({ x: 'date', dateGrain, mark: 'bar' });
      expect(pinned).toBe(data.rows.length);
    }
  });

  it('pins a range of a binned number', () => {
    const { data, pinned } = expectEveryMarkPinned({ x: 'delay' });
    expect(data.reduced).toBe('binned');
    expect(pinned).toBe(data.rows.length);
  });

  it('pins a heatmap cell, a boxplot’s box per panel, a yes/no bar', () => {
    expect(
      expectEveryMarkPinned({
        mark: 'heatmap',
        x: 'segment',
        y: 'region',
        value: 'score',
        aggregate: 'nps',
      }).pinned,
    ).toBeGreaterThan(5);
    const box = expectEveryMarkPinned({
      mark: 'boxplot',
      x: 'date',
      y: 'delay',
      dateGrain: 'quarter',
      facet: 'region',
    });
    expect(box.pinned).toBe(box.data.rows.length);
    const yesNo = expectEveryMarkPinned({ x: 'late' });
    expect(yesNo.data.rows.map((r) => r.x).sort()).toEqual(['Late', 'On time']);
    expect(yesNo.pinned).toBe(2);
  });

  it('cannot pin the other category', () => {
    const { data, pinned } = expectEveryMarkPinned({ x: 'client' }, 50);
    expect(data.rows.at(-1)!.x).toBe('other');
    expect(pinned).toBe(49);
  });

  it('bounds a brush over periods to the whole periods whose marks it holds', () => {
    const s = settings({ mark: 'line', x: 'date', dateGrain: 'month' });
    const data = chartData(d, s);
    const brush = [Date.UTC(2025, 1, 14), Date.UTC(2025, 4, 20)] as const;
    const conditions = selectionConditions(s, data, { kind: 'interval', x: brush })!;
    expect(conditions).toEqual([
      { column: 'date', op: 'ge', value: Date.UTC(2025, 2, 1) },
      { column: 'date', op: 'lt', value: Date.UTC(2025, 5, 1) },
    ]);
    const inside = data.rows.filter((r) =>
      ['2025-03-01', '2025-04-01', '2025-05-01'].includes(String(r.x)),
    );
    expect(kept(conditions)).toBe(inside.reduce((t, r) => t + Number(r.n), 0));
    // A brush between two marks holds none.
    const empty = [Date.UTC(2025, 1, 3), Date.UTC(2025, 1, 20)] as const;
    expect(selectionConditions(s, data, { kind: 'interval', x: empty })).toBeNull();
  });

  it('bounds a brush over ranges and over exact numbers', () => {
    const binned = settings({ mark: 'area', x: 'delay' });
    const data = chartData(d, binned);
    const edges = (data.dimensions.x as { edges: number[] }).edges;
    const conditions = selectionConditions(binned, data, {
      kind: 'interval',
      x: [edges[2]! - 1, edges[5]! + 1],
    })!;
    const inside = data.rows.filter((r) => Number(r.x) >= edges[2]! && Number(r.x) <= edges[5]!);
    expect(inside).toHaveLength(4);
    expect(kept(conditions)).toBe(inside.reduce((t, r) => t + Number(r.n), 0));

    const exact = settings({ mark: 'line', x: 'score', y: 'delay', aggregate: 'mean' });
    const scores = chartData(d, exact);
    expect(scores.xType).toBe('quantitative');
    const c = selectionConditions(exact, scores, { kind: 'interval', x: [6.5, 2] })!;
    expect(c.slice(0, 2)).toEqual([
      { column: 'score', op: 'ge', value: 2 },
      { column: 'score', op: 'le', value: 6.5 },
    ]);
    const marks = scores.rows.filter((r) => Number(r.x) >= 2 && Number(r.x) <= 6);
    expect(kept(c)).toBe(marks.reduce((t, r) => t + Number(r.n), 0));
  });

  it('pins a raw point by its exact x', () => {
    const s = settings({
      mark: 'point',
      x: 'date',
      y: 'delay',
      aggregate: 'none',
      color: 'region',
    });
    const data = chartData(d, s);
    const row = data.rows[10]!;
    const conditions = selectionConditions(s, data, {
      kind: 'point',
      values: { x: new Date(String(row.x)), color: row.color },
    })!;
    expect(conditions[0]).toEqual({ column: 'date', op: 'eq', value: Date.parse(String(row.x)) });
    expect(kept(conditions)).toBe(1);
  });
});
