import { getDb } from '../data/db.ts';
import {
  deleteNotebook,
  getNotebook,
  putNotebook,
  renameNotebook,
  watchNotebooks,
} from '../data/notebooks-repo.ts';
import {
  createCell,
  createNotebook,
  duplicateNotebook,
  type Notebook,
  type NotebookSettings,
} from '../core/notebook/notebook.ts';
import {
  insertCell,
  moveCell,
  removeCell,
  undoRemove,
  updateCell,
  type RemovedCell,
} from '../core/notebook/cell-order.ts';
import { findCellKind, restoreCellData } from '../core/notebook/cell-kinds.ts';
import type { DemoDatasets } from '../core/notebook/demo-notebook.ts';
import type { Locale } from '../core/i18n/locale.ts';
import { storage } from './storage.svelte.ts';
import { clearStashedNotebook, stashNotebook } from '../data/unsaved-stash.ts';

/** The list of notebooks on the home screen, kept current with storage (in any tab). */
export class NotebookList {
  items = $state.raw<Notebook[]>([]);
  loaded = $state(false);
  /** Why the list could not be read, or null. */
  error = $state.raw<unknown>(null);

  /** Follows the stored notebooks until the returned function is called. */
  watch(): () => void {
    return watchNotebooks(
      getDb(),
      restoreCellData,
      (items) => {
        this.items = items;
        this.loaded = true;
        this.error = null;
      },
      (e) => (this.error = e),
    );
  }

  /** Creates an empty notebook and returns its id. */
  async create(title: string): Promise<string> {
    return this.#add(createNotebook(title));
  }

  /** Creates a notebook with one new cell of `kind` (an import to start from…); returns its id. */
  async createWithCell(title: string, kind: string): Promise<string> {
    const nb = createNotebook(title);
    const spec = findCellKind(kind);
    return this.#add(spec ? { ...nb, cells: [createCell(kind, spec.create())] } : nb);
  }

  /**
   * Creates the introductory notebook in the user's language and returns its id. Its texts load
   * only now, out of the first load.
   */
  async createDemo(locale: Locale, datasets: DemoDatasets, modelId: string): Promise<string> {
    const { createDemoNotebook } = await import('../core/notebook/demo-notebook.ts');
    return this.#add(createDemoNotebook(locale, datasets, modelId));
  }

  /** Renames a notebook (blank names are ignored); its cells are not touched. */
  async rename(id: string, title: string): Promise<void> {
    if (title.trim() === '') return;
    await renameNotebook(getDb(), id, title.trim());
  }

  /** Copies a notebook, as stored now, under a new title; returns the copy's id. */
  async duplicate(id: string, title: string): Promise<string | null> {
    const nb = await getNotebook(getDb(), id, restoreCellData);
    return nb ? this.#add(duplicateNotebook(nb, title)) : null;
  }

  /** Deletes a notebook. */
  async remove(id: string): Promise<void> {
    await deleteNotebook(getDb(), id);
  }

  async #add(nb: Notebook): Promise<string> {
    await putNotebook(getDb(), nb);
    void storage.noteSavedWork();
    return nb.id;
  }
}

/** How far the open notebook's changes are saved. */
export type SaveStatus = 'saved' | 'saving' | 'error';

const SAVE_DELAY_MS = 300;

/** One open notebook: its cells, edits, undo of deletion, and autosave to IndexedDB. */
export class OpenNotebook {
  notebook = $state.raw<Notebook | null>(null);
  status = $state<'loading' | 'missing' | 'ready'>('loading');
  save = $state<SaveStatus>('saved');
  /** Why the last save failed (shown through `errorMessage`), or null. */
  saveError = $state.raw<unknown>(null);
  /** The last deleted cell, while it can still be brought back. */
  removed = $state.raw<RemovedCell | null>(null);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #saving: Promise<void> = Promise.resolve();

  /** Loads a notebook by id. */
  async load(id: string): Promise<void> {
    this.status = 'loading';
    const nb = await getNotebook(getDb(), id, restoreCellData);
    this.notebook = nb;
    this.status = nb ? 'ready' : 'missing';
  }

  setTitle(title: string): void {
    this.#change((nb) => ({ ...nb, title }), 'typing');
  }

  /** Changes the notebook's own settings (automatic runs…). */
  setSettings(settings: Partial<NotebookSettings>): void {
    this.#change((nb) => ({ ...nb, settings: { autoRun: false, ...nb.settings, ...settings } }));
  }

  /**
   * Adds a cell of `kind` at `index` (default: the end), new or with `data` (normalised as
   * stored data is); returns its id.
   */
  addCell(kind: string, index?: number, data?: unknown): string | null {
    const spec = findCellKind(kind);
    if (!spec) return null;
    const cell = createCell(kind, data === undefined ? spec.create() : spec.restore(data));
    this.#change((nb) => ({ ...nb, cells: insertCell(nb.cells, cell, index) }));
    return cell.id;
  }

  move(id: string, delta: number): void {
    this.#change((nb) => ({ ...nb, cells: moveCell(nb.cells, id, delta) }));
  }

  remove(id: string): void {
    this.#change((nb) => {
      const { cells, removed } = removeCell(nb.cells, id);
      this.removed = removed;
      return { ...nb, cells };
    });
  }

  /** Brings back the last deleted cell at its place. */
  undoRemove(): void {
    const removed = this.removed;
    if (!removed) return;
    this.removed = null;
    this.#change((nb) => ({ ...nb, cells: undoRemove(nb.cells, removed) }));
  }

  /** Forgets the last deleted cell (the undo offer has expired). */
  dismissUndo(): void {
    this.removed = null;
  }

  toggleCollapsed(id: string): void {
    this.#change((nb) => {
      const cell = nb.cells.find((c) => c.id === id);
      return cell ? { ...nb, cells: updateCell(nb.cells, id, { collapsed: !cell.collapsed }) } : nb;
    });
  }

  setCellData(id: string, data: unknown): void {
    this.#change((nb) => ({ ...nb, cells: updateCell(nb.cells, id, { data }) }), 'typing');
  }

  /**
   * Writes pending changes now. When the page is being hidden or closed (`leaving`), also keeps
   * a synchronous copy in case the page goes before the write completes.
   */
  async flush(leaving = false): Promise<void> {
    if (leaving && this.notebook && this.save !== 'saved') stashNotebook(this.notebook);
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
      this.#saving = this.#write();
    }
    await this.#saving;
  }

  /**
   * Applies an edit and saves it: at once for a structural change (a click the user expects to
   * stick even if the tab closes right after), a moment later for typing, so that a burst of
   * keystrokes makes one write.
   */
  #change(edit: (nb: Notebook) => Notebook, kind: 'structure' | 'typing' = 'structure'): void {
    const nb = this.notebook;
    if (!nb) return;
    this.notebook = { ...edit(nb), updatedAt: Date.now() };
    this.save = 'saving';
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (kind === 'structure') {
      this.#saving = this.#write();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#saving = this.#write();
    }, SAVE_DELAY_MS);
  }

  async #write(): Promise<void> {
    // Writes run one after another, each storing the latest state.
    await this.#saving.catch(() => undefined);
    const nb = this.notebook;
    if (!nb) return;
    try {
      await putNotebook(getDb(), nb);
      if (this.notebook === nb) {
        // Only a write of the latest state makes a stashed copy redundant.
        clearStashedNotebook(nb.id);
        if (this.#timer === null) this.save = 'saved';
      }
      this.saveError = null;
      void storage.noteSavedWork();
    } catch (e) {
      this.save = 'error';
      this.saveError = e;
    }
  }
}
