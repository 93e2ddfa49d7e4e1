import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import {
  cellKey,
  indicatorValues,
  splitCellKey,
  toClientPeriod,
} from '../../src/core/index/indicator-values.ts';
import { loadCsv, type LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import { periodKey } from '../../src/core/index/period-key.ts';
import {
  hasEnoughInputs,
  normalise,
  satisfactionIndex,
} from '../../src/core/index/satisfaction-index.ts';
import {
  MODEL_FORMAT,
  MODEL_VERSION,
  type Binding,
  type Indicator,
  type ServiceModel,
} from '../../src/core/model/model-types.ts';
import { SLOW } from './slow.ts';

const L = (en: string) => ({ en, ru: en });

function indicator(id: string, binding: Binding, extra: Partial<Indicator> = {}): Indicator {
  return {
    id,
    name: L(id),
    layer: 'CX',
    unit: 'points',
    scale: { min: 0, max: 100 },
    direction: 'higher',
    binding,
    ...extra,
  };
}

function model(over: Partial<ServiceModel>): ServiceModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id: 'm',
    name: L('m'),
    journey: { stages: [], touchpoints: [] },
    factors: [],
    unitKinds: [],
    datasets: {},
    period: { grain: 'month' },
    indicators: [],
    links: [],
    index: { blocks: [] },
    ...over,
  };
}

/** Cells of a series as a plain object, values rounded, keys with `|` for the separator. */
function cells(m: ServiceModel, id: string, data: readonly LoadedDataset[]) {
  const s = indicatorValues(m, id, data);
  expect(s.problems).toEqual([]);
  return Object.fromEntries(
    [...s.cells].map(([k, c]) => [k.replace('\u0000', '|'), +c.value.toFixed(4)]),
  );
}

describe('periodKey', () => {
  it('maps epoch milliseconds (UTC) and period strings to months and quarters', () => {
    const t = Date.UTC(2026, 2, 31, 23, 59);
    expect(periodKey(t, 'month')).toBe('2026-03');
    expect(periodKey(t, 'quarter')).toBe('2026-Q1');
    expect(periodKey(Date.UTC(2025, 9, 1), 'quarter')).toBe('2025-Q4');
    expect(periodKey('2026-03', 'month')).toBe('2026-03');
    expect(periodKey('2026-03-15', 'quarter')).toBe('2026-Q1');
    expect(periodKey('2026-Q2', 'quarter')).toBe('2026-Q2');
    expect(periodKey(null, 'month')).toBeNull();
    expect(periodKey(NaN, 'month')).toBeNull();
    expect(periodKey('', 'month')).toBeNull();
    expect(periodKey('2026-13', 'month')).toBeNull();
  });
});

describe('normalise', () => {
  const up = { scale: { min: 1, max: 5 }, direction: 'higher' } as const;
  const down = { scale: { min: 0, max: 0.5 }, direction: 'lower' } as const;
  it('maps min → 0 and max → 100, reversed for lower-is-better, clamped', () => {
    expect(normalise(1, up)).toBe(0);
    expect(normalise(5, up)).toBe(100);
    expect(normalise(4, up)).toBe(75);
    expect(normalise(0, down)).toBe(100);
    expect(normalise(0.5, down)).toBe(0);
    expect(normalise(0.1, down)).toBeCloseTo(80);
    // Clamped: off-scale values stay within 0–100.
    expect(normalise(7, up)).toBe(100);
    expect(normalise(-3, up)).toBe(0);
    expect(normalise(0.9, down)).toBe(0);
    expect(normalise(-0.2, down)).toBe(100);
  });
  it('gives null for an unusable scale or value', () => {
    expect(normalise(3, { scale: { min: 2, max: 2 }, direction: 'higher' })).toBeNull();
    expect(normalise(NaN, up)).toBeNull();
  });
});

const TABLE = `client,date,unit_kind,unit,score,flag,late,orders,nps,channel
A,2026-01-05,warehouse,W1,4,yes,1,10,10,web
A,2026-01-20,warehouse,W1,2,no,0,5,6,phone
A,2026-02-03,manager,M1,,yes,2,5,9,web
B,2026-01-10,warehouse,W2,5,,1,0,8,web
B,2026-04-10,manager,M1,3,no,,4,3,web
`;

const CARD = `client_id,warehouse,manager
A,W1,M1
B,W2,M1
C,W2,
`;

