import { liveQuery, type Subscription } from 'dexie';
import type { CxTraceDb } from './db.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import { restoreModel } from '../core/model/restore-model.ts';

/** Stores a service model (replacing the one with its id), counting the save in its revision. */
export async function putModel(
  db: CxTraceDb,
  model: ServiceModel,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.models, async () => {
    const previous = await db.models.get(model.id);
    await db.models.put({
      id: model.id,
      updatedAt: now,
      model,
      revision: (previous?.revision ?? 0) + 1,
    });
  });
}

/** A stored service model, repaired and migrated to the current format; null when absent. */
export async function getModel(db: CxTraceDb, id: string): Promise<ServiceModel | null> {
  const record = await db.models.get(id);
  return record ? restoreModel(record.model) : null;
}

/** Every stored service model, most recently changed first. */
export async function listModels(db: CxTraceDb): Promise<ServiceModel[]> {
  const records = await db.models.orderBy('updatedAt').reverse().toArray();
  return records.map((r) => restoreModel(r.model));
}

/** Keeps `onChange` told of the stored models (in any tab); returns the subscription. */
export function watchModels(
  db: CxTraceDb,
  onChange: (models: ServiceModel[]) => void,
  onError: (e: unknown) => void = () => undefined,
): Subscription {
  return liveQuery(() => listModels(db)).subscribe({ next: onChange, error: onError });
}

/** Deletes a stored service model. */
export async function deleteModel(db: CxTraceDb, id: string): Promise<void> {
  await db.models.delete(id);
}

/**
 * Keeps `onChange` told of one stored model and when it was last written (undefined once it is
 * deleted), from any tab; returns the subscription.
 */
export function watchModel(
  db: CxTraceDb,
  id: string,
  onChange: (record: { updatedAt: number; model: ServiceModel } | undefined) => void,
  onError: (e: unknown) => void = () => undefined,
): Subscription {
  return liveQuery(async () => {
    const record = await db.models.get(id);
    return record ? { updatedAt: record.updatedAt, model: restoreModel(record.model) } : undefined;
  }).subscribe({ next: onChange, error: onError });
}
