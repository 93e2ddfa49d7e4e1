/**
 * Edits of a service model, as pure functions: each takes a model and returns a new one (the
 * old one is left as it was, so an editor can keep it for undo). Removing an element also
 * removes or clears what refers to it, so an edit never leaves a dangling reference behind.
 */
import { newId } from '../ids.ts';
import {
  MODEL_FORMAT,
  MODEL_VERSION,
  type Barrier,
  type Binding,
  type ClientCard,
  type DatasetKeys,
  type Driver,
  type Indicator,
  type Layer,
  type Localized,
  type ServiceModel,
  type Touchpoint,
  type UnitKind,
} from './model-types.ts';

/** The same text in both languages (a new element's name until the user gives a translation). */
export const both = (text: string): Localized => ({ en: text, ru: text });

/** An empty model: no journey, factors or indicators; TX and CX index blocks of equal weight. */
export function blankModel(name: Localized, id: string = newId()): ServiceModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id,
    name,
    journey: { stages: [], touchpoints: [] },
    factors: [],
    unitKinds: [],
    datasets: {},
    period: { grain: 'month' },
    indicators: [],
    links: [],
    index: {
      blocks: [
        { layer: 'TX', weight: 1, members: [] },
        { layer: 'CX', weight: 1, members: [] },
      ],
    },
  };
}

/**
 * An id made from a name (lowercase letters, digits and `_`; Cyrillic kept) that none of
 * `taken` uses: `delivery`, then `delivery_2`…; `prefix` when the name gives nothing.
 */
export function freshId(name: string, taken: Iterable<string>, prefix = 'item'): string {
  const used = new Set(taken);
  const base =
    name
      .toLowerCase()
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || prefix;
  if (!used.has(base)) return base;
  for (let k = 2; ; k++) if (!used.has(`${base}_${k}`)) return `${base}_${k}`;
}

/** A copy of `list` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice();
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item!);
  return out;
}

/** Renames the model. */
export function renameModel(m: ServiceModel, name: Localized): ServiceModel {
  return { ...m, name };
}

/** Sets how dates map to periods. */
export function setPeriodGrain(m: ServiceModel, grain: 'month' | 'quarter'): ServiceModel {
  return { ...m, period: { grain } };
}

// ——— Journey ———

/** Adds a journey stage at the end; returns the model and the new stage's id. */
export function addStage(m: ServiceModel, name: Localized): { model: ServiceModel; id: string } {
  const id = freshId(
    name.en || name.ru,
    m.journey.stages.map((s) => s.id),
    'stage',
  );
  const stages = [...m.journey.stages, { id, name }];
  return { model: { ...m, journey: { ...m.journey, stages } }, id };
}

/** Renames a journey stage. */
export function renameStage(m: ServiceModel, id: string, name: Localized): ServiceModel {
  const stages = m.journey.stages.map((s) => (s.id === id ? { ...s, name } : s));
  return { ...m, journey: { ...m.journey, stages } };
}

/** Moves a journey stage to position `to` among the stages. */
export function moveStage(m: ServiceModel, id: string, to: number): ServiceModel {
  const from = m.journey.stages.findIndex((s) => s.id === id);
  // A move to where it is changes nothing (and leaves no undo step).
  if (from < 0 || from === Math.max(0, Math.min(to, m.journey.stages.length - 1))) return m;
  return { ...m, journey: { ...m.journey, stages: moveItem(m.journey.stages, from, to) } };
}

/** Removes a journey stage with its touchpoints (see `removeTouchpoint`). */
export function removeStage(m: ServiceModel, id: string): ServiceModel {
  let out = m;
  for (const tp of m.journey.touchpoints) if (tp.stage === id) out = removeTouchpoint(out, tp.id);
  const stages = out.journey.stages.filter((s) => s.id !== id);
  return { ...out, journey: { ...out.journey, stages } };
}

/** Adds a touchpoint at the end of a stage; returns the model and the new touchpoint's id. */
export function addTouchpoint(
  m: ServiceModel,
  stage: string,
  name: Localized,
): { model: ServiceModel; id: string } {
  const id = freshId(
    name.en || name.ru,
    m.journey.touchpoints.map((t) => t.id),
    'touchpoint',
  );
  const tp: Touchpoint = {
    id,
    stage,
    name,
    channel: '',
    owner: '',
    momentOfTruth: false,
    drivers: [],
    barriers: [],
  };
  const list = m.journey.touchpoints;
  // After the stage's last touchpoint, so the stage's order is kept in the one array.
  let at = list.length;
  for (let k = list.length - 1; k >= 0; k--) {
    if (list[k]!.stage === stage) {
      at = k + 1;
      break;
    }
  }
  const touchpoints = [...list.slice(0, at), tp, ...list.slice(at)];
  return { model: { ...m, journey: { ...m.journey, touchpoints } }, id };
}

