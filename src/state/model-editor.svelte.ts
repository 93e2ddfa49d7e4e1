import { getDb } from '../data/db.ts';
import { putModel, watchModel } from '../data/models-repo.ts';
import { restoreModel } from '../core/model/restore-model.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import { blankModel } from '../core/model/model-edits.ts';
import { storage } from './storage.svelte.ts';

/** How long edits gather before they are stored (typing a name is one save, not twenty). */
const SAVE_DELAY_MS = 400;
/** How many edits back undo reaches. */
const UNDO_DEPTH = 200;

/**
 * One service model open in the editor: every change is a pure edit (see
 * `core/model/model-edits.ts`) applied here, stored shortly after, and undoable.
 */
export class ModelEditor {
  readonly id: string;
  model = $state.raw<ServiceModel | null>(null);
  /** The model is not stored (deleted, or a wrong link). */
  missing = $state(false);
  /** Edits not yet stored. */
  dirty = $state(false);
  saveError = $state.raw<unknown>(null);
  canUndo = $state(false);
  canRedo = $state(false);

  /** The stored model was changed (or deleted) by another tab since this one loaded or saved it. */
  changedElsewhere = $state<'changed' | 'deleted' | null>(null);

  /** Write times of the versions this editor loaded or stored: any other is another tab's. */
  // Bookkeeping, not state the page shows: a plain set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #ours = new Set<number>();
  #undo: ServiceModel[] = [];
  #redo: ServiceModel[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();

  constructor(id: string) {
    this.id = id;
  }

  /** Reads the stored model (again: undo history and the other-tab warning start afresh). */
  async load(): Promise<void> {
    const record = await getDb().models.get(this.id);
    const model = record ? restoreModel(record.model) : null;
    if (record) this.#ours.add(record.updatedAt);
    this.model = model;
    this.missing = model === null;
    this.#undo = [];
    this.#redo = [];
    this.canUndo = this.canRedo = false;
    this.dirty = false;
    this.changedElsewhere = null;
  }

  /**
   * Watches the stored model for changes made in another tab, so two tabs editing one model do
   * not silently overwrite each other; returns the function that stops watching.
   */
  watch(): () => void {
    const sub = watchModel(getDb(), this.id, (record) => {
      if (this.model === null) return;
      if (!record) this.changedElsewhere = 'deleted';
      else if (!this.#ours.has(record.updatedAt)) this.changedElsewhere = 'changed';
    });
    return () => sub.unsubscribe();
  }

  /** Keeps this tab's version: the next save overwrites the other tab's. */
  keepMine(): void {
    this.changedElsewhere = null;
    if (this.model) this.apply((m) => ({ ...m }));
  }

  /** Applies an edit; an edit that changes nothing is not recorded. */
  apply(edit: (m: ServiceModel) => ServiceModel): void {
    const current = this.model;
    if (!current) return;
    const next = edit(current);
    if (next === current) return;
    this.#undo.push(current);
    if (this.#undo.length > UNDO_DEPTH) this.#undo.shift();
    this.#redo = [];
    this.#set(next);
  }

  /** Goes back one edit. */
  undo(): void {
    const previous = this.#undo.pop();
    if (!previous || !this.model) return;
    this.#redo.push(this.model);
    this.#set(previous);
  }

  /** Redoes the edit undone last. */
  redo(): void {
    const next = this.#redo.pop();
    if (!next || !this.model) return;
    this.#undo.push(this.model);
    this.#set(next);
  }

  /** Stores pending edits now (leaving the page, exporting). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.dirty && this.model) await this.#save(this.model);
    await this.#saving;
  }

  #set(model: ServiceModel): void {
    this.model = model;
    this.canUndo = this.#undo.length > 0;
    this.canRedo = this.#redo.length > 0;
    this.dirty = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  #save(model: ServiceModel): Promise<void> {
    // Saves run one after another, so an older model never lands after a newer one.
    this.#saving = this.#saving.then(async () => {
      try {
        const now = Date.now();
        this.#ours.add(now);
        await putModel(getDb(), model, now);
        this.saveError = null;
        if (this.model === model) this.dirty = false;
        void storage.noteSavedWork();
      } catch (e) {
        this.saveError = e;
      }
    });
    return this.#saving;
  }
}

/** Stores a new empty model; returns it. */
export async function createBlankModel(name: { en: string; ru: string }): Promise<ServiceModel> {
  const model = blankModel(name);
  await putModel(getDb(), model);
  void storage.noteSavedWork();
  return model;
}
