/**
 * Validation of a service model: every problem found, each with its path into the model, so the
 * editor can point at the field. Reads the model defensively: it may come straight from a file,
 * with wrong types, nulls or missing arrays, and validation never throws on it.
 */
import type { ColumnType } from '../storage/dataset-meta.ts';
import {
  LAYERS,
  type DatasetSchema,
  type ModelProblem,
  type ModelProblemCode,
  type ServiceModel,
} from './model-types.ts';

type Path = (string | number)[];
type Rec = Record<string, unknown>;
type Detail = Record<string, string | number>;
type Add = (
  code: ModelProblemCode,
  severity: ModelProblem['severity'],
  path: Path,
  detail?: Detail,
) => void;

const AGGREGATES: readonly string[] = ['mean', 'share', 'sum', 'count', 'rate', 'nps'];
const GRAIN_KINDS: readonly string[] = ['client', 'client-period', 'unit-period'];
const DIRECTIONS: readonly string[] = ['higher', 'lower'];
const OPS: readonly string[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in'];
const PERIOD_GRAINS: readonly string[] = ['month', 'quarter'];
const BLOCK_LAYERS: readonly string[] = ['TX', 'CX'];

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A value as a message detail; never throws, whatever the value. */
function show(v: unknown): string | number {
  if (typeof v === 'string' || isFiniteNumber(v)) return v;
  try {
    const json = JSON.stringify(v);
    return json === undefined ? String(v) : json.slice(0, 80);
  } catch {
    return typeof v;
  }
}

/**
 * The stored dataset a binding or key names: the one whose id is `ref`, else the first whose
 * name is `ref`; undefined when none matches.
 */
export function resolveDataset<D extends DatasetSchema>(
  ref: string,
  datasets: readonly D[],
): D | undefined {
  if (!Array.isArray(datasets)) return undefined;
  return (
    datasets.find((d) => isRec(d) && d.id !== undefined && d.id === ref) ??
    datasets.find((d) => isRec(d) && d.name === ref)
  );
}

/** The column types of a dataset by column name, skipping malformed column entries. */
function columnTypes(ds: DatasetSchema): Map<string, ColumnType> {
  const types = new Map<string, ColumnType>();
  for (const c of Array.isArray(ds.columns) ? (ds.columns as unknown[]) : []) {
    if (isRec(c) && typeof c.name === 'string' && !types.has(c.name)) {
      types.set(c.name, c.type as ColumnType);
    }
  }
  return types;
}

/**
 * Reports everything wrong with a service model. Without `datasets` it checks the model alone
 * (ids, references, links, values); with the stored datasets' schemas it also checks that every
 * binding, key and client-card column exists, has a fitting type, and that each grain has its keys.
 * Errors make the model unusable where they are; warnings (orphans, targets off the scale,
 * keys of datasets not loaded) do not.
 */
export function validateModel(
  model: ServiceModel,
  datasets?: readonly DatasetSchema[],
): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add: Add = (code, severity, path, detail) => {
    problems.push(detail ? { code, severity, path, detail } : { code, severity, path });
  };
  const m: unknown = model;
  if (!isRec(m)) {
    add('invalid-value', 'error', [], { field: 'model' });
    return problems;
  }
  const ids = checkStructure(m, add);
  checkLinks(m, ids.indicators, add);
  if (Array.isArray(datasets)) checkDatasets(m, datasets, add);
  return problems;
}

/** The ids of the model's entities, for reference checks. */
interface KnownIds {
  stages: Set<string>;
  touchpoints: Set<string>;
  factors: Set<string>;
  unitKinds: Set<string>;
  /** Indicator id → layer (as written, valid or not). */
  indicators: Map<string, unknown>;
}

/** The array at `parent[key]`, reporting it when it is not an array. */
function arrayAt(parent: unknown, key: string, path: Path, add: Add): unknown[] {
  // A parent of the wrong type is reported by its own caller.
  if (!isRec(parent)) return [];
  const v = parent[key];
  if (Array.isArray(v)) return v;
  add('invalid-value', 'error', [...path, key], { field: key });
  return [];
}

