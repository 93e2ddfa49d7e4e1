/** A satisfaction-index cell's data: which stored service model it computes. */
export interface IndexCellData {
  modelId: string | null;
}

/** A new satisfaction-index cell with no model chosen. */
export function createIndexCellData(): IndexCellData {
  return { modelId: null };
}

/** Repairs stored satisfaction-index cell data. */
export function restoreIndexCellData(raw: unknown): IndexCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return { modelId: typeof r.modelId === 'string' && r.modelId !== '' ? r.modelId : null };
}
