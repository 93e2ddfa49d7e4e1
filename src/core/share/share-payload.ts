/**
 * What a share carries, before it is sealed (see `docs/share-format.md`): the notebook, the
 * service models its cells read, the stored results its cells show (their shareable part, see
 * `shareable-results.ts`) and, only when the analyst ticked them, rows of datasets as CSV.
 * Restored at the load boundary: a payload that is not one is refused, never half-read.
 */
import type { Notebook } from '../notebook/notebook.ts';
import { restoreNotebook } from '../notebook/restore-notebook.ts';
import { restoreCellData } from '../notebook/cell-kinds.ts';
import type { ServiceModel } from '../model/model-types.ts';
import { restoreModel } from '../model/restore-model.ts';
import type { CellRequest, InputVersions } from '../notebook/cell-query.ts';
import { ShareError } from './share-envelope.ts';
import { typedJsonReplacer, typedJsonReviver } from '../storage/typed-json.ts';
import type { ColumnInfo } from '../storage/dataset-meta.ts';
import { restoreDatasetMeta } from '../storage/dataset-meta.ts';

/** The payload's `format` field. */
export const PAYLOAD_FORMAT = 'cx-trace-share';
/** The payload's version. */
export const PAYLOAD_VERSION = 1;

/** A stored cell result, as shared. */
export interface SharedResult {
  key: string;
  request: CellRequest;
  versions: InputVersions;
  createdAt: number;
  /** The cells (of the shared notebook) that show it. */
  cellIds: string[];
  value: unknown;
}

/** A shared column's value: numbers (dates as epoch milliseconds), text, yes/no, or blank. */
export type SharedValue = number | string | boolean | null;

/** Rows of a dataset, as shared: its columns as stored, and their values column by column. */
export interface SharedDataset {
  /** The dataset's id where it was shared from (the cells' settings name it). */
  id: string;
  name: string;
  columns: ColumnInfo[];
  /** One array per column, in `columns` order, each `rows` long. */
  values: SharedValue[][];
  rows: number;
}

/** How client rows were treated. */
export type SharedRows = 'left-out' | 'pseudonymised' | 'kept';

/** A share's content. */
export interface SharePayload {
  format: typeof PAYLOAD_FORMAT;
  version: number;
  /** When it was made (epoch ms). */
  made: number;
  notebook: Notebook;
  models: ServiceModel[];
  results: SharedResult[];
  datasets: SharedDataset[];
  /** The client rows in results and datasets: left out, pseudonymised or kept. */
  clientRows: SharedRows;
  /** The names of the datasets the notebook reads, by id (to say what the rows came from). */
  datasetNames: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The payload as the bytes that are sealed (UTF-8 JSON; typed arrays tagged, see above). */
export function encodePayload(payload: SharePayload): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(payload, typedJsonReplacer));
}

function restoreResult(raw: unknown): SharedResult | null {
  if (!isRecord(raw) || typeof raw.key !== 'string' || !isRecord(raw.request)) return null;
  const r = raw.request;
  const reads = isRecord(r.reads) ? r.reads : {};
  const ids = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  if (typeof r.worker !== 'string' || typeof r.method !== 'string') return null;
  if (!['analysis', 'text', 'drivers'].includes(r.worker)) return null;
  const versions = isRecord(raw.versions) ? raw.versions : {};
  const record = (v: unknown) => (isRecord(v) ? v : {});
  return {
    key: raw.key,
    request: {
      worker: r.worker as CellRequest['worker'],
      method: r.method,
      input: r.input,
      reads: { datasets: ids(reads.datasets), models: ids(reads.models), cells: ids(reads.cells) },
    },
    versions: {
      datasets: record(versions.datasets) as InputVersions['datasets'],
      models: record(versions.models) as InputVersions['models'],
      cells: record(versions.cells) as InputVersions['cells'],
    },
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
    cellIds: ids(raw.cellIds),
    value: raw.value,
  };
}

const SHARED_VALUE = (v: unknown): v is SharedValue =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);

/** A shared dataset, checked whole: columns and values that do not fit are a damaged share. */
function restoreSharedDataset(raw: unknown): SharedDataset {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string') {
    throw new ShareError('damaged');
  }
  const meta = restoreDatasetMeta({
    id: raw.id,
    name: raw.name,
    createdAt: 0,
    rowCount: 0,
    chunkCount: 0,
    columns: raw.columns,
  });
  const values = Array.isArray(raw.values) ? raw.values : [];
  const rows = typeof raw.rows === 'number' ? raw.rows : -1;
  const fits =
    meta !== null &&
    meta.columns.length === values.length &&
    values.every((v) => Array.isArray(v) && v.length === rows && v.every(SHARED_VALUE));
  if (!fits) throw new ShareError('damaged');
  return { id: raw.id, name: raw.name, columns: meta.columns, values, rows };
}

/** A payload from its opened bytes; throws `ShareError('damaged')` when they are not one. */
export function decodePayload(bytes: Uint8Array): SharePayload {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), typedJsonReviver);
  } catch {
    throw new ShareError('damaged');
  }
  if (!isRecord(raw) || raw.format !== PAYLOAD_FORMAT) throw new ShareError('damaged');
  if (typeof raw.version !== 'number' || raw.version > PAYLOAD_VERSION) {
    throw new ShareError('newer-version');
  }
  const notebook = restoreNotebook(raw.notebook, restoreCellData);
  if (!notebook) throw new ShareError('damaged');
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const names = isRecord(raw.datasetNames) ? raw.datasetNames : {};
  return {
    format: PAYLOAD_FORMAT,
    version: raw.version,
    made: typeof raw.made === 'number' ? raw.made : 0,
    notebook,
    models: list(raw.models).filter(isRecord).map(restoreModel),
    results: list(raw.results)
      .map(restoreResult)
      .filter((r): r is SharedResult => r !== null),
    datasets: list(raw.datasets).map(restoreSharedDataset),
    clientRows:
      raw.clientRows === 'kept' || raw.clientRows === 'pseudonymised' ? raw.clientRows : 'left-out',
    datasetNames: Object.fromEntries(
      Object.entries(names).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  };
}

/** What a share holds, shown before anything is stored. */
export interface ShareSummary {
  title: string;
  cells: number;
  results: number;
  models: string[];
  datasets: { name: string; rows: number }[];
  clientRows: SharedRows;
  made: number;
  bytes: number;
}

/** The summary of a payload sealed in `bytes` bytes. */
export function summariseShare(p: SharePayload, bytes: number, locale: 'en' | 'ru'): ShareSummary {
  return {
    title: p.notebook.title,
    cells: p.notebook.cells.length,
    results: p.results.length,
    models: p.models.map((m) => m.name[locale] || m.id),
    datasets: p.datasets.map((d) => ({ name: d.name, rows: d.rows })),
    clientRows: p.clientRows,
    made: p.made,
    bytes,
  };
}
