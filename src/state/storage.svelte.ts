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
import { deleteUnreadable, findUnreadable, type Unreadable } from '../data/unreadable.ts';

const ASKED = 'persistAsked';
/** When the last backup was made (epoch ms). */
const LAST_BACKUP = 'lastBackupAt';
/** Edits saved since the last backup. */
const EDITS = 'editsSinceBackup';

/** This browser's storage: use, quota, persistence, stored datasets, and whether it works at all. */
export class StorageState {
  report = $state<StorageReport>({ usage: null, quota: null, persisted: null });
  datasets = $state.raw<DatasetMeta[]>([]);
  /** The dataset list has been read once (until then `datasets` is empty, not known). */
  datasetsLoaded = $state(false);
  /**
   * Why the database could not be opened: the browser allows no storage here (a private
   * window, site data blocked) or the database itself fails (`broken`, with the browser's error).
   */
  failure = $state<{ kind: 'unavailable' | 'broken'; error: string } | null>(null);
  /** The database could not be opened: nothing can be saved. */
  get unavailable(): boolean {
    return this.failure !== null;
  }
  /** Another tab upgraded the database; this tab must reload. */
  blocked = $state(false);
  persistDenied = $state(false);
  /** When the last backup was made; null when never (see `backupReminder`). */
  lastBackupAt = $state<number | null>(null);
  /** Edits saved since the last backup. */
  edits = $state(0);
  /** Stored records the app cannot read (left aside until the analyst deletes them). */
  unreadable = $state.raw<Unreadable[]>([]);

  constructor() {
    onVersionChange(() => (this.blocked = true));
  }

  /** Opens the database and reads the report; flags storage as unavailable when it cannot. */
  async init(): Promise<void> {
    const db = getDb();
    try {
      await db.open();
      this.failure = null;
    } catch (e) {
      this.failure = storageFailure(e);
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
    this.unreadable = await findUnreadable(db).catch(() => []);
    const last = await getSetting(db, LAST_BACKUP).catch(() => null);
    this.lastBackupAt = typeof last === 'number' ? last : null;
    const edits = await getSetting(db, EDITS).catch(() => 0);
    this.edits = typeof edits === 'number' ? edits : 0;
    await this.refresh();
  }

  /** Deletes the records that cannot be read (the analyst confirmed it). */
  async deleteUnreadable(): Promise<void> {
    await deleteUnreadable(getDb(), this.unreadable);
    this.unreadable = await findUnreadable(getDb());
  }

  /** A backup was made: the reminder counts from now. */
  async noteBackup(now = Date.now()): Promise<void> {
    this.lastBackupAt = now;
    this.edits = 0;
    const db = getDb();
    await putSetting(db, LAST_BACKUP, now);
    await putSetting(db, EDITS, 0);
  }

  /** Tries to open the database again (after closing other tabs, freeing space…). */
  async retry(): Promise<void> {
    getDb().close();
    await this.init();
  }

  /** Deletes the database, with everything in it, and starts empty (asked for explicitly). */
  async resetDatabase(): Promise<void> {
    const db = getDb();
    db.close();
    await db.delete();
    await this.init();
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
    this.edits++;
    await putSetting(getDb(), EDITS, this.edits).catch(() => undefined);
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

/** Errors that mean the browser allows no storage here, rather than a failing database. */
const NO_STORAGE = new Set(['MissingAPIError', 'SecurityError']);

/** What an error opening the database says (Dexie wraps the browser's in `inner`). */
function storageFailure(e: unknown): { kind: 'unavailable' | 'broken'; error: string } {
  const outer = e as {
    name?: string;
    message?: string;
    inner?: { name?: string; message?: string };
  };
  const inner = outer.inner ?? outer;
  const name = inner.name ?? outer.name ?? 'Error';
  return {
    kind: NO_STORAGE.has(name) || NO_STORAGE.has(outer.name ?? '') ? 'unavailable' : 'broken',
    error: inner.message ? `${name}: ${inner.message}` : name,
  };
}

/** The app's storage state. */
export const storage = new StorageState();
