/**
 * Repairing and migrating a service model loaded from IndexedDB, a file or a share link into the
 * current format. Structure is repaired here; meaning (references, cycles, scales) is left to
 * `validateModel`, which can point at what is wrong.
 */
import { newId } from '../ids.ts';
import {
  LAYERS,
  MODEL_FORMAT,
  MODEL_VERSION,
  type Aggregate,
  type Barrier,
  type Binding,
  type Condition,
  type DatasetKeys,
  type Direction,
  type Driver,
  type Factor,
  type Grain,
  type IndexBlock,
  type IndexSettings,
  type Indicator,
  type JourneyStage,
  type Layer,
  type Link,
  type Localized,
  type PeriodSettings,
  type ServiceModel,
  type Touchpoint,
  type UnitKind,
} from './model-types.ts';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const optText = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An id as a string: numbers (hand-written files) become their text, anything else ''. */
const idOf = (v: unknown): string =>
  typeof v === 'string' ? v : isFiniteNumber(v) ? String(v) : '';

/** Reads the usual spellings of true; anything else is false. */
const bool = (v: unknown): boolean =>
  v === true ||
  v === 1 ||
  (typeof v === 'string' && ['true', '1', 'yes'].includes(v.toLowerCase()));

/**
 * Repairs and migrates any stored or imported service model into the current format; never
 * throws. Missing arrays and objects become empty ones, entries that are not objects are
 * dropped, unknown fields are left out, booleans are coerced, and a plain-string name counts
 * in both languages. Values of the right JSON type are kept even when out of range (an unknown
 * layer, a scale with min ≥ max, a dangling reference) so that `validateModel` can point at
 * them; a layer or aggregate of the wrong type becomes '' for the same reason, while other
 * fields of the wrong type get their defaults. Input that is not an object yields an empty
 * model with a fresh id. A valid current model comes back unchanged.
 */
export function restoreModel(raw: unknown): ServiceModel {
  const doc = migrate(isRec(raw) ? raw : {});
  const journey = isRec(doc.journey) ? doc.journey : {};
  const index = isRec(doc.index) ? doc.index : {};
  const model: ServiceModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id: typeof doc.id === 'string' && doc.id !== '' ? doc.id : newId(),
    name: localized(doc.name),
    journey: {
      stages: list(journey.stages).map(named<JourneyStage>),
      touchpoints: list(journey.touchpoints).map(touchpoint),
    },
    factors: list(doc.factors).map(named<Factor>),
    unitKinds: list(doc.unitKinds).map((u): UnitKind => ({
      id: idOf(u.id),
      name: localized(u.name),
      column: text(u.column),
    })),
    datasets: isRec(doc.datasets)
      ? Object.fromEntries(
          Object.entries(doc.datasets)
            .filter((e): e is [string, Rec] => isRec(e[1]))
            .map(([name, keys]) => [name, datasetKeys(keys)]),
        )
      : {},
    period: {
      grain: (isRec(doc.period) && typeof doc.period.grain === 'string'
        ? doc.period.grain
        : 'month') as PeriodSettings['grain'],
    },
    indicators: list(doc.indicators).map(indicator),
    links: list(doc.links).map((l): Link => ({ child: idOf(l.child), parent: idOf(l.parent) })),
    index: indexSettings(index),
  };
  if (isRec(doc.clientCard)) {
    model.clientCard = { dataset: text(doc.clientCard.dataset), key: text(doc.clientCard.key) };
  }
  return model;
}

/**
 * Brings a document of any older version up to the current one, one version at a time. A
 * missing version is the pre-release draft (0); a newer version than this code knows is read
 * as the current one, keeping whatever it can.
 */
function migrate(raw: Rec): Rec {
  const v = raw.version;
  let doc = raw;
  for (let version = typeof v === 'number' && v >= 0 ? v : 0; version < MODEL_VERSION; version++) {
    switch (version) {
      case 0:
        doc = fromV0(doc);
        break;
    }
  }
  return doc;
}

/**
 * The draft (version 0) wrote a binding's grain as a string: `client`, `client-period` or
 * `unit-period:<kind>`. Its plain-string names need no step here: `localized` reads them.
 */
function fromV0(doc: Rec): Rec {
  if (!Array.isArray(doc.indicators)) return doc;
  const indicators = doc.indicators.map((ind: unknown) => {
    if (!isRec(ind) || !isRec(ind.binding) || typeof ind.binding.grain !== 'string') return ind;
    return { ...ind, binding: { ...ind.binding, grain: grainFromV0(ind.binding.grain) } };
  });
  return { ...doc, indicators };
}

/** A v0 grain string as a grain object; unknown strings are kept for validation to report. */
function grainFromV0(s: string): unknown {
  if (s === 'client' || s === 'client-period') return { kind: s };
  if (s.startsWith('unit-period:')) return { kind: 'unit-period', unitKind: s.slice(12) };
  return { kind: s };
}

