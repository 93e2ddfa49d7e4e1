import { describe, expect, it } from 'vitest';
import type { DatasetSchema, ServiceModel } from '../../src/core/model/model-types.ts';
import {
  addBarrier,
  addDriver,
  addFactor,
  addIndicator,
  addLink,
  addStage,
  addTouchpoint,
  addUnitKind,
  blankModel,
  both,
  freshId,
  moveItem,
  moveStage,
  moveTouchpoint,
  removeFactor,
  removeIndicator,
  removeLink,
  removeStage,
  setBinding,
  setBlockMember,
  setBlockWeight,
  setClientCard,
  setDatasetKeys,
  setFactorWeight,
  updateBarrier,
  updateIndicator,
} from '../../src/core/model/model-edits.ts';
import { validateModel } from '../../src/core/model/validate-model.ts';
import { barrierMatrix } from '../../src/core/model/barrier-matrix.ts';
import { suggestKeys } from '../../src/core/model/suggest-keys.ts';
import { restoreModel } from '../../src/core/model/restore-model.ts';

const schemas: DatasetSchema[] = [
  {
    name: 'survey.csv',
    columns: [
      { name: 'client_id', type: 'string' },
      { name: 'date', type: 'date' },
      { name: 'nps', type: 'number' },
      { name: 'comment', type: 'string' },
    ],
  },
  {
    name: 'clients.csv',
    columns: [
      { name: 'client_id', type: 'string' },
      { name: 'warehouse', type: 'string' },
      { name: 'w_delivery', type: 'number' },
    ],
  },
];

/** What an analyst builds from scratch: a stage, a touchpoint, two indicators and a link. */
function built(): { model: ServiceModel; nps: string; rating: string } {
  let m = blankModel(both('Mine'), 'm');
  const stage = addStage(m, both('Delivery'));
  m = stage.model;
  const tp = addTouchpoint(m, stage.id, both('Unloading'));
  m = tp.model;
  const factor = addFactor(m, both('Delivery discipline'));
  m = factor.model;
  m = addUnitKind(m, both('Warehouse'), 'warehouse').model;
  m = setClientCard(m, { dataset: 'clients.csv', key: 'client_id' });
  m = setDatasetKeys(m, 'survey.csv', { client: 'client_id', period: 'date', unit: '' });
  const nps = addIndicator(m, 'TX', both('NPS'));
  m = nps.model;
  const rating = addIndicator(m, 'CX', both('Delivery rating'));
  m = rating.model;
  m = setBinding(m, nps.id, {
    dataset: 'survey.csv',
    column: 'nps',
    aggregate: 'nps',
    grain: { kind: 'client-period' },
  });
  m = updateIndicator(m, nps.id, { scale: { min: -100, max: 100 }, target: 30 });
  m = updateIndicator(m, rating.id, { factor: factor.id, touchpoint: tp.id });
  m = addLink(m, rating.id, nps.id);
  m = setBlockMember(m, nps.id, true);
  return { model: m, nps: nps.id, rating: rating.id };
}

