import { demoColumn, renameModelColumns } from '../../src/core/demo/demo-columns.ts';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  DEMO_DEFAULTS,
  generateDemoWorld,
  resolveDemoOptions,
  type DemoWorld,
} from '../../src/core/demo/demo-world.ts';
import { demoModel } from '../../src/core/demo/demo-model.ts';
import { DEMO_KEYWORDS } from '../../src/core/demo/demo-comments.ts';
import { Rng } from '../../src/core/random.ts';
import type { Grain } from '../../src/core/model/model-types.ts';
import { SLOW } from './slow.ts';

type Row = Record<string, string>;

function parseCsv(csv: string): { fields: string[]; rows: Row[]; counts: number[] } {
  const r = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  const [fields, ...data] = r.data;
  return {
    fields: fields!,
    rows: data.map((d) => Object.fromEntries(fields!.map((f, i) => [f, d[i] ?? '']))),
    counts: data.map((d) => d.length),
  };
}

function tablesOf(world: DemoWorld): Record<string, Row[]> {
  return Object.fromEntries(world.files.map((f) => [f.name, parseCsv(f.csv).rows]));
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * A small evaluator of the model's bindings, enough for the demo: an indicator's values per
 * cell of `grain`, read from the generated CSVs (client-level data reaches a unit grain
 * through the client card's unit column).
 */
function indicatorValues(
  world: DemoWorld,
  tables: Record<string, Row[]>,
  id: string,
  grain: Grain,
): Map<string, number> {
  const model = world.model;
  const b = model.indicators.find((i) => i.id === id)!.binding!;
  const keys = model.datasets[b.dataset]!;
  const card = new Map(tables.clients!.map((r) => [r.client_id!, r]));
  const cells = new Map<
    string,
    { sum: number; per: number; n: number; pro: number; det: number }
  >();
  for (const row of tables[b.dataset]!) {
    if (b.filter && row[b.filter.column] !== String(b.filter.value)) continue;
    let key: string;
    if (grain.kind === 'client') key = row[keys.client!]!;
    else {
      const month = row[keys.period!]!.slice(0, 7);
      if (grain.kind === 'client-period') key = `${row[keys.client!]}|${month}`;
      else if (keys.client) {
        const column = model.unitKinds.find((k) => k.id === grain.unitKind)!.column;
        key = `${card.get(row[keys.client]!)![column]}|${month}`;
      } else key = `${row[keys.unit!]}|${month}`;
    }
    const raw = row[b.column]!;
    if (raw === '') continue;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { sum: 0, per: 0, n: 0, pro: 0, det: 0 }));
    const v = Number(raw);
    if (b.aggregate === 'share') {
      const yes = b.shareOf
        ? b.shareOf.op === 'le'
          ? v <= Number(b.shareOf.value)
          : raw === String(b.shareOf.value)
        : raw === 'yes';
      c.sum += yes ? 1 : 0;
      c.n++;
    } else if (b.aggregate === 'rate') {
      c.sum += v;
      c.per += Number(row[b.per!]);
    } else if (b.aggregate === 'nps') {
      c.n++;
      if (v >= 9) c.pro++;
      if (v <= 6) c.det++;
    } else {
      c.sum += v;
      c.n++;
    }
  }
  const out = new Map<string, number>();
  for (const [k, c] of cells) {
    const v =
      b.aggregate === 'rate'
        ? c.sum / c.per
        : b.aggregate === 'nps'
          ? (100 * (c.pro - c.det)) / c.n
          : b.aggregate === 'sum'
            ? c.sum
            : c.sum / c.n;
    if (Number.isFinite(v)) out.set(k, v);
  }
  return out;
}

function correlationAt(
  world: DemoWorld,
  tables: Record<string, Row[]>,
  child: string,
  parent: string,
  grain: Grain,
): { r: number; n: number } {
  const a = indicatorValues(world, tables, child, grain);
  const b = indicatorValues(world, tables, parent, grain);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined) {
      xs.push(v);
      ys.push(w);
    }
  }
  return { r: pearson(xs, ys), n: xs.length };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const file = (w: DemoWorld, name: string) => w.files.find((f) => f.name === name)!;

/** The default world, generated at most once for the whole file. */
let defaultWorld: { world: DemoWorld; tables: Record<string, Row[]> } | undefined;
function byDefault() {
  if (!defaultWorld) {
    const world = generateDemoWorld();
    defaultWorld = { world, tables: tablesOf(world) };
  }
  return defaultWorld;
}

