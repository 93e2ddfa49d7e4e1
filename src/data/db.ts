import Dexie, { type Table } from 'dexie';
import type { Notebook } from '../core/notebook/notebook.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';
import type { CellRequest, InputVersions } from '../core/notebook/cell-query.ts';

/** The IndexedDB database name. */
export const DB_NAME = 'cx-trace';

/**
 * One stored chunk of a dataset: Arrow IPC bytes of up to `CHUNK_ROWS` rows, as a Blob (a
 * Uint8Array in chunks written before Blobs; read through `restoreChunkBytes`).
 */
export interface ChunkRecord {
  datasetId: string;
  index: number;
  rows: number;
  bytes: Blob | Uint8Array;
}

/** A cached analysis result, dropped with its dataset. */
export interface ResultRecord {
  key: string;
  datasetId: string;
  createdAt: number;
  value: unknown;
}

/** A stored service model (see `src/core/model`), restored with `restoreModel` when read. */
export interface ModelRecord {
  id: string;
  updatedAt: number;
  model: unknown;
  /** Counts the saves: a cell result records it to know when the model has changed. */
  revision?: number;
}

/**
 * A cell's stored result, keyed by its request (`requestKey`): the request, the versions of the
 * inputs it read, the notebooks that show it, its size, and the result itself.
 */
export interface CellResultRecord {
  key: string;
  notebookIds: string[];
  /** The cells that showed it (the latest result of a cell is found by its id). */
  cellIds: string[];
  request: Omit<CellRequest, 'reads'> & { reads: CellRequest['reads'] };
  versions: InputVersions;
  /** The result's size as stored, in bytes (its JSON length, an estimate). */
  bytes: number;
  createdAt: number;
  value: unknown;
}

/** One setting (language, whether persistence was asked…). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * The one Dexie schema of CX Trace. The main thread and every worker open their own
 * connection from it. Never delete a `version()` declaration: add a new one.
 */
export class CxTraceDb extends Dexie {
  datasets!: Table<DatasetMeta, string>;
  chunks!: Table<ChunkRecord, [string, number]>;
  notebooks!: Table<Notebook, string>;
  results!: Table<ResultRecord, string>;
  settings!: Table<SettingRecord, string>;
  models!: Table<ModelRecord, string>;
  cellResults!: Table<CellResultRecord, string>;

  /**
   * @param durability `strict` makes each commit wait until it is on disk (used for the
   *   metadata write that makes an imported dataset visible).
   */
  constructor(name = DB_NAME, durability: 'default' | 'strict' = 'default') {
    super(name, { chromeTransactionDurability: durability });
    this.version(1).stores({
      datasets: 'id, name, createdAt',
      chunks: '[datasetId+index], datasetId',
      notebooks: 'id, updatedAt',
      results: 'key, datasetId, createdAt',
      settings: 'key',
    });
    // Version 2: service models.
    this.version(2).stores({ models: 'id, updatedAt' });
    // Version 3: the notebooks' stored cell results, by request, with the notebooks showing them.
    this.version(3).stores({ cellResults: 'key, *notebookIds, *cellIds, createdAt' });
  }
}

let shared: CxTraceDb | null = null;
const versionChangeListeners = new Set<() => void>();

/**
 * This realm's connection. When another tab opens a newer schema, Dexie closes this
 * connection so the upgrade is not blocked, and listeners are told so the UI can ask for a reload.
 */
export function getDb(): CxTraceDb {
  if (!shared) {
    const db = new CxTraceDb();
    db.on('versionchange', () => {
      db.close();
      for (const listener of versionChangeListeners) listener();
      return false;
    });
    shared = db;
  }
  return shared;
}

/** Be told when a newer version of the app in another tab needs this connection closed. */
export function onVersionChange(listener: () => void): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}
