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