/** Checks the ids of a list of entities (object, non-empty string id, unique); returns them. */
function collectIds(items: unknown[], path: Path, add: Add): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!isRec(item)) {
      add('invalid-value', 'error', [...path, i], { field: 'entry' });
      return;
    }
    const id = item.id;
    if (typeof id !== 'string' || id === '') {
      add('invalid-value', 'error', [...path, i, 'id'], { field: 'id', value: show(id) });
    } else if (seen.has(id)) {
      add('duplicate-id', 'error', [...path, i, 'id'], { id });
    } else {
      seen.add(id);
    }
  });
  return seen;
}

/** Reports `value` unless it is a known id; `undefined` is fine when the reference is optional. */
function checkRef(
  value: unknown,
  known: { has(id: string): boolean },
  kind: string,
  path: Path,
  add: Add,
  optional = true,
): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'string' || !known.has(value)) {
    add('unknown-reference', 'error', path, { id: show(value), kind });
  }
}

/** Reports a string field whose value is not one of `allowed`. */
function checkChoice(value: unknown, allowed: readonly string[], path: Path, add: Add): boolean {
  if (typeof value === 'string' && allowed.includes(value)) return true;
  add('invalid-value', 'error', path, { field: String(path[path.length - 1]), value: show(value) });
  return false;
}

/** Ids, references and values of the journey, factors, unit kinds, indicators and index. */
function checkStructure(m: Rec, add: Add): KnownIds {
  const journey = isRec(m.journey) ? m.journey : undefined;
  if (!journey) add('invalid-value', 'error', ['journey'], { field: 'journey' });
  const stages = arrayAt(journey, 'stages', ['journey'], add);
  const touchpoints = arrayAt(journey, 'touchpoints', ['journey'], add);
  const factors = arrayAt(m, 'factors', [], add);
  const unitKinds = arrayAt(m, 'unitKinds', [], add);
  const indicators = arrayAt(m, 'indicators', [], add);

  const stageIds = collectIds(stages, ['journey', 'stages'], add);
  const touchpointIds = collectIds(touchpoints, ['journey', 'touchpoints'], add);
  const factorIds = collectIds(factors, ['factors'], add);
  const unitKindIds = collectIds(unitKinds, ['unitKinds'], add);
  collectIds(indicators, ['indicators'], add);
  const indicatorLayers = new Map<string, unknown>();
  for (const ind of indicators) {
    if (isRec(ind) && typeof ind.id === 'string' && !indicatorLayers.has(ind.id)) {
      indicatorLayers.set(ind.id, ind.layer);
    }
  }

  touchpoints.forEach((tp, t) => {
    if (!isRec(tp)) return;
    const at: Path = ['journey', 'touchpoints', t];
    checkRef(tp.stage, stageIds, 'stage', [...at, 'stage'], add, false);
    collectIds(arrayAt(tp, 'drivers', at, add), [...at, 'drivers'], add);
    const barriers = arrayAt(tp, 'barriers', at, add);
    collectIds(barriers, [...at, 'barriers'], add);
    barriers.forEach((b, i) => {
      if (isRec(b)) checkRef(b.factor, factorIds, 'factor', [...at, 'barriers', i, 'factor'], add);
    });
  });

  unitKinds.forEach((u, i) => {
    if (isRec(u) && (typeof u.column !== 'string' || u.column === '')) {
      add('invalid-value', 'error', ['unitKinds', i, 'column'], { field: 'column' });
    }
  });

  indicators.forEach((ind, i) => {
    if (isRec(ind))
      checkIndicator(ind, ['indicators', i], factorIds, touchpointIds, unitKindIds, add);
  });

  checkIndex(m, factorIds, indicatorLayers, add);
  checkModelKeys(m, unitKindIds, add);

  return {
    stages: stageIds,
    touchpoints: touchpointIds,
    factors: factorIds,
    unitKinds: unitKindIds,
    indicators: indicatorLayers,
  };
}