/** A name in both languages; a missing one falls back to the other language. */
function localized(v: unknown): Localized {
  if (typeof v === 'string') return { en: v, ru: v };
  if (!isRec(v)) return { en: '', ru: '' };
  const en = optText(v.en);
  const ru = optText(v.ru);
  return { en: en ?? ru ?? '', ru: ru ?? en ?? '' };
}

/** An entity that is just an id and a name (stage, factor, driver). */
function named<T extends { id: string; name: Localized }>(r: Rec): T {
  return { id: idOf(r.id), name: localized(r.name) } as T;
}

function touchpoint(r: Rec): Touchpoint {
  return {
    id: idOf(r.id),
    stage: idOf(r.stage),
    name: localized(r.name),
    channel: text(r.channel),
    owner: text(r.owner),
    momentOfTruth: bool(r.momentOfTruth),
    drivers: list(r.drivers).map(named<Driver>),
    barriers: list(r.barriers).map(barrier),
  };
}

function barrier(r: Rec): Barrier {
  const b: Barrier = { id: idOf(r.id), name: localized(r.name) };
  if (typeof r.factor === 'string') b.factor = r.factor;
  if (Array.isArray(r.keywords)) {
    b.keywords = r.keywords.filter((k): k is string => typeof k === 'string');
  }
  return b;
}

function datasetKeys(r: Rec): DatasetKeys {
  const keys: DatasetKeys = {};
  for (const field of ['client', 'period', 'unit', 'unitKind', 'unitKindColumn'] as const) {
    if (typeof r[field] === 'string') keys[field] = r[field];
  }
  return keys;
}

/** A layer as written; lower case is read as upper case ('cx' → 'CX'). */
function layer(v: unknown): Layer {
  if (typeof v !== 'string') return '' as Layer;
  const upper = v.toUpperCase() as Layer;
  return LAYERS.includes(upper) ? upper : (v as Layer);
}

function indicator(r: Rec): Indicator {
  const scale = isRec(r.scale) ? r.scale : {};
  const ind: Indicator = {
    id: idOf(r.id),
    name: localized(r.name),
    layer: layer(r.layer),
    unit: text(r.unit),
    scale: {
      min: isFiniteNumber(scale.min) ? scale.min : 0,
      max: isFiniteNumber(scale.max) ? scale.max : 100,
    },
    direction: (typeof r.direction === 'string' ? r.direction : 'higher') as Direction,
  };
  if (typeof r.factor === 'string') ind.factor = r.factor;
  if (isFiniteNumber(r.target)) ind.target = r.target;
  if (typeof r.touchpoint === 'string') ind.touchpoint = r.touchpoint;
  if (isRec(r.binding)) ind.binding = binding(r.binding);
  if (r.description !== undefined && r.description !== null) {
    ind.description = localized(r.description);
  }
  return ind;
}

function binding(r: Rec): Binding {
  const b: Binding = {
    dataset: text(r.dataset),
    column: text(r.column),
    aggregate: (typeof r.aggregate === 'string' ? r.aggregate : '') as Aggregate,
    grain: grain(r.grain),
  };
  const filter = condition(r.filter);
  if (filter) b.filter = { column: text((r.filter as Rec).column), ...filter };
  const shareOf = condition(r.shareOf);
  if (shareOf) b.shareOf = shareOf;
  if (typeof r.per === 'string') b.per = r.per;
  return b;
}

/** A grain object; without one a binding is per client, the simplest grain. */
function grain(v: unknown): Grain {
  if (!isRec(v) || typeof v.kind !== 'string') return { kind: 'client' };
  if (v.kind === 'unit-period') return { kind: 'unit-period', unitKind: idOf(v.unitKind) };
  return { kind: v.kind } as Grain;
}

/** The comparison of a condition (its op and value), or undefined when there is none. */
function condition(v: unknown): Omit<Condition, 'column'> | undefined {
  if (!isRec(v)) return undefined;
  return {
    op: (typeof v.op === 'string' ? v.op : 'eq') as Condition['op'],
    value: conditionValue(v.value),
  };
}

function conditionValue(v: unknown): Condition['value'] {
  if (typeof v === 'string' || typeof v === 'boolean' || isFiniteNumber(v)) return v;
  if (Array.isArray(v)) {
    return v.filter((x): x is string | number => typeof x === 'string' || isFiniteNumber(x));
  }
  return '';
}

function indexSettings(r: Rec): IndexSettings {
  const settings: IndexSettings = {
    blocks: list(r.blocks).map((b): IndexBlock => ({
      layer: layer(b.layer) as IndexBlock['layer'],
      weight: isFiniteNumber(b.weight) ? b.weight : 1,
      members: Array.isArray(b.members) ? b.members.map(idOf) : [],
    })),
  };
  if (isRec(r.factorWeights)) {
    settings.factorWeights = Object.fromEntries(
      Object.entries(r.factorWeights).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
  }
  return settings;
}
