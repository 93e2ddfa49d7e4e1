import type { IndexableType } from 'dexie';
import type { CxTraceDb } from './db.ts';
import { restoreNotebook } from '../core/notebook/restore-notebook.ts';
import { restoreCellData } from '../core/notebook/cell-kinds.ts';
import { restoreDatasetMeta } from '../core/storage/dataset-meta.ts';
import { restoreModel } from '../core/model/restore-model.ts';

/** The stores whose records the app restores when it reads them. */
export type RecordStore = 'notebooks' | 'datasets' | 'models' | 'cellResults';

/** A stored record the app cannot read: its store and its key. */
export interface Unreadable {
  store: RecordStore;
  key: IndexableType;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a raw record of `store` can be read (its restore gives something and does not throw). */
export function readable(store: RecordStore, raw: unknown): boolean {
  try {
    switch (store) {
      case 'notebooks':
        return restoreNotebook(raw, restoreCellData) !== null;
      case 'datasets':
        return restoreDatasetMeta(raw) !== null;
      case 'models':
        restoreModel(isRecord(raw) ? raw.model : null);
        return isRecord(raw) && typeof raw.id === 'string';
      case 'cellResults':
        return isRecord(raw) && typeof raw.key === 'string' && isRecord(raw.request);
    }
  } catch {
    return false;
  }
}

/** Every record the app cannot read, store by store. */
export async function findUnreadable(db: CxTraceDb): Promise<Unreadable[]> {
  const out: Unreadable[] = [];
  for (const store of ['notebooks', 'datasets', 'models', 'cellResults'] as const) {
    await db
      .table(store)
      .toCollection()
      .each((raw: unknown, cursor) => {
        if (!readable(store, raw)) out.push({ store, key: cursor.primaryKey });
      });
  }
  return out;
}

/** Deletes records the app cannot read (after the analyst saved what can be). */
export async function deleteUnreadable(db: CxTraceDb, list: readonly Unreadable[]): Promise<void> {
  const stores = [...new Set(list.map((u) => u.store))].map((s) => db.table(s));
  await db.transaction('rw', stores, async () => {
    for (const u of list) await db.table(u.store).delete(u.key);
  });
}
