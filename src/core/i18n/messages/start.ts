import type { Message } from '../message-types.ts';

/**
 * The messages the app's frame and home screen show before anything else has loaded: the only
 * part of a language's catalogue in the first load (`state/i18n.svelte.ts` loads the rest
 * right after). A test checks that every message key the first load's code names is here.
 */
export const startEn = {
  'app.name': 'CX Trace',
  'app.tagline': 'Customer experience analytics that stays on your computer',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.later': 'Later',
  'common.reload': 'Reload',
  'common.save': 'Save',
  'datasets.title': 'Datasets',
  'db.blocked':
    'CX Trace was updated in another tab. Reload this tab to keep working with your data.',
  'error.quota':
    'The browser’s storage for CX Trace is full. Delete datasets or notebooks you no longer need, then try again.',
  'error.workerCrashed':
    'The analysis stopped unexpectedly (the browser may be short of memory). Try again; close other tabs if it repeats.',
  'failure.broken':
    'The browser’s database answered “{error}” when CX Trace opened it. Your work may still be there: try again first (closing other CX Trace tabs or freeing disk space can help). Until it opens nothing could be saved, so no new work is started.',
  'failure.brokenTitle': 'Your workspace could not be opened',
  'failure.reset': 'Reset the database…',
  'failure.resetConfirm':
    'Delete everything CX Trace stored in this browser — datasets, models, notebooks, results — and start empty? This cannot be undone; a backup can be restored afterwards.',
  'failure.resetDo': 'Delete and start empty',
  'failure.retry': 'Try again',
  'failure.retrying': 'Trying…',
  'failure.unavailable':
    'In a private window, or with this site’s data blocked, nothing could be saved, so CX Trace does not start work here. Open it in a normal window, or allow this site to store data, then try again.',
  'failure.unavailableTitle': 'This browser does not let CX Trace keep data here',
  'home.copyOf': '{title} (copy)',
  'home.count': { one: '{count} notebook', other: '{count} notebooks' },
  'home.create': 'Create',
  'home.defaultName': 'Notebook {n}',
  'home.delete': 'Delete',
  'home.deleteConfirm': 'Delete the notebook “{title}” with its {cells}? This cannot be undone.',
  'home.deleteOf': 'Delete “{title}”',
  'home.demo': 'Open the demo',
  'home.demoCancelled': 'The demo was not opened.',
  'home.demoFailed': 'Could not open the demo: {error}',
  'home.demoGenerating': 'Generating the demo world…',
  'home.demoHint':
    'A B2B distributor with 2,000 clients over 24 months: six datasets, a service model and a notebook to start from. All made in this browser.',
  'home.demoImporting': 'Importing “{name}”: {done} of {total}',
  'home.demoProgress': 'Making the demo',
  'home.demoRowsOf': { one: '{count} row', other: '{count} rows' },
  'home.duplicate': 'Duplicate',
  'home.duplicateOf': 'Duplicate “{title}”',
  'home.empty': 'No notebooks yet. Create one, or start with the demo.',
  'home.importOwn': 'Import a file…',
  'home.nameEmpty': 'Give the notebook a name.',
  'home.nameLabel': 'Notebook name',
  'home.new': 'New notebook',
  'home.ownData':
    'Start with your own data: import a CSV, Excel or JSON export of your survey or CRM. It stays in this browser.',
  'home.rename': 'Rename',
  'home.renameLabel': 'New name for “{title}”',
  'home.renameOf': 'Rename “{title}”',
  'home.title': 'Notebooks',
  'home.untitled': 'Untitled notebook',
  'home.updated': 'Updated {date}',
  'kind.chart': 'Chart',
  'kind.clusters': 'Comment clusters',
  'kind.drivers': 'Key drivers',
  'kind.frequency': 'Complaint frequency',
  'kind.frontline': 'Clients to recover',
  'kind.import': 'Import data',
  'kind.index': 'Satisfaction index',
  'kind.join': 'Join datasets',
  'kind.markdown': 'Text',
  'kind.metric': 'Metric by group',
  'kind.nps': 'NPS summary',
  'kind.trace': 'Trace',
  'kind.transform': 'Transform a table',
  'lang.en': 'English',
  'lang.ru': 'Русский',
  'models.title': 'Service models',
  'nav.language': 'Language',
  'nav.notebooks': 'Notebooks',
  'nav.storage': 'Storage',
  'notebook.cells': { one: '{count} cell', other: '{count} cells' },
  'privacy.button': 'Privacy',
  'pwa.offlineReady': 'CX Trace is ready to work offline.',
  'pwa.reloadRequired':
    'CX Trace was updated in another tab. Reload this tab to use the new version.',
  'pwa.update': 'A new version of CX Trace is ready.',
  'pwa.updateWaits':
    'A new version of CX Trace is ready. It will be offered once the data being stored is saved: reloading now would stop that.',
  'unreadable.cellResults': 'stored result {key}',
  'unreadable.confirm':
    'Delete the records that cannot be read? They cannot be opened anyway; everything else stays.',
  'unreadable.datasets': 'dataset {key}',
  'unreadable.delete': 'Delete the unreadable records…',
  'unreadable.deleteDo': 'Delete them',
  'unreadable.lead': {
    one: '{count} stored record could not be read and is left aside ({list}); everything else works. Back up what can be read first (Storage → Backups), then delete it.',
    other:
      '{count} stored records could not be read and are left aside ({list}); everything else works. Back up what can be read first (Storage → Backups), then delete them.',
  },
  'unreadable.models': 'model {key}',
  'unreadable.notebooks': 'notebook {key}',
  'unreadable.openStorage': 'Open Storage',
} satisfies Record<string, Message>;
