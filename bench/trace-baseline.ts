/**
 * The baseline the new trace (`src/core/analysis/trace/`) is measured against: the app's first
 * trace, kept as it was. It always walks a path to the bottom of the model, however weak the
 * evidence. The trace benchmark and the long calibration suite run it on the same worlds.
 *
 * The trace: from a population with low satisfaction (detractors, a segment, a list of clients
 * such as a complaint cluster or the low outcome of a drivers analysis), walk the service
 * model's links down, layer by layer. Each indicator is compared between the population and
 * the rest at client × period (how much worse the population is, in pooled standard
 * deviations, and whether it is off target); each link gets the correlation of child and parent
 * at their shared grain; the strongest path follows, from the start, the child that is both
 * worse for the population and most tied to its parent.
 */
import type { Grain, Indicator, Layer, ServiceModel } from '../src/core/model/model-types.ts';
import { LAYERS } from '../src/core/model/model-types.ts';
import type { LoadedDataset } from '../src/core/index/loaded-dataset.ts';
import {
  cellKey,
  clientPeriods,
  findDataset,
  indicatorValues,
  keyText,
  splitCellKey,
  toClientPeriod,
  type IndicatorSeries,
} from '../src/core/index/indicator-values.ts';
import { periodKey } from '../src/core/index/period-key.ts';
import { targetStatus, type TargetStatus } from '../src/core/index/indicator-overview.ts';
import { targetLabels, type TargetRule } from '../src/core/analysis/driver-target.ts';
import { pearson } from '../src/core/metrics/correlation.ts';

/** Who the trace starts from. */
export type Population =
  /** Answers of NPS ≤ 6 in a dataset: their client × period cells. */
  | { kind: 'detractors'; dataset: string; score: string; client: string; date: string | null }
  /** Every client whose client-card `column` is `value`. */
  | { kind: 'segment'; column: string; value: string }
  /** A list of clients (a complaint cluster), all their periods. */
  | { kind: 'clients'; ids: string[]; label: string }
  /** Answers with a low outcome of `target` (a drivers analysis's value or threshold). */
  | {
      kind: 'low';
      dataset: string;
      target: string;
      rule: Exclude<TargetRule, { kind: 'detractor' }>;
      client: string;
      date: string | null;
    };

/** What to trace. */
export interface TraceQuery {
  /** Null for the detractors of the model's NPS indicator (see `defaultPopulation`). */
  population: Population | null;
  /** Only this period (at the model's grain), or all. */
  period: string | null;
  /** The indicator to start from; null for the top-most one with links down and the largest gap. */
  start: string | null;
}

/** One side of a comparison. */
export interface SideValue {
  mean: number | null;
  /** Client × period cells behind the mean. */
  n: number;
}

/** An indicator compared between the population and the rest. */
export interface TraceNode {
  id: string;
  layer: Layer;
  population: SideValue;
  rest: SideValue;
  /**
   * How much worse the population is, in pooled standard deviations (positive: worse by the
   * indicator's direction); null without values on both sides.
   */
  gap: number | null;
  /** The population's mean against the indicator's target. */
  status: TargetStatus;
  /** Read from the very answers that define the population (NPS of detractors): circular. */
  defines: boolean;
}

/** A link with the correlation of child and parent. */
export interface TraceLink {
  child: string;
  parent: string;
  /** Pearson correlation at the shared grain; null with fewer than 3 shared cells. */
  r: number | null;
  /** Cells both have a value in. */
  n: number;
  /** The grain compared at: both indicators' own grain when they share it, else client × period. */
  grain: 'own' | 'client-period';
}

/** The whole trace. */
export interface TraceResult {
  /** The population traced (the default one when the query named none); null when there is none. */
  population: Population | null;
  /** A column the population needs that the data lacks. */
  missing: string | null;
  /** Whom the population is compared with: the other answers, or every other client-period. */
  comparedWith: 'answers' | 'all';
  /** The periods the population has cells in (to choose one from). */
  periods: string[];
  /** Clients and client × period cells in the population (in the chosen period). */
  clients: number;
  cells: number;
  start: string | null;
  /** The strongest path, from the start down. */
  path: string[];
  nodes: TraceNode[];
  links: TraceLink[];
  problems: string[];
}