describe('demo world', () => {
  it('has a seeded random stream: same seed, same draws; sub-streams differ', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const draws = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(draws);
    expect(Rng.derive(7, 'x').next()).not.toBe(Rng.derive(7, 'y').next());
    const r = new Rng(1);
    const normals = Array.from({ length: 4000 }, () => r.normal(10, 2));
    expect(mean(normals)).toBeCloseTo(10, 0);
    expect(mean(Array.from({ length: 4000 }, () => r.poisson(3)))).toBeCloseTo(3, 0);
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives byte-identical files for the same seed and different files for another', () => {
    const a = generateDemoWorld({ clients: 300 });
    const b = generateDemoWorld({ clients: 300 });
    const c = generateDemoWorld({ clients: 300, seed: 7 });
    expect(a.files.map((f) => f.csv)).toEqual(b.files.map((f) => f.csv));
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(JSON.stringify(a.model)).toBe(JSON.stringify(b.model));
    for (let i = 0; i < a.files.length; i++) expect(c.files[i]!.csv).not.toBe(a.files[i]!.csv);
    expect(a.files.map((f) => [f.name, f.fileName])).toEqual([
      ['clients', 'clients.csv'],
      ['shipments', 'shipments.csv'],
      ['survey', 'survey.csv'],
      ['ops', 'ops.csv'],
      ['staff', 'staff.csv'],
      ['it', 'it.csv'],
    ]);
  });

  it('writes plain CSV: consistent field counts, fixed decimals, ISO months, yes/no', () => {
    const w = generateDemoWorld({ clients: 400, months: 12 });
    const patterns: Record<string, RegExp> = {
      client_id: /^C\d{5}$/,
      month: /^\d{4}-\d{2}-01$/,
      date: /^\d{4}-\d{2}-\d{2}$/,
      churn_month: /^(\d{4}-\d{2}-01)?$/,
      churned: /^(yes|no)$/,
      grade: /^[ABC]$/,
      warehouse: /^WH-[1-6]$/,
      ltv: /^\d+\.\d{2}$/,
      weight_delivery: /^(0\.\d{2}|1\.00)?$/,
      orders: /^\d+$/,
      lead_time_days: /^(\d+\.\d)?$/,
      revenue: /^\d+\.\d{2}$/,
      nps: /^([0-9]|10)$/,
      rating_quality: /^[1-5]?$/,
      on_time_share: /^(\d\.\d{3})?$/,
      picking_error_rate: /^(\d\.\d{4})?$/,
      response_time_hours: /^(\d+\.\d)?$/,
      competency_score: /^(\d+\.\d)?$/,
      turnover: /^(\d\.\d{3})?$/,
      qc_tools: /^\d*$/,
      unit_kind: /^(warehouse|manager)$/,
    };
    for (const f of w.files) {
      expect(f.csv.endsWith('\n')).toBe(true);
      expect(f.csv).not.toMatch(/\r/);
      const { fields, rows, counts } = parseCsv(f.csv);
      expect(fields.every((c) => /^[a-z][a-z0-9_]*$/.test(c))).toBe(true);
      expect(new Set(counts)).toEqual(new Set([fields.length]));
      expect(rows.length).toBe(f.rows);
      for (const [column, re] of Object.entries(patterns)) {
        if (!fields.includes(column)) continue;
        const bad = rows.map((r) => r[column]!).filter((v) => !re.test(v));
        expect(bad, `${f.name}.${column}`).toEqual([]);
      }
    }
    // Importance weights sum to exactly 1 where known; a few clients have none.
    const clients = parseCsv(file(w, 'clients').csv).rows;
    const weights = ['quality', 'delivery', 'communication', 'documents', 'price'];
    for (const c of clients) {
      if (c.weight_quality === '') continue;
      const cents = weights.map((k) => Math.round(Number(c[`weight_${k}`]) * 100));
      expect(cents.reduce((a, b) => a + b, 0)).toBe(100);
    }
    // Comments sometimes need quoting (commas, quotes, line breaks), and survive parsing.
    expect(file(w, 'survey').csv).toMatch(/""/);
    const comments = parseCsv(file(w, 'survey').csv).rows.map((r) => r.comment!);
    expect(comments.some((c) => c.includes('\n'))).toBe(true);
    expect(comments.some((c) => c.includes('"'))).toBe(true);
  });

  it('matches the options in its row counts; churned clients stop after their churn month', () => {
    const progress: [number, number][] = [];
    const w = generateDemoWorld({ clients: 250, scale: 2, months: 18 }, (d, t) =>
      progress.push([d, t]),
    );
    expect(progress.at(-1)).toEqual([500, 500]);
    const clients = parseCsv(file(w, 'clients').csv).rows;
    expect(clients).toHaveLength(500);
    expect(w.truth.clients).toBe(500);
    const months = Array.from(new Set(parseCsv(file(w, 'staff').csv).rows.map((r) => r.month!)));
    expect(months).toHaveLength(18);
    expect(months.at(-1)).toBe('2026-04-01');
    expect(w.truth.period).toEqual({ first: months[0], last: '2026-04-01' });
    const byClient = new Map<string, string[]>();
    for (const s of parseCsv(file(w, 'shipments').csv).rows) {
      const list = byClient.get(s.client_id!) ?? [];
      list.push(s.month!);
      byClient.set(s.client_id!, list);
    }
    let expected = 0;
    for (const c of clients) {
      const active = c.churned === 'yes' ? months.indexOf(c.churn_month!) + 1 : months.length;
      expect(active).toBeGreaterThan(0);
      expect(byClient.get(c.client_id!)).toEqual(months.slice(0, active));
      expected += active;
    }
    expect(file(w, 'shipments').rows).toBe(expected);
    expect(clients.some((c) => c.churned === 'yes')).toBe(true);
    // No answers from unknown clients or after churn; some clients never answer.
    const card = new Map(clients.map((c) => [c.client_id!, c]));
    const survey = parseCsv(file(w, 'survey').csv).rows;
    for (const s of survey) {
      const c = card.get(s.client_id!)!;
      if (c.churned === 'yes') expect(s.date!.slice(0, 7) <= c.churn_month!.slice(0, 7)).toBe(true);
    }
    expect(new Set(survey.map((s) => s.client_id)).size).toBeLessThan(clients.length);
    expect(new Set(survey.map((s) => s.response_id)).size).toBe(survey.length);
    // Units × months, with a few unit-months missing from ops.
    const managers = new Set(clients.map((c) => c.account_manager));
    expect(file(w, 'staff').rows).toBe((6 + managers.size) * 18);
    expect(file(w, 'it').rows).toBe((6 + managers.size) * 18);
    expect(file(w, 'ops').rows).toBeLessThan((6 + managers.size) * 18);
    expect(file(w, 'ops').rows).toBeGreaterThan((6 + managers.size) * 18 * 0.9);
  });

  it('checks its options', () => {
    expect(resolveDemoOptions()).toEqual(DEMO_DEFAULTS);
    expect(DEMO_DEFAULTS).toEqual({
      seed: 20260501,
      clients: 2000,
      months: 24,
      scale: 1,
      lang: 'mixed',
    });
    expect(() => resolveDemoOptions({ clients: 0 })).toThrow(RangeError);
    expect(() => resolveDemoOptions({ scale: -1 })).toThrow(RangeError);
    expect(() => resolveDemoOptions({ lang: 'de' as 'ru' })).toThrow(RangeError);
  });

  it('writes names, labels and comments in the chosen language', () => {
    const cyrillic = /[а-яё]/i;
    const ru = generateDemoWorld({ clients: 300, lang: 'ru' });
    const ruComments = parseCsv(file(ru, 'survey').csv)
      .rows.map((r) => r['Комментарий']!)
      .filter((c) => c.trim() !== '');
    expect(ruComments.length).toBeGreaterThan(100);
    expect(ruComments.filter((c) => !cyrillic.test(c))).toEqual([]);
    const en = generateDemoWorld({ clients: 300, lang: 'en' });
    for (const f of en.files) expect(f.csv, f.name).not.toMatch(cyrillic);
    const mixed = parseCsv(file(generateDemoWorld({ clients: 300 }), 'clients').csv).rows;
    const english = mixed.filter((c) => !cyrillic.test(c.name!)).length;
    expect(english).toBeGreaterThan(mixed.length * 0.05);
    expect(english).toBeLessThan(mixed.length * 0.3);
  });

  it('keeps its identifiers in every language: dataset keys, ids, unit codes, rows', () => {
    const ru = generateDemoWorld({ clients: 300, lang: 'ru' });
    const en = generateDemoWorld({ clients: 300, lang: 'en' });
    expect(ru.files.map((f) => f.name)).toEqual(en.files.map((f) => f.name));
    expect(ru.model.indicators.map((i) => i.id)).toEqual(en.model.indicators.map((i) => i.id));
    for (const f of en.files) {
      const a = parseCsv(f.csv);
      const b = parseCsv(file(ru, f.name).csv);
      // Russian headers, one for every column, in the same order.
      expect(b.fields).toEqual(a.fields.map((id) => demoColumn(id, 'ru')));
      for (const h of b.fields) expect(h, h).toMatch(/[а-яё]|^NPS$|^LTV/i);
      // The same clients, units and months (the words drawn differ, and with them some draws).
      const stable = f.name === 'clients' ? ['client_id'] : ['unit', 'month'];
      for (const id of stable) {
        if (!a.fields.includes(id)) continue;
        const ruName = demoColumn(id, 'ru');
        // Warehouse codes are identifiers; account managers are people, named in the language.
        const values = (rows: Record<string, string | undefined>[], k: string) =>
          [...new Set(rows.map((r) => r[k]))]
            .filter((v) => id !== 'unit' || /^WH-/.test(v!))
            .sort();
        expect(values(b.rows, ruName), `${f.name}.${id}`).toEqual(values(a.rows, id));
      }
    }
  });

  it.each(['mixed', 'ru'] as const)(
    'has a model whose bindings and keys name only columns of the generated files (%s)',
    (lang) => {
      const w = generateDemoWorld({ clients: 200, lang });
      const col = (id: string) => demoColumn(id, lang);
      const columns = new Map(w.files.map((f) => [f.name, parseCsv(f.csv).fields]));
      const has = (dataset: string, column: string | undefined) =>
        column === undefined || (columns.get(dataset) ?? []).includes(column);
      const m = w.model;
      expect(m).toEqual(lang === 'ru' ? renameModelColumns(demoModel(), col) : demoModel());
      expect(m.id).toBe('demo-model');
      expect(Object.keys(m.datasets).sort()).toEqual([...columns.keys()].sort());
      for (const [name, keys] of Object.entries(m.datasets)) {
        for (const column of [keys.client, keys.period, keys.unit]) {
          expect(has(name, column), `${name}.${column}`).toBe(true);
        }
      }
      const ids = new Set(m.indicators.map((i) => i.id));
      const layers = new Set(m.indicators.map((i) => i.layer));
      expect([...layers].sort()).toEqual(['CX', 'EX', 'IT', 'OX', 'TX']);
      for (const i of m.indicators) {
        const b = i.binding!;
        expect(i.id.startsWith(i.layer.toLowerCase() + '.'), i.id).toBe(true);
        expect(has(b.dataset, b.column), `${i.id} → ${b.dataset}.${b.column}`).toBe(true);
        expect(has(b.dataset, b.per)).toBe(true);
        expect(has(b.dataset, b.filter?.column)).toBe(true);
        if (b.grain.kind === 'unit-period') {
          expect(m.unitKinds.map((k) => k.id)).toContain(b.grain.unitKind);
          expect(b.filter).toEqual({ column: col('unit_kind'), op: 'eq', value: b.grain.unitKind });
        }
        if (i.factor) expect(m.factors.map((f) => f.id)).toContain(i.factor);
        if (i.touchpoint) expect(m.journey.touchpoints.map((t) => t.id)).toContain(i.touchpoint);
        expect(i.name.ru).toMatch(/[а-яё]|NPS/i);
        expect(i.scale.min).toBeLessThan(i.scale.max);
      }
      const order = ['TX', 'CX', 'OX', 'EX', 'IT'];
      const layerOf = (id: string) => order.indexOf(m.indicators.find((i) => i.id === id)!.layer);
      for (const l of m.links) {
        expect(ids.has(l.child) && ids.has(l.parent), `${l.child} → ${l.parent}`).toBe(true);
        expect(layerOf(l.child)).toBeGreaterThanOrEqual(layerOf(l.parent));
      }
      for (const i of m.indicators) {
        expect(
          m.links.some((l) => l.child === i.id || l.parent === i.id),
          i.id,
        ).toBe(true);
      }
      for (const k of m.unitKinds) expect(has('clients', k.column)).toBe(true);
      for (const c of Object.values(m.index.factorWeights!)) expect(has('clients', c)).toBe(true);
      for (const b of m.index.blocks) for (const id of b.members) expect(ids.has(id)).toBe(true);
      expect(m.journey.touchpoints.some((t) => t.momentOfTruth)).toBe(true);
      for (const t of m.journey.touchpoints) {
        expect(m.journey.stages.map((s) => s.id)).toContain(t.stage);
        for (const b of t.barriers) expect(m.factors.map((f) => f.id)).toContain(b.factor);
      }
      // Every truth edge and decoy names model indicators; decoys are linked like causes.
      for (const e of w.truth.edges) expect(ids.has(e.child) && ids.has(e.parent)).toBe(true);
      for (const d of w.truth.decoys) expect(m.links.some((l) => l.child === d)).toBe(true);
      expect(JSON.parse(JSON.stringify(w.truth))).toEqual(w.truth);
    },
  );

  it('plants its documented effects at the default size, within the truth bands', SLOW, () => {
    const { world, tables } = byDefault();
    expect(tables.clients).toHaveLength(2000);
    for (const e of world.truth.edges) {
      const { r, n } = correlationAt(world, tables, e.child, e.parent, e.grain);
      expect(n, `${e.child} → ${e.parent}`).toBeGreaterThan(40);
      expect(Math.sign(r)).toBe(e.sign);
      expect(r, `${e.child} → ${e.parent}: r = ${r.toFixed(3)}`).toBeGreaterThanOrEqual(e.band[0]);
      expect(r, `${e.child} → ${e.parent}: r = ${r.toFixed(3)}`).toBeLessThanOrEqual(e.band[1]);
    }
    // Scanner coverage against picking errors across warehouse-months, straight from the files.
    const it = new Map(
      tables
        .it!.filter((r) => r.unit_kind === 'warehouse' && r.scanner_coverage !== '')
        .map((r) => [`${r.unit}|${r.month}`, Number(r.scanner_coverage)]),
    );
    const pairs = tables
      .ops!.filter((r) => r.unit_kind === 'warehouse' && r.picking_error_rate !== '')
      .filter((r) => it.has(`${r.unit}|${r.month}`))
      .map((r) => [it.get(`${r.unit}|${r.month}`)!, Number(r.picking_error_rate)] as const);
    expect(pairs.length).toBeGreaterThan(120);
    const r = pearson(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    const band = world.truth.edges.find(
      (e) => e.child === 'it.scanner_coverage' && e.parent === 'ox.picking_error_rate',
    )!.band;
    expect(r).toBeGreaterThanOrEqual(band[0]);
    expect(r).toBeLessThanOrEqual(band[1]);
  });

  it('hurts the clients of the affected warehouses and managers, and the truth says so', () => {
    const { world, tables } = byDefault();
    const { warehouses, managers } = world.truth.affected;
    expect(warehouses).toEqual(['WH-2', 'WH-5']);
    expect(managers.length).toBe(Math.round(36 * 0.2));
    const card = new Map(tables.clients!.map((c) => [c.client_id!, c]));
    const lowWh = (id: string) => warehouses.includes(card.get(id)!.warehouse!);
    const lowMgr = (id: string) => managers.includes(card.get(id)!.account_manager!);
    const share = (rows: Row[], test: (r: Row) => boolean) =>
      rows.filter(test).length / rows.length;
    const survey = tables.survey!;
    const split = <T>(rows: T[], test: (r: T) => boolean) => [
      rows.filter(test),
      rows.filter((r) => !test(r)),
    ];
    const [aS, oS] = split(survey, (s) => lowWh(s.client_id!));
    const detractors = (rows: Row[]) => share(rows, (s) => Number(s.nps) <= 6);
    expect(detractors(aS!)).toBeGreaterThan(1.5 * detractors(oS!));
    const [aShip, oShip] = split(tables.shipments!, (s) => lowWh(s.client_id!));
    const lateRate = (rows: Row[]) =>
      rows.reduce((n, s) => n + Number(s.late_shipments), 0) /
      rows.reduce((n, s) => n + Number(s.orders), 0);
    expect(lateRate(aShip!)).toBeGreaterThan(1.4 * lateRate(oShip!));
    const [aC, oC] = split(tables.clients!, (c) => lowWh(c.client_id!));
    const churn = (rows: Row[]) => share(rows, (c) => c.churned === 'yes');
    expect(churn(aC!)).toBeGreaterThan(1.5 * churn(oC!));
    // The headline numbers in the truth are those of the files.
    const h = world.truth.headline;
    expect(h.detractorShareByWarehouse.affected).toBeCloseTo(detractors(aS!), 3);
    expect(h.detractorShareByWarehouse.other).toBeCloseTo(detractors(oS!), 3);
    expect(h.lateShareByWarehouse.affected).toBeCloseTo(lateRate(aShip!), 3);
    expect(h.churnByWarehouse.other).toBeCloseTo(churn(oC!), 3);

    // Low-CRM managers: slower answers, lower communication ratings, a smaller NPS effect.
    const ops = tables.ops!.filter((r) => r.unit_kind === 'manager' && r.response_time_hours);
    const [aOps, oOps] = split(ops, (r) => managers.includes(r.unit!));
    const hours = (rows: Row[]) => mean(rows.map((r) => Number(r.response_time_hours)));
    expect(hours(aOps!)).toBeGreaterThan(2 * hours(oOps!));
    const rated = survey.filter((s) => s.rating_communication !== '');
    const [aR, oR] = split(rated, (s) => lowMgr(s.client_id!));
    const comm = (rows: Row[]) => mean(rows.map((s) => Number(s.rating_communication)));
    expect(comm(oR!) - comm(aR!)).toBeGreaterThan(0.4);
    const [aM, oM] = split(survey, (s) => lowMgr(s.client_id!));
    const managerGap = detractors(aM!) - detractors(oM!);
    expect(managerGap).toBeGreaterThan(0);
    expect(managerGap).toBeLessThan(detractors(aS!) - detractors(oS!));
  });

  it('has decoys that vary but move nothing', () => {
    const { world, tables } = byDefault();
    const staff = tables.staff!.filter((r) => r.unit_kind === 'warehouse' && r.training_hours);
    const hours = staff.map((r) => Number(r.training_hours));
    expect(Math.max(...hours) - Math.min(...hours)).toBeGreaterThan(15);
    expect(world.truth.decoys.sort()).toEqual(['ex.training_hours', 'it.qc_tools']);
    for (const d of world.truth.decoys) {
      const parents = world.model.links.filter((l) => l.child === d).map((l) => l.parent);
      expect(parents.length).toBeGreaterThan(0);
      for (const p of parents) {
        const { r, n } = correlationAt(world, tables, d, p, {
          kind: 'unit-period',
          unitKind: 'warehouse',
        });
        expect(n).toBeGreaterThan(120);
        expect(Math.abs(r), `${d} → ${p}: r = ${r.toFixed(3)}`).toBeLessThan(0.15);
        expect(r).toBeGreaterThanOrEqual(world.truth.decoyBand[0]);
        expect(r).toBeLessThanOrEqual(world.truth.decoyBand[1]);
      }
    }
  });

  it('writes many varied comments tied to what the client went through', () => {
    const { world, tables } = byDefault();
    const survey = tables.survey!;
    const comments = survey.map((s) => s.comment!);
    expect(comments.filter((c) => c === '').length).toBeGreaterThan(comments.length * 0.1);
    const about = (topic: keyof typeof DEMO_KEYWORDS) => (c: string) =>
      DEMO_KEYWORDS[topic].some((k) => c.toLowerCase().includes(k));
    const delivery = comments.filter(about('delivery'));
    expect(new Set(delivery).size).toBeGreaterThanOrEqual(200);
    for (const topic of ['quality', 'communication', 'price'] as const) {
      expect(new Set(comments.filter(about(topic))).size, topic).toBeGreaterThanOrEqual(100);
    }
    // Both languages in the default (mixed) world, Russian mostly.
    const written = comments.filter((c) => c.trim() !== '');
    const russian = written.filter((c) => /[а-яё]/i.test(c)).length;
    expect(russian).toBeGreaterThan(written.length * 0.7);
    expect(russian).toBeLessThan(written.length);
    // Delivery complaints come from the clients of the slow warehouses.
    const card = new Map(tables.clients!.map((c) => [c.client_id!, c]));
    const affected = (s: Row) =>
      world.truth.affected.warehouses.includes(card.get(s.client_id!)!.warehouse!);
    const rate = (rows: Row[]) =>
      rows.filter((s) => about('delivery')(s.comment!)).length / rows.length;
    expect(rate(survey.filter(affected))).toBeGreaterThan(
      1.3 * rate(survey.filter((s) => !affected(s))),
    );
    // Promoters praise rather than complain.
    const promoters = survey.filter((s) => Number(s.nps) >= 9 && s.comment !== '');
    expect(rate(promoters)).toBeLessThan(0.15);
  });
});
