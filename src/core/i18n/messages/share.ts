import type { Message, Translation } from '../message-types.ts';

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
  'privacy.button': 'Privacy',
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

export const shareRu: Translation<typeof shareEn> = {
  'share.button': 'Поделиться',
  'share.title': 'Поделиться блокнотом',
  'share.how':
    'Блокнот, его модель сервиса и результаты ячеек упаковываются, сжимаются и шифруются в этом браузере. Ничего не выгружается: содержимое несёт сама ссылка, а её ключ стоит после знака #, который браузеры никогда не отправляют на сервер.',
  'share.rowFree':
    'Без строк: только агрегаты, графики и выводы — без кодов клиентов, имён и комментариев.',
  'share.clientLists':
    'Добавить списки клиентов (клиенты для возврата, клиенты и примеры каждого кластера, таблица клиентов индекса)',
  'share.rowsOf': 'Добавить строки этих наборов',
  'share.rowsCount': {
    one: '{count} строка',
    few: '{count} строки',
    many: '{count} строк',
    other: '{count} строки',
  },
  'share.pseudonymise':
    'Псевдонимизировать: коды и имена клиентов заменяются кодами, созданными только для этой ссылки; из комментариев удаляются адреса почты, номера телефонов и карт и имена',
  'share.columns': 'Псевдонимизировать также эти столбцы',
  'share.filter': 'Только строки, где',
  'share.filterAll': '(все строки)',
  'share.filterValue': 'равно',
  'share.usePassphrase': 'Защитить паролем (тогда ключа нет в ссылке)',
  'share.passphrase': 'Пароль',
  'share.passphraseShort': 'В пароле должно быть не меньше 8 символов.',
  'share.make': 'Создать ссылку',
  'share.making': 'Шифруем…',
  'share.link': 'Ссылка',
  'share.copy': 'Скопировать ссылку',
  'share.copied': 'Скопировано.',
  'share.size': 'Зашифровано: {size}.',
  'share.tooBig':
    'При размере {size} содержимое слишком длинное для ссылки (предел — 64 КБ). Сохраните его в файл и отправьте файл вместе со ссылкой ниже, которая его открывает.',
  'share.saveFile': 'Сохранить файл .cxtrace',
  'share.passphraseApart':
    'Пароля нет в ссылке: передайте его получателю иначе (по телефону, лично).',
  'share.failed': 'Не удалось поделиться: {error}',
  'share.view.later':
    'Результат этой ячейки появится, когда блокнот будет добавлен в ваше пространство.',
  'share.view.none': 'У этой ячейки не было результата, когда ею поделились.',
  'open.title': 'Общий блокнот',
  'open.reading': 'Открываем…',
  'open.askPassphrase': 'Это содержимое защищено паролем.',
  'open.passphrase': 'Пароль',
  'open.unlock': 'Открыть',
  'open.askFile':
    'Эта ссылка открывает содержимое, сохранённое в файл. Выберите файл .cxtrace, который вам прислали вместе с ней.',
  'open.chooseFile': 'Выбрать файл .cxtrace',
  'open.holds': '«{title}»: {cells} и {results}, создано {made}; {size} в зашифрованном виде.',
  'open.cells': {
    one: '{count} ячейка',
    few: '{count} ячейки',
    many: '{count} ячеек',
    other: '{count} ячейки',
  },
  'open.results': {
    one: '{count} результат',
    few: '{count} результата',
    many: '{count} результатов',
    other: '{count} результата',
  },
  'open.models': 'Модель сервиса: {names}.',
  'open.rowFree': 'Строк клиентов нет: только агрегаты, графики и выводы.',
  'open.rows': 'Строки наборов {list}.',
  'open.rowsOf': '«{name}» ({rows})',
  'open.pseudonymised': 'Клиенты псевдонимизированы.',
  'open.kept': 'Строки клиентов включены как есть: обращайтесь с ними осторожно.',
  'open.nothingStored': 'Ничего не сохраняется, пока вы не выберете «Добавить в моё пространство».',
  'open.view': 'Посмотреть',
  'open.add': 'Добавить в моё пространство',
  'open.adding': 'Добавляем…',
  'open.back': 'Назад к описанию',
  'open.viewTitle': 'Только для чтения',
  'open.failed': 'Не открывается. Ничего не сохранено.',
  'open.error.not-a-share':
    'Это не содержимое CX Trace: ссылка или файл — что-то другое или обрезаны в начале.',
  'open.error.newer-version':
    'Это создано более новой версией CX Trace: обновите приложение, чтобы открыть.',
  'open.error.truncated':
    'Содержимое неполное: ссылка обрезана (в конце не хватает символов) или файл недокачан. Попросите прислать ещё раз.',
  'open.error.needs-key': 'В ссылке нет ключа (нет части после «&k=»): попросите ссылку целиком.',
  'open.error.needs-passphrase': 'Для открытия нужен пароль.',
  'open.error.wrong-key':
    'Ссылка не открывается: её ключ не подходит к содержимому (изменён символ). Попросите ссылку ещё раз.',
  'open.error.wrong-passphrase': 'Неверный пароль — или содержимое изменили после создания.',
  'open.error.damaged': 'Содержимое повреждено: его изменили после создания.',
  'open.addFailed': 'Не удалось добавить: {error}. Ничего не сохранено.',
  'privacy.button': 'Приватность',
  'privacy.title': 'Приватность',
  'privacy.lead':
    '{requests} за этот сеанс, все — к этому сайту ({origin}): ваши данные никуда больше не уходили.',
  'privacy.foreign': '{requests} к другому сайту:',
  'privacy.requests': {
    one: '{count} запрос',
    few: '{count} запроса',
    many: '{count} запросов',
    other: '{count} запроса',
  },
  'privacy.table': 'Запросы за этот сеанс',
  'privacy.col.url': 'Адрес',
  'privacy.col.kind': 'Вид',
  'privacy.col.from': 'Кто сделал',
  'privacy.page': 'страница',
  'privacy.worker': 'воркер «{name}»',
  'privacy.persistent': 'Хранилище постоянное: браузер не удалит ваши данные.',
  'privacy.notPersistent':
    'Хранилище пока не постоянное: при нехватке места браузер может удалить ваши данные.',
  'privacy.lastShare': 'Последняя ссылка ({size}, создана {made}): {what}',
  'privacy.noShare': 'За этот сеанс ничем не делились.',
};
