import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LAYERS,
  MODEL_FORMAT,
  MODEL_VERSION,
  type DatasetSchema,
  type Indicator,
  type Localized,
  type ModelProblem,
  type ServiceModel,
} from '../../src/core/model/model-types.ts';
import { resolveDataset, validateModel } from '../../src/core/model/validate-model.ts';
import { restoreModel } from '../../src/core/model/restore-model.ts';
import { MODEL_TEMPLATES, b2bDistribution, b2cService } from '../../src/core/model/templates.ts';
import { SLOW } from './slow.ts';

const n = (en: string): Localized => ({ en, ru: en });

const ind = (id: string, layer: Indicator['layer'], extra: Partial<Indicator> = {}): Indicator => ({
  id,
  name: n(id),
  layer,
  unit: '%',
  scale: { min: 0, max: 100 },
  direction: 'higher',
  ...extra,
});

/** A small model with no problems: OX on-time share feeding CX delivery rating. */
function base(): ServiceModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id: 'm1',
    name: n('Model'),
    journey: {
      stages: [{ id: 's1', name: n('Delivery') }],
      touchpoints: [
        {
          id: 't1',
          stage: 's1',
          name: n('Shipment'),
          channel: 'warehouse',
          owner: 'logistics',
          momentOfTruth: true,
          drivers: [{ id: 'd1', name: n('On time') }],
          barriers: [{ id: 'b1', name: n('Late'), factor: 'delivery', keywords: ['late'] }],
        },
      ],
    },
    factors: [{ id: 'delivery', name: n('Delivery') }],
    unitKinds: [{ id: 'warehouse', name: n('Warehouse'), column: 'warehouse' }],
    datasets: {},
    period: { grain: 'month' },
    indicators: [
      ind('ox.on_time', 'OX', { touchpoint: 't1', target: 95 }),
      ind('cx.delivery', 'CX', { factor: 'delivery', scale: { min: 1, max: 5 } }),
    ],
    links: [{ child: 'ox.on_time', parent: 'cx.delivery' }],
    index: { blocks: [{ layer: 'CX', weight: 1, members: ['cx.delivery'] }] },
  };
}

const found = (m: unknown, datasets?: DatasetSchema[]) =>
  validateModel(m as ServiceModel, datasets).map((p) => [p.code, p.severity, p.path]);

/** Asserts that validation reports exactly this problem (among possibly others). */
function expectProblem(
  m: unknown,
  code: ModelProblem['code'],
  path: (string | number)[],
  severity: ModelProblem['severity'] = 'error',
  datasets?: DatasetSchema[],
) {
  expect(found(m, datasets)).toContainEqual([code, severity, path]);
}

