import type { CellRequest } from '../cell-query.ts';

/** An NPS-summary cell's data: which dataset column it summarises, and by what. */
export interface NpsCellData {
  datasetId: string | null;
  column: string | null;
  /** A column whose values split the answers into groups (segment, region…). */
  by: string | null;
  /** A date column whose periods split the answers, at `grain`. */
  periodColumn: string | null;
  grain: 'month' | 'quarter';
}

/** A new NPS-summary cell with nothing chosen. */
export function createNpsCellData(): NpsCellData {
  return { datasetId: null, column: null, by: null, periodColumn: null, grain: 'quarter' };
}

/** Repairs stored NPS-summary cell data (cells saved before groups existed have none). */
export function restoreNpsCellData(raw: unknown): NpsCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    datasetId: str(r.datasetId),
    column: str(r.column),
    by: str(r.by),
    periodColumn: str(r.periodColumn),
    grain: r.grain === 'month' ? 'month' : 'quarter',
  };
}

/** What an NPS-summary cell asks the analysis worker: the summary, and the groups if any. */
export interface NpsCellInput {
  datasetId: string;
  column: string;
  by: string | null;
  period: { column: string; grain: 'month' | 'quarter' } | null;
}

/** The cell's request, or null until a dataset and a score column are chosen. */
export function npsCellQuery(data: NpsCellData): CellRequest | null {
  if (!data.datasetId || !data.column) return null;
  const input: NpsCellInput = {
    datasetId: data.datasetId,
    column: data.column,
    by: data.by,
    period: !data.by && data.periodColumn ? { column: data.periodColumn, grain: data.grain } : null,
  };
  return {
    worker: 'analysis',
    method: 'npsCell',
    input,
    reads: { datasets: [data.datasetId], models: [], cells: [] },
  };
}