/** Changes a touchpoint's fields (not its id). */
export function updateTouchpoint(
  m: ServiceModel,
  id: string,
  patch: Partial<Omit<Touchpoint, 'id'>>,
): ServiceModel {
  const touchpoints = m.journey.touchpoints.map((t) => (t.id === id ? { ...t, ...patch } : t));
  return { ...m, journey: { ...m.journey, touchpoints } };
}

/**
 * Moves a touchpoint into `stage` at position `to` among that stage's touchpoints (a drag
 * may carry it to another stage).
 */
export function moveTouchpoint(
  m: ServiceModel,
  id: string,
  stage: string,
  to: number,
): ServiceModel {
  const moving = m.journey.touchpoints.find((t) => t.id === id);
  if (!moving) return m;
  const rest = m.journey.touchpoints.filter((t) => t.id !== id);
  const inStage = rest.flatMap((t, k) => (t.stage === stage ? [k] : []));
  const k = Math.max(0, Math.min(to, inStage.length));
  const at =
    k < inStage.length
      ? inStage[k]!
      : inStage.length > 0
        ? inStage[inStage.length - 1]! + 1
        : rest.length;
  const touchpoints = [...rest.slice(0, at), { ...moving, stage }, ...rest.slice(at)];
  const unchanged =
    moving.stage === stage && touchpoints.every((t, i) => t.id === m.journey.touchpoints[i]!.id);
  return unchanged ? m : { ...m, journey: { ...m.journey, touchpoints } };
}

/** Removes a touchpoint; indicators measured at it keep their place without a touchpoint. */
export function removeTouchpoint(m: ServiceModel, id: string): ServiceModel {
  const touchpoints = m.journey.touchpoints.filter((t) => t.id !== id);
  const indicators = m.indicators.map((ind) =>
    ind.touchpoint === id ? withoutKey(ind, 'touchpoint') : ind,
  );
  return { ...m, journey: { ...m.journey, touchpoints }, indicators };
}

/** Adds a driver to a touchpoint. */
export function addDriver(m: ServiceModel, touchpoint: string, name: Localized): ServiceModel {
  return editTouchpointList(m, touchpoint, 'drivers', (list) => [
    ...list,
    {
      id: freshId(
        name.en || name.ru,
        list.map((d) => d.id),
        'driver',
      ),
      name,
    },
  ]);
}

/** Changes a driver of a touchpoint. */
export function updateDriver(
  m: ServiceModel,
  touchpoint: string,
  id: string,
  patch: Partial<Omit<Driver, 'id'>>,
): ServiceModel {
  return editTouchpointList(m, touchpoint, 'drivers', (list) =>
    list.map((d) => (d.id === id ? { ...d, ...patch } : d)),
  );
}

/** Removes a driver of a touchpoint. */
export function removeDriver(m: ServiceModel, touchpoint: string, id: string): ServiceModel {
  return editTouchpointList(m, touchpoint, 'drivers', (list) => list.filter((d) => d.id !== id));
}

/** Adds a barrier to a touchpoint. */
export function addBarrier(m: ServiceModel, touchpoint: string, name: Localized): ServiceModel {
  return editTouchpointList(m, touchpoint, 'barriers', (list) => [
    ...list,
    {
      id: freshId(
        name.en || name.ru,
        list.map((b) => b.id),
        'barrier',
      ),
      name,
    },
  ]);
}

/** Changes a barrier of a touchpoint (an empty factor or keyword list is dropped). */
export function updateBarrier(
  m: ServiceModel,
  touchpoint: string,
  id: string,
  patch: Partial<Omit<Barrier, 'id'>>,
): ServiceModel {
  return editTouchpointList(m, touchpoint, 'barriers', (list) =>
    list.map((b) => {
      if (b.id !== id) return b;
      let next: Barrier = { ...b, ...patch };
      if (!next.factor) next = withoutKey(next, 'factor');
      if (next.keywords && next.keywords.length === 0) next = withoutKey(next, 'keywords');
      return next;
    }),
  );
}

