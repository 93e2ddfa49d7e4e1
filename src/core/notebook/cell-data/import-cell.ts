/** An import cell's data: the dataset it imported (the file itself is not kept). */
export interface ImportCellData {
  datasetId: string | null;
}

/** A new import cell, with nothing imported yet. */
export function createImportCellData(): ImportCellData {
  return { datasetId: null };
}

/** Repairs stored import-cell data. */
export function restoreImportCellData(raw: unknown): ImportCellData {
  const id = (raw as { datasetId?: unknown } | null)?.datasetId;
  return { datasetId: typeof id === 'string' && id !== '' ? id : null };
}
