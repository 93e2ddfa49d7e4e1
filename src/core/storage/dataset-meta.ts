/** The value kinds a stored column can hold. */
export type ColumnType = 'number' | 'string' | 'boolean' | 'date';

/** A stored column's name and value kind. */
export interface ColumnInfo {
  name: string;
  type: ColumnType;
}

/**
 * A stored dataset's metadata. It is written last, after every chunk, so a dataset exists
 * for the app only once all of its rows are stored.
 */
export interface DatasetMeta {
  id: string;
  name: string;
  createdAt: number;
  rowCount: number;
  chunkCount: number;
  columns: ColumnInfo[];
}

const COLUMN_TYPES: readonly ColumnType[] = ['number', 'string', 'boolean', 'date'];

/** Repairs a stored dataset metadata record, or returns null when it is unusable. */
export function restoreDatasetMeta(raw: unknown): DatasetMeta | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !Array.isArray(r.columns)) return null;
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
  const rowCount = count(r.rowCount);
  const chunkCount = count(r.chunkCount);
  if (rowCount === null || chunkCount === null) return null;
  const columns: ColumnInfo[] = [];
  for (const c of r.columns as unknown[]) {
    if (typeof c !== 'object' || c === null) continue;
    const { name, type } = c as Record<string, unknown>;
    if (typeof name !== 'string') continue;
    columns.push({
      name,
      type: COLUMN_TYPES.includes(type as ColumnType) ? (type as ColumnType) : 'string',
    });
  }
  return {
    id: r.id,
    name: typeof r.name === 'string' && r.name !== '' ? r.name : r.id,
    createdAt: typeof r.createdAt === 'number' ? r.createdAt : 0,
    rowCount,
    chunkCount,
    columns,
  };
}
