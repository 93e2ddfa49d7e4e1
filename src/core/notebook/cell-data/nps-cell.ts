/** An NPS-summary cell's data: which dataset column it summarises. */
export interface NpsCellData {
  datasetId: string | null;
  column: string | null;
}

/** A new NPS-summary cell with nothing chosen. */
export function createNpsCellData(): NpsCellData {
  return { datasetId: null, column: null };
}

/** Repairs stored NPS-summary cell data. */
export function restoreNpsCellData(raw: unknown): NpsCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { datasetId: str(r.datasetId), column: str(r.column) };
}
