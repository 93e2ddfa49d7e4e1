import { getDb } from '../data/db.ts';
import { getModel, putModel } from '../data/models-repo.ts';
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

  #undo: ServiceModel[] = [];
  #redo: ServiceModel[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();

  constructor(id: string) {
    this.id = id;
  }

  /** Reads the stored model. */
  async load(): Promise<void> {
    const model = await getModel(getDb(), this.id);
    this.model = model;
    this.missing = model === null;
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
        await putModel(getDb(), model);
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
