import { modelReads, type ModelContext } from './model-reads.ts';
import type { IndexQuery } from '../../index/index-view.ts';
import type { CellRequest } from '../cell-query.ts';

/** A satisfaction-index cell's data: which stored service model it computes, segmented how. */
export interface IndexCellData {
  modelId: string | null;
  /** A client-card column whose values split clients into segments (warehouse, region…). */
  segmentColumn: string | null;
}

/** A new satisfaction-index cell with no model chosen. */
export function createIndexCellData(): IndexCellData {
  return { modelId: null, segmentColumn: null };
}

/** Repairs stored satisfaction-index cell data (cells saved before segments had none). */
export function restoreIndexCellData(raw: unknown): IndexCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { modelId: str(r.modelId), segmentColumn: str(r.segmentColumn) };
}

/** What an index cell asks the analysis worker: a model's views for all periods and clients. */
export interface IndexCellInput {
  modelId: string;
  query: IndexQuery;
}

/**
 * The cell's request, or null until a stored model is chosen: the views of every client and
 * period (a period or segment picked in the views is a passing selection, not stored). It reads
 * the model and every stored dataset the model reads.
 */
export function indexCellQuery(data: IndexCellData, context: ModelContext): CellRequest | null {
  const model = context.models.find((m) => m.id === data.modelId);
  if (!model) return null;
  const input: IndexCellInput = {
    modelId: model.id,
    query: { period: null, segmentColumn: data.segmentColumn, segment: null },
  };
  return {
    worker: 'analysis',
    method: 'indexCell',
    input,
    reads: modelReads(model, context.datasets),
  };
}