/** Removes a barrier of a touchpoint. */
export function removeBarrier(m: ServiceModel, touchpoint: string, id: string): ServiceModel {
  return editTouchpointList(m, touchpoint, 'barriers', (list) => list.filter((b) => b.id !== id));
}

function editTouchpointList<K extends 'drivers' | 'barriers'>(
  m: ServiceModel,
  touchpoint: string,
  key: K,
  edit: (list: Touchpoint[K]) => Touchpoint[K],
): ServiceModel {
  const touchpoints = m.journey.touchpoints.map((t) =>
    t.id === touchpoint ? { ...t, [key]: edit(t[key]) } : t,
  );
  return { ...m, journey: { ...m.journey, touchpoints } };
}

// ——— Factors and unit kinds ———

/** Adds a satisfaction factor; returns the model and its id. */
export function addFactor(m: ServiceModel, name: Localized): { model: ServiceModel; id: string } {
  const id = freshId(
    name.en || name.ru,
    m.factors.map((f) => f.id),
    'factor',
  );
  return { model: { ...m, factors: [...m.factors, { id, name }] }, id };
}

/** Renames a satisfaction factor. */
export function renameFactor(m: ServiceModel, id: string, name: Localized): ServiceModel {
  return { ...m, factors: m.factors.map((f) => (f.id === id ? { ...f, name } : f)) };
}

/** Removes a factor, and with it the indicators' and barriers' references and its weight column. */
export function removeFactor(m: ServiceModel, id: string): ServiceModel {
  const indicators = m.indicators.map((ind) =>
    ind.factor === id ? withoutKey(ind, 'factor') : ind,
  );
  const touchpoints = m.journey.touchpoints.map((t) =>
    t.barriers.some((b) => b.factor === id)
      ? {
          ...t,
          barriers: t.barriers.map((b) => (b.factor === id ? withoutKey(b, 'factor') : b)),
        }
      : t,
  );
  const out: ServiceModel = {
    ...m,
    factors: m.factors.filter((f) => f.id !== id),
    indicators,
    journey: { ...m.journey, touchpoints },
  };
  return setFactorWeight(out, id, undefined);
}

/** Adds a unit kind (warehouse, manager, region) read from a client-card column. */
export function addUnitKind(
  m: ServiceModel,
  name: Localized,
  column: string,
): { model: ServiceModel; id: string } {
  const id = freshId(
    name.en || name.ru,
    m.unitKinds.map((u) => u.id),
    'unit',
  );
  return { model: { ...m, unitKinds: [...m.unitKinds, { id, name, column }] }, id };
}

/** Changes a unit kind's name or client-card column. */
export function updateUnitKind(
  m: ServiceModel,
  id: string,
  patch: Partial<Omit<UnitKind, 'id'>>,
): ServiceModel {
  return { ...m, unitKinds: m.unitKinds.map((u) => (u.id === id ? { ...u, ...patch } : u)) };
}

/**
 * Removes a unit kind. Bindings at its unit-period grain stay (validation then names them) —
 * rebinding is the analyst's decision, not the editor's.
 */
export function removeUnitKind(m: ServiceModel, id: string): ServiceModel {
  const datasets = Object.fromEntries(
    Object.entries(m.datasets).map(([name, keys]) => [
      name,
      keys.unitKind === id ? withoutKey(keys, 'unitKind') : keys,
    ]),
  );
  return { ...m, unitKinds: m.unitKinds.filter((u) => u.id !== id), datasets };
}

// ——— Datasets ———

/** Sets the dataset holding the client card (or none). */
export function setClientCard(m: ServiceModel, card: ClientCard | undefined): ServiceModel {
  return card ? { ...m, clientCard: card } : withoutKey(m, 'clientCard');
}

/** Declares a dataset's key columns; empty fields are dropped, and the entry when none is left. */
export function setDatasetKeys(m: ServiceModel, dataset: string, keys: DatasetKeys): ServiceModel {
  const kept = Object.fromEntries(
    Object.entries(keys).filter(([, v]) => typeof v === 'string' && v !== ''),
  ) as DatasetKeys;
  const datasets = { ...m.datasets };
  if (Object.keys(kept).length > 0) datasets[dataset] = kept;
  else delete datasets[dataset];
  return { ...m, datasets };
}

// ——— Indicators and links ———