/** One indicator's references, layer, scale, direction, target and binding shape. */
function checkIndicator(
  ind: Rec,
  at: Path,
  factorIds: Set<string>,
  touchpointIds: Set<string>,
  unitKindIds: Set<string>,
  add: Add,
): void {
  checkChoice(ind.layer, LAYERS, [...at, 'layer'], add);
  checkRef(ind.factor, factorIds, 'factor', [...at, 'factor'], add);
  checkRef(ind.touchpoint, touchpointIds, 'touchpoint', [...at, 'touchpoint'], add);
  checkChoice(ind.direction, DIRECTIONS, [...at, 'direction'], add);

  const scale = isRec(ind.scale) ? ind.scale : undefined;
  const min = scale?.min;
  const max = scale?.max;
  const scaleOk = isFiniteNumber(min) && isFiniteNumber(max) && min < max;
  if (!scaleOk) add('invalid-value', 'error', [...at, 'scale'], { min: show(min), max: show(max) });

  const target = ind.target;
  if (target !== undefined) {
    if (!isFiniteNumber(target)) {
      add('invalid-value', 'error', [...at, 'target'], { field: 'target', value: show(target) });
    } else if (scaleOk && (target < min || target > max)) {
      add('invalid-value', 'warning', [...at, 'target'], { target, min, max });
    }
  }

  if (ind.binding === undefined) return;
  const b = ind.binding;
  const bAt: Path = [...at, 'binding'];
  if (!isRec(b)) {
    add('invalid-value', 'error', bAt, { field: 'binding' });
    return;
  }
  if (typeof b.dataset !== 'string' || b.dataset === '') {
    add('invalid-value', 'error', [...bAt, 'dataset'], { field: 'dataset' });
  }
  const aggregateOk = checkChoice(b.aggregate, AGGREGATES, [...bAt, 'aggregate'], add);
  // Only a count may leave the column empty: it then counts rows.
  if (typeof b.column !== 'string' || (b.column === '' && b.aggregate !== 'count')) {
    add('invalid-value', 'error', [...bAt, 'column'], { field: 'column' });
  }
  if (aggregateOk && b.aggregate === 'rate' && (typeof b.per !== 'string' || b.per === '')) {
    add('invalid-value', 'error', [...bAt, 'per'], { field: 'per', aggregate: 'rate' });
  }
  const grain = isRec(b.grain) ? b.grain : undefined;
  if (!grain) {
    add('invalid-value', 'error', [...bAt, 'grain'], { field: 'grain', value: show(b.grain) });
  } else if (checkChoice(grain.kind, GRAIN_KINDS, [...bAt, 'grain', 'kind'], add)) {
    if (grain.kind === 'unit-period') {
      checkRef(grain.unitKind, unitKindIds, 'unitKind', [...bAt, 'grain', 'unitKind'], add, false);
    }
  }
  for (const key of ['filter', 'shareOf'] as const) {
    const c = b[key];
    if (c === undefined) continue;
    if (!isRec(c)) add('invalid-value', 'error', [...bAt, key], { field: key });
    else checkChoice(c.op, OPS, [...bAt, key, 'op'], add);
  }
}

/** Satisfaction-index blocks (layer, weights, members) and factor-weight columns. */
function checkIndex(
  m: Rec,
  factorIds: Set<string>,
  indicators: Map<string, unknown>,
  add: Add,
): void {
  const index = isRec(m.index) ? m.index : undefined;
  if (!index) add('invalid-value', 'error', ['index'], { field: 'index' });
  const blocks = arrayAt(index, 'blocks', ['index'], add);
  let sum = 0;
  let weighed = 0;
  blocks.forEach((block, i) => {
    const at: Path = ['index', 'blocks', i];
    if (!isRec(block)) {
      add('invalid-value', 'error', at, { field: 'entry' });
      return;
    }
    checkChoice(block.layer, BLOCK_LAYERS, [...at, 'layer'], add);
    if (!isFiniteNumber(block.weight) || block.weight < 0) {
      add('invalid-value', 'error', [...at, 'weight'], { weight: show(block.weight) });
    } else {
      sum += block.weight;
      weighed++;
    }
    arrayAt(block, 'members', at, add).forEach((id, j) => {
      checkRef(id, indicators, 'indicator', [...at, 'members', j], add, false);
    });
  });
  if (weighed > 0 && sum === 0) add('invalid-value', 'error', ['index', 'blocks'], { sum: 0 });

  const weights = index?.factorWeights;
  if (weights === undefined) return;
  if (!isRec(weights)) {
    add('invalid-value', 'error', ['index', 'factorWeights'], { field: 'factorWeights' });
    return;
  }
  const entries = Object.entries(weights);
  for (const [factor, column] of entries) {
    const at: Path = ['index', 'factorWeights', factor];
    checkRef(factor, factorIds, 'factor', at, add, false);
    if (typeof column !== 'string' || column === '') {
      add('invalid-value', 'error', at, { field: 'column', value: show(column) });
    }
  }
  // The weights are columns of the client card: without one there is nowhere to read them.
  if (entries.length > 0 && !isRec(m.clientCard)) {
    add('missing-key', 'error', ['index', 'factorWeights'], { key: 'clientCard' });
  }
}

