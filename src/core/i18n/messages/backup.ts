import type { Message, Translation } from '../message-types.ts';

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

export const backupRu: Translation<typeof backupEn> = {
  'backup.title': 'Резервные копии',
  'backup.remind': 'Пора сделать резервную копию: {why} с {since}.',
  'backup.remindDatasets': {
    one: 'импортирован {count} набор данных',
    few: 'импортировано {count} набора данных',
    many: 'импортировано {count} наборов данных',
    other: 'импортировано {count} набора данных',
  },
  'backup.remindEdits': {
    one: 'сохранена {count} правка',
    few: 'сохранены {count} правки',
    many: 'сохранено {count} правок',
    other: 'сохранено {count} правки',
  },
  'backup.sinceNever': 'начала работы',
  'backup.rule':
    'Напоминание появляется, пока хранилище не постоянное и с последней копии импортирован набор данных или сохранено {edits} правок.',
  'backup.last': 'Последняя копия: {when}.',
  'backup.never': 'Резервных копий ещё не было.',
  'backup.how':
    'Один файл со всеми наборами данных, моделями, блокнотами, сохранёнными результатами и настройками. Храните его не в этом браузере: очистка данных браузера — или сам браузер при нехватке места — удалит рабочее пространство.',
  'backup.encrypt': 'Зашифровать паролем',
  'backup.passphrase': 'Пароль',
  'backup.passphraseShort': 'В пароле должно быть не меньше 8 символов.',
  'backup.make': 'Сделать резервную копию',
  'backup.making': 'Делаем копию…',
  'backup.saved': 'Сохранён «{file}»: {datasets} и {notebooks}, {size}.',
  'backup.datasets': {
    one: '{count} набор данных',
    few: '{count} набора данных',
    many: '{count} наборов данных',
    other: '{count} набора данных',
  },
  'backup.notebooks': {
    one: '{count} блокнот',
    few: '{count} блокнота',
    many: '{count} блокнотов',
    other: '{count} блокнота',
  },
  'backup.restore': 'Восстановить из резервной копии',
  'backup.chooseFile': 'Файл копии',
  'backup.mode': 'В этом браузере уже есть работа. Что сделать с копией?',
  'backup.merge': 'Объединить: оставить то, что есть, и добавить то, что есть в копии',
  'backup.replace': 'Заменить: рабочее пространство станет копией',
  'backup.restoreNow': 'Восстановить',
  'backup.restoring': 'Восстанавливаем…',
  'backup.restored':
    'Восстановлено: {datasets}, {notebooks}, {models} и {results}; каждый набор сверен с контрольной суммой.',
  'backup.models': {
    one: '{count} модель',
    few: '{count} модели',
    many: '{count} моделей',
    other: '{count} модели',
  },
  'backup.results': {
    one: '{count} сохранённый результат',
    few: '{count} сохранённых результата',
    many: '{count} сохранённых результатов',
    other: '{count} сохранённого результата',
  },
  'backup.failed': 'Ничего не изменено: {reason}',
  'backup.error.not-a-backup': 'это не резервная копия CX Trace.',
  'backup.error.newer-version': 'копия сделана более новой версией CX Trace.',
  'backup.error.needs-passphrase': 'копия зашифрована: введите её пароль.',
  'backup.error.wrong-passphrase': 'неверный пароль.',
  'backup.error.damaged': 'файл изменён после создания.',
  'backup.error.truncated': 'файл неполный (обрезан).',
  'backup.error.other': '{error}',
  'backup.error.storage-full':
    'хранилище браузера заполнено (занято {used}, свободно {free}); освободите место (удалите ненужные наборы данных) и попробуйте ещё раз.',
  'backup.error.storage-full-unknown':
    'хранилище браузера заполнено; освободите место (удалите ненужные наборы данных) и попробуйте ещё раз.',
  'unreadable.lead': {
    one: '{count} сохранённую запись не удалось прочитать, она отложена ({list}); всё остальное работает. Сначала сохраните резервную копию того, что читается (Хранилище → Резервные копии), затем удалите её.',
    few: '{count} сохранённые записи не удалось прочитать, они отложены ({list}); всё остальное работает. Сначала сохраните резервную копию того, что читается (Хранилище → Резервные копии), затем удалите их.',
    many: '{count} сохранённых записей не удалось прочитать, они отложены ({list}); всё остальное работает. Сначала сохраните резервную копию того, что читается (Хранилище → Резервные копии), затем удалите их.',
    other:
      '{count} сохранённой записи не удалось прочитать, они отложены ({list}); всё остальное работает. Сначала сохраните резервную копию того, что читается (Хранилище → Резервные копии), затем удалите их.',
  },
  'unreadable.notebooks': 'блокнот {key}',
  'unreadable.datasets': 'набор данных {key}',
  'unreadable.models': 'модель {key}',
  'unreadable.cellResults': 'сохранённый результат {key}',
  'unreadable.openStorage': 'Открыть хранилище',
  'unreadable.delete': 'Удалить нечитаемые записи…',
  'unreadable.confirm':
    'Удалить записи, которые не удаётся прочитать? Открыть их всё равно нельзя; всё остальное останется.',
  'unreadable.deleteDo': 'Удалить',
  'failure.brokenTitle': 'Не удалось открыть рабочее пространство',
  'failure.broken':
    'База данных браузера ответила «{error}», когда CX Trace открывал её. Ваша работа может быть цела: сначала попробуйте ещё раз (может помочь закрыть другие вкладки CX Trace или освободить место на диске). Пока база не откроется, ничего нельзя сохранить, поэтому новая работа не начинается.',
  'failure.unavailableTitle': 'Этот браузер не даёт CX Trace хранить данные здесь',
  'failure.unavailable':
    'В приватном окне или при запрете данных сайта ничего нельзя было бы сохранить, поэтому CX Trace не начинает здесь работу. Откройте его в обычном окне или разрешите сайту хранить данные и попробуйте ещё раз.',
  'failure.retry': 'Попробовать ещё раз',
  'failure.retrying': 'Пробуем…',
  'failure.reset': 'Сбросить базу данных…',
  'failure.resetConfirm':
    'Удалить всё, что CX Trace хранит в этом браузере, — наборы данных, модели, блокноты, результаты — и начать с чистого листа? Это нельзя отменить; резервную копию можно будет восстановить потом.',
  'failure.resetDo': 'Удалить и начать заново',
};
