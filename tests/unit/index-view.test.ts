import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { satisfactionIndex, type IndexResult } from '../../src/core/index/satisfaction-index.ts';
import {
  clientSegments,
  indexView,
  meanPoint,
  segmentColumns,
  type IndexClientRow,
} from '../../src/core/index/index-view.ts';
import { clientRecords } from '../../src/core/index/client-records.ts';
import { filterAndSortClients } from '../../src/core/index/client-table.ts';
import { SLOW } from './slow.ts';

const row = (client: string, period: string, index: number | null, TX: number | null = null) => ({
  client,
  period,
  index,
  present: index === null ? 0 : TX === null ? 1 : 2,
  blocks: { TX, CX: index },
  missing: TX === null ? ['tx.revenue'] : [],
  equalWeights: client === 'C3',
});

/** Three clients over two months; C3 has no index in February. */
const result: IndexResult = {
  rows: [
    row('C1', '2026-01', 40, 30),
    row('C1', '2026-02', 50, 40),
    row('C2', '2026-01', 80, 70),
    row('C2', '2026-02', 70),
    row('C3', '2026-01', 60, 60),
    row('C3', '2026-02', null),
  ],
  inputs: 2,
  problems: [],
};
const segments = new Map<string, string | null>([
  ['C1', 'retail'],
  ['C2', 'wholesale'],
  ['C3', 'retail'],
]);
const none = { period: null, segmentColumn: null, segment: null };