describe('validateModel: the model alone', () => {
  it('finds nothing wrong in a sound model', () => {
    expect(validateModel(base())).toEqual([]);
  });

  it('reports duplicate ids of every kind of entity', () => {
    const m = base();
    m.journey.stages.push({ id: 's1', name: n('x') });
    m.journey.touchpoints.push({ ...m.journey.touchpoints[0]!, drivers: [], barriers: [] });
    m.factors.push({ id: 'delivery', name: n('x') });
    m.unitKinds.push({ id: 'warehouse', name: n('x'), column: 'w2' });
    m.indicators.push(ind('cx.delivery', 'CX'));
    const tp = m.journey.touchpoints[0]!;
    tp.drivers.push({ id: 'd1', name: n('x') });
    tp.barriers.push({ id: 'b1', name: n('x') });
    expectProblem(m, 'duplicate-id', ['journey', 'stages', 1, 'id']);
    expectProblem(m, 'duplicate-id', ['journey', 'touchpoints', 1, 'id']);
    expectProblem(m, 'duplicate-id', ['factors', 1, 'id']);
    expectProblem(m, 'duplicate-id', ['unitKinds', 1, 'id']);
    expectProblem(m, 'duplicate-id', ['indicators', 2, 'id']);
    expectProblem(m, 'duplicate-id', ['journey', 'touchpoints', 0, 'drivers', 1, 'id']);
    expectProblem(m, 'duplicate-id', ['journey', 'touchpoints', 0, 'barriers', 1, 'id']);
    const dup = validateModel(m).find((p) => p.path.join() === 'factors,1,id');
    expect(dup?.detail).toEqual({ id: 'delivery' });
  });

  it('allows the same driver id on different touchpoints', () => {
    const m = base();
    m.journey.touchpoints.push({ ...m.journey.touchpoints[0]!, id: 't2' });
    expect(validateModel(m)).toEqual([]);
  });

  it('reports references to unknown ids', () => {
    const m = base();
    m.journey.touchpoints[0]!.stage = 'nope';
    m.journey.touchpoints[0]!.barriers[0]!.factor = 'nope';
    m.indicators[0]!.factor = 'nope';
    m.indicators[0]!.touchpoint = 'nope';
    m.indicators[1]!.binding = {
      dataset: 'd',
      column: 'c',
      aggregate: 'mean',
      grain: { kind: 'unit-period', unitKind: 'nope' },
    };
    m.datasets = { d: { unit: 'wh', unitKind: 'nope' } };
    m.links.push({ child: 'nope', parent: 'cx.delivery' }, { child: 'ox.on_time', parent: 'gone' });
    m.index.blocks[0]!.members.push('nope');
    m.index.factorWeights = { nope: 'w' };
    m.clientCard = { dataset: 'card', key: 'id' };
    expectProblem(m, 'unknown-reference', ['journey', 'touchpoints', 0, 'stage']);
    expectProblem(m, 'unknown-reference', ['journey', 'touchpoints', 0, 'barriers', 0, 'factor']);
    expectProblem(m, 'unknown-reference', ['indicators', 0, 'factor']);
    expectProblem(m, 'unknown-reference', ['indicators', 0, 'touchpoint']);
    expectProblem(m, 'unknown-reference', ['indicators', 1, 'binding', 'grain', 'unitKind']);
    expectProblem(m, 'unknown-reference', ['datasets', 'd', 'unitKind']);
    expectProblem(m, 'unknown-reference', ['links', 1, 'child']);
    expectProblem(m, 'unknown-reference', ['links', 2, 'parent']);
    expectProblem(m, 'unknown-reference', ['index', 'blocks', 0, 'members', 1]);
    expectProblem(m, 'unknown-reference', ['index', 'factorWeights', 'nope']);
    const ref = validateModel(m).find((p) => p.path.join() === 'indicators,0,factor');
    expect(ref?.detail).toEqual({ id: 'nope', kind: 'factor' });
  });

  it('reports a link going down a layer, but allows same-layer and layer-skipping links', () => {
    const m = base();
    m.links = [{ child: 'cx.delivery', parent: 'ox.on_time' }];
    expectProblem(m, 'link-down', ['links', 0]);
    const ok = base();
    ok.indicators.push(ind('it.scanners', 'IT'), ind('cx.nps', 'CX'));
    ok.links.push(
      { child: 'it.scanners', parent: 'cx.delivery' },
      { child: 'cx.delivery', parent: 'cx.nps' },
    );
    expect(validateModel(ok)).toEqual([]);
  });

  it('reports a self-link as a cycle', () => {
    const m = base();
    m.links.push({ child: 'cx.delivery', parent: 'cx.delivery' });
    expectProblem(m, 'cycle', ['links', 1]);
  });

  it('reports each cycle once, at one of its links, listing its ids', () => {
    const m = base();
    m.indicators.push(ind('cx.a', 'CX'), ind('cx.b', 'CX'), ind('cx.c', 'CX'));
    m.links.push(
      { child: 'cx.a', parent: 'cx.b' },
      { child: 'cx.b', parent: 'cx.c' },
      { child: 'cx.c', parent: 'cx.a' },
      { child: 'cx.delivery', parent: 'cx.a' },
    );
    const cycles = validateModel(m).filter((p) => p.code === 'cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.path).toEqual(['links', 3]);
    expect(cycles[0]!.detail).toEqual({ ids: 'cx.a → cx.b → cx.c → cx.a' });
    // Two cycles sharing a node are two problems.
    m.links.push({ child: 'cx.b', parent: 'cx.a' });
    expect(validateModel(m).filter((p) => p.code === 'cycle')).toHaveLength(2);
  });

  it('warns about an indicator with no links', () => {
    const m = base();
    m.indicators.push(ind('ex.alone', 'EX'));
    expectProblem(m, 'orphan-indicator', ['indicators', 2], 'warning');
    expect(validateModel(m).every((p) => p.severity === 'warning')).toBe(true);
  });

  it('warns about a duplicate link', () => {
    const m = base();
    m.links.push({ child: 'ox.on_time', parent: 'cx.delivery' });
    expectProblem(m, 'duplicate-id', ['links', 1], 'warning');
  });

  it('reports invalid values', () => {
    const m = base();
    m.indicators[0]!.scale = { min: 10, max: 10 };
    m.indicators[1]!.scale = { min: 0, max: Infinity };
    m.indicators.push(ind('cx.t', 'CX', { target: 120 }));
    m.links.push({ child: 'ox.on_time', parent: 'cx.t' });
    (m.indicators[0] as { layer: string }).layer = 'ZX';
    (m.indicators[1] as { direction: string }).direction = 'up';
    m.indicators[2]!.binding = {
      dataset: 'd',
      column: 'c',
      aggregate: 'median' as 'mean',
      grain: { kind: 'client' },
    };
    m.index.blocks.push({ layer: 'TX', weight: -1, members: [] });
    expectProblem(m, 'invalid-value', ['indicators', 0, 'scale']);
    expectProblem(m, 'invalid-value', ['indicators', 1, 'scale']);
    expectProblem(m, 'invalid-value', ['indicators', 2, 'target'], 'warning');
    expectProblem(m, 'invalid-value', ['indicators', 0, 'layer']);
    expectProblem(m, 'invalid-value', ['indicators', 1, 'direction']);
    expectProblem(m, 'invalid-value', ['indicators', 2, 'binding', 'aggregate']);
    expectProblem(m, 'invalid-value', ['index', 'blocks', 1, 'weight']);
  });

  it('reports block weights that sum to zero', () => {
    const m = base();
    m.index.blocks[0]!.weight = 0;
    m.index.blocks.push({ layer: 'TX', weight: 0, members: [] });
    expectProblem(m, 'invalid-value', ['index', 'blocks']);
  });

  it('reports factor weights without a client card to read them from', () => {
    const m = base();
    m.index.factorWeights = { delivery: 'w_delivery' };
    expectProblem(m, 'missing-key', ['index', 'factorWeights']);
    m.clientCard = { dataset: 'card', key: 'client_id' };
    expect(validateModel(m)).toEqual([]);
  });

  it('does not throw on garbage', () => {
    for (const g of [null, undefined, 0, 'x', [], [1], {}, { journey: null, indicators: 5 }]) {
      expect(() => validateModel(g as unknown as ServiceModel)).not.toThrow();
    }
    expectProblem(null, 'invalid-value', []);
    expectProblem({ ...base(), indicators: 'x' }, 'invalid-value', ['indicators']);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (model, datasets) => {
        validateModel(model as ServiceModel);
        validateModel(model as ServiceModel, datasets as DatasetSchema[]);
        validateModel(model as ServiceModel, [datasets] as DatasetSchema[]);
      }),
    );
  });

  it('does not throw on a model-shaped object with wrong field types', SLOW, () => {
    const any = fc.anything();
    const entity = fc.oneof(
      any,
      fc.record({
        id: fc.oneof(fc.constantFrom('a', 'b', 'constructor', '__proto__'), any),
        stage: any,
        factor: any,
        layer: fc.oneof(fc.constantFrom(...LAYERS), any),
        scale: fc.oneof(fc.record({ min: any, max: any }), any),
        target: any,
        drivers: fc.oneof(fc.array(any), any),
        barriers: fc.oneof(fc.array(fc.record({ id: any, factor: any })), any),
        binding: fc.oneof(
          fc.record({
            dataset: fc.oneof(fc.constantFrom('d', 'constructor'), any),
            column: fc.oneof(fc.constantFrom('c', 'toString'), any),
            aggregate: fc.oneof(fc.constantFrom('mean', 'share', 'rate', 'count'), any),
            grain: fc.oneof(fc.record({ kind: any, unitKind: any }), any),
            filter: any,
            shareOf: any,
            per: any,
          }),
          any,
        ),
      }),
    );
    const model = fc.record({
      journey: fc.oneof(
        fc.record({ stages: fc.array(entity), touchpoints: fc.array(entity) }),
        any,
      ),
      factors: fc.oneof(fc.array(entity), any),
      unitKinds: fc.oneof(fc.array(entity), any),
      indicators: fc.oneof(fc.array(entity), any),
      links: fc.oneof(fc.array(fc.record({ child: any, parent: any })), any),
      index: fc.oneof(
        fc.record({
          blocks: fc.array(fc.record({ weight: any, members: any })),
          factorWeights: any,
        }),
        any,
      ),
      datasets: fc.oneof(fc.dictionary(fc.string(), any), any),
      clientCard: any,
      period: any,
    });
    const schemas = fc.array(
      fc.oneof(
        fc.record({
          id: any,
          name: fc.oneof(fc.constantFrom('d', 'constructor'), any),
          columns: fc.oneof(fc.array(fc.record({ name: any, type: any })), any),
        }),
        any,
      ),
    );
    fc.assert(
      fc.property(model, schemas, (m, ds) => {
        validateModel(m as unknown as ServiceModel, ds as unknown as DatasetSchema[]);
        const restored = restoreModel(m);
        validateModel(restored, ds as unknown as DatasetSchema[]);
        expect(restoreModel(restored)).toStrictEqual(restored);
      }),
    );
  });
});