/** Period settings, the client card's shape and each dataset's key declaration. */
function checkModelKeys(m: Rec, unitKindIds: Set<string>, add: Add): void {
  const period = isRec(m.period) ? m.period : undefined;
  if (!period) add('invalid-value', 'error', ['period'], { field: 'period' });
  else checkChoice(period.grain, PERIOD_GRAINS, ['period', 'grain'], add);

  const card = m.clientCard;
  if (card !== undefined && !isRec(card)) {
    add('invalid-value', 'error', ['clientCard'], { field: 'clientCard' });
  }

  if (!isRec(m.datasets)) {
    add('invalid-value', 'error', ['datasets'], { field: 'datasets' });
    return;
  }
  for (const [name, keys] of Object.entries(m.datasets)) {
    const at: Path = ['datasets', name];
    if (!isRec(keys)) {
      add('invalid-value', 'error', at, { field: 'keys' });
      continue;
    }
    for (const field of ['client', 'period', 'unit', 'unitKind', 'unitKindColumn'] as const) {
      const v = keys[field];
      if (v !== undefined && typeof v !== 'string') {
        add('invalid-value', 'error', [...at, field], { field, value: show(v) });
      }
    }
    checkRef(keys.unitKind, unitKindIds, 'unitKind', [...at, 'unitKind'], add);
    // A unit needs its kind: one for all rows, or a column naming each row's.
    if (
      typeof keys.unit === 'string' &&
      keys.unitKind === undefined &&
      keys.unitKindColumn === undefined
    ) {
      add('invalid-value', 'error', [...at, 'unitKind'], { field: 'unitKind' });
    }
  }
}

/** One link of the graph: its index in `links`, and its ends. */
interface Edge {
  link: number;
  child: string;
  parent: string;
}

/** Link references, direction between layers, duplicates, cycles, and orphan indicators. */
function checkLinks(m: Rec, indicators: Map<string, unknown>, add: Add): void {
  const links = arrayAt(m, 'links', [], add);
  const mentioned = new Set<string>();
  const seen = new Set<string>();
  const edges: Edge[] = [];
  const rank = (layer: unknown) => LAYERS.indexOf(layer as (typeof LAYERS)[number]);

  links.forEach((link, i) => {
    if (!isRec(link)) {
      add('invalid-value', 'error', ['links', i], { field: 'entry' });
      return;
    }
    const { child, parent } = link;
    if (typeof child === 'string') mentioned.add(child);
    if (typeof parent === 'string') mentioned.add(parent);
    checkRef(child, indicators, 'indicator', ['links', i, 'child'], add, false);
    checkRef(parent, indicators, 'indicator', ['links', i, 'parent'], add, false);
    if (typeof child !== 'string' || typeof parent !== 'string') return;
    if (!indicators.has(child) || !indicators.has(parent)) return;
    if (child === parent) {
      add('cycle', 'error', ['links', i], { ids: `${child} → ${child}` });
      return;
    }
    const key = JSON.stringify([child, parent]);
    if (seen.has(key)) {
      add('duplicate-id', 'warning', ['links', i], { child, parent });
      return;
    }
    seen.add(key);
    const childRank = rank(indicators.get(child));
    const parentRank = rank(indicators.get(parent));
    // LAYERS runs top to bottom, so a child above its parent has the smaller rank.
    if (childRank >= 0 && parentRank >= 0 && childRank < parentRank) {
      add('link-down', 'error', ['links', i], {
        child,
        parent,
        childLayer: LAYERS[childRank]!,
        parentLayer: LAYERS[parentRank]!,
      });
    }
    edges.push({ link: i, child, parent });
  });

  for (const cycle of findCycles([...indicators.keys()], edges)) {
    add('cycle', 'error', ['links', cycle.link], { ids: cycle.ids.join(' → ') });
  }

  const inds = Array.isArray(m.indicators) ? (m.indicators as unknown[]) : [];
  inds.forEach((ind, i) => {
    if (isRec(ind) && typeof ind.id === 'string' && ind.id !== '' && !mentioned.has(ind.id)) {
      add('orphan-indicator', 'warning', ['indicators', i], { id: ind.id });
    }
  });
}

