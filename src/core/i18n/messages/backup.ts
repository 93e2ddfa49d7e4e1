import type { Message } from '../message-types.ts';

/** Messages of backups and restores. */
export const backupEn = {
  'backup.title': 'Backups',
  'backup.remind': 'Time for a backup: {why} since {since}.',
  'backup.remindDatasets': { one: '{count} dataset imported', other: '{count} datasets imported' },
  'backup.remindEdits': { one: '{count} edit saved', other: '{count} edits saved' },
  'backup.sinceNever': 'you started',
  'backup.rule':
    'The reminder shows while storage is not persistent and, since the last backup, a dataset was imported or {edits} edits were saved.',
  'backup.last': 'Last backup: {when}.',
  'backup.never': 'No backup yet.',
  'backup.how':
    'One file with every dataset, model, notebook, stored result and setting. Keep it somewhere other than this browser: clearing the browser’s data, or the browser itself when space runs low, deletes the workspace.',
  'backup.encrypt': 'Encrypt with a passphrase',
  'backup.passphrase': 'Passphrase',
  'backup.passphraseShort': 'A passphrase needs at least 8 characters.',
  'backup.make': 'Back up everything',
  'backup.making': 'Backing up…',
  'backup.saved': 'Saved “{file}”: {datasets} and {notebooks}, {size}.',
  'backup.datasets': { one: '{count} dataset', other: '{count} datasets' },
  'backup.notebooks': { one: '{count} notebook', other: '{count} notebooks' },
  'backup.restore': 'Restore from a backup',
  'backup.chooseFile': 'Backup file',
  'backup.mode': 'This browser already has work. What should the backup do?',
  'backup.merge': 'Merge: keep what is here and add what the backup has',
  'backup.replace': 'Replace: this workspace becomes the backup',
  'backup.restoreNow': 'Restore',
  'backup.restoring': 'Restoring…',
  'backup.restored':
    'Restored {datasets}, {notebooks}, {models} and {results}; every dataset checked against its checksum.',
  'backup.models': { one: '{count} model', other: '{count} models' },
  'backup.results': { one: '{count} stored result', other: '{count} stored results' },
  'backup.failed': 'Nothing was changed: {reason}',
  'backup.error.not-a-backup': 'this file is not a CX Trace backup.',
  'backup.error.newer-version': 'the backup was made by a newer version of CX Trace.',
  'backup.error.needs-passphrase': 'the backup is encrypted: enter its passphrase.',
  'backup.error.wrong-passphrase': 'wrong passphrase.',
  'backup.error.damaged': 'the file was changed after it was made.',
  'backup.error.truncated': 'the file is incomplete (cut short).',
  'backup.error.other': '{error}',
  'backup.error.storage-full':
    'the browser’s storage is full ({used} used, {free} free); free some space (delete datasets you no longer need) and try again.',
  'backup.error.storage-full-unknown':
    'the browser’s storage is full; free some space (delete datasets you no longer need) and try again.',
} satisfies Record<string, Message>;
