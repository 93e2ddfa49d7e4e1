/**
 * Random "service-model worlds" whose causal truth is known, to calibrate the trace. Each seed
 * draws a structure (unit kinds and units, IT → EX → OX indicators at unit × month, CX ratings
 * and NPS from a survey), simulates it from linear-Gaussian structural equations in goodness
 * space, tunes the noise and the planted cause to target shares of the detractor gap, and
 * returns the datasets, a service model bound to them and the truth (`trace-world-truth.ts`).
 *
 * Variants of one seed share their draws: 'missing-root' is the data of 'planted' with the root
 * left out of the model; 'null' plants nothing; 'halo' adds a strong respondent mood to every
 * rating. The same options give identical worlds within one JavaScript engine.
 */
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import {
  MODEL_FORMAT,
  MODEL_VERSION,
  type Indicator,
  type Link,
  type Localized,
  type ServiceModel,
} from '../model/model-types.ts';
import { Rng } from '../random.ts';
import { CsvWriter, csvNumber, csvText } from './demo-csv.ts';
import {
  tuneWorld,
  valueOf,
  worldTruth,
  type TraceRole,
  type TraceUnitLayer,
  type TraceWorldTruth,
  type TraceWorldVariant,
  type WorldDraws,
  type WorldEdge,
  type WorldIndicator,
  type WorldOutcome,
  type WorldRating,
  type WorldSpec,
} from './trace-world-truth.ts';

export type {
  TraceIndicatorTruth,
  TraceLinkTruth,
  TraceRole,
  TraceWhatIf,
  TraceWorldTruth,
  TraceWorldVariant,
} from './trace-world-truth.ts';

/** A unit kind and how many units it has. */
export interface TraceUnitKindOption {
  /** Lower-case id, also the client card's column: `branch`, `warehouse`… */
  id: string;
  units: number;
}

/** Options of a trace world; every size not given is drawn from the seed. */
export interface TraceWorldOptions {
  seed: number;
  /** Default 'planted'. */
  variant?: TraceWorldVariant;
  /** Default 800–2,500, chosen for roughly 5,000–12,000 answers. */
  clients?: number;
  /** Months of history ending in June 2026; default 12–36. */
  months?: number;
  /** Default 1–3 of `branch`, `manager`, `depot` with 6–20 units each. */
  unitKinds?: TraceUnitKindOption[];
  /** Chance that a client answers in a survey month; default 0.2–0.35 monthly, 0.5–0.7 quarterly. */
  responseRate?: number;
  /**
   * Monthly survey, or only in quarter-end months. Default: drawn, except that a given
   * `responseRate` means a monthly survey.
   */
  cadence?: 'monthly' | 'quarterly';
  /** Indicators in each of IT, EX, OX and ratings (decoys come on top); default 2–4 each. */
  perLayer?: number;
}

/** A generated world: the service model, its datasets and the truth. */
export interface TraceWorld {
  model: ServiceModel;
  datasets: LoadedDataset[];
  truth: TraceWorldTruth;
}

/** A world as files: one CSV per dataset, the model and the truth as JSON. */
export interface TraceWorldFiles {
  datasets: { name: string; csv: string }[];
  model: string;
  truth: string;
}

const END = { year: 2026, month: 6 };
const KIND_POOL = ['branch', 'manager', 'depot'] as const;
const KIND_NAMES: Record<string, { prefix: string; name: Localized; ru: string }> = {
  branch: { prefix: 'BR', name: { en: 'Branch', ru: 'Филиал' }, ru: 'филиал' },
  manager: { prefix: 'MG', name: { en: 'Manager', ru: 'Менеджер' }, ru: 'менеджер' },
  depot: { prefix: 'DP', name: { en: 'Depot', ru: 'Склад' }, ru: 'склад' },
};
const LAYER_NAMES: Record<TraceUnitLayer, Localized> = {
  IT: { en: 'IT indicator', ru: 'ИТ-показатель' },
  EX: { en: 'EX indicator', ru: 'Показатель персонала' },
  OX: { en: 'OX indicator', ru: 'Операционный показатель' },
};
const NPS = { id: 'cx.nps', column: 'nps' };
const CLIENT_KEY = 'client_id';

/** The months, sizes and unit kinds of a world. */
interface Layout {
  months: string[];
  /** Indices of the months with a survey. */
  surveyMonths: number[];
  cadence: 'monthly' | 'quarterly';
  responseRate: number;
  clients: number;
  kinds: { id: string; units: string[] }[];
}

