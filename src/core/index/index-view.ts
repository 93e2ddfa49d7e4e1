/**
 * The linked views of the satisfaction index, from one computed result: pick a period or a
 * segment in one view and every other view shows only those clients (Mosaic-style: the views
 * ask, this answers with small aggregates). Without a period, each client counts with its
 * latest period.
 */
import type { ServiceModel } from '../model/model-types.ts';
import { MIN_RELIABLE_N } from '../metrics/group-metrics.ts';
import type { IndexLayer, IndexResult, IndexRow } from './satisfaction-index.ts';
import { findDataset, keyText } from './indicator-values.ts';
import type { LoadedDataset } from './loaded-dataset.ts';

/** What the views are filtered to: a period, and a segment of a client-card column. */
export interface IndexQuery {
  period: string | null;
  segmentColumn: string | null;
  segment: string | null;
}

/** One client in the per-client table. */
export interface IndexClientRow {
  client: string;
  period: string;
  /** null when fewer than half of the index's inputs have a value (see `present`). */
  index: number | null;
  /** How many of the index's inputs have a value in that period. */
  present: number;
  TX: number | null;
  CX: number | null;
  /** Member indicators without a value in that period. */
  missing: string[];
  /** The client's value of the segment column; null when blank or no column is chosen. */
  segment: string | null;
  equalWeights: boolean;
}

/** A mean with its 95% interval (normal approximation) and a small-group flag. */
export interface MeanPoint {
  mean: number;
  n: number;
  /** null below two values. */
  low: number | null;
  high: number | null;
  unreliable: boolean;
}

/** Everything the index views show for one query. */
export interface IndexView {
  /** Every period with an index, in order (to choose from). */
  periods: string[];
  /** Mean index per period, of the chosen segment's clients. */
  byPeriod: ({ period: string } & MeanPoint)[];
  /** Mean index per segment, in the chosen period (or latest); empty without a segment column. */
  bySegment: ({ key: string } & MeanPoint)[];
  /** The overall index and each block, of the clients both choices keep. */
  blocks: ({ layer: IndexLayer | 'index' } & MeanPoint)[];
  /**
   * The clients both choices keep, lowest index first; those without an index for lack of
   * data (in the chosen period, or in every period) last, with a null index.
   */
  clients: IndexClientRow[];
  /** How many member indicators the index has. */
  inputs: number;
  /** Of `clients`: those weighed equally, those with a missing member, those with no index. */
  equalWeightClients: number;
  incompleteClients: number;
  thinClients: number;
  /** Client-card columns that can segment clients (text or yes/no). */
  segmentColumns: string[];
}

const Z95 = 1.959964;

/** The mean of `xs` with its interval; null for none. */
export function meanPoint(xs: readonly number[], minN = MIN_RELIABLE_N): MeanPoint | null {
  const n = xs.length;
  if (n === 0) return null;
  let mean = 0;
  let m2 = 0;
  xs.forEach((x, k) => {
    const d = x - mean;
    mean += d / (k + 1);
    m2 += d * (x - mean);
  });
  const half = n > 1 ? (Z95 * Math.sqrt(m2 / (n - 1))) / Math.sqrt(n) : null;
  return {
    mean,
    n,
    low: half === null ? null : mean - half,
    high: half === null ? null : mean + half,
    unreliable: n < minN,
  };
}

/**
 * Each client's value of a client-card column (by client id as text); null when the model
 * has no client card or the card lacks the column.
 */
export function clientSegments(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  column: string | null,
): Map<string, string | null> | null {
  const card = model.clientCard;
  if (!card || !column) return null;
  const ds = findDataset(card.dataset, datasets);
  const ids = ds?.columns[card.key];
  const values = ds?.columns[column];
  if (!ids || !values) return null;
  const out = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i++) {
    const id = keyText(ids[i]);
    if (id !== null && !out.has(id)) out.set(id, keyText(values[i]));
  }
  return out;
}

