import type { CxTraceDb } from './db.ts';

/** A stored setting, or undefined. */
export async function getSetting(db: CxTraceDb, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

/** Stores a setting. */
export async function putSetting(db: CxTraceDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
