/** What the browser says about this origin's storage. */
export interface StorageReport {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** Storage use, quota and persistence, with null where the browser does not tell. */
export async function readStorageReport(): Promise<StorageReport> {
  const s = navigator.storage;
  if (!s) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    s.estimate ? s.estimate().catch(() => null) : null,
    s.persisted ? s.persisted().catch(() => null) : null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks the browser to keep this origin's data under storage pressure; true when granted. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
