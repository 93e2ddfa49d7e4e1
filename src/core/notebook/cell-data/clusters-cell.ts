import type { ClustersInput } from '../../worker-api/text-api.ts';
import type { CellRequest } from '../cell-query.ts';
import { NO_EDITS, type ClusterEdits } from '../../text/cluster-edits.ts';

/** A comment-clusters cell's data: which comments, how many clusters, and the analyst's edits. */
export interface ClustersCellData {
  datasetId: string | null;
  text: string | null;
  /** A number of clusters, or 'auto' (chosen by silhouette). */
  k: number | 'auto';
  seed: number;
  /** A 0–10 score column: each cluster's NPS. */
  score: string | null;
  /** A segment column: each cluster's segment mix. */
  segment: string | null;
  /** A client-id column: kinds of clients by their complaints. */
  client: string | null;
  /** Names, merges and pins, by cluster signature (they persist across runs). */
  edits: ClusterEdits;
}

/** A new comment-clusters cell with nothing chosen. */
export function createClustersCellData(): ClustersCellData {
  return {
    datasetId: null,
    text: null,
    k: 'auto',
    seed: 1,
    score: null,
    segment: null,
    client: null,
    edits: { names: {}, merged: [], pinned: [] },
  };
}

/** Repairs stored comment-clusters cell data. */
export function restoreClustersCellData(raw: unknown): ClustersCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const e = (typeof r.edits === 'object' && r.edits !== null ? r.edits : {}) as Record<
    string,
    unknown
  >;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const names =
    typeof e.names === 'object' && e.names !== null
      ? Object.fromEntries(
          Object.entries(e.names as Record<string, unknown>).filter(
            (kv): kv is [string, string] => typeof kv[1] === 'string',
          ),
        )
      : {};
  return {
    datasetId: str(r.datasetId),
    text: str(r.text),
    k: typeof r.k === 'number' && Number.isInteger(r.k) && r.k >= 2 && r.k <= 30 ? r.k : 'auto',
    seed: typeof r.seed === 'number' && Number.isInteger(r.seed) ? r.seed : 1,
    score: str(r.score),
    segment: str(r.segment),
    client: str(r.client),
    edits: {
      ...NO_EDITS,
      names,
      merged: Array.isArray(e.merged) ? e.merged.map(strings).filter((g) => g.length > 1) : [],
      pinned: strings(e.pinned),
    },
  };
}

/**
 * The cell's request, or null until a dataset and a comment column are chosen. Names, merges and
 * pins change how clusters are shown, not the clustering, so they are not part of it.
 */
export function clustersCellQuery(data: ClustersCellData): CellRequest | null {
  if (!data.datasetId || !data.text) return null;
  const input: ClustersInput = {
    datasetId: data.datasetId,
    text: data.text,
    k: data.k,
    seed: data.seed,
    score: data.score,
    segment: data.segment,
    client: data.client,
  };
  return {
    worker: 'text',
    method: 'clustersCell',
    input,
    reads: { datasets: [data.datasetId], models: [], cells: [] },
  };
}
