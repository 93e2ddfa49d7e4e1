import type { CellRequest } from '../cell-query.ts';
import type { NpsScaleMode } from '../../metrics/nps-scale.ts';

/** An NPS-summary cell's data: which dataset column it summarises, and by what. */
export interface NpsCellData {
  datasetId: string | null;
  column: string | null;
  /** A column whose values split the answers into groups (segment, region…). */
  by: string | null;
  /** A date column whose periods split the answers, at `grain`. */
  periodColumn: string | null;
  grain: 'month' | 'quarter';
  /**
   * `'detect'` refuses scores that look like a 1–5 / 1–7 scale (see `nps-scale.ts`); `'0-10'`
   * is the user's word that they are 0–10 after all.
   */
  scale: NpsScaleMode;
}

/** A new NPS-summary cell with nothing chosen. */
export function createNpsCellData(): NpsCellData {
  return {
    datasetId: null,
    column: null,
    by: null,
    periodColumn: null,
    grain: 'quarter',
    scale: 'detect',
  };
}

/**
 * Repairs stored NPS-summary cell data: cells saved before groups existed have none, and cells
 * saved before the scale check detect the scale.
 */
export function restoreNpsCellData(raw: unknown): NpsCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    datasetId: str(r.datasetId),
    column: str(r.column),
    by: str(r.by),
    periodColumn: str(r.periodColumn),
    grain: r.grain === 'month' ? 'month' : 'quarter',
    scale: r.scale === '0-10' ? '0-10' : 'detect',
  };
}

/** What an NPS-summary cell asks the analysis worker: the summary, and the groups if any. */
export interface NpsCellInput {
  datasetId: string;
  column: string;
  by: string | null;
  period: { column: string; grain: 'month' | 'quarter' } | null;
  /** Always sent, so that results stored before the scale check are not taken for checked ones. */
  scale: NpsScaleMode;
}

/** The cell's request, or null until a dataset and a score column are chosen. */
export function npsCellQuery(data: NpsCellData): CellRequest | null {
  if (!data.datasetId || !data.column) return null;
  const input: NpsCellInput = {
    datasetId: data.datasetId,
    column: data.column,
    by: data.by,
    period: !data.by && data.periodColumn ? { column: data.periodColumn, grain: data.grain } : null,
    scale: data.scale === '0-10' ? '0-10' : 'detect',
  };
  return {
    worker: 'analysis',
    method: 'npsCell',
    input,
    reads: { datasets: [data.datasetId], models: [], cells: [] },
  };
}
