import type { Message } from '../message-types.ts';

/** Messages of share links, opening a share, and the privacy panel. */
export const shareEn = {
  'share.button': 'Share',
  'share.title': 'Share this notebook',
  'share.how':
    'The notebook, its service model and the results its cells show are packed, compressed and encrypted in this browser. Nothing is uploaded: the link carries the content, and its key sits after the # sign, which browsers never send to any server.',
  'share.rowFree':
    'Row-free: aggregates, charts and verdicts only — no client ids, names or comments.',
  'share.clientLists':
    'Include client lists (the clients to recover, each cluster’s clients and examples, the index’s client table)',
  'share.rowsOf': 'Include the rows of these datasets',
  'share.rowsCount': { one: '{count} row', other: '{count} rows' },
  'share.pseudonymise':
    'Pseudonymise: client ids and names become codes made for this share only; comments lose e-mail addresses, phone and card numbers and names',
  'share.columns': 'Also pseudonymise these columns',
  'share.filter': 'Only the rows where',
  'share.filterAll': '(every row)',
  'share.filterValue': 'is',
  'share.usePassphrase': 'Protect with a passphrase (the key is then not in the link)',
  'share.passphrase': 'Passphrase',
  'share.passphraseShort': 'A passphrase needs at least 8 characters.',
  'share.make': 'Make the share',
  'share.making': 'Encrypting…',
  'share.link': 'Link',
  'share.copy': 'Copy the link',
  'share.copied': 'Copied.',
  'share.size': 'Encrypted share: {size}.',
  'share.tooBig':
    'At {size} the share is too long for a link (the limit is 64 kB). Save it as a file and send the file with the link below, which opens it.',
  'share.saveFile': 'Save the .cxtrace file',
  'share.passphraseApart':
    'The passphrase is not in the link: give it to the recipient another way (by phone, in person).',
  'share.failed': 'Could not make the share: {error}',
  'share.view.later': 'This cell’s result shows once the notebook is added to your workspace.',
  'share.view.none': 'This cell had no result when it was shared.',
  'open.title': 'A shared notebook',
  'open.reading': 'Opening the share…',
  'open.askPassphrase': 'This share is protected by a passphrase.',
  'open.passphrase': 'Passphrase',
  'open.unlock': 'Open',
  'open.askFile':
    'This link opens a share saved as a file. Choose the .cxtrace file you were sent with it.',
  'open.chooseFile': 'Choose the .cxtrace file',
  'open.holds': '“{title}”: {cells} and {results}, made on {made}; {size} encrypted.',
  'open.cells': { one: '{count} cell', other: '{count} cells' },
  'open.results': { one: '{count} result', other: '{count} results' },
  'open.models': 'Service model: {names}.',
  'open.rowFree': 'No client rows: aggregates, charts and verdicts only.',
  'open.rows': 'Rows of {list}.',
  'open.rowsOf': '“{name}” ({rows})',
  'open.pseudonymised': 'Clients are pseudonymised.',
  'open.kept': 'Client rows are included as they are: handle with care.',
  'open.nothingStored': 'Nothing is stored until you choose “Add to my workspace”.',
  'open.view': 'View',
  'open.add': 'Add to my workspace',
  'open.adding': 'Adding…',
  'open.back': 'Back to the summary',
  'open.viewTitle': 'Read-only view',
  'open.failed': 'The share does not open. Nothing was stored.',
  'open.error.not-a-share':
    'This is not a CX Trace share: the link or the file is something else, or it was cut at the start.',
  'open.error.newer-version':
    'This share was made by a newer version of CX Trace: update the app to open it.',
  'open.error.truncated':
    'The share is incomplete: the link was cut short (characters are missing at its end) or the file is partial. Ask for it again.',
  'open.error.needs-key':
    'The link has no key (the part after “&k=” is missing): ask for the whole link.',
  'open.error.needs-passphrase': 'This share needs its passphrase.',
  'open.error.wrong-key':
    'The link does not open: its key does not fit its content (a character was changed). Ask for the link again.',
  'open.error.wrong-passphrase': 'Wrong passphrase — or the share was changed after it was made.',
  'open.error.damaged': 'The share is damaged: it was changed after it was made.',
  'open.addFailed': 'Could not add the share: {error}. Nothing was stored.',
  'privacy.title': 'Privacy',
  'privacy.lead':
    '{requests} this session, every one to this site ({origin}): your data went nowhere else.',
  'privacy.foreign': '{requests} to another site:',
  'privacy.requests': { one: '{count} request', other: '{count} requests' },
  'privacy.table': 'Requests this session',
  'privacy.col.url': 'Address',
  'privacy.col.kind': 'Kind',
  'privacy.col.from': 'Made by',
  'privacy.page': 'the page',
  'privacy.worker': 'worker “{name}”',
  'privacy.persistent': 'Storage is persistent: the browser will not evict your data.',
  'privacy.notPersistent':
    'Storage is not persistent yet: the browser may evict your data when the disk runs low.',
  'privacy.lastShare': 'Last share ({size}, made {made}): {what}',
  'privacy.noShare': 'Nothing was shared this session.',
} satisfies Record<string, Message>;