function checkOptions(o: TraceWorldOptions): void {
  const whole = (name: string, v: number | undefined, min: number, max: number) => {
    if (v !== undefined && !(Number.isInteger(v) && v >= min && v <= max)) {
      throw new RangeError(`${name} must be a whole number in ${min}–${max}`);
    }
  };
  whole('seed', o.seed, 0, 2 ** 32 - 1);
  whole('clients', o.clients, 50, 1_000_000);
  whole('months', o.months, 3, 240);
  const variants: TraceWorldVariant[] = ['planted', 'null', 'missing-root', 'halo'];
  if (o.variant !== undefined && !variants.includes(o.variant)) {
    throw new RangeError(`variant must be one of ${variants.join(', ')}`);
  }
  const rate = o.responseRate;
  if (rate !== undefined && !(rate > 0 && rate <= 1)) {
    throw new RangeError('responseRate must be in (0, 1]');
  }
  if (o.cadence !== undefined && o.cadence !== 'monthly' && o.cadence !== 'quarterly') {
    throw new RangeError('cadence must be monthly or quarterly');
  }
  if (o.unitKinds === undefined) return;
  if (o.unitKinds.length === 0) throw new RangeError('unitKinds must not be empty');
  const seen = new Set<string>();
  for (const k of o.unitKinds) {
    if (!/^[a-z][a-z0-9_]*$/.test(k.id) || k.id === CLIENT_KEY || seen.has(k.id)) {
      throw new RangeError(`unit kind id "${k.id}" must be a new lower-case identifier`);
    }
    seen.add(k.id);
    whole(`units of ${k.id}`, k.units, 3, 10_000);
  }
}

