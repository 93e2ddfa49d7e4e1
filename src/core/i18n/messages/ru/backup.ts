import type { Translation } from '../../message-types.ts';
import type { backupEn } from '../backup.ts';

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
};
