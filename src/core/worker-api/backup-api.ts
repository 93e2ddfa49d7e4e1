/** What the analysis worker's backup calls take and give. */
import type { BackupErrorCode } from '../backup/backup-envelope.ts';

/** A backup made: the file, and what it holds. */
export interface BackupMade {
  blob: Blob;
  datasets: number;
  notebooks: number;
}

/** A restore to run: the file, its passphrase (if it has one), and merge or replace. */
export interface RestoreInput {
  file: Blob;
  passphrase: string | null;
  mode: 'merge' | 'replace';
}

/** A restore done, or why not (the workspace is then as it was). */
export type RestoreOutput =
  | { ok: true; datasets: number; notebooks: number; models: number; results: number }
  | { ok: false; code: BackupErrorCode }
  /** The disk filled up: rolled back, with the space used and available when known. */
  | { ok: false; code: 'storage-full'; usage: number | null; quota: number | null };
