/// <reference lib="webworker" />
import { expose } from 'comlink';
import { getDb } from '../src/data/db.ts';
import { getDataset } from '../src/data/datasets-repo.ts';
import { scanColumn } from '../src/data/chunks-repo.ts';
import {
  addNpsScores,
  emptyNpsCounts,
  summariseNps,
  type NpsSummary,
} from '../src/core/metrics/nps.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';

/** Which column of which stored dataset to summarise. */
export interface NpsInput {
  datasetId: string;
  column: string;
}

/** An NPS summary, or why there is none (shown to the user in their language). */
export type NpsResult =
  | { ok: true; summary: NpsSummary; rows: number }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' };

const api = {
  /** NPS of a 0–10 score column of a stored dataset, read chunk by chunk with progress. */
  async npsSummary(input: NpsInput, onProgress?: ProgressFn): Promise<NpsResult> {
    const db = getDb();
    const meta = await getDataset(db, input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    if (!meta.columns.some((c) => c.name === input.column))
      return { ok: false, reason: 'column-missing' };
    const counts = emptyNpsCounts();
    onProgress?.({ done: 0, total: meta.rowCount });
    await scanColumn(db, meta, input.column, (values, done) => {
      addNpsScores(counts, values as ArrayLike<number | null>);
      onProgress?.({ done, total: meta.rowCount });
    });
    return { ok: true, summary: summariseNps(counts), rows: meta.rowCount };
  },
};

/** The analysis worker's API, as seen through the worker bridge. */
export type Api = typeof api;

expose(api);