/**
 * Cycles of the link graph, one per back edge of a depth-first search (in node and link order):
 * every strongly connected component with a cycle yields at least one, no cycle is reported twice,
 * and the count stays within the number of links (all elementary cycles could be exponentially
 * many). Each comes with the link that closes it and its ids, first repeated at the end.
 * Iterative, so long chains cannot overflow the stack.
 */
function findCycles(nodes: string[], edges: Edge[]): { link: number; ids: string[] }[] {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = out.get(e.child);
    if (list) list.push(e);
    else out.set(e.child, [e]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const cycles: { link: number; ids: string[] }[] = [];
  for (const root of nodes) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = out.get(top.node)?.[top.next++];
      if (!next) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const s = state.get(next.parent);
      if (s === undefined) {
        state.set(next.parent, 'open');
        stack.push({ node: next.parent, next: 0 });
      } else if (s === 'open') {
        const from = stack.findIndex((f) => f.node === next.parent);
        const ids = stack.slice(from).map((f) => f.node);
        cycles.push({ link: next.link, ids: [...ids, next.parent] });
      }
    }
  }
  return cycles;
}

/** Binding, key and client-card columns against the stored datasets' schemas. */
function checkDatasets(m: Rec, schemas: readonly DatasetSchema[], add: Add): void {
  const datasets = schemas.filter((d) => isRec(d) && typeof d.name === 'string');
  const keysOf = isRec(m.datasets) ? m.datasets : {};
  const types = new Map<DatasetSchema, Map<string, ColumnType>>();
  const typesOf = (ds: DatasetSchema) => {
    let t = types.get(ds);
    if (!t) types.set(ds, (t = columnTypes(ds)));
    return t;
  };
  /** Reports a column missing from `ds`; returns its type when it exists. */
  const column = (ds: DatasetSchema, name: unknown, path: Path): ColumnType | undefined => {
    const type = typeof name === 'string' ? typesOf(ds).get(name) : undefined;
    if (type === undefined)
      add('unknown-column', 'error', path, { column: show(name), dataset: ds.name });
    return type;
  };
  /** The key declaration of a dataset, under the reference used, its name or its id. */
  const keysFor = (ref: string, ds: DatasetSchema): Rec => {
    for (const k of [ref, ds.name, ds.id]) {
      if (typeof k === 'string' && Object.hasOwn(keysOf, k) && isRec(keysOf[k])) return keysOf[k];
    }
    return {};
  };

  const inds = Array.isArray(m.indicators) ? (m.indicators as unknown[]) : [];
  inds.forEach((ind, i) => {
    if (!isRec(ind) || !isRec(ind.binding)) return;
    const b = ind.binding;
    const at: Path = ['indicators', i, 'binding'];
    const ds = typeof b.dataset === 'string' ? resolveDataset(b.dataset, datasets) : undefined;
    if (!ds) {
      add('unknown-dataset', 'error', [...at, 'dataset'], { dataset: show(b.dataset) });
      return;
    }
    const aggregate = b.aggregate;
    const type =
      aggregate === 'count' && b.column === ''
        ? undefined
        : column(ds, b.column, [...at, 'column']);
    const expected = aggregateColumnTypes(aggregate, b.shareOf !== undefined);
    if (type !== undefined && expected && !expected.includes(type)) {
      add('type-mismatch', 'error', [...at, 'column'], {
        column: show(b.column),
        type,
        aggregate: show(aggregate),
        expected: expected.join(' | '),
      });
    }
    if (aggregate === 'rate' && typeof b.per === 'string' && b.per !== '') {
      const perType = column(ds, b.per, [...at, 'per']);
      if (perType !== undefined && perType !== 'number') {
        add('type-mismatch', 'error', [...at, 'per'], {
          column: b.per,
          type: perType,
          aggregate: 'rate',
          expected: 'number',
        });
      }
    } else if (typeof b.per === 'string' && b.per !== '') {
      column(ds, b.per, [...at, 'per']);
    }
    if (isRec(b.filter)) column(ds, b.filter.column, [...at, 'filter', 'column']);
    if (isRec(b.grain)) checkGrainKeys(b.grain, keysFor(b.dataset as string, ds), ds, at, add);
  });

  for (const [name, keys] of Object.entries(keysOf)) {
    if (!isRec(keys)) continue;
    const ds = resolveDataset(name, datasets);
    if (!ds) {
      // Keys may be declared ahead of an import, or outlive a deleted dataset: harmless.
      add('unknown-dataset', 'warning', ['datasets', name], { dataset: name });
      continue;
    }
    for (const field of ['client', 'period', 'unit', 'unitKindColumn'] as const) {
      if (typeof keys[field] === 'string') column(ds, keys[field], ['datasets', name, field]);
    }
  }

  const card = m.clientCard;
  if (!isRec(card)) return;
  const ds = typeof card.dataset === 'string' ? resolveDataset(card.dataset, datasets) : undefined;
  if (!ds) {
    add('unknown-dataset', 'error', ['clientCard', 'dataset'], { dataset: show(card.dataset) });
    return;
  }
  column(ds, card.key, ['clientCard', 'key']);
  const unitKinds = Array.isArray(m.unitKinds) ? (m.unitKinds as unknown[]) : [];
  unitKinds.forEach((u, i) => {
    if (isRec(u)) column(ds, u.column, ['unitKinds', i, 'column']);
  });
  const weights = isRec(m.index) && isRec(m.index.factorWeights) ? m.index.factorWeights : {};
  for (const [factor, col] of Object.entries(weights)) {
    const path: Path = ['index', 'factorWeights', factor];
    const type = column(ds, col, path);
    if (type !== undefined && type !== 'number') {
      add('type-mismatch', 'error', path, { column: show(col), type, expected: 'number' });
    }
  }
}