describe('model edits', () => {
  it('builds a model from scratch that validates clean against its datasets', () => {
    const { model, nps, rating } = built();
    // The delivery rating has no binding yet: drawn without values, not a problem.
    expect(validateModel(model, schemas)).toEqual([]);
    expect(model.datasets['survey.csv']).toEqual({ client: 'client_id', period: 'date' });
    expect(model.index.blocks.find((b) => b.layer === 'TX')?.members).toEqual([nps]);
    expect(model.links).toEqual([{ child: rating, parent: nps }]);
    // What the editor stores survives the load boundary unchanged.
    expect(restoreModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });

  it('leaves the model it was given as it was (undo keeps old models)', () => {
    const { model } = built();
    const snapshot = JSON.stringify(model);
    removeIndicator(model, model.indicators[0]!.id);
    removeStage(model, model.journey.stages[0]!.id);
    removeFactor(model, model.factors[0]!.id);
    expect(JSON.stringify(model)).toBe(snapshot);
  });

  it('makes readable ids that never collide', () => {
    expect(freshId('Delivery rating', [])).toBe('delivery_rating');
    expect(freshId('Delivery rating', ['delivery_rating'])).toBe('delivery_rating_2');
    expect(freshId('Доставка вовремя', [])).toBe('доставка_вовремя');
    expect(freshId('  —  ', [], 'stage')).toBe('stage');
    let m = blankModel(both('M'));
    for (let k = 0; k < 3; k++) m = addIndicator(m, 'CX', both('Rating')).model;
    expect(m.indicators.map((i) => i.id)).toEqual(['rating', 'rating_2', 'rating_3']);
  });

  it('removing an indicator takes its links and index places with it', () => {
    const { model, nps, rating } = built();
    const out = removeIndicator(model, nps);
    expect(out.links).toEqual([]);
    expect(out.index.blocks.flatMap((b) => b.members)).toEqual([]);
    expect(out.indicators.map((i) => i.id)).toEqual([rating]);
    expect(validateModel(out, schemas).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('moving an indicator to another layer takes it out of the old layer’s block', () => {
    const { model, nps } = built();
    const out = updateIndicator(model, nps, { layer: 'CX' });
    expect(out.index.blocks.find((b) => b.layer === 'TX')?.members).toEqual([]);
    // An optional field set to undefined is removed, not stored as undefined.
    const noTarget = updateIndicator(model, nps, { target: undefined });
    expect('target' in noTarget.indicators.find((i) => i.id === nps)!).toBe(false);
  });

  it('orders stages and moves touchpoints within and across stages', () => {
    let m = blankModel(both('M'));
    const a = addStage(m, both('A'));
    const b = addStage(a.model, both('B'));
    m = b.model;
    for (const name of ['a1', 'a2', 'a3']) m = addTouchpoint(m, a.id, both(name)).model;
    m = addTouchpoint(m, b.id, both('b1')).model;
    m = addTouchpoint(m, a.id, both('a4')).model;
    const order = (mm: ServiceModel, stage: string) =>
      mm.journey.touchpoints.filter((t) => t.stage === stage).map((t) => t.id);
    expect(order(m, a.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    m = moveTouchpoint(m, 'a3', a.id, 0);
    expect(order(m, a.id)).toEqual(['a3', 'a1', 'a2', 'a4']);
    m = moveTouchpoint(m, 'a1', b.id, 0);
    expect(order(m, a.id)).toEqual(['a3', 'a2', 'a4']);
    expect(order(m, b.id)).toEqual(['a1', 'b1']);
    m = moveTouchpoint(m, 'a2', b.id, 99);
    expect(order(m, b.id)).toEqual(['a1', 'b1', 'a2']);
    m = moveStage(m, b.id, 0);
    expect(m.journey.stages.map((s) => s.id)).toEqual([b.id, a.id]);
    // A move to where it already is changes nothing: no new model, no undo step.
    expect(moveStage(m, b.id, 0)).toBe(m);
    expect(moveTouchpoint(m, 'a1', b.id, 0)).toBe(m);
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(moveItem([1, 2, 3], 5, 0)).toEqual([1, 2, 3]);
  });

  it('removing a stage removes its touchpoints and clears indicators measured there', () => {
    const { model, rating } = built();
    const out = removeStage(model, model.journey.stages[0]!.id);
    expect(out.journey).toEqual({ stages: [], touchpoints: [] });
    expect(out.indicators.find((i) => i.id === rating)?.touchpoint).toBeUndefined();
    expect(validateModel(out, schemas).filter((p) => p.code === 'unknown-reference')).toEqual([]);
  });

  it('removing a factor clears indicators, barriers and the weight column that named it', () => {
    let { model } = built();
    const tp = model.journey.touchpoints[0]!.id;
    const factor = model.factors[0]!.id;
    model = addDriver(model, tp, both('Fast unloading'));
    model = addBarrier(model, tp, both('Late truck'));
    const barrier = model.journey.touchpoints[0]!.barriers[0]!.id;
    model = updateBarrier(model, tp, barrier, { factor, keywords: ['late', 'опоздал'] });
    model = setFactorWeight(model, factor, 'w_delivery');
    expect(validateModel(model, schemas)).toEqual([]);
    const out = removeFactor(model, factor);
    expect(out.factors).toEqual([]);
    expect(out.journey.touchpoints[0]!.barriers[0]).toEqual({
      id: barrier,
      name: both('Late truck'),
      keywords: ['late', 'опоздал'],
    });
    expect(out.indicators.every((i) => i.factor === undefined)).toBe(true);
    expect(out.index.factorWeights).toBeUndefined();
    expect(validateModel(out, schemas)).toEqual([]);
  });

  it('a link pointing down a layer is kept and reported, and can be removed', () => {
    const { model, nps, rating } = built();
    const wrong = addLink(model, nps, rating);
    expect(addLink(wrong, nps, rating)).toBe(wrong);
    const problems = validateModel(wrong, schemas);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'link-down', path: ['links', 1] }),
    );
    expect(validateModel(removeLink(wrong, 1), schemas)).toEqual([]);
  });

  it('a weight of an index block can be set, and a block added where the model had none', () => {
    let m = blankModel(both('M'));
    m = { ...m, index: { blocks: [] } };
    m = setBlockWeight(m, 'CX', 2);
    expect(m.index.blocks).toEqual([{ layer: 'CX', weight: 2, members: [] }]);
    const ind = addIndicator(m, 'TX', both('Revenue'));
    m = setBlockMember(ind.model, ind.id, true);
    expect(m.index.blocks.find((b) => b.layer === 'TX')).toEqual({
      layer: 'TX',
      weight: 1,
      members: [ind.id],
    });
    // OX and lower indicators are not index members.
    const ox = addIndicator(m, 'OX', both('On time'));
    expect(setBlockMember(ox.model, ox.id, true)).toBe(ox.model);
  });
});

describe('barrier matrix', () => {
  it('puts touchpoints in journey order and merges alike barriers, grouped by factor', () => {
    let m = blankModel(both('M'));
    const late = addFactor(m, both('Delivery'));
    const talk = addFactor(late.model, both('Communication'));
    m = talk.model;
    const a = addStage(m, both('Order'));
    const b = addStage(a.model, both('Delivery'));
    m = b.model;
    m = addTouchpoint(m, b.id, both('Unloading')).model;
    m = addTouchpoint(m, a.id, both('Call centre')).model;
    m = addTouchpoint(m, b.id, both('Shipping')).model;
    const put = (tp: string, name: string, factor?: string) => {
      m = addBarrier(m, tp, both(name));
      const list = m.journey.touchpoints.find((t) => t.id === tp)!.barriers;
      if (factor) m = updateBarrier(m, tp, list[list.length - 1]!.id, { factor });
    };
    put('unloading', 'Late truck', late.id);
    put('shipping', '  late   TRUCK ', late.id);
    put('call_centre', 'Long wait', talk.id);
    put('call_centre', 'Rude answer');
    put('shipping', 'Damaged box', late.id);
    m = moveStage(m, b.id, 1);
    const matrix = barrierMatrix(m, 'en');
    expect(matrix.rows.map((r) => r.touchpoint)).toEqual(['call_centre', 'unloading', 'shipping']);
    expect(matrix.columns.map((c) => [c.name.en, c.factor])).toEqual([
      ['Late truck', late.id],
      ['Damaged box', late.id],
      ['Long wait', talk.id],
      ['Rude answer', null],
    ]);
    // A touchpoint named like an object's built-in property is a touchpoint like any other.
    const odd = addTouchpoint(m, a.id, both('Constructor'));
    const oddMatrix = barrierMatrix(odd.model, 'en');
    expect(odd.id).toBe('constructor');
    expect(oddMatrix.rows.find((r) => r.touchpoint === 'constructor')!.cells.every((c) => !c)).toBe(
      true,
    );
    expect(matrix.rows.map((r) => r.cells)).toEqual([
      [false, false, true, true],
      [true, false, false, false],
      [true, true, false, false],
    ]);
  });
});

describe('keys suggested by column roles', () => {
  it('takes the client id and the period (else the date) the importer recognised', () => {
    expect(
      suggestKeys([
        { name: 'answered', role: 'date' },
        { name: 'client', role: 'client-id' },
        { name: 'month', role: 'period' },
        { name: 'score', role: 'nps' },
      ]),
    ).toEqual({ client: 'client', period: 'month' });
    expect(suggestKeys([{ name: 'd', role: 'date' }])).toEqual({ period: 'd' });
    expect(suggestKeys([{ name: 'x' }])).toEqual({});
  });
});
