import { getDb, onVersionChange } from '../data/db.ts';
import { cleanUnfinishedImports, watchDatasets } from '../data/datasets-repo.ts';
import { getSetting, putSetting } from '../data/settings-repo.ts';
import {
  readStorageReport,
  requestPersistence,
  type StorageReport,
} from '../data/storage-estimate.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';
import { recoverStashedNotebooks } from '../data/unsaved-stash.ts';
import { restoreCellData } from '../core/notebook/cell-kinds.ts';

const ASKED = 'persistAsked';

/** This browser's storage: use, quota, persistence, stored datasets, and whether it works at all. */
export class StorageState {
  report = $state<StorageReport>({ usage: null, quota: null, persisted: null });
  datasets = $state.raw<DatasetMeta[]>([]);
  /** The dataset list has been read once (until then `datasets` is empty, not known). */
  datasetsLoaded = $state(false);
  /** IndexedDB could not be opened (private window, disabled storage). */
  unavailable = $state(false);
  /** Another tab upgraded the database; this tab must reload. */
  blocked = $state(false);
  persistDenied = $state(false);

  constructor() {
    onVersionChange(() => (this.blocked = true));
  }

  /** Opens the database and reads the report; flags storage as unavailable when it cannot. */
  async init(): Promise<void> {
    const db = getDb();
    try {
      await db.open();
    } catch {
      this.unavailable = true;
      this.report = await readStorageReport();
      return;
    }
    // Housekeeping: a failure here loses nothing and must not stop the app.
    // Not awaited: an import still running in another tab must not hold up the start.
    cleanUnfinishedImports(db).catch((e: unknown) =>
      console.warn('Could not clean unfinished imports', e),
    );
    await recoverStashedNotebooks(db, restoreCellData).catch((e: unknown) =>
      console.warn('Could not recover unsaved notebook edits', e),
    );
    // The dataset list follows storage for the app's lifetime, imports in other tabs included.
    watchDatasets(
      db,
      (list) => {
        this.datasets = list;
        this.datasetsLoaded = true;
      },
      (e) => console.warn('Could not read the dataset list', e),
    );
    await this.refresh();
  }

  /** Re-reads use, quota and persistence. */
  async refresh(): Promise<void> {
    this.report = await readStorageReport();
  }

  /**
   * Called after work is saved. The first time, asks the browser to keep this origin's data
   * (browsers grant it more readily once the user has done something worth keeping).
   */
  async noteSavedWork(): Promise<void> {
    if (this.report.persisted) return;
    const db = getDb();
    if (await getSetting(db, ASKED).catch(() => true)) return;
    await putSetting(db, ASKED, true);
    await requestPersistence();
    await this.refresh();
  }

  /** Asks for persistent storage now, because the user asked; says so if the browser declines. */
  async askPersist(): Promise<void> {
    this.persistDenied = !(await requestPersistence());
    await this.refresh();
  }
}

/** The app's storage state. */
export const storage = new StorageState();