/** `YYYY-MM`, `offset` months before the last month. */
function monthName(offsetBack: number): string {
  const index = END.year * 12 + END.month - 1 - offsetBack;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Unit names of a kind: `BR-1`…, with a prefix no other kind uses. */
function unitNames(id: string, count: number, used: Set<string>): string[] {
  let prefix = KIND_NAMES[id]?.prefix ?? id.slice(0, 2).toUpperCase();
  for (let n = 2; used.has(prefix); n++) prefix = `${id.slice(0, 2).toUpperCase()}${n}`;
  used.add(prefix);
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}

/** Draws the layout; every draw is made whatever the overrides, so the stream stays aligned. */
function drawLayout(o: TraceWorldOptions, rng: Rng): Layout {
  const drawnMonths = rng.int(12, 36);
  const drawnMonthly = rng.bernoulli(0.5);
  const rates = { monthly: rng.uniform(0.2, 0.35), quarterly: rng.uniform(0.5, 0.7) };
  const drawnAnswers = rng.uniform(5000, 12000);
  const kindCount = rng.int(1, 3);
  const pool = rng.shuffle([...KIND_POOL]);
  const unitCounts = pool.map(() => rng.int(6, 20));

  const count = o.months ?? drawnMonths;
  const months = Array.from({ length: count }, (_, i) => monthName(count - 1 - i));
  const cadence =
    o.cadence ?? (o.responseRate !== undefined || drawnMonthly ? 'monthly' : 'quarterly');
  const responseRate = o.responseRate ?? rates[cadence];
  const surveyMonths = months
    .map((m, i) => (cadence === 'monthly' || Number(m.slice(5)) % 3 === 0 ? i : -1))
    .filter((i) => i >= 0);
  const perClient = Math.max(1e-9, surveyMonths.length * responseRate);
  const clients = o.clients ?? Math.min(2500, Math.max(800, Math.round(drawnAnswers / perClient)));
  const used = new Set<string>();
  const kinds = (
    o.unitKinds ?? pool.slice(0, kindCount).map((id, i) => ({ id, units: unitCounts[i]! }))
  ).map((k) => ({ id: k.id, units: unitNames(k.id, k.units, used) }));
  return { months, surveyMonths, cadence, responseRate, clients, kinds };
}

/** A node of the drawn graph before ids and parameters. */
interface Draft {
  layer: TraceUnitLayer;
  kind: number;
  decoy: boolean;
  children: { node: Draft; beta: number }[];
  parents: number;
}

/** A rating of the drawn graph. */
interface RatingDraft {
  children: { node: Draft; beta: number }[];
}

function attach(parent: Draft | RatingDraft, child: Draft, beta: number): void {
  parent.children.push({ node: child, beta });
  child.parents++;
}

/** 2–4 indicators of a layer, or `perLayer` (at least one per unit kind). */
function layerDrafts(
  rng: Rng,
  layer: TraceUnitLayer,
  kindCount: number,
  perLayer: number | undefined,
): Draft[] {
  const drawn = rng.int(2, 4);
  const n = Math.max(perLayer ?? drawn, kindCount);
  const kinds = Array.from({ length: n }, (_, i) =>
    i < kindCount ? i : rng.int(0, kindCount - 1),
  );
  return rng
    .shuffle(kinds)
    .map((kind) => ({ layer, kind, decoy: false, children: [], parents: 0 }));
}

/** 1–2 children per parent (of its kind if `sameKind`), then a parent for every orphan. */
function linkLayer(
  rng: Rng,
  parents: (Draft | RatingDraft)[],
  children: Draft[],
  beta: () => number,
): void {
  const fits = (p: Draft | RatingDraft, c: Draft) => !('kind' in p) || p.kind === c.kind;
  for (const p of parents) {
    const pool = rng.shuffle(children.filter((c) => fits(p, c)));
    for (const c of pool.slice(0, Math.min(pool.length, rng.int(1, 2)))) attach(p, c, beta());
  }
  for (const c of children) {
    if (c.parents === 0) attach(rng.pick(parents.filter((p) => fits(p, c))), c, beta());
  }
}

/** A decoy of `kind` in IT or EX: linked like a cause to 1–2 parents, with no effect. */
function addDecoy(rng: Rng, kind: number, layers: Record<TraceUnitLayer, Draft[]>): Draft {
  const layer: TraceUnitLayer = rng.bernoulli(0.5) ? 'IT' : 'EX';
  const decoy: Draft = { layer, kind, decoy: true, children: [], parents: 0 };
  const pool = rng.shuffle(
    layers[layer === 'IT' ? 'EX' : 'OX'].filter((p) => p.kind === kind && !p.decoy),
  );
  for (const p of pool.slice(0, Math.min(pool.length, rng.int(1, 2)))) attach(p, decoy, 0);
  layers[layer].push(decoy);
  return decoy;
}

/** The drawn graph: layers, ratings, the root and the decoys. */
interface Graph {
  layers: Record<TraceUnitLayer, Draft[]>;
  ratings: RatingDraft[];
  root: Draft;
  shared: Draft;
}

function drawGraph(rng: Rng, kindCount: number, perLayer: number | undefined): Graph {
  const layers: Record<TraceUnitLayer, Draft[]> = {
    IT: layerDrafts(rng, 'IT', kindCount, perLayer),
    EX: layerDrafts(rng, 'EX', kindCount, perLayer),
    OX: layerDrafts(rng, 'OX', kindCount, perLayer),
  };
  const drawnRatings = rng.int(2, 4);
  const ratings: RatingDraft[] = Array.from({ length: perLayer ?? drawnRatings }, () => ({
    children: [],
  }));
  const unitBeta = () => rng.uniform(0.4, 0.9);
  linkLayer(rng, layers.EX, layers.IT, unitBeta);
  linkLayer(rng, layers.OX, layers.EX, unitBeta);
  linkLayer(rng, ratings, layers.OX, () => rng.uniform(0.3, 0.7));
  const root = rng.pick(layers[rng.pick(['OX', 'EX', 'IT'] as const)]);
  const shared = addDecoy(rng, root.kind, layers);
  addDecoy(rng, rng.int(0, kindCount - 1), layers);
  return { layers, ratings, root, shared };
}

/** The role of a drafted indicator in a variant. */
function roleOf(d: Draft, graph: Graph, planted: boolean): TraceRole {
  if (planted && d === graph.root) return 'root';
  if (planted && d === graph.shared) return 'shared-cause-decoy';
  return d.decoy ? 'decoy' : 'mechanism';
}

/** Ids (numbered in random order within a layer), parameters and edges of the indicators. */
function finishIndicators(
  rng: Rng,
  graph: Graph,
  planted: boolean,
): { indicators: WorldIndicator[]; index: Map<Draft, number> } {
  const ordered: { draft: Draft; number: number }[] = [];
  for (const layer of ['IT', 'EX', 'OX'] as const) {
    const drafts = graph.layers[layer];
    const numbers = rng.shuffle(drafts.map((_, i) => i + 1));
    const numbered = drafts.map((draft, i) => ({ draft, number: numbers[i]! }));
    ordered.push(...numbered.sort((x, y) => x.number - y.number));
  }
  const index = new Map(ordered.map((o, i) => [o.draft, i]));
  const edges = (d: Draft | RatingDraft): WorldEdge[] =>
    d.children.map((c) => ({ child: index.get(c.node)!, beta: c.beta }));
  const indicators = ordered.map(({ draft, number }): WorldIndicator => {
    const direction = rng.bernoulli(0.5) ? 'higher' : 'lower';
    const scale = rng.pick([0.01, 0.1, 1, 10, 100]) * rng.uniform(1, 5);
    const level = scale * rng.uniform(6, 12);
    const sigmaE = draft.decoy ? rng.uniform(2, 3) : rng.uniform(0.7, 1.3);
    const sigmaA = draft.decoy ? rng.uniform(1.5, 2.5) : sigmaE * rng.uniform(0.1, 0.2);
    const prefix = draft.layer.toLowerCase();
    return {
      id: `${prefix}.${number}`,
      column: `${prefix}_${number}`,
      layer: draft.layer,
      kind: draft.kind,
      role: roleOf(draft, graph, planted),
      direction,
      level,
      scale,
      decimals: Math.min(10, Math.max(0, Math.ceil(3 - Math.log10(scale)))),
      sigmaA,
      sigmaE,
      children: edges(draft),
    };
  });
  return { indicators, index };
}

/** Centred standard normals. */
function centred(rng: Rng, n: number): Float64Array {
  const z = Float64Array.from({ length: n }, () => rng.normal());
  const mean = z.reduce((s, v) => s + v, 0) / n;
  return z.map((v) => v - mean);
}

/** Each client's unit of each kind (uneven unit sizes). */
function assignClients(seed: number, layout: Layout): Int32Array[] {
  const rng = Rng.derive(seed, 'clients');
  const weights = layout.kinds.map((k) => k.units.map(() => Math.exp(rng.normal(0, 0.4))));
  const indices = layout.kinds.map((k) => k.units.map((_, i) => i));
  const out = layout.kinds.map(() => new Int32Array(layout.clients));
  for (let c = 0; c < layout.clients; c++) {
    layout.kinds.forEach((_, k) => {
      out[k]![c] = rng.weighted(indices[k]!, weights[k]!);
    });
  }
  return out;
}

/** Who answers when: month-major, at most one answer per client and survey month. */
function drawResponses(seed: number, layout: Layout): { client: Int32Array; month: Int32Array } {
  const rng = Rng.derive(seed, 'responses');
  const client: number[] = [];
  const month: number[] = [];
  for (const t of layout.surveyMonths) {
    for (let c = 0; c < layout.clients; c++) {
      if (rng.bernoulli(layout.responseRate)) {
        client.push(c);
        month.push(t);
      }
    }
  }
  return { client: Int32Array.from(client), month: Int32Array.from(month) };
}

/** Every random draw of the world, from its own stream per kind of draw. */
function drawWorld(
  seed: number,
  layout: Layout,
  indicators: WorldIndicator[],
  ratingCount: number,
): { draws: WorldDraws; client: Int32Array; clientUnits: Int32Array[] } {
  const T = layout.months.length;
  const unitsRng = Rng.derive(seed, 'units');
  const monthsRng = Rng.derive(seed, 'months');
  const sizes = indicators.map((ind) => layout.kinds[ind.kind]!.units.length);
  const a = sizes.map((n) => centred(unitsRng, n));
  const e = sizes.map((n) => Float64Array.from({ length: n * T }, () => monthsRng.normal()));
  const clientUnits = assignClients(seed, layout);
  const { client, month } = drawResponses(seed, layout);
  const n = client.length;
  const rng = Rng.derive(seed, 'answers');
  const mood = new Float64Array(n);
  const noise = Array.from({ length: ratingCount }, () => new Float64Array(n));
  const eps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mood[i] = rng.normal();
    for (const f of noise) f[i] = rng.normal();
    eps[i] = rng.normal();
  }
  const unit = clientUnits.map((units) => client.map((c) => units[c]!));
  return { draws: { a, e, answers: n, month, unit, mood, noise, eps }, client, clientUnits };
}

