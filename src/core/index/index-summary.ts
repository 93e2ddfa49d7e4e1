import type { IndexLayer, IndexResult, IndexRow } from './satisfaction-index.ts';

/** One client's latest index: the last period in which it has one. */
export interface ClientIndex {
  client: string;
  period: string;
  index: number;
  blocks: Partial<Record<IndexLayer, number | null>>;
  /** Member indicators without a value in that period. */
  missing: string[];
  equalWeights: boolean;
}

/** What the satisfaction-index views show: small enough to send to the page. */
export interface IndexSummary {
  /** Client-periods with an index. */
  rows: number;
  clients: number;
  /** Mean of the clients' latest index, and of each block; null without data. */
  mean: number | null;
  blockMeans: Partial<Record<IndexLayer, number | null>>;
  /** Mean index of all clients per period, in order. */
  byPeriod: { period: string; mean: number; n: number }[];
  /** Every client's latest index, lowest first. */
  clientsLatest: ClientIndex[];
  /** Clients whose card has no importance weights (their members weigh equally). */
  equalWeightClients: number;
  /** Client-periods with at least one member indicator missing. */
  incompleteRows: number;
  problems: string[];
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

/** Summarises an index result for the views: latest per client, means, the trend by period. */
export function summariseIndex(result: IndexResult): IndexSummary {
  const latest = new Map<string, IndexRow>();
  const periods = new Map<string, number[]>();
  let incompleteRows = 0;
  let rows = 0;
  for (const row of result.rows) {
    if (row.missing.length > 0) incompleteRows++;
    if (row.index === null) continue;
    rows++;
    const list = periods.get(row.period);
    if (list) list.push(row.index);
    else periods.set(row.period, [row.index]);
    const seen = latest.get(row.client);
    if (!seen || seen.period < row.period) latest.set(row.client, row);
  }
  const clientsLatest: ClientIndex[] = [...latest.values()]
    .map((r) => ({
      client: r.client,
      period: r.period,
      index: r.index!,
      blocks: r.blocks,
      missing: r.missing,
      equalWeights: r.equalWeights,
    }))
    .sort((a, b) => a.index - b.index || (a.client < b.client ? -1 : 1));
  const blockMean = (layer: IndexLayer) =>
    mean(
      clientsLatest.map((c) => c.blocks[layer]).filter((x): x is number => typeof x === 'number'),
    );
  return {
    rows,
    clients: clientsLatest.length,
    mean: mean(clientsLatest.map((c) => c.index)),
    blockMeans: { TX: blockMean('TX'), CX: blockMean('CX') },
    byPeriod: [...periods.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([period, xs]) => ({ period, mean: mean(xs)!, n: xs.length })),
    clientsLatest,
    equalWeightClients: clientsLatest.filter((c) => c.equalWeights).length,
    incompleteRows,
    problems: result.problems,
  };
}