describe('index views', () => {
  it('without a choice, each client counts once with its latest period, lowest first', () => {
    const v = indexView(result, none, null);
    expect(v.periods).toEqual(['2026-01', '2026-02']);
    expect(v.clients.map((c) => [c.client, c.period, c.index])).toEqual([
      ['C1', '2026-02', 50],
      ['C3', '2026-01', 60],
      ['C2', '2026-02', 70],
    ]);
    expect(v.byPeriod.map((p) => [p.period, p.mean, p.n])).toEqual([
      ['2026-01', 60, 3],
      ['2026-02', 60, 2],
    ]);
    expect(v.blocks.find((b) => b.layer === 'index')?.mean).toBe(60);
    // TX is averaged over the clients that have it (C2's February has none).
    expect(v.blocks.find((b) => b.layer === 'TX')).toMatchObject({ mean: 50, n: 2 });
    expect(v.incompleteClients).toBe(1);
    expect(v.equalWeightClients).toBe(1);
    expect(v.bySegment).toEqual([]);
  });

  it('choosing a period shows that period’s clients in every view but the trend', () => {
    const v = indexView(result, { ...none, period: '2026-01', segmentColumn: 'segment' }, segments);
    expect(v.clients.map((c) => c.client)).toEqual(['C1', 'C3', 'C2']);
    expect(v.bySegment.map((s) => [s.key, s.mean, s.n])).toEqual([
      ['retail', 50, 2],
      ['wholesale', 80, 1],
    ]);
    // The trend still shows every period: it is what the period is chosen from.
    expect(v.byPeriod).toHaveLength(2);
  });

  it('choosing a segment filters the trend, the blocks and the table, not the segment view', () => {
    const v = indexView(
      result,
      { period: null, segmentColumn: 'segment', segment: 'retail' },
      segments,
    );
    expect(v.clients.map((c) => [c.client, c.segment])).toEqual([
      ['C1', 'retail'],
      ['C3', 'retail'],
    ]);
    expect(v.byPeriod.map((p) => [p.period, p.mean, p.n])).toEqual([
      ['2026-01', 50, 2],
      ['2026-02', 50, 1],
    ]);
    expect(v.blocks.find((b) => b.layer === 'index')?.mean).toBe(55);
    expect(v.bySegment.map((s) => s.key)).toEqual(['retail', 'wholesale']);
  });

  it('a client-period with fewer than half of the inputs has no index and comes last', () => {
    const thin = (client: string, period: string, present: number, index: number | null) => ({
      client,
      period,
      index,
      present,
      blocks: { TX: 0, CX: null },
      missing: ['a', 'b', 'c', 'd'].slice(present),
      equalWeights: false,
    });
    const left: IndexResult = {
      rows: [
        thin('A', '2026-01', 4, 30),
        thin('A', '2026-02', 1, null),
        thin('B', '2026-02', 1, null),
        thin('C', '2026-02', 3, 60),
      ],
      inputs: 4,
      problems: [],
    };
    const latest = indexView(left, none, null);
    // A's latest index is January's; B never had enough data and is listed last, without one.
    expect(latest.clients.map((c) => [c.client, c.period, c.index, c.present])).toEqual([
      ['A', '2026-01', 30, 4],
      ['C', '2026-02', 60, 3],
      ['B', '2026-02', null, 1],
    ]);
    expect(latest.thinClients).toBe(1);
    expect(latest.inputs).toBe(4);
    expect(latest.blocks.find((b) => b.layer === 'index')).toMatchObject({ mean: 45, n: 2 });
    expect(latest.blocks.find((b) => b.layer === 'TX')).toMatchObject({ mean: 0, n: 2 });
    const feb = indexView(left, { ...none, period: '2026-02' }, null);
    expect(feb.clients.map((c) => [c.client, c.index])).toEqual([
      ['C', 60],
      ['A', null],
      ['B', null],
    ]);
    expect(feb.thinClients).toBe(2);
    expect(feb.byPeriod.map((p) => [p.period, p.n])).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
    ]);
  });

  it('a mean’s interval is the normal approximation, none for one value; small groups flagged', () => {
    const p = meanPoint([1, 2, 3, 4])!;
    const half = (1.959964 * Math.sqrt(5 / 3)) / 2;
    expect(p.mean).toBe(2.5);
    expect(p.low).toBeCloseTo(2.5 - half, 12);
    expect(p.high).toBeCloseTo(2.5 + half, 12);
    expect(p.unreliable).toBe(true);
    expect(meanPoint([7])).toMatchObject({ mean: 7, low: null, high: null });
    expect(meanPoint([])).toBeNull();
    expect(meanPoint(new Array(30).fill(1))!.unreliable).toBe(false);
  });

  it(
    'on the demo world as shipped, the planted warehouses’ clients have the lowest index',
    SLOW,
    async () => {
      const world = generateDemoWorld();
      const data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
      const res = satisfactionIndex(world.model, data);
      expect(segmentColumns(world.model, data)).toContain('warehouse');
      const byWarehouse = clientSegments(world.model, data, 'warehouse');
      const v = indexView(res, { ...none, segmentColumn: 'warehouse' }, byWarehouse);
      const bad = new Set(world.truth.affected.warehouses);
      const ranked = [...v.bySegment].sort((a, b) => a.mean - b.mean).map((s) => s.key);
      expect(new Set(ranked.slice(0, bad.size))).toEqual(bad);
    },
  );
});

describe('index of clients with too little data', () => {
  it(
    'on the demo, clients never surveyed get no index instead of piling up at 0 or 100',
    SLOW,
    async () => {
      const world = generateDemoWorld({ clients: 400, months: 12 });
      const data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
      const res = satisfactionIndex(world.model, data);
      const v = indexView(res, none, null);
      const scored = v.clients.filter((c) => c.index !== null);
      const thin = v.clients.filter((c) => c.index === null);
      expect(thin.length).toBe(v.thinClients);
      expect(thin.length).toBeGreaterThan(0);
      // Those without an index come after every client with one.
      expect(v.clients.slice(scored.length)).toEqual(thin);
      for (const c of thin) expect(c.present * 2).toBeLessThan(v.inputs);
      for (const c of scored) expect(c.present * 2).toBeGreaterThanOrEqual(v.inputs);
      // No spike at the ends of the scale from missing inputs.
      expect(scored.filter((c) => c.index === 0 || c.index === 100)).toEqual([]);
      const ends = scored.filter((c) => c.index! < 5 || c.index! >= 95).length;
      expect(ends).toBeLessThan(scored.length / 20);
    },
  );
});