/** Answers the planted units should hold at least, if three units can. */
const PLANTED_MIN_SHARE = 0.15;

/**
 * The planted units: the first 1–3 of `order` (leaving at least two others), as few as hold
 * `PLANTED_MIN_SHARE` of the answers; a tiny planted unit would need a shift so large that its
 * ratings hit the bottom of the scale.
 */
function plantedUnits(order: number[], answerUnit: Int32Array): number[] {
  const max = Math.max(1, Math.min(3, order.length - 2));
  const units: number[] = [];
  let held = 0;
  for (const u of order.slice(0, max)) {
    units.push(u);
    for (const v of answerUnit) if (v === u) held++;
    if (held >= PLANTED_MIN_SHARE * answerUnit.length) break;
  }
  return units.sort((x, y) => x - y);
}

/** The structure and parameters of a world (structure stream) and its draws. */
function worldSpec(
  o: TraceWorldOptions,
  variant: TraceWorldVariant,
): { spec: WorldSpec; layout: Layout; client: Int32Array; clientUnits: Int32Array[] } {
  const rng = Rng.derive(o.seed, 'structure');
  const layout = drawLayout(o, rng);
  const graph = drawGraph(rng, layout.kinds.length, o.perLayer);
  const planted = variant !== 'null';
  const { indicators, index } = finishIndicators(rng, graph, planted);
  const ratings = graph.ratings.map((r, f): WorldRating => ({
    id: `cx.rating_${f + 1}`,
    column: `rating_${f + 1}`,
    mean: rng.uniform(3, 3.4),
    noiseSd: rng.uniform(0.5, 0.8),
    gamma: rng.uniform(0.8, 1.6),
    children: r.children.map((c) => ({ child: index.get(c.node)!, beta: c.beta })),
  }));
  const npsSd = rng.uniform(1.2, 1.8);
  const halo = { small: rng.uniform(0, 0.2), strong: rng.uniform(0.6, 0.8) };
  const detractorTarget = rng.uniform(0.18, 0.32);
  const targets = { planted: rng.uniform(0.04, 0.09), monthly: rng.uniform(0.026, 0.034) };
  const rootUnits = layout.kinds[graph.root.kind]!.units.length;
  const unitOrder = rng.shuffle(Array.from({ length: rootUnits }, (_, i) => i));
  const decoyShift = rng.uniform(1, 2);
  const { draws, client, clientUnits } = drawWorld(o.seed, layout, indicators, ratings.length);
  const drawnPlant = {
    root: index.get(graph.root)!,
    units: plantedUnits(unitOrder, draws.unit[graph.root.kind]!),
    decoy: index.get(graph.shared)!,
    decoyShift,
  };
  const spec: WorldSpec = {
    months: layout.months,
    kinds: layout.kinds,
    indicators,
    ratings,
    npsSd,
    halo: variant === 'halo' ? halo.strong : halo.small,
    detractorTarget,
    plant: planted ? drawnPlant : null,
    drawnPlant,
    targets,
    draws,
  };
  return { spec, layout, client, clientUnits };
}

