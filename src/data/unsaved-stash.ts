import type { Notebook } from '../core/notebook/notebook.ts';
import { restoreNotebook, type RestoreCellData } from '../core/notebook/restore-notebook.ts';
import type { CxTraceDb } from './db.ts';
import { putNotebook } from './notebooks-repo.ts';

const PREFIX = 'cx-trace:unsaved:';

/**
 * Keeps a notebook's latest state synchronously in localStorage while the page is being
 * hidden or unloaded. An IndexedDB write started at that moment may be cut off with the page;
 * this copy is not, and `recoverStashedNotebooks` brings it back on the next start.
 */
export function stashNotebook(nb: Notebook): void {
  try {
    localStorage.setItem(PREFIX + nb.id, JSON.stringify(nb));
  } catch {
    // Storage full or unavailable: the IndexedDB write is the only chance left.
  }
}

/**
 * Moves every stashed notebook copy into IndexedDB where it is newer than the stored one
 * (the page closed before its last edits were written); returns how many were recovered.
 */
export async function recoverStashedNotebooks(
  db: CxTraceDb,
  restoreCellData: RestoreCellData,
): Promise<number> {
  let keys: string[];
  try {
    keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').filter(
      (k) => k.startsWith(PREFIX),
    );
  } catch {
    return 0;
  }
  let recovered = 0;
  for (const key of keys) {
    let stashed: Notebook | null = null;
    try {
      stashed = restoreNotebook(JSON.parse(localStorage.getItem(key) ?? 'null'), restoreCellData);
    } catch {
      // A damaged copy is dropped below.
    }
    const stored = stashed ? await db.notebooks.get(stashed.id) : undefined;
    // No stored record means the notebook was deleted (it is stored when created): let it go.
    if (stashed && stored && stashed.updatedAt > (stored.updatedAt ?? 0)) {
      await putNotebook(db, stashed);
      recovered++;
    }
    localStorage.removeItem(key);
  }
  return recovered;
}

/** Drops a notebook's stashed copy once IndexedDB holds the same or newer state. */
export function clearStashedNotebook(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Nothing to clear.
  }
}