/**
 * The detractors of the model's first NPS indicator, read from the answers it is bound to (by
 * the dataset's client and period keys); null when the model has none.
 */
export function defaultPopulation(model: ServiceModel): Population | null {
  for (const indicator of model.indicators ?? []) {
    const b = indicator.binding;
    if (!b || b.aggregate !== 'nps') continue;
    const keys = model.datasets?.[b.dataset];
    if (!keys?.client) continue;
    return {
      kind: 'detractors',
      dataset: b.dataset,
      score: b.column,
      client: keys.client,
      date: keys.period ?? null,
    };
  }
  return null;
}

/** Where the population was found, and whom it is compared with. */
interface PopulationCells {
  cells: Set<string>;
  /**
   * For a population of answers (detractors, a low outcome): the cells of the other answers,
   * the ones it is compared with; null to compare with every other cell.
   */
  others: Set<string> | null;
  /** A column the population needs is missing (its name). */
  missing: string | null;
}

/** The population's client × period cells among `all` cells (client → its periods). */
function populationCells(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  population: Population,
  all: Map<string, string[]>,
): PopulationCells {
  const cells = new Set<string>();
  const addClient = (id: string) => {
    for (const p of all.get(id) ?? []) cells.add(cellKey(id, p));
  };
  if (population.kind === 'clients') {
    for (const id of population.ids) addClient(id);
    return { cells, others: null, missing: null };
  }
  if (population.kind === 'segment') {
    const card = model.clientCard;
    const ds = card ? findDataset(card.dataset, datasets) : undefined;
    const ids = card ? ds?.columns[card.key] : undefined;
    const values = ds?.columns[population.column];
    if (!ids || !values) return { cells, others: null, missing: population.column };
    for (let r = 0; r < ids.length; r++) {
      const id = keyText(ids[r]);
      if (id !== null && keyText(values[r]) === population.value) addClient(id);
    }
    return { cells, others: null, missing: null };
  }
  // Answers: the low ones are the population, the others what it is compared with.
  const column = population.kind === 'detractors' ? population.score : population.target;
  const ds = findDataset(population.dataset, datasets);
  const who = ds?.columns[population.client];
  const values = ds?.columns[column];
  const date = population.date ? ds?.columns[population.date] : undefined;
  if (!who) return { cells, others: null, missing: population.client };
  if (!values) return { cells, others: null, missing: column };
  let labels: { rows: Int32Array; y: Uint8Array };
  try {
    labels = targetLabels(
      column,
      values,
      population.kind === 'detractors' ? { kind: 'below', threshold: 7 } : population.rule,
    );
  } catch {
    return { cells, others: new Set(), missing: null };
  }
  const grain = model.period?.grain === 'quarter' ? 'quarter' : 'month';
  const others = new Set<string>();
  labels.rows.forEach((r, i) => {
    const id = keyText(who[r]);
    if (id === null) return;
    const p = date ? periodKey(date[r], grain) : null;
    const keys = p === null ? (all.get(id) ?? []).map((q) => cellKey(id, q)) : [cellKey(id, p)];
    for (const key of keys) (labels.y[i] ? cells : others).add(key);
  });
  for (const key of cells) others.delete(key);
  return { cells, others, missing: null };
}

function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/** The correlation of two series over the cells both have, and how many those are. */
function correlate(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): { r: number | null; n: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    xs.push(x);
    ys.push(y);
  }
  return { r: pearson(xs, ys), n: xs.length };
}

const sameGrain = (a: Grain, b: Grain) =>
  a.kind === b.kind &&
  (a.kind !== 'unit-period' || (b.kind === 'unit-period' && a.unitKind === b.unitKind));