/** Rounds to `decimals` decimals. */
function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** `prefix` and a 1-based number padded to `width` digits. */
function idOf(prefix: string, i: number, width: number): string {
  return `${prefix}${String(i + 1).padStart(width, '0')}`;
}

/** The client card, the survey and one unit file per kind. */
function worldDatasets(
  spec: WorldSpec,
  o: WorldOutcome,
  layout: Layout,
  client: Int32Array,
  clientUnits: Int32Array[],
): LoadedDataset[] {
  const width = Math.max(5, String(layout.clients).length);
  const clientIds = Array.from({ length: layout.clients }, (_, c) => idOf('C', c, width));
  const clients: LoadedDataset = { name: 'clients', columns: {}, types: {} };
  clients.columns[CLIENT_KEY] = clientIds;
  clients.types[CLIENT_KEY] = 'string';
  layout.kinds.forEach((kind, k) => {
    clients.columns[kind.id] = Array.from(clientUnits[k]!, (u) => kind.units[u]!);
    clients.types[kind.id] = 'string';
  });
  const n = spec.draws.answers;
  const rWidth = Math.max(6, String(n).length);
  const survey: LoadedDataset = {
    name: 'survey',
    columns: {
      response_id: Array.from({ length: n }, (_, i) => idOf('R', i, rWidth)),
      [CLIENT_KEY]: Array.from(client, (c) => clientIds[c]!),
      date: Array.from(spec.draws.month, (t) => `${spec.months[t]!}-15`),
      [NPS.column]: Float64Array.from(o.scores),
    },
    types: {
      response_id: 'string',
      [CLIENT_KEY]: 'string',
      date: 'string',
      [NPS.column]: 'number',
    },
  };
  spec.ratings.forEach((r, f) => {
    survey.columns[r.column] = o.ratings[f]!;
    survey.types[r.column] = 'number';
  });
  return [clients, survey, ...unitDatasets(spec, o)];
}

