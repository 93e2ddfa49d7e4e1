import type { CxTraceDb } from './db.ts';
import type { Notebook } from '../core/notebook/notebook.ts';
import { restoreNotebook, type RestoreCellData } from '../core/notebook/restore-notebook.ts';

/** Every stored notebook, repaired on load, most recently changed first. */
export async function listNotebooks(
  db: CxTraceDb,
  restoreCellData?: RestoreCellData,
): Promise<Notebook[]> {
  const raw = await db.notebooks.orderBy('updatedAt').reverse().toArray();
  return raw
    .map((r) => restoreNotebook(r, restoreCellData))
    .filter((n): n is Notebook => n !== null);
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
