import { getDb } from '../data/db.ts';
import { deleteModel, putModel, watchModels } from '../data/models-repo.ts';
import { MODEL_FORMAT, type ServiceModel } from '../core/model/model-types.ts';
import { restoreModel } from '../core/model/restore-model.ts';
import { MODEL_TEMPLATES } from '../core/model/templates.ts';
import { storage } from './storage.svelte.ts';

/** The stored service models, kept current (in any tab) while watched. */
export class ModelList {
  items = $state.raw<ServiceModel[]>([]);
  /** The list has been read once (until then `items` is empty, not known). */
  loaded = $state(false);
  error = $state.raw<unknown>(null);

  /** Follows the stored models until the returned function is called. */
  watch(): () => void {
    const sub = watchModels(
      getDb(),
      (models) => {
        this.items = models;
        this.loaded = true;
      },
      (e) => (this.error = e),
    );
    return () => sub.unsubscribe();
  }
}

/** Stores a new model made from a built-in template; returns it. */
export async function createModelFromTemplate(templateId: string): Promise<ServiceModel | null> {
  const template = MODEL_TEMPLATES.find((t) => t.id === templateId);
  if (!template) return null;
  const model = template.create();
  await putModel(getDb(), model);
  void storage.noteSavedWork();
  return model;
}

/** Why a file could not be imported as a model. */
export type ModelImportFailure = { reason: 'not-json'; error: string } | { reason: 'not-model' };

/**
 * Reads a model file (JSON in the format `exportModelJson` writes), repairs and migrates it,
 * and stores it (replacing a stored model with the same id).
 */
export async function importModelJson(
  text: string,
): Promise<{ ok: true; model: ServiceModel } | ({ ok: false } & ModelImportFailure)> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'not-json', error: (e as Error).message };
  }
  if ((raw as { format?: unknown } | null)?.format !== MODEL_FORMAT) {
    return { ok: false, reason: 'not-model' };
  }
  const model = restoreModel(raw);
  await putModel(getDb(), model);
  void storage.noteSavedWork();
  return { ok: true, model };
}

/** A model as a JSON file's text (pretty-printed, with a final line break). */
export function exportModelJson(model: ServiceModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** Deletes a stored model. */
export async function deleteStoredModel(id: string): Promise<void> {
  await deleteModel(getDb(), id);
}