/** One long unit × month file per kind (month-major), values rounded per indicator. */
function unitDatasets(spec: WorldSpec, o: WorldOutcome): LoadedDataset[] {
  const T = spec.months.length;
  return spec.kinds.map((kind, k) => {
    const U = kind.units.length;
    const ds: LoadedDataset = {
      name: `units_${kind.id}`,
      columns: {
        unit: Array.from({ length: U * T }, (_, r) => kind.units[r % U]!),
        month: Array.from({ length: U * T }, (_, r) => spec.months[Math.floor(r / U)]!),
      },
      types: { unit: 'string', month: 'string' },
    };
    spec.indicators.forEach((ind, x) => {
      if (ind.kind !== k) return;
      const g = o.g[x]!;
      ds.columns[ind.column] = Float64Array.from({ length: U * T }, (_, r) =>
        round(valueOf(ind, g[(r % U) * T + Math.floor(r / U)]!), ind.decimals),
      );
      ds.types[ind.column] = 'number';
    });
    return ds;
  });
}

/** A scale that holds every value, padded by 5% of the range and rounded outwards. */
function scaleOf(values: ArrayLike<unknown>, decimals: number): { min: number; max: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = (hi - lo) * 0.05 || 1;
  const f = 10 ** decimals;
  return { min: Math.floor((lo - pad) * f) / f, max: Math.ceil((hi + pad) * f) / f };
}

/** The model's indicators: NPS, ratings, then OX, EX, IT (all but the left-out root). */
function modelIndicators(
  spec: WorldSpec,
  datasets: LoadedDataset[],
  keep: (x: number) => boolean,
): Indicator[] {
  const survey = { dataset: 'survey', grain: { kind: 'client-period' } } as const;
  const out: Indicator[] = [
    {
      id: NPS.id,
      name: { en: 'NPS', ru: 'NPS' },
      layer: 'CX',
      unit: 'points',
      scale: { min: -100, max: 100 },
      direction: 'higher',
      binding: { ...survey, column: NPS.column, aggregate: 'nps' },
    },
    ...spec.ratings.map((r, f): Indicator => ({
      id: r.id,
      name: { en: `Rating ${f + 1}`, ru: `Оценка ${f + 1}` },
      layer: 'CX',
      unit: 'points',
      scale: { min: 1, max: 5 },
      direction: 'higher',
      binding: { ...survey, column: r.column, aggregate: 'mean' },
    })),
  ];
  const units = spec.indicators.map((ind, x) => ({ ind, x })).reverse();
  for (const { ind, x } of units) {
    if (!keep(x)) continue;
    const kind = spec.kinds[ind.kind]!.id;
    const dataset = `units_${kind}`;
    const values = datasets.find((d) => d.name === dataset)!.columns[ind.column]!;
    const number = ind.id.slice(3);
    const kindRu = KIND_NAMES[kind]?.ru ?? kind;
    out.push({
      id: ind.id,
      name: {
        en: `${LAYER_NAMES[ind.layer].en} ${number} (${kind})`,
        ru: `${LAYER_NAMES[ind.layer].ru} ${number} (${kindRu})`,
      },
      layer: ind.layer,
      unit: 'points',
      scale: scaleOf(values, ind.decimals),
      direction: ind.direction,
      binding: {
        dataset,
        column: ind.column,
        aggregate: 'mean',
        grain: { kind: 'unit-period', unitKind: kind },
      },
    });
  }
  return out;
}

/**
 * The model's links: the drawn ones (decoys' included), ratings → NPS; without the left-out
 * root, whose children then feed its parents directly.
 */
