import type { Message } from '../message-types.ts';

/** Messages of the home screen's start: naming a new notebook, starting from one's own data. */
export const homeEn = {
  'home.defaultName': 'Notebook {n}',
  'home.nameLabel': 'Notebook name',
  'home.create': 'Create',
  'home.nameEmpty': 'Give the notebook a name.',
  'home.ownData':
    'Start with your own data: import a CSV, Excel or JSON export of your survey or CRM. It stays in this browser.',
  'home.importOwn': 'Import a file…',
} satisfies Record<string, Message>;