describe('validateModel with datasets', () => {
  const datasets: DatasetSchema[] = [
    {
      id: 'ds-1',
      name: 'shipments',
      columns: [
        { name: 'client_id', type: 'string' },
        { name: 'month', type: 'date' },
        { name: 'warehouse', type: 'string' },
        { name: 'on_time', type: 'boolean' },
        { name: 'delay_days', type: 'number' },
        { name: 'orders', type: 'number' },
        { name: 'status', type: 'string' },
      ],
    },
    {
      id: 'ds-2',
      name: 'card',
      columns: [
        { name: 'client_id', type: 'string' },
        { name: 'warehouse', type: 'string' },
        { name: 'w_delivery', type: 'number' },
        { name: 'segment', type: 'string' },
      ],
    },
  ];

  /** The base model with its on-time share bound to the shipments per warehouse and month. */
  function bound(): ServiceModel {
    const m = base();
    m.datasets = {
      shipments: { client: 'client_id', period: 'month', unit: 'warehouse', unitKind: 'warehouse' },
      card: { client: 'client_id' },
    };
    m.clientCard = { dataset: 'card', key: 'client_id' };
    m.index.factorWeights = { delivery: 'w_delivery' };
    m.indicators[0]!.binding = {
      dataset: 'shipments',
      column: 'on_time',
      aggregate: 'share',
      grain: { kind: 'unit-period', unitKind: 'warehouse' },
      filter: { column: 'status', op: 'ne', value: 'cancelled' },
    };
    m.indicators[1]!.binding = {
      dataset: 'ds-1',
      column: 'delay_days',
      aggregate: 'mean',
      grain: { kind: 'client-period' },
    };
    return m;
  }

  it('finds nothing wrong in sound bindings, by dataset name or id', () => {
    expect(validateModel(bound(), datasets)).toEqual([]);
  });

  it('resolves a dataset by id first, then by name', () => {
    const ds: DatasetSchema[] = [
      { id: 'a', name: 'b', columns: [] },
      { id: 'b', name: 'c', columns: [] },
    ];
    expect(resolveDataset('b', ds)?.id).toBe('b');
    expect(resolveDataset('c', ds)?.id).toBe('b');
    expect(resolveDataset('a', ds)?.id).toBe('a');
    expect(resolveDataset('z', ds)).toBeUndefined();
  });

  it('reports an unknown dataset', () => {
    const m = bound();
    m.indicators[0]!.binding!.dataset = 'nope';
    m.clientCard!.dataset = 'nope';
    m.datasets.gone = { client: 'id' };
    expectProblem(m, 'unknown-dataset', ['indicators', 0, 'binding', 'dataset'], 'error', datasets);
    expectProblem(m, 'unknown-dataset', ['clientCard', 'dataset'], 'error', datasets);
    expectProblem(m, 'unknown-dataset', ['datasets', 'gone'], 'warning', datasets);
    // Without datasets, bindings are not checked against them.
    expect(found(m).filter(([code]) => code === 'unknown-dataset')).toEqual([]);
  });

  it('reports unknown columns wherever a column is named', () => {
    const m = bound();
    const b = m.indicators[0]!.binding!;
    b.column = 'nope';
    b.filter!.column = 'nope';
    b.per = 'nope';
    m.datasets.shipments!.period = 'nope';
    m.clientCard!.key = 'nope';
    m.unitKinds[0]!.column = 'nope';
    m.index.factorWeights = { delivery: 'nope' };
    const at = ['indicators', 0, 'binding'];
    expectProblem(m, 'unknown-column', [...at, 'column'], 'error', datasets);
    expectProblem(m, 'unknown-column', [...at, 'filter', 'column'], 'error', datasets);
    expectProblem(m, 'unknown-column', [...at, 'per'], 'error', datasets);
    expectProblem(m, 'unknown-column', ['datasets', 'shipments', 'period'], 'error', datasets);
    expectProblem(m, 'unknown-column', ['clientCard', 'key'], 'error', datasets);
    expectProblem(m, 'unknown-column', ['unitKinds', 0, 'column'], 'error', datasets);
    expectProblem(m, 'unknown-column', ['index', 'factorWeights', 'delivery'], 'error', datasets);
    const p = validateModel(m, datasets).find((x) => x.path.join() === 'clientCard,key');
    expect(p?.detail).toEqual({ column: 'nope', dataset: 'card' });
  });

  it('reports columns whose type does not fit the aggregate', () => {
    const cases: [Partial<NonNullable<Indicator['binding']>>, string][] = [
      [{ aggregate: 'mean', column: 'status' }, 'column'],
      [{ aggregate: 'sum', column: 'on_time' }, 'column'],
      [{ aggregate: 'nps', column: 'status' }, 'column'],
      [{ aggregate: 'rate', column: 'status', per: 'orders' }, 'column'],
      [{ aggregate: 'rate', column: 'delay_days', per: 'status' }, 'per'],
      [{ aggregate: 'share', column: 'delay_days' }, 'column'],
    ];
    for (const [change, field] of cases) {
      const m = bound();
      Object.assign(m.indicators[1]!.binding!, change);
      expectProblem(m, 'type-mismatch', ['indicators', 1, 'binding', field], 'error', datasets);
    }
    const fine: Partial<NonNullable<Indicator['binding']>>[] = [
      { aggregate: 'mean', column: 'on_time' },
      { aggregate: 'count', column: 'status' },
      { aggregate: 'count', column: '' },
      { aggregate: 'rate', column: 'delay_days', per: 'orders' },
      { aggregate: 'share', column: 'status', shareOf: { op: 'eq', value: 'late' } },
    ];
    for (const change of fine) {
      const m = bound();
      Object.assign(m.indicators[1]!.binding!, change);
      expect(validateModel(m, datasets), JSON.stringify(change)).toEqual([]);
    }
    const m = bound();
    m.index.factorWeights = { delivery: 'segment' };
    expectProblem(m, 'type-mismatch', ['index', 'factorWeights', 'delivery'], 'error', datasets);
  });

  it('reports grains whose keys the dataset does not declare', () => {
    const grain = ['indicators', 0, 'binding', 'grain'];
    const noUnit = bound();
    delete noUnit.datasets.shipments!.unit;
    expectProblem(noUnit, 'missing-key', grain, 'error', datasets);
    const otherKind = bound();
    otherKind.unitKinds.push({ id: 'region', name: n('Region'), column: 'region' });
    otherKind.datasets.shipments!.unitKind = 'region';
    expectProblem(otherKind, 'missing-key', grain, 'error', datasets);
    const noPeriod = bound();
    delete noPeriod.datasets.shipments!.period;
    expectProblem(noPeriod, 'missing-key', grain, 'error', datasets);
    expectProblem(
      noPeriod,
      'missing-key',
      ['indicators', 1, 'binding', 'grain'],
      'error',
      datasets,
    );
    const noClient = bound();
    noClient.indicators[1]!.binding!.grain = { kind: 'client' };
    delete noClient.datasets.shipments!.client;
    const problems = validateModel(noClient, datasets);
    expect(problems).toContainEqual({
      code: 'missing-key',
      severity: 'error',
      path: ['indicators', 1, 'binding', 'grain'],
      detail: { dataset: 'shipments', key: 'client' },
    });
  });
});