describe('indicatorValues', () => {
  const client = { kind: 'client' } as const;
  const cp = { kind: 'client-period' } as const;
  const t = (b: Omit<Binding, 'dataset'>): Binding => ({ dataset: 't', ...b });
  const build = async (grain: 'month' | 'quarter' = 'month') => {
    const data = [await loadCsv('t', TABLE), await loadCsv('card', CARD)];
    const m = model({
      period: { grain },
      unitKinds: [
        { id: 'warehouse', name: L('w'), column: 'warehouse' },
        { id: 'manager', name: L('m'), column: 'manager' },
      ],
      clientCard: { dataset: 'card', key: 'client_id' },
      datasets: {
        t: { client: 'client', period: 'date', unit: 'unit', unitKindColumn: 'unit_kind' },
        card: { client: 'client_id' },
      },
      indicators: [
        indicator('mean', t({ column: 'score', aggregate: 'mean', grain: cp })),
        indicator('meanBool', t({ column: 'flag', aggregate: 'mean', grain: client })),
        indicator('sum', t({ column: 'late', aggregate: 'sum', grain: client })),
        indicator('count', t({ column: '', aggregate: 'count', grain: cp })),
        indicator('shareBool', t({ column: 'flag', aggregate: 'share', grain: client })),
        indicator(
          'shareOf',
          t({
            column: 'score',
            aggregate: 'share',
            grain: client,
            shareOf: { op: 'ge', value: 4 },
          }),
        ),
        indicator('rate', t({ column: 'late', aggregate: 'rate', per: 'orders', grain: client })),
        indicator('nps', t({ column: 'nps', aggregate: 'nps', grain: client })),
        indicator(
          'filtered',
          t({
            column: 'score',
            aggregate: 'mean',
            grain: client,
            filter: { column: 'channel', op: 'eq', value: 'phone' },
          }),
        ),
        indicator(
          'countIn',
          t({
            column: '',
            aggregate: 'count',
            grain: client,
            filter: { column: 'channel', op: 'in', value: ['web', 'email'] },
          }),
        ),
        indicator(
          'warehouse',
          t({
            column: 'score',
            aggregate: 'mean',
            grain: { kind: 'unit-period', unitKind: 'warehouse' },
          }),
        ),
        indicator(
          'manager',
          t({
            column: '',
            aggregate: 'count',
            grain: { kind: 'unit-period', unitKind: 'manager' },
          }),
        ),
        indicator('badDataset', {
          ...t({ column: 'x', aggregate: 'mean', grain: cp }),
          dataset: 'nope',
        }),
        indicator('badColumn', t({ column: 'nope', aggregate: 'mean', grain: cp })),
        indicator('badKeys', {
          dataset: 'card',
          column: 'warehouse',
          aggregate: 'count',
          grain: cp,
        }),
      ],
    });
    return { m, data };
  };

  it('loads CSV text through the importer with stored types', async () => {
    const { data } = await build();
    const ds = data[0]!;
    expect(ds.types).toMatchObject({
      client: 'string',
      date: 'date',
      score: 'number',
      flag: 'boolean',
    });
    expect(Array.from(ds.columns.score!)).toEqual([4, 2, null, 5, 3]);
    expect(Array.from(ds.columns.flag!)).toEqual([true, false, true, null, false]);
    expect(ds.columns.date![0]).toBe(Date.UTC(2026, 0, 5));
  });

  it('computes every aggregate, skipping blanks (never zero)', async () => {
    const { m, data } = await build();
    // Month 2026-02 of A has a blank score: no cell rather than 0.
    expect(cells(m, 'mean', data)).toEqual({ 'A|2026-01': 3, 'B|2026-01': 5, 'B|2026-04': 3 });
    // Booleans as 0/1: A yes,no,yes → 2/3; B blank,no → 0 over one row.
    expect(cells(m, 'meanBool', data)).toEqual({ A: 0.6667, B: 0 });
    expect(cells(m, 'sum', data)).toEqual({ A: 3, B: 1 });
    expect(cells(m, 'count', data)).toEqual({
      'A|2026-01': 2,
      'A|2026-02': 1,
      'B|2026-01': 1,
      'B|2026-04': 1,
    });
    expect(cells(m, 'shareBool', data)).toEqual({ A: 0.6667, B: 0 });
    // score ≥ 4 over non-blank scores: A 4,2 → ½; B 5,3 → ½.
    expect(cells(m, 'shareOf', data)).toEqual({ A: 0.5, B: 0.5 });
    // A: (1+0+2)/(10+5+5); B: the row without `late` is skipped, Σorders = 0 → no value.
    expect(cells(m, 'rate', data)).toEqual({ A: 0.15 });
    // A: 10, 6, 9 → 2 promoters, 1 detractor of 3; B: 8, 3 → 0 − 1 of 2.
    expect(cells(m, 'nps', data)).toEqual({ A: 33.3333, B: -50 });
    expect(cells(m, 'filtered', data)).toEqual({ A: 2 });
    expect(cells(m, 'countIn', data)).toEqual({ A: 2, B: 2 });
    const n = indicatorValues(m, 'nps', data).cells.get('A')!.n;
    expect(n).toBe(3);
  });

  it('reads only the rows of the unit kind at unit × period, by the unit-kind column', async () => {
    const { m, data } = await build();
    expect(cells(m, 'warehouse', data)).toEqual({ 'W1|2026-01': 3, 'W2|2026-01': 5 });
    expect(cells(m, 'manager', data)).toEqual({ 'M1|2026-02': 1, 'M1|2026-04': 1 });
  });

  it('maps dates to quarters at quarter grain', async () => {
    const { m, data } = await build('quarter');
    expect(cells(m, 'mean', data)).toEqual({ 'A|2026-Q1': 3, 'B|2026-Q1': 5, 'B|2026-Q2': 3 });
  });

  it('gives an empty series with a problem for an unusable binding', async () => {
    const { m, data } = await build();
    for (const id of ['badDataset', 'badColumn', 'badKeys', 'unknown']) {
      const s = indicatorValues(m, id, data);
      expect(s.cells.size, id).toBe(0);
      expect(s.problems.length, id).toBe(1);
    }
    expect(indicatorValues(m, 'badColumn', data).problems[0]).toContain('nope');
  });

  it('maps client and unit grains to client × period', async () => {
    const { m, data } = await build();
    const key = (k: string) => splitCellKey(k).join('|');
    const byClient = toClientPeriod(m, indicatorValues(m, 'sum', data), data);
    // Broadcast to each period the client has in client × period data; C has none.
    expect(Object.fromEntries([...byClient].map(([k, v]) => [key(k), v]))).toEqual({
      'A|2026-01': 3,
      'A|2026-02': 3,
      'B|2026-01': 1,
      'B|2026-04': 1,
    });
    const byUnit = toClientPeriod(m, indicatorValues(m, 'warehouse', data), data);
    // W2 serves B and C (from the client card).
    expect(Object.fromEntries([...byUnit].map(([k, v]) => [key(k), v]))).toEqual({
      'A|2026-01': 3,
      'B|2026-01': 5,
      'C|2026-01': 5,
    });
    expect(cellKey('A', '2026-01')).toBe('A\u00002026-01');
  });
});

