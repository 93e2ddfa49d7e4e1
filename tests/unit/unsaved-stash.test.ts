import { beforeEach, describe, expect, it } from 'vitest';
import { CxTraceDb } from '../../src/data/db.ts';
import { getNotebook, putNotebook } from '../../src/data/notebooks-repo.ts';
import { recoverStashedNotebooks, stashNotebook } from '../../src/data/unsaved-stash.ts';
import { restoreCellData } from '../../src/core/notebook/cell-kinds.ts';
import { createCell, createNotebook } from '../../src/core/notebook/notebook.ts';

/** Node has no localStorage; this is the Web Storage interface over a Map (as fake-indexeddb is for IndexedDB). */
class MemoryStorage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  key(i: number) {
    return [...this.#m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.#m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.#m.set(k, String(v));
  }
  removeItem(k: string) {
    this.#m.delete(k);
  }
  clear() {
    this.#m.clear();
  }
}

let db: CxTraceDb;
let n = 0;
beforeEach(async () => {
  globalThis.localStorage = new MemoryStorage() as unknown as Storage;
  db = new CxTraceDb(`stash-${++n}`);
  await db.open();
});

describe('recovering edits the page could not save before it closed', () => {
  it('restores a stashed copy newer than the stored notebook, and only once', async () => {
    const nb = createNotebook('Draft', 100);
    await putNotebook(db, nb);
    stashNotebook({
      ...nb,
      updatedAt: 200,
      cells: [createCell('markdown', { source: 'late edit' })],
    });
    expect(await recoverStashedNotebooks(db, restoreCellData)).toBe(1);
    expect((await getNotebook(db, nb.id))!.cells[0]!.data).toEqual({ source: 'late edit' });
    expect(await recoverStashedNotebooks(db, restoreCellData)).toBe(0);
  });

  it('keeps the stored notebook when the stash is not newer', async () => {
    const nb = createNotebook('Saved', 300);
    await putNotebook(db, nb);
    stashNotebook({ ...nb, title: 'older', updatedAt: 250 });
    expect(await recoverStashedNotebooks(db, restoreCellData)).toBe(0);
    expect((await getNotebook(db, nb.id))!.title).toBe('Saved');
    expect(localStorage.length).toBe(0);
  });

  it('does not bring back a notebook deleted since, and drops damaged copies', async () => {
    stashNotebook(createNotebook('Deleted elsewhere', 500));
    localStorage.setItem('cx-trace:unsaved:broken', '{not json');
    expect(await recoverStashedNotebooks(db, restoreCellData)).toBe(0);
    expect(await db.notebooks.count()).toBe(0);
    expect(localStorage.length).toBe(0);
  });
});
