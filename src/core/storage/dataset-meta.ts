/** The value kinds a stored column can hold. */
export type ColumnType = 'number' | 'string' | 'boolean' | 'date';

/** A yes/no column's own words for yes and no, as its file wrote them (`Yes`/`No`, `да`/`нет`). */
export interface YesNoLabels {
  yes: string;
  no: string;
}

/** A stored column's name and value kind, and what the importer made of it. */
export interface ColumnInfo {
  name: string;
  type: ColumnType;
  /** The inferred (or user-chosen) type, e.g. `integer` or `category`. */
  valueType?: string;
  /** The column's role for CX analysis, e.g. `nps` or `client-id`. */
  role?: string;
  /** For factor ratings and weights: which factor. */
  factor?: string;
  /** How the column's text was read: decimal separator and date order (for appending rows). */
  decimal?: ',' | '.';
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** For a yes/no column: the words its file used (stored values are true/false). */
  labels?: YesNoLabels;
}

/**
 * A stored dataset's metadata. It is written last, after every chunk, so a dataset exists
 * for the app only once all of its rows are stored.
 */
export interface DatasetMeta {
  id: string;
  /** The name models and the command line know it by (e.g. the demo's `survey`). */
  name: string;
  /**
   * The name shown, when it is not `name`: the demo's datasets in the user's language (the
   * models keep binding to `name`). Renaming such a dataset changes this, not `name`.
   */
  title?: string;
  createdAt: number;
  rowCount: number;
  chunkCount: number;
  columns: ColumnInfo[];
  /**
   * Where the rows came from: the file name and its size in bytes; `demo` for the demo world's
   * datasets (opening the demo again replaces them, never the user's own).
   */
  source?: { fileName: string; bytes: number; sheet?: string; demo?: true };
  /** Sum of the stored chunks' byte lengths. */
  storedBytes?: number;
  /**
   * Key of the dataset's chunks (their `datasetId`), when it is not `id`: replacing a dataset's
   * rows writes a new generation of chunks under a new key and switches to it in one commit.
   */
  storageId?: string;
  /** When rows were last added or replaced. */
  refreshedAt?: number;
  /**
   * Counts the commits of its rows (1 when first imported; each append or replace adds one): a
   * cell result records it to know when the rows it read have changed.
   */
  generation?: number;
  /** For a dataset made from others: by a join cell, or by a transform cell's steps. */
  derivedFrom?: JoinedFrom | TransformedFrom;
}

/** A dataset made by joining two others: which, and on what. */
export interface JoinedFrom {
  kind?: 'join';
  left: string;
  right: string;
  leftKey: string;
  rightKey: string;
  period?: string;
}

/**
 * A dataset made by a transform cell: its input datasets (the first is the one transformed,
 * the others joined in), each input's `generation` when it was made (an input refreshed since
 * makes it stale), and the steps, as stored (`restoreTransformSteps` reads them).
 */
export interface TransformedFrom {
  kind: 'transform';
  /** The transform cell that made it (its later runs replace this dataset in place). */
  owner?: string;
  inputs: string[];
  generations: Record<string, number>;
  steps: unknown[];
}

/** The name a dataset is shown by: its title, else its name. */
export function datasetTitle(meta: Pick<DatasetMeta, 'name' | 'title'>): string {
  return meta.title ?? meta.name;
}

/** The key under which a dataset's chunks are stored. */
export function chunkOwner(meta: Pick<DatasetMeta, 'id' | 'storageId'>): string {
  return meta.storageId ?? meta.id;
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
    const { name, type, valueType, role, factor, decimal, dateOrder, labels } = c as Record<
      string,
      unknown
    >;
    if (typeof name !== 'string') continue;
    columns.push({
      name,
      type: COLUMN_TYPES.includes(type as ColumnType) ? (type as ColumnType) : 'string',
      ...(typeof valueType === 'string' ? { valueType } : {}),
      ...(typeof role === 'string' ? { role } : {}),
      ...(typeof factor === 'string' ? { factor } : {}),
      ...(decimal === ',' || decimal === '.' ? { decimal } : {}),
      ...(dateOrder === 'dmy' || dateOrder === 'mdy' || dateOrder === 'ymd' ? { dateOrder } : {}),
      ...restoreLabels(labels),
    });
  }
  return {
    id: r.id,
    name: typeof r.name === 'string' && r.name !== '' ? r.name : r.id,
    ...(typeof r.title === 'string' && r.title.trim() !== '' ? { title: r.title } : {}),
    createdAt: typeof r.createdAt === 'number' ? r.createdAt : 0,
    rowCount,
    chunkCount,
    columns,
    ...(restoreSource(r.source) ?? {}),
    ...(typeof r.storedBytes === 'number' ? { storedBytes: r.storedBytes } : {}),
    ...(typeof r.storageId === 'string' && r.storageId !== '' ? { storageId: r.storageId } : {}),
    ...(typeof r.refreshedAt === 'number' ? { refreshedAt: r.refreshedAt } : {}),
    // Datasets stored before generations were counted are at their first.
    generation: typeof r.generation === 'number' && r.generation >= 1 ? r.generation : 1,
    ...restoreDerivedFrom(r.derivedFrom),
  };
}

function restoreLabels(raw: unknown): { labels?: YesNoLabels } {
  if (typeof raw !== 'object' || raw === null) return {};
  const { yes, no } = raw as Record<string, unknown>;
  return typeof yes === 'string' && typeof no === 'string' && yes !== '' && no !== ''
    ? { labels: { yes, no } }
    : {};
}

function restoreSource(raw: unknown): { source: NonNullable<DatasetMeta['source']> } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { fileName, bytes, sheet, demo } = raw as Record<string, unknown>;
  if (typeof fileName !== 'string') return null;
  return {
    source: {
      fileName,
      bytes: typeof bytes === 'number' ? bytes : 0,
      ...(typeof sheet === 'string' ? { sheet } : {}),
      ...(demo === true ? { demo: true as const } : {}),
    },
  };
}

function restoreDerivedFrom(raw: unknown): {
  derivedFrom?: NonNullable<DatasetMeta['derivedFrom']>;
} {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  if (r.kind === 'transform') {
    const inputs = Array.isArray(r.inputs)
      ? r.inputs.filter((v): v is string => typeof v === 'string' && v !== '')
      : [];
    if (inputs.length === 0) return {};
    const generations: Record<string, number> = {};
    const g = typeof r.generations === 'object' && r.generations !== null ? r.generations : {};
    for (const [id, n] of Object.entries(g as Record<string, unknown>)) {
      if (typeof n === 'number' && Number.isInteger(n) && n >= 1) generations[id] = n;
    }
    const steps = Array.isArray(r.steps) ? r.steps : [];
    const owner = typeof r.owner === 'string' && r.owner !== '' ? { owner: r.owner } : {};
    return { derivedFrom: { kind: 'transform', ...owner, inputs, generations, steps } };
  }
  const { left, right, leftKey, rightKey, period } = r;
  if ([left, right, leftKey, rightKey].some((v) => typeof v !== 'string')) return {};
  return {
    derivedFrom: {
      left: left as string,
      right: right as string,
      leftKey: leftKey as string,
      rightKey: rightKey as string,
      ...(typeof period === 'string' ? { period } : {}),
    },
  };
}