/** Every Localized value in a model, by walking it. */
function localizedValues(v: unknown, out: Localized[] = []): Localized[] {
  if (Array.isArray(v)) v.forEach((x) => localizedValues(x, out));
  else if (typeof v === 'object' && v !== null) {
    const r = v as Record<string, unknown>;
    if (typeof r.en === 'string' && typeof r.ru === 'string') out.push(r as unknown as Localized);
    else Object.values(r).forEach((x) => localizedValues(x, out));
  }
  return out;
}

describe('templates', () => {
  it.each(MODEL_TEMPLATES.map((t) => [t.id, t] as const))('%s validates clean', (_id, t) => {
    const m = t.create();
    expect(validateModel(m)).toEqual([]);
    expect(m.datasets).toEqual({});
    expect(m.indicators.every((i) => i.binding === undefined)).toBe(true);
    expect(new Set(m.indicators.map((i) => i.layer))).toEqual(new Set(LAYERS));
    for (const i of m.indicators) {
      expect(i.id).toMatch(new RegExp(`^${i.layer.toLowerCase()}\\.[a-z0-9_]+$`));
    }
    const names = localizedValues(m);
    expect(names.length).toBeGreaterThan(20);
    for (const name of [...names, t.name]) {
      expect(name.en.trim(), JSON.stringify(name)).not.toBe('');
      expect(name.ru, JSON.stringify(name)).toMatch(/[а-яё]/i);
    }
    expect(m.index.blocks.map((b) => b.layer)).toEqual(['TX', 'CX']);
  });

  it('makes a fresh model on every call', () => {
    const a = b2bDistribution();
    const b = b2bDistribution();
    expect(a.id).not.toBe(b.id);
    a.indicators[0]!.name.en = 'changed';
    expect(b.indicators[0]!.name.en).not.toBe('changed');
    expect(b2cService().id).not.toBe(b2cService().id);
  });

  it('B2B has the five factors, the three unit kinds and the design example path', () => {
    const m = b2bDistribution();
    expect(m.factors.map((f) => f.id)).toEqual([
      'quality',
      'delivery',
      'communication',
      'documents',
      'price',
    ]);
    expect(m.unitKinds.map((u) => [u.id, u.column])).toEqual([
      ['warehouse', 'warehouse'],
      ['manager', 'account_manager'],
      ['region', 'region'],
    ]);
    const path = ['it.scanner_coverage', 'ex.competency', 'ox.on_time_share', 'cx.delivery_rating'];
    [...path, 'cx.nps'].reduce((child, parent) => {
      expect(m.links).toContainEqual({ child, parent });
      return parent;
    });
    expect(m.journey.touchpoints.some((t) => t.momentOfTruth)).toBe(true);
  });

  it('B2C has app, contact-centre and branch touchpoints', () => {
    const m = b2cService();
    const channels = new Set(m.journey.touchpoints.map((t) => t.channel));
    for (const c of ['app', 'phone', 'branch']) expect(channels).toContain(c);
    expect(m.factors.map((f) => f.id)).toContain('contact_centre');
  });
});

