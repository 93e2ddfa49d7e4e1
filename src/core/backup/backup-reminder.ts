/**
 * When the Storage panel reminds the analyst to back up: storage is not persistent (the browser
 * may delete it) and, since the last backup, a dataset was imported or refreshed, or
 * `EDITS_BEFORE_REMINDER` edits were saved.
 */

/** Saved edits since the last backup that call for a new one. */
export const EDITS_BEFORE_REMINDER = 20;

/** What the reminder looks at. */
export interface BackupState {
  persisted: boolean | null;
  /** When the last backup was made (epoch ms); null when never. */
  lastBackupAt: number | null;
  /** Edits saved since then. */
  edits: number;
  datasets: readonly { createdAt: number; refreshedAt?: number }[];
}

/** Why to back up now (datasets imported, edits saved since the last backup), or null. */
export function backupReminder(s: BackupState): { datasets: number; edits: number } | null {
  if (s.persisted === true) return null;
  const since = s.lastBackupAt ?? -Infinity;
  const datasets = s.datasets.filter(
    (d) => Math.max(d.createdAt, d.refreshedAt ?? 0) > since,
  ).length;
  return datasets > 0 || s.edits >= EDITS_BEFORE_REMINDER ? { datasets, edits: s.edits } : null;
}