describe('client records', () => {
  it('gathers a client’s rows from every dataset the model keys by client, card first', async () => {
    const world = generateDemoWorld({ clients: 60, months: 6 });
    const data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
    const survey = data.find((d) => d.name === 'survey')!;
    const client = String(survey.columns.client_id![0]);
    const records = clientRecords(world.model, data, client, 3);
    expect(records[0]!.dataset).toBe('clients');
    expect(records[0]!.total).toBe(1);
    const answers = records.find((r) => r.dataset === 'survey')!;
    const expected = Array.from(survey.columns.client_id!).filter((id) => id === client).length;
    expect(answers.total).toBe(expected);
    expect(answers.rows.length).toBe(Math.min(3, expected));
    const k = answers.columns.indexOf('client_id');
    expect(answers.rows.every((r) => r[k] === client)).toBe(true);
    // Datasets without a client key (unit-level reports) are not searched.
    expect(records.map((r) => r.dataset)).not.toContain('ops');
    expect(clientRecords(world.model, data, 'nobody').every((r) => r.total === 0)).toBe(true);
  });
});

describe('per-client table', () => {
  const rows: IndexClientRow[] = [
    {
      client: 'K10',
      period: '2026-02',
      index: 40,
      TX: null,
      CX: 40,
      present: 1,
      missing: ['a'],
      segment: 'Retail',
      equalWeights: false,
    },
    {
      client: 'K2',
      period: '2026-02',
      index: 70,
      TX: 60,
      CX: 80,
      present: 2,
      missing: [],
      segment: null,
      equalWeights: false,
    },
    {
      client: 'K1',
      period: '2026-01',
      index: 40,
      TX: 20,
      CX: 60,
      present: 2,
      missing: [],
      segment: 'Wholesale',
      equalWeights: true,
    },
  ];
  const ids = (r: { client: string }[]) => r.map((x) => x.client);

  it('sorts numbers by value with ties by id, text naturally, blanks last both ways', () => {
    expect(ids(filterAndSortClients(rows, '', { key: 'index', descending: false }))).toEqual([
      'K1',
      'K10',
      'K2',
    ]);
    expect(ids(filterAndSortClients(rows, '', { key: 'index', descending: true }))).toEqual([
      'K2',
      'K1',
      'K10',
    ]);
    expect(ids(filterAndSortClients(rows, '', { key: 'client', descending: false }))).toEqual([
      'K1',
      'K2',
      'K10',
    ]);
    expect(ids(filterAndSortClients(rows, '', { key: 'TX', descending: false }))).toEqual([
      'K1',
      'K2',
      'K10',
    ]);
    expect(ids(filterAndSortClients(rows, '', { key: 'TX', descending: true }))).toEqual([
      'K2',
      'K1',
      'K10',
    ]);
    expect(ids(filterAndSortClients(rows, '', { key: 'segment', descending: true }))).toEqual([
      'K1',
      'K10',
      'K2',
    ]);
    expect(ids(filterAndSortClients(rows, '', { key: 'missing', descending: true }))).toEqual([
      'K10',
      'K1',
      'K2',
    ]);
  });

  it('finds clients by id or segment, in any case', () => {
    expect(ids(filterAndSortClients(rows, ' k1', { key: 'client', descending: false }))).toEqual([
      'K1',
      'K10',
    ]);
    expect(ids(filterAndSortClients(rows, 'RETAIL', { key: 'client', descending: false }))).toEqual(
      ['K10'],
    );
    expect(filterAndSortClients(rows, 'nobody', { key: 'client', descending: false })).toEqual([]);
  });
});
