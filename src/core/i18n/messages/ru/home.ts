import type { Translation } from '../../message-types.ts';
import type { homeEn } from '../home.ts';

export const homeRu: Translation<typeof homeEn> = {
  'home.defaultName': 'Блокнот {n}',
  'home.nameLabel': 'Название блокнота',
  'home.create': 'Создать',
  'home.nameEmpty': 'Введите название блокнота.',
  'home.ownData':
    'Начните со своих данных: импортируйте выгрузку опроса или CRM в формате CSV, Excel или JSON. Данные остаются в этом браузере.',
  'home.importOwn': 'Импортировать файл…',
};