/** The client-card columns that can segment clients: text and yes/no columns but the key. */
export function segmentColumns(model: ServiceModel, datasets: readonly LoadedDataset[]): string[] {
  const card = model.clientCard;
  const ds = card ? findDataset(card.dataset, datasets) : undefined;
  if (!card || !ds) return [];
  return Object.entries(ds.types)
    .filter(([name, type]) => name !== card.key && (type === 'string' || type === 'boolean'))
    .map(([name]) => name);
}

/** The linked views of an index result for `query` (see the module comment). */
export function indexView(
  result: IndexResult,
  query: IndexQuery,
  segments: Map<string, string | null> | null,
  columns: string[] = [],
): IndexView {
  type Scored = IndexRow & { index: number };
  const rows = result.rows.filter((r): r is Scored => r.index !== null);
  const thin = result.rows.filter((r) => r.index === null && r.present > 0);
  const segmentOf = (client: string) => segments?.get(client) ?? null;
  const inSegment = (r: IndexRow) =>
    !segments || query.segment === null || segmentOf(r.client) === query.segment;

  const periods = [...new Set(rows.map((r) => r.period))].sort();

  const perPeriod = new Map<string, number[]>();
  for (const r of rows) {
    if (!inSegment(r)) continue;
    const list = perPeriod.get(r.period);
    if (list) list.push(r.index);
    else perPeriod.set(r.period, [r.index]);
  }
  const byPeriod = periods.flatMap((period) => {
    const p = meanPoint(perPeriod.get(period) ?? []);
    return p ? [{ period, ...p }] : [];
  });

  const chosen = chooseRows(rows, query.period);
  const chosenThin = chooseRows(thin, query.period);

  const bySegment: IndexView['bySegment'] = [];
  if (segments) {
    const groups = new Map<string, number[]>();
    for (const r of chosen.values()) {
      const key = segmentOf(r.client);
      if (key === null) continue;
      const list = groups.get(key);
      if (list) list.push(r.index);
      else groups.set(key, [r.index]);
    }
    for (const key of [...groups.keys()].sort())
      bySegment.push({ key, ...meanPoint(groups.get(key)!)! });
  }

  const toClient = (r: IndexRow): IndexClientRow => ({
    client: r.client,
    period: r.period,
    index: r.index,
    present: r.present,
    TX: r.blocks.TX ?? null,
    CX: r.blocks.CX ?? null,
    missing: r.missing,
    segment: segmentOf(r.client),
    equalWeights: r.equalWeights,
  });
  const scored = [...chosen.values()]
    .filter(inSegment)
    .map(toClient)
    .sort((a, b) => a.index! - b.index! || (a.client < b.client ? -1 : 1));
  const unscored = [...chosenThin.values()]
    .filter((r) => !chosen.has(r.client) && inSegment(r))
    .map(toClient)
    .sort((a, b) => (a.client < b.client ? -1 : 1));

  const blocks: IndexView['blocks'] = [];
  const all = meanPoint(scored.map((c) => c.index!));
  if (all) blocks.push({ layer: 'index', ...all });
  for (const layer of ['TX', 'CX'] as const) {
    const p = meanPoint(scored.map((c) => c[layer]).filter((x): x is number => x !== null));
    if (p) blocks.push({ layer, ...p });
  }
  const clients = [...scored, ...unscored];

  return {
    periods,
    byPeriod,
    bySegment,
    blocks,
    clients,
    inputs: result.inputs,
    equalWeightClients: scored.filter((c) => c.equalWeights).length,
    incompleteClients: scored.filter((c) => c.missing.length > 0).length,
    thinClients: unscored.length,
    segmentColumns: columns,
  };
}

/** One row per client: in `period`, or, without one, the client's latest. */
function chooseRows<R extends IndexRow>(rows: readonly R[], period: string | null): Map<string, R> {
  const chosen = new Map<string, R>();
  for (const r of rows) {
    if (period !== null) {
      if (r.period === period) chosen.set(r.client, r);
      continue;
    }
    const seen = chosen.get(r.client);
    if (!seen || seen.period < r.period) chosen.set(r.client, r);
  }
  return chosen;
}
