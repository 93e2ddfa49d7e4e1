import { WorkerCrashedError } from '../data/worker-bridge.ts';
import { i18n } from './i18n.svelte.ts';

/**
 * A failure in the user's language: known kinds get their own sentence; anything else is
 * shown by its own message, as the detail of the caller's sentence ("Could not …: detail").
 */
export function errorMessage(e: unknown): string {
  if (e instanceof WorkerCrashedError) return i18n.t('error.workerCrashed');
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return i18n.t('error.quota');
  return e instanceof Error ? e.message : String(e);
}
