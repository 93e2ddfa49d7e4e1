import { TaskRun } from './task-run.svelte.ts';
import { getDb } from '../data/db.ts';
import { deleteDataset, renameDataset } from '../data/datasets-repo.ts';
import { findCellsUsingDataset, type DatasetUse } from '../data/dataset-usage.ts';
import { analysisBridge } from '../data/analysis-bridge.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';
import type { ColumnProfile } from '../core/analysis/column-profile.ts';
import type { RowValue } from '../core/worker-api/analysis-api.ts';

export type { DatasetUse } from '../data/dataset-usage.ts';
export type { RowValue } from '../core/worker-api/analysis-api.ts';
export type { CsvDialect } from '../core/storage/export-csv.ts';
import type { CsvDialect } from '../core/storage/export-csv.ts';

/** Renames a stored dataset (blank names are ignored). */
export async function renameStoredDataset(id: string, name: string): Promise<void> {
  await renameDataset(getDb(), id, name);
}

/** The notebook cells that read a dataset (asked before deleting it). */
export function datasetUses(id: string): Promise<DatasetUse[]> {
  return findCellsUsingDataset(getDb(), id);
}

/** Deletes a dataset with its rows and cached results, all or nothing. */
export async function deleteStoredDataset(id: string): Promise<void> {
  await deleteDataset(getDb(), id);
}

/** What a measured size holds for: the dataset's current chunks. */
const sizeKey = (d: DatasetMeta) => `${d.id}\u0000${d.storageId ?? ''}\u0000${d.chunkCount}`;

/**
 * Stored sizes of datasets. Imports record them; for older datasets the analysis worker adds up
 * the chunks once (the page never reads chunks itself).
 */
export class DatasetSizes {
  #measured = $state.raw<Record<string, number>>({});
  // Bookkeeping only (nothing renders it), so a plain Set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #asked = new Set<string>();

  /** The size in bytes, or null while it is being measured. */
  of(meta: DatasetMeta): number | null {
    return meta.storedBytes ?? this.#measured[sizeKey(meta)] ?? null;
  }

  /** Measures the datasets that did not record their size (each once). */
  async measure(datasets: readonly DatasetMeta[]): Promise<void> {
    const todo = datasets.filter(
      (d) => d.storedBytes === undefined && !this.#asked.has(sizeKey(d)),
    );
    if (todo.length === 0) return;
    for (const d of todo) this.#asked.add(sizeKey(d));
    try {
      const sizes = await analysisBridge.call('datasetSizes', {
        datasetIds: todo.map((d) => d.id),
      });
      const measured = { ...this.#measured };
      for (const d of todo) if (sizes[d.id] !== undefined) measured[sizeKey(d)] = sizes[d.id]!;
      this.#measured = measured;
    } catch (e) {
      for (const d of todo) this.#asked.delete(sizeKey(d));
      console.warn('Could not measure dataset sizes', e);
    }
  }
}

/** Rows fetched from the worker per call; the table asks for pages around what is on screen. */
export const ROWS_PAGE = 100;
/** Pages kept on the page at most: the rest of the dataset stays in storage. */
const PAGES_KEPT = 24;
/** Calls to the worker at once; further pages wait for what is on screen by then. */
const MAX_IN_FLIGHT = 2;

/**
 * A window onto a stored dataset's rows for the virtualised preview: pages of rows are fetched
 * from the analysis worker as they come into view, and pages far from view are dropped, so the
 * page never holds more than a few thousand rows of any dataset.
 */
export class RowsWindow {
  /** Fetched pages by page number. Replaced, never mutated, so reads stay reactive. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pages = $state.raw<ReadonlyMap<number, RowValue[][]>>(new Map());
  /** The dataset was deleted while being previewed. */
  missing = $state(false);
  error = $state.raw<unknown>(null);
  #wanted: { first: number; last: number } = { first: 0, last: -1 };
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #inFlight = new Set<number>();
  #disposed = false;

  constructor(
    readonly datasetId: string,
    readonly total: number,
  ) {}

  /** Row `index` (0-based) as its column values, or undefined until it has been fetched. */
  row(index: number): RowValue[] | undefined {
    return this.#pages.get(Math.floor(index / ROWS_PAGE))?.[index % ROWS_PAGE];
  }

  /** Says which rows are on screen: fetches the pages they are on (and the next one). */
  show(first: number, count: number): void {
    const last = Math.min(this.total - 1, first + count - 1);
    this.#wanted = { first: Math.floor(first / ROWS_PAGE), last: Math.floor(last / ROWS_PAGE) };
    this.#pump();
  }

  /** Stops fetching (the table was closed). */
  dispose(): void {
    this.#disposed = true;
  }

  #pump(): void {
    if (this.#disposed || this.missing) return;
    const { first, last } = this.#wanted;
    for (let p = first; p <= last + 1 && this.#inFlight.size < MAX_IN_FLIGHT; p++) {
      if (p * ROWS_PAGE >= this.total) break;
      if (this.#pages.has(p) || this.#inFlight.has(p)) continue;
      void this.#fetch(p);
    }
  }

  async #fetch(page: number): Promise<void> {
    this.#inFlight.add(page);
    try {
      const r = await analysisBridge.call('datasetRows', {
        datasetId: this.datasetId,
        offset: page * ROWS_PAGE,
        limit: ROWS_PAGE,
      });
      if (!r.ok) {
        this.missing = true;
        return;
      }
      this.error = null;
      this.#keep(page, r.rows);
    } catch (e) {
      this.error = e;
      return;
    } finally {
      this.#inFlight.delete(page);
    }
    this.#pump();
  }

  #keep(page: number, rows: RowValue[][]): void {
    // A fresh copy that replaces `#pages` whole, so it need not be reactive itself.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const pages = new Map(this.#pages);
    pages.set(page, rows);
    if (pages.size > PAGES_KEPT) {
      // Drop the pages farthest from what is on screen.
      const centre = (this.#wanted.first + this.#wanted.last) / 2;
      const far = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
      for (const p of far.slice(0, pages.size - PAGES_KEPT)) pages.delete(p);
    }
    this.#pages = pages;
  }
}

/** The column profile of a dataset, computed in the worker chunk by chunk. */
export class ProfileRun extends TaskRun<ColumnProfile[]> {
  start(datasetId: string): Promise<ColumnProfile[] | null> {
    return this.run(async (signal, onProgress) => {
      const r = await analysisBridge.call('datasetProfile', { datasetId }, { signal, onProgress });
      return r.ok ? r.columns : null;
    });
  }
}

/** A dataset exported as CSV in the worker; the result is the file's Blob. */
export class ExportRun extends TaskRun<Blob> {
  start(datasetId: string, dialect: CsvDialect = 'standard'): Promise<Blob | null> {
    return this.run(async (signal, onProgress) => {
      const r = await analysisBridge.call(
        'exportCsv',
        { datasetId, dialect },
        { signal, onProgress },
      );
      return r.ok ? r.blob : null;
    });
  }
}

/** A file name for a dataset's export: its name without characters file systems refuse. */
export function exportFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim();
  return `${safe.replace(/^\.+/, '') || 'dataset'}.csv`;
}