function modelLinks(spec: WorldSpec, left: number | null): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (child: string, parent: string) => {
    const key = `${child}\u0000${parent}`;
    if (!seen.has(key)) links.push({ child, parent });
    seen.add(key);
  };
  const idAt = (x: number) => spec.indicators[x]!.id;
  const edges: [number, string][] = [
    ...spec.indicators.flatMap((p) => p.children.map((c): [number, string] => [c.child, p.id])),
    ...spec.ratings.flatMap((r) => r.children.map((c): [number, string] => [c.child, r.id])),
  ];
  const leftId = left === null ? null : idAt(left);
  for (const [child, parent] of edges) {
    if (child !== left && parent !== leftId) add(idAt(child), parent);
  }
  if (left !== null) {
    const parents = edges.filter(([child]) => child === left).map(([, parent]) => parent);
    for (const { child } of spec.indicators[left]!.children) {
      for (const parent of parents) add(idAt(child), parent);
    }
  }
  for (const r of spec.ratings) add(r.id, NPS.id);
  return links;
}

/** The service model bound to the world's datasets. */
function worldModel(
  spec: WorldSpec,
  datasets: LoadedDataset[],
  seed: number,
  variant: TraceWorldVariant,
): ServiceModel {
  const left = variant === 'missing-root' && spec.plant ? spec.plant.root : null;
  const keys: ServiceModel['datasets'] = {
    clients: { client: CLIENT_KEY },
    survey: { client: CLIENT_KEY, period: 'date' },
  };
  for (const k of spec.kinds) {
    keys[`units_${k.id}`] = { unit: 'unit', period: 'month', unitKind: k.id };
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id: `trace-world-${seed}-${variant}`,
    name: {
      en: `Trace world ${seed} (${variant})`,
      ru: `Мир для трассировки ${seed} (${variant})`,
    },
    journey: { stages: [], touchpoints: [] },
    factors: [],
    unitKinds: spec.kinds.map((k) => ({
      id: k.id,
      name: KIND_NAMES[k.id]?.name ?? { en: k.id, ru: k.id },
      column: k.id,
    })),
    clientCard: { dataset: 'clients', key: CLIENT_KEY },
    datasets: keys,
    period: { grain: 'month' },
    indicators: modelIndicators(spec, datasets, (x) => x !== left),
    links: modelLinks(spec, left),
    index: { blocks: [] },
  };
}

/**
 * Generates a trace world: draws its structure and data from `options.seed`, tunes the noise
 * scale (month-to-month noise explains 2–4% of the detractor gap without a planted cause) and
 * the planted shift (3–10% of the gap), and returns the model, the datasets and the truth.
 * Throws a `RangeError` for a bad option or a world with too few answers to contrast.
 */
export function generateTraceWorld(options: TraceWorldOptions): TraceWorld {
  checkOptions(options);
  const variant = options.variant ?? 'planted';
  const drawn = worldSpec(options, variant);
  const { layout, client, clientUnits } = drawn;
  if (drawn.spec.draws.answers < 100) {
    throw new RangeError('too few answers: raise clients or months');
  }
  const { spec, outcome } = tuneWorld(drawn.spec);
  const datasets = worldDatasets(spec, outcome, layout, client, clientUnits);
  const truth = worldTruth(spec, outcome, {
    seed: options.seed,
    variant,
    cadence: layout.cadence,
    responseRate: layout.responseRate,
    clients: layout.clients,
    nps: NPS,
  });
  return { model: worldModel(spec, datasets, options.seed, variant), datasets, truth };
}

/** The fewest decimals (up to 10) that write every number of a column exactly. */
function columnDecimals(values: ArrayLike<unknown>): number {
  let decimals = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    while (decimals < 10 && round(v, decimals) !== v) decimals++;
  }
  return decimals;
}

/** A world's datasets as CSV (see `demo-csv.ts`), and its model and truth as JSON. */
export function traceWorldFiles(world: TraceWorld): TraceWorldFiles {
  const datasets = world.datasets.map((ds) => {
    const names = Object.keys(ds.columns);
    const writers = names.map((name) => {
      const values = ds.columns[name]!;
      if (ds.types[name] !== 'number') return (r: number) => csvText(values[r] as string | null);
      const decimals = columnDecimals(values);
      return (r: number) => csvNumber(values[r] as number | null, decimals);
    });
    const csv = new CsvWriter(names);
    const rows = Math.max(0, ...names.map((n) => ds.columns[n]!.length));
    for (let r = 0; r < rows; r++) csv.row(writers.map((w) => w(r)));
    return { name: ds.name, csv: csv.toString() };
  });
  return {
    datasets,
    model: JSON.stringify(world.model, null, 2) + '\n',
    truth: JSON.stringify(world.truth, null, 2) + '\n',
  };
}