/** Adds an indicator to a layer (a 0–100 scale, higher is better); returns it with the model. */
export function addIndicator(
  m: ServiceModel,
  layer: Layer,
  name: Localized,
): { model: ServiceModel; id: string } {
  const id = freshId(
    name.en || name.ru,
    m.indicators.map((i) => i.id),
    'indicator',
  );
  const indicator: Indicator = {
    id,
    name,
    layer,
    unit: '',
    scale: { min: 0, max: 100 },
    direction: 'higher',
  };
  return { model: { ...m, indicators: [...m.indicators, indicator] }, id };
}

/**
 * Changes an indicator's fields (not its id); an `undefined` in the patch removes an optional
 * field. Moving it to another layer takes it out of index blocks of its old layer.
 */
export function updateIndicator(
  m: ServiceModel,
  id: string,
  patch: Partial<Omit<Indicator, 'id'>>,
): ServiceModel {
  const old = m.indicators.find((i) => i.id === id);
  if (!old) return m;
  let next: Indicator = { ...old, ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) next = withoutKey(next, key as keyof Indicator);
  }
  const indicators = m.indicators.map((i) => (i.id === id ? next : i));
  const blocks =
    next.layer === old.layer
      ? m.index.blocks
      : m.index.blocks.map((b) =>
          b.layer === next.layer ? b : { ...b, members: b.members.filter((x) => x !== id) },
        );
  return { ...m, indicators, index: { ...m.index, blocks } };
}

/** Binds an indicator to a dataset column (or unbinds it). */
export function setBinding(
  m: ServiceModel,
  id: string,
  binding: Binding | undefined,
): ServiceModel {
  return updateIndicator(m, id, { binding });
}

/** Removes an indicator with its links and its places in index blocks. */
export function removeIndicator(m: ServiceModel, id: string): ServiceModel {
  return {
    ...m,
    indicators: m.indicators.filter((i) => i.id !== id),
    links: m.links.filter((l) => l.child !== id && l.parent !== id),
    index: {
      ...m.index,
      blocks: m.index.blocks.map((b) => ({ ...b, members: b.members.filter((x) => x !== id) })),
    },
  };
}

/** Links a child indicator to a parent it feeds (a link already there is not added twice). */
export function addLink(m: ServiceModel, child: string, parent: string): ServiceModel {
  if (m.links.some((l) => l.child === child && l.parent === parent)) return m;
  return { ...m, links: [...m.links, { child, parent }] };
}

/** Removes the link at `index` of `links`. */
export function removeLink(m: ServiceModel, index: number): ServiceModel {
  return { ...m, links: m.links.filter((_, k) => k !== index) };
}

// ——— Satisfaction index ———

/** Sets an index block's weight (adding the block when the model has none for that layer). */
export function setBlockWeight(m: ServiceModel, layer: 'TX' | 'CX', weight: number): ServiceModel {
  const has = m.index.blocks.some((b) => b.layer === layer);
  const blocks = has
    ? m.index.blocks.map((b) => (b.layer === layer ? { ...b, weight } : b))
    : [...m.index.blocks, { layer, weight, members: [] }];
  return { ...m, index: { ...m.index, blocks } };
}

/** Makes an indicator a member of its layer's index block, or takes it out. */
export function setBlockMember(m: ServiceModel, id: string, member: boolean): ServiceModel {
  const ind = m.indicators.find((i) => i.id === id);
  if (!ind || (ind.layer !== 'TX' && ind.layer !== 'CX')) return m;
  let out = m;
  if (member && !m.index.blocks.some((b) => b.layer === ind.layer)) {
    out = setBlockWeight(m, ind.layer, 1);
  }
  const blocks = out.index.blocks.map((b) => {
    if (b.layer !== ind.layer) return b;
    const rest = b.members.filter((x) => x !== id);
    return { ...b, members: member ? [...rest, id] : rest };
  });
  return { ...out, index: { ...out.index, blocks } };
}

/** Sets the client-card column holding each client's importance weight of a factor (or none). */
export function setFactorWeight(
  m: ServiceModel,
  factor: string,
  column: string | undefined,
): ServiceModel {
  const weights = { ...m.index.factorWeights };
  if (column) weights[factor] = column;
  else delete weights[factor];
  const index =
    Object.keys(weights).length > 0
      ? { ...m.index, factorWeights: weights }
      : withoutKey(m.index, 'factorWeights');
  return { ...m, index };
}

/** A copy of `o` without `key`. */
function withoutKey<T extends object, K extends keyof T>(o: T, key: K): T {
  const copy = { ...o };
  delete copy[key];
  return copy;
}
