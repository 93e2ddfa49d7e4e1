import { liveQuery } from 'dexie';
import type { CxTraceDb } from './db.ts';
import type { Notebook } from '../core/notebook/notebook.ts';
import { restoreNotebook, type RestoreCellData } from '../core/notebook/restore-notebook.ts';

/** Every stored notebook, repaired on load, most recently changed first. */
export async function listNotebooks(
  db: CxTraceDb,
  restoreCellData?: RestoreCellData,
): Promise<Notebook[]> {
  const raw = await db.notebooks.orderBy('updatedAt').reverse().toArray();
  // A record that cannot be read is left aside (and listed by `findUnreadable`), not fatal.
  return raw.flatMap((r) => {
    try {
      const n = restoreNotebook(r, restoreCellData);
      return n ? [n] : [];
    } catch {
      return [];
    }
  });
}

/** One notebook, repaired on load, or null. */
export async function getNotebook(
  db: CxTraceDb,
  id: string,
  restoreCellData?: RestoreCellData,
): Promise<Notebook | null> {
  return restoreNotebook(await db.notebooks.get(id), restoreCellData);
}

/** Stores a notebook as it is (the caller sets `updatedAt`). */
export async function putNotebook(db: CxTraceDb, notebook: Notebook): Promise<void> {
  // $state proxies cannot be cloned into IndexedDB; store a plain snapshot.
  await db.notebooks.put(JSON.parse(JSON.stringify(notebook)) as Notebook);
}

/** Deletes a notebook. */
export async function deleteNotebook(db: CxTraceDb, id: string): Promise<void> {
  await db.notebooks.delete(id);
}

/** Renames a stored notebook in place, leaving its cells as they are in storage. */
export async function renameNotebook(db: CxTraceDb, id: string, title: string): Promise<void> {
  await db.notebooks.update(id, { title, updatedAt: Date.now() });
}

/**
 * Calls `onChange` with the current notebook list now and whenever it changes, in this tab or
 * another one; returns a function that stops watching.
 */
export function watchNotebooks(
  db: CxTraceDb,
  restoreCellData: RestoreCellData | undefined,
  onChange: (notebooks: Notebook[]) => void,
  onError: (e: unknown) => void,
): () => void {
  const sub = liveQuery(() => listNotebooks(db, restoreCellData)).subscribe({
    next: onChange,
    error: onError,
  });
  return () => sub.unsubscribe();
}