const seriesMap = (s: IndicatorSeries) =>
  new Map([...s.cells].map(([key, cell]) => [key, cell.value] as const));

/** Each indicator's values at client × period, and its own series (computed once per trace). */
export interface TraceData {
  series: Map<string, IndicatorSeries>;
  byCell: Map<string, Map<string, number>>;
  periods: Map<string, string[]>;
  problems: string[];
}

/** The indicators' values a trace reads (independent of the population: compute once, reuse). */
export function traceData(model: ServiceModel, datasets: readonly LoadedDataset[]): TraceData {
  const problems: string[] = [];
  const periods = clientPeriods(model, datasets);
  const series = new Map<string, IndicatorSeries>();
  const byCell = new Map<string, Map<string, number>>();
  for (const indicator of model.indicators ?? []) {
    if (!indicator.binding) continue;
    const s = indicatorValues(model, indicator.id, datasets);
    if (s.cells.size === 0) continue;
    series.set(indicator.id, s);
    byCell.set(indicator.id, toClientPeriod(model, s, datasets, periods, problems));
  }
  return { series, byCell, periods, problems };
}

/** The trace of `query` over a model's data (see the module comment). */
export function trace(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  query: TraceQuery,
  data: TraceData = traceData(model, datasets),
): TraceResult {
  const problems = [...data.problems];
  const pop = query.population ?? defaultPopulation(model);
  const found: PopulationCells = pop
    ? populationCells(model, datasets, pop, data.periods)
    : { cells: new Set(), others: null, missing: null };
  const periods = [...new Set([...found.cells].map((key) => splitCellKey(key)[1]))].sort();
  const inPeriod = (key: string) => query.period === null || splitCellKey(key)[1] === query.period;
  const cells = new Set([...found.cells].filter(inPeriod));
  const clients = new Set([...cells].map((key) => splitCellKey(key)[0]));
  const isOther = found.others ? (key: string) => found.others!.has(key) : () => true;
  const source =
    pop?.kind === 'detractors' || pop?.kind === 'low'
      ? findDataset(pop.dataset, datasets)
      : undefined;
  const definingColumn =
    pop?.kind === 'detractors' ? pop.score : pop?.kind === 'low' ? pop.target : null;
  const defines = (indicator: Indicator) =>
    definingColumn !== null &&
    !!indicator.binding &&
    indicator.binding.column === definingColumn &&
    findDataset(indicator.binding.dataset, datasets) === source;
  const nodes: TraceNode[] = (model.indicators ?? []).map((indicator) => ({
    ...compare(
      indicator,
      data.byCell.get(indicator.id),
      cells,
      (key) => inPeriod(key) && (cells.has(key) || isOther(key)),
    ),
    defines: defines(indicator),
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links: TraceLink[] = (model.links ?? []).map((link) => {
    const child = data.series.get(link.child);
    const parent = data.series.get(link.parent);
    if (!child || !parent) return { ...link, r: null, n: 0, grain: 'client-period' };
    const own = sameGrain(child.grain, parent.grain);
    const { r, n } = own
      ? correlate(seriesMap(child), seriesMap(parent))
      : correlate(data.byCell.get(link.child)!, data.byCell.get(link.parent)!);
    return { ...link, r, n, grain: own ? 'own' : 'client-period' };
  });

  const childrenOf = new Map<string, TraceLink[]>();
  for (const l of links) childrenOf.set(l.parent, [...(childrenOf.get(l.parent) ?? []), l]);
  const layerRank = (id: string) => LAYERS.indexOf(byId.get(id)?.layer ?? 'IT');
  // By default: the indicator that defines the population (detractors start from NPS), else
  // the top-most indicator with links down and the largest gap.
  const hasChildren = (n: TraceNode) => (childrenOf.get(n.id) ?? []).length > 0;
  const start =
    query.start !== null && byId.has(query.start)
      ? query.start
      : (nodes.find((n) => n.defines && hasChildren(n))?.id ??
        [...byId.values()]
          .filter((n) => n.gap !== null && !n.defines && hasChildren(n))
          .sort((a, b) => layerRank(a.id) - layerRank(b.id) || b.gap! - a.gap!)[0]?.id ??
        null);

  const path: string[] = [];
  // Each step goes to the child both worse for the population and most tied to its parent.
  for (let at = start; at !== null && !path.includes(at);) {
    path.push(at);
    let best: { id: string; score: number } | null = null;
    for (const l of childrenOf.get(at) ?? []) {
      const child = byId.get(l.child);
      const gap = child?.gap ?? null;
      if (gap === null || gap <= 0 || child?.defines || l.r === null || path.includes(l.child)) {
        continue;
      }
      const score = Math.abs(l.r) * gap;
      if (!best || score > best.score) best = { id: l.child, score };
    }
    at = best?.id ?? null;
  }
  return {
    population: pop,
    missing: found.missing,
    comparedWith: found.others ? 'answers' : 'all',
    periods,
    clients: clients.size,
    cells: cells.size,
    start,
    path,
    nodes,
    links,
    problems,
  };
}

function compare(
  indicator: Indicator,
  values: ReadonlyMap<string, number> | undefined,
  cells: ReadonlySet<string>,
  inPeriod: (key: string) => boolean,
): Omit<TraceNode, 'defines'> {
  const node: Omit<TraceNode, 'defines'> = {
    id: indicator.id,
    layer: indicator.layer,
    population: { mean: null, n: 0 },
    rest: { mean: null, n: 0 },
    gap: null,
    status: 'no-data',
  };
  if (!values) return node;
  const pop: number[] = [];
  const rest: number[] = [];
  for (const [key, v] of values) {
    if (!Number.isFinite(v) || !inPeriod(key)) continue;
    (cells.has(key) ? pop : rest).push(v);
  }
  if (pop.length > 0) node.population = { mean: meanSd(pop).mean, n: pop.length };
  if (rest.length > 0) node.rest = { mean: meanSd(rest).mean, n: rest.length };
  node.status = targetStatus(node.population.mean, indicator);
  if (pop.length >= 2 && rest.length >= 2) {
    const a = meanSd(pop);
    const b = meanSd(rest);
    const pooled = Math.sqrt(
      ((pop.length - 1) * a.sd ** 2 + (rest.length - 1) * b.sd ** 2) /
        (pop.length + rest.length - 2),
    );
    if (pooled > 0) {
      const worse = indicator.direction === 'lower' ? a.mean - b.mean : b.mean - a.mean;
      node.gap = worse / pooled;
    }
  }
  return node;
}

/**
 * The population's clients with their mean value of `indicator` over their population cells,
 * the worst first (by the indicator's direction), at most `limit`.
 */
export function traceClients(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  query: TraceQuery,
  indicatorId: string,
  limit = 200,
  data: TraceData = traceData(model, datasets),
): { client: string; value: number; cells: number }[] {
  const indicator = (model.indicators ?? []).find((i) => i.id === indicatorId);
  const values = data.byCell.get(indicatorId);
  if (!indicator || !values) return [];
  const pop = query.population ?? defaultPopulation(model);
  if (!pop) return [];
  const { cells } = populationCells(model, datasets, pop, data.periods);
  const sums = new Map<string, { sum: number; n: number }>();
  for (const key of cells) {
    const v = values.get(key);
    if (v === undefined || !Number.isFinite(v)) continue;
    const [client, period] = splitCellKey(key);
    if (query.period !== null && period !== query.period) continue;
    const acc = sums.get(client) ?? { sum: 0, n: 0 };
    acc.sum += v;
    acc.n++;
    sums.set(client, acc);
  }
  const sign = indicator.direction === 'lower' ? -1 : 1;
  return [...sums]
    .map(([client, s]) => ({ client, value: s.sum / s.n, cells: s.n }))
    .sort((a, b) => sign * (a.value - b.value) || (a.client < b.client ? -1 : 1))
    .slice(0, limit);
}