describe('restoreModel', () => {
  it('round-trips a valid model unchanged', () => {
    for (const t of MODEL_TEMPLATES) {
      const m = t.create();
      expect(restoreModel(JSON.parse(JSON.stringify(m)))).toStrictEqual(m);
    }
    const m = base();
    m.clientCard = { dataset: 'card', key: 'id' };
    m.datasets = { d: { client: 'c', period: 'p', unit: 'u', unitKind: 'warehouse' } };
    m.index.factorWeights = { delivery: 'w' };
    m.indicators[0]!.description = n('About');
    m.indicators[0]!.binding = {
      dataset: 'd',
      column: 'c',
      aggregate: 'share',
      grain: { kind: 'unit-period', unitKind: 'warehouse' },
      filter: { column: 'x', op: 'in', value: ['a', 1] },
      shareOf: { op: 'eq', value: true },
      per: 'n',
    };
    expect(restoreModel(JSON.parse(JSON.stringify(m)))).toStrictEqual(m);
  });

  it('migrates the version-0 draft: grain strings and plain-string names', () => {
    const v0 = {
      format: MODEL_FORMAT,
      id: 'old',
      name: 'Old model',
      journey: { stages: [{ id: 's', name: 'Stage' }], touchpoints: [] },
      factors: [{ id: 'f', name: 'Factor' }],
      unitKinds: [{ id: 'warehouse', name: 'Warehouse', column: 'wh' }],
      datasets: {},
      period: { grain: 'quarter' },
      indicators: [
        {
          ...ind('a', 'OX'),
          name: 'A',
          binding: { dataset: 'd', column: 'c', aggregate: 'mean', grain: 'client' },
        },
        {
          ...ind('b', 'CX'),
          binding: { dataset: 'd', column: 'c', aggregate: 'mean', grain: 'client-period' },
        },
        {
          ...ind('c', 'CX'),
          binding: { dataset: 'd', column: 'c', aggregate: 'mean', grain: 'unit-period:warehouse' },
        },
      ],
      links: [],
      index: { blocks: [] },
    };
    const m = restoreModel(v0);
    expect(m.version).toBe(MODEL_VERSION);
    expect(m.name).toEqual({ en: 'Old model', ru: 'Old model' });
    expect(m.journey.stages[0]!.name).toEqual({ en: 'Stage', ru: 'Stage' });
    expect(m.indicators[0]!.name).toEqual({ en: 'A', ru: 'A' });
    expect(m.indicators.map((i) => i.binding?.grain)).toEqual([
      { kind: 'client' },
      { kind: 'client-period' },
      { kind: 'unit-period', unitKind: 'warehouse' },
    ]);
    expect(m.period).toEqual({ grain: 'quarter' });
    expect(validateModel(m).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('repairs structure: missing arrays, non-object entries, booleans, extra fields', () => {
    const m = restoreModel({
      version: 1,
      id: 'x',
      extra: 'dropped',
      journey: {
        touchpoints: [
          7,
          null,
          { id: 't', stage: 's', name: { en: 'Only English' }, momentOfTruth: 'true', junk: 1 },
        ],
      },
      factors: 'not an array',
      indicators: [{ id: 'cx.a', layer: 'cx', scale: { min: 0, max: 10 }, secret: 'x' }],
      links: [null, { child: 'a', parent: 'b', note: 1 }],
    });
    expect(m).not.toHaveProperty('extra');
    expect(m.journey.stages).toEqual([]);
    expect(m.journey.touchpoints).toEqual([
      {
        id: 't',
        stage: 's',
        name: { en: 'Only English', ru: 'Only English' },
        channel: '',
        owner: '',
        momentOfTruth: true,
        drivers: [],
        barriers: [],
      },
    ]);
    expect(m.factors).toEqual([]);
    expect(m.indicators[0]).toEqual({
      id: 'cx.a',
      name: { en: '', ru: '' },
      layer: 'CX',
      unit: '',
      scale: { min: 0, max: 10 },
      direction: 'higher',
    });
    expect(m.links).toEqual([{ child: 'a', parent: 'b' }]);
    expect(m.index).toEqual({ blocks: [] });
  });

  it('keeps values of the right type but out of range, so validation can report them', () => {
    const m = restoreModel({
      version: 1,
      indicators: [{ id: 'a', layer: 'QX', scale: { min: 5, max: 1 } }],
    });
    expect(m.indicators[0]!.layer).toBe('QX');
    expectProblem(m, 'invalid-value', ['indicators', 0, 'layer']);
    expectProblem(m, 'invalid-value', ['indicators', 0, 'scale']);
  });

  it('turns garbage into a usable empty model with a fresh id', () => {
    for (const g of [null, undefined, 42, 'model', [], [1, 2], true, { id: 5, journey: 'x' }]) {
      const m = restoreModel(g);
      expect(m.format).toBe(MODEL_FORMAT);
      expect(m.version).toBe(MODEL_VERSION);
      expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(m.indicators).toEqual([]);
      expect(m.journey).toEqual({ stages: [], touchpoints: [] });
      expect(validateModel(m)).toEqual([]);
    }
    expect(restoreModel(null).id).not.toBe(restoreModel(null).id);
    fc.assert(
      fc.property(fc.anything(), (g) => {
        const m = restoreModel(g);
        expect(() => validateModel(m)).not.toThrow();
        expect(restoreModel(JSON.parse(JSON.stringify(m)))).toEqual(m);
      }),
    );
  });
});