// Three clients. C1 and C2 have importance weights; C3 has none (blank cells).
const CLIENTS = `client_id,w_quality,w_delivery
C1,0.75,0.25
C2,0.2,0.8
C3,,
`;
const SURVEY = `client_id,date,rating_q,rating_d,nps
C1,2026-01-10,5,3,10
C1,2026-01-20,4,3,6
C2,2026-01-05,2,5,9
C3,2026-01-07,3,,5
`;
const SHIPMENTS = `client_id,month,revenue
C1,2026-01-01,300
C1,2026-01-15,200
C2,2026-01-01,1200
C3,2026-01-01,250
C3,2026-02-01,400
`;

describe('satisfactionIndex', () => {
  const cp = { kind: 'client-period' } as const;
  const fixture = async (withNps = false) => {
    const data = [
      await loadCsv('clients', CLIENTS),
      await loadCsv('survey', SURVEY),
      await loadCsv('shipments', SHIPMENTS),
    ];
    const rating = (id: string, factor: string, column: string) =>
      indicator(
        id,
        { dataset: 'survey', column, aggregate: 'mean', grain: cp },
        { factor, scale: { min: 1, max: 5 } },
      );
    const m = model({
      factors: [
        { id: 'quality', name: L('q') },
        { id: 'delivery', name: L('d') },
      ],
      clientCard: { dataset: 'clients', key: 'client_id' },
      datasets: {
        clients: { client: 'client_id' },
        survey: { client: 'client_id', period: 'date' },
        shipments: { client: 'client_id', period: 'month' },
      },
      indicators: [
        rating('cx.q', 'quality', 'rating_q'),
        rating('cx.d', 'delivery', 'rating_d'),
        indicator(
          'cx.nps',
          { dataset: 'survey', column: 'nps', aggregate: 'nps', grain: cp },
          { scale: { min: -100, max: 100 } },
        ),
        indicator(
          'tx.rev',
          { dataset: 'shipments', column: 'revenue', aggregate: 'sum', grain: cp },
          { layer: 'TX', scale: { min: 0, max: 1000 } },
        ),
      ],
      index: {
        blocks: [
          { layer: 'TX', weight: 0.4, members: ['tx.rev'] },
          {
            layer: 'CX',
            weight: 0.6,
            members: withNps ? ['cx.q', 'cx.d', 'cx.nps'] : ['cx.q', 'cx.d'],
          },
        ],
        factorWeights: { quality: 'w_quality', delivery: 'w_delivery' },
      },
    });
    return { m, data };
  };

  it('equals the hand calculation', async () => {
    const { m, data } = await fixture();
    const result = satisfactionIndex(m, data);
    expect(result.problems).toEqual([]);
    const rows = Object.fromEntries(result.rows.map((r) => [`${r.client}|${r.period}`, r]));
    expect(Object.keys(rows)).toEqual(['C1|2026-01', 'C2|2026-01', 'C3|2026-01', 'C3|2026-02']);

    // C1, Jan: quality mean (5+4)/2 = 4.5 → (4.5−1)/4·100 = 87.5; delivery 3 → 50.
    //   CX = (0.75·87.5 + 0.25·50) / (0.75+0.25) = 65.625 + 12.5 = 78.125
    //   TX: revenue 300+200 = 500 → 50
    //   index = 0.4·50 + 0.6·78.125 = 20 + 46.875 = 66.875
    expect(rows['C1|2026-01']!.blocks.CX).toBeCloseTo(78.125, 9);
    expect(rows['C1|2026-01']!.blocks.TX).toBeCloseTo(50, 9);
    expect(rows['C1|2026-01']!.index).toBeCloseTo(66.875, 9);
    expect(rows['C1|2026-01']!.equalWeights).toBe(false);
    expect(rows['C1|2026-01']!.missing).toEqual([]);

    // C2, Jan: quality 2 → 25; delivery 5 → 100. CX = 0.2·25 + 0.8·100 = 5 + 80 = 85
    //   TX: 1200 → 120, clamped to 100. index = 0.4·100 + 0.6·85 = 40 + 51 = 91
    expect(rows['C2|2026-01']!.blocks.CX).toBeCloseTo(85, 9);
    expect(rows['C2|2026-01']!.index).toBeCloseTo(91, 9);

    // C3, Jan: no weights → equal; delivery blank → missing (not 0). CX = quality 3 → 50.
    //   TX: 250 → 25. index = 0.4·25 + 0.6·50 = 10 + 30 = 40
    //   (had the blank been taken as 0 → 0 on the scale, CX would be 25 and the index 25).
    expect(rows['C3|2026-01']).toMatchObject({ equalWeights: true, missing: ['cx.d'] });
    expect(rows['C3|2026-01']!.blocks.CX).toBeCloseTo(50, 9);
    expect(rows['C3|2026-01']!.index).toBeCloseTo(40, 9);
  });

  it('reports missing data and leaves an empty block out, never as zero', async () => {
    const { m, data } = await fixture();
    // With a CX block of one unknown indicator, C3's February has 1 of 2 inputs (revenue):
    // TX: 400 → 40; CX has no member → null, left out: index = 40.
    m.index.blocks[1]!.members = ['cx.ghost'];
    const row = satisfactionIndex(m, data).rows.find((r) => r.period === '2026-02')!;
    expect(row).toEqual({
      client: 'C3',
      period: '2026-02',
      index: 40,
      present: 1,
      blocks: { TX: 40, CX: null },
      missing: ['cx.ghost'],
      equalWeights: true,
    });
  });

  it('gives no index to a client-period with fewer than half of the inputs, never 0', async () => {
    const { m, data } = await fixture();
    const result = satisfactionIndex(m, data);
    expect(result.inputs).toBe(3);
    // C3, Feb: only shipments, 1 of 3 inputs: the blocks are shown, the index is not.
    const row = result.rows.find((r) => r.period === '2026-02')!;
    expect(row).toMatchObject({ client: 'C3', index: null, present: 1 });
    expect(row.blocks).toEqual({ TX: 40, CX: null });
    // C3, Jan: 2 of 3 (delivery blank) is enough.
    expect(result.rows.find((r) => r.client === 'C3' && r.period === '2026-01')!.index).toBe(40);
    expect(hasEnoughInputs(4, 8)).toBe(true);
    expect(hasEnoughInputs(3, 8)).toBe(false);
    expect(hasEnoughInputs(2, 3)).toBe(true);
    expect(hasEnoughInputs(1, 3)).toBe(false);
  });

  it('weighs an indicator without a factor by the mean of the client’s factor weights', async () => {
    const { m, data } = await fixture(true);
    const rows = satisfactionIndex(m, data).rows;
    const c1 = rows.find((r) => r.client === 'C1')!;
    // C1, Jan: NPS of 10 and 6 = (1−1)/2 = 0 → 50 on −100…100, weight (0.75+0.25)/2 = 0.5.
    //   CX = (0.75·87.5 + 0.25·50 + 0.5·50) / (0.75+0.25+0.5) = 103.125 / 1.5 = 68.75
    expect(c1.blocks.CX).toBeCloseTo(68.75, 9);
    // C3 (equal weights): NPS 5 → −100 → 0; CX = (50 + 0) / 2 = 25; delivery still missing.
    const c3 = rows.find((r) => r.client === 'C3' && r.period === '2026-01')!;
    expect(c3.blocks.CX).toBeCloseTo(25, 9);
    expect(c3.missing).toEqual(['cx.d']);
  });

  it('reports unusable members instead of throwing', async () => {
    const { m, data } = await fixture();
    m.index.blocks[1]!.members.push('cx.ghost');
    const result = satisfactionIndex(m, data);
    expect(result.problems).toEqual(['cx.ghost: unknown indicator']);
    expect(result.rows.every((r) => r.missing.includes('cx.ghost'))).toBe(true);
    expect(result.rows[0]!.index).toBeCloseTo(66.875, 9);
  });
});

