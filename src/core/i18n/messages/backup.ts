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
  'unreadable.lead': {
    one: '{count} stored record could not be read and is left aside ({list}); everything else works. Back up what can be read first (Storage → Backups), then delete it.',
    other:
      '{count} stored records could not be read and are left aside ({list}); everything else works. Back up what can be read first (Storage → Backups), then delete them.',
  },
  'unreadable.notebooks': 'notebook {key}',
  'unreadable.datasets': 'dataset {key}',
  'unreadable.models': 'model {key}',
  'unreadable.cellResults': 'stored result {key}',
  'unreadable.openStorage': 'Open Storage',
  'unreadable.delete': 'Delete the unreadable records…',
  'unreadable.confirm':
    'Delete the records that cannot be read? They cannot be opened anyway; everything else stays.',
  'unreadable.deleteDo': 'Delete them',
  'failure.brokenTitle': 'Your workspace could not be opened',
  'failure.broken':
    'The browser’s database answered “{error}” when CX Trace opened it. Your work may still be there: try again first (closing other CX Trace tabs or freeing disk space can help). Until it opens nothing could be saved, so no new work is started.',
  'failure.unavailableTitle': 'This browser does not let CX Trace keep data here',
  'failure.unavailable':
    'In a private window, or with this site’s data blocked, nothing could be saved, so CX Trace does not start work here. Open it in a normal window, or allow this site to store data, then try again.',
  'failure.retry': 'Try again',
  'failure.retrying': 'Trying…',
  'failure.reset': 'Reset the database…',
  'failure.resetConfirm':
    'Delete everything CX Trace stored in this browser — datasets, models, notebooks, results — and start empty? This cannot be undone; a backup can be restored afterwards.',
  'failure.resetDo': 'Delete and start empty',
} satisfies Record<string, Message>;
