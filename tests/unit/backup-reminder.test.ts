import { describe, expect, it } from 'vitest';
import { backupReminder } from '../../src/core/backup/backup-reminder.ts';

describe('the backup reminder', () => {
  const base = { persisted: false, lastBackupAt: 1_000, edits: 0, datasets: [{ createdAt: 500 }] };

  it('asks for a backup after an import or 20 saved edits, only while storage is not persistent', () => {
    expect(backupReminder(base)).toBeNull();
    expect(backupReminder({ ...base, edits: 19 })).toBeNull();
    expect(backupReminder({ ...base, edits: 20 })).toEqual({ datasets: 0, edits: 20 });
    const imported = { ...base, datasets: [...base.datasets, { createdAt: 2_000 }] };
    expect(backupReminder(imported)).toEqual({ datasets: 1, edits: 0 });
    const refreshed = { ...base, datasets: [{ createdAt: 500, refreshedAt: 1_500 }] };
    expect(backupReminder(refreshed)).toEqual({ datasets: 1, edits: 0 });
    expect(backupReminder({ ...imported, persisted: true })).toBeNull();
    // Never backed up: every dataset counts.
    expect(backupReminder({ ...base, lastBackupAt: null })).toEqual({ datasets: 1, edits: 0 });
    expect(backupReminder({ ...base, lastBackupAt: null, datasets: [] })).toBeNull();
  });
});