describe('satisfactionIndex on the demo world', () => {
  it(
    'is lower for clients of the planted bad warehouses, overall and in the CX block',
    SLOW,
    async () => {
      const world = generateDemoWorld({ clients: 600, months: 12 });
      const data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
      const result = satisfactionIndex(world.model, data);
      expect(result.problems).toEqual([]);

      const clients = data.find((d) => d.name === 'clients')!;
      const bad = new Set(world.truth.affected.warehouses);
      const affected = new Set<string>();
      for (let r = 0; r < clients.columns.client_id!.length; r++) {
        if (bad.has(String(clients.columns.warehouse![r]))) {
          affected.add(String(clients.columns.client_id![r]));
        }
      }
      expect(affected.size).toBeGreaterThan(0);

      /** Mean over clients of each client's mean over its periods with a value. */
      const meanOf = (pick: (r: (typeof result.rows)[number]) => number | null | undefined) => {
        const perClient = new Map<string, { s: number; n: number }>();
        for (const r of result.rows) {
          const v = pick(r);
          if (v === null || v === undefined) continue;
          const a = perClient.get(r.client) ?? { s: 0, n: 0 };
          a.s += v;
          a.n++;
          perClient.set(r.client, a);
        }
        const groups = { affected: { s: 0, n: 0 }, other: { s: 0, n: 0 } };
        for (const [c, a] of perClient) {
          const g = affected.has(c) ? groups.affected : groups.other;
          g.s += a.s / a.n;
          g.n++;
        }
        return {
          affected: groups.affected.s / groups.affected.n,
          other: groups.other.s / groups.other.n,
        };
      };
      const overall = meanOf((r) => r.index);
      const cx = meanOf((r) => r.blocks.CX);
      expect(overall.affected).toBeLessThan(overall.other);
      expect(cx.affected).toBeLessThan(cx.other);
      // Every index value is on 0–100, and rows without a survey report their CX members missing.
      for (const r of result.rows) {
        if (r.index !== null) expect(r.index).toBeGreaterThanOrEqual(0);
        if (r.index !== null) expect(r.index).toBeLessThanOrEqual(100);
        if (r.blocks.CX === null) expect(r.missing).toContain('cx.nps');
      }
    },
  );
});