/** The column types an aggregate can read; undefined when any type will do. */
export function aggregateColumnTypes(
  aggregate: unknown,
  hasShareOf: boolean,
): ColumnType[] | undefined {
  switch (aggregate) {
    case 'mean':
      return ['number', 'boolean'];
    case 'sum':
    case 'nps':
    case 'rate':
      return ['number'];
    case 'share':
      return hasShareOf ? undefined : ['boolean'];
    default:
      return undefined;
  }
}

/** The keys a grain needs in its dataset: client, period, and a unit of the grain's kind. */
function checkGrainKeys(grain: Rec, keys: Rec, ds: DatasetSchema, at: Path, add: Add): void {
  const path: Path = [...at, 'grain'];
  const need = (key: string) => {
    if (typeof keys[key] !== 'string' || keys[key] === '') {
      add('missing-key', 'error', path, { dataset: ds.name, key });
    }
  };
  switch (grain.kind) {
    case 'client':
      need('client');
      break;
    case 'client-period':
      need('client');
      need('period');
      break;
    case 'unit-period': {
      const unitKind = show(grain.unitKind);
      const kindKnown =
        keys.unitKind === grain.unitKind ||
        (typeof keys.unitKindColumn === 'string' && keys.unitKindColumn !== '');
      if (typeof keys.unit !== 'string' || keys.unit === '' || !kindKnown) {
        add('missing-key', 'error', path, { dataset: ds.name, key: 'unit', unitKind });
      }
      need('period');
      break;
    }
  }
}
