/**
 * The demo world's vocabulary: regions and their warehouses, client segments, contact roles,
 * and generators of fake company and account-manager names, in Russian and English.
 */
import type { Rng } from '../random.ts';

/** The language of one generated text or label. */
export type TextLang = 'ru' | 'en';

/** A sales region: its labels, its home warehouse (1–6), share of clients, base lead time. */
export interface DemoRegion {
  ru: string;
  en: string;
  warehouse: number;
  weight: number;
  leadDays: number;
}

/** The regions; each warehouse serves one or two of them. */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { ru: 'Москва', en: 'Moscow', warehouse: 1, weight: 0.2, leadDays: 1.5 },
  { ru: 'Московская область', en: 'Moscow Region', warehouse: 1, weight: 0.1, leadDays: 2 },
  { ru: 'Санкт-Петербург', en: 'Saint Petersburg', warehouse: 2, weight: 0.12, leadDays: 2 },
  { ru: 'Северо-Запад', en: 'North-West', warehouse: 2, weight: 0.05, leadDays: 3 },
  { ru: 'Поволжье', en: 'Volga', warehouse: 3, weight: 0.13, leadDays: 2.5 },
  { ru: 'Урал', en: 'Urals', warehouse: 4, weight: 0.13, leadDays: 2.5 },
  { ru: 'Сибирь', en: 'Siberia', warehouse: 5, weight: 0.12, leadDays: 3 },
  { ru: 'Дальний Восток', en: 'Far East', warehouse: 5, weight: 0.04, leadDays: 5 },
  { ru: 'Юг', en: 'South', warehouse: 6, weight: 0.11, leadDays: 2.5 },
];

/** The number of warehouses, named `WH-1` … `WH-6`. */
export const WAREHOUSE_COUNT = 6;

/** The id of warehouse number `n` (1-based). */
export function warehouseId(n: number): string {
  return `WH-${n}`;
}

/** Factor order used by weight vectors: quality, delivery, communication, documents, price. */
export const FACTOR_IDS = ['quality', 'delivery', 'communication', 'documents', 'price'] as const;

/** A client segment: labels, share of clients, typical importance weights, order rate. */
export interface DemoSegment {
  ru: string;
  en: string;
  weight: number;
  /** Importance weights in `FACTOR_IDS` order, summing to 1. */
  factorWeights: readonly number[];
  /** Multiplies the grade's monthly order rate. */
  orderRate: number;
}

/** The client segments of a B2B distributor. */
export const DEMO_SEGMENTS: readonly DemoSegment[] = [
  {
    ru: 'Розничная сеть',
    en: 'Retail chain',
    weight: 0.2,
    factorWeights: [0.2, 0.35, 0.15, 0.15, 0.15],
    orderRate: 1.4,
  },
  {
    ru: 'Оптовик',
    en: 'Wholesaler',
    weight: 0.35,
    factorWeights: [0.15, 0.25, 0.15, 0.1, 0.35],
    orderRate: 1,
  },
  {
    ru: 'Производитель',
    en: 'Manufacturer',
    weight: 0.2,
    factorWeights: [0.35, 0.25, 0.1, 0.15, 0.15],
    orderRate: 0.8,
  },
  {
    ru: 'HoReCa',
    en: 'HoReCa',
    weight: 0.25,
    factorWeights: [0.25, 0.3, 0.25, 0.05, 0.15],
    orderRate: 1.1,
  },
];

/** Roles of the client's contacts who answer the survey. */
export const DEMO_ROLES: readonly { ru: string; en: string }[] = [
  { ru: 'Закупщик', en: 'Buyer' },
  { ru: 'Логист', en: 'Logistics' },
  { ru: 'Директор', en: 'Director' },
  { ru: 'Бухгалтер', en: 'Accountant' },
  { ru: 'Категорийный менеджер', en: 'Category manager' },
];

const RU_FORMS = ['ООО', 'ООО', 'ООО', 'АО', 'ЗАО', 'ИП', 'ТД', 'ПАО'];
const RU_STEMS = [
  'Север',
  'Юг',
  'Восток',
  'Запад',
  'Урал',
  'Волга',
  'Сибирь',
  'Балтика',
  'Альфа',
  'Вектор',
  'Гранит',
  'Меридиан',
  'Агро',
  'Мега',
  'Техно',
  'Лидер',
  'Стандарт',
  'Регион',
  'Форт',
  'Эко',
  'Нева',
  'Кама',
  'Ока',
  'Дон',
  'Алтай',
  'Байкал',
  'Енисей',
  'Прогресс',
  'Основа',
  'Гарант',
  'Профи',
  'Квант',
  'Орион',
  'Вега',
  'Аврора',
  'Полюс',
  'Дельта',
  'Сокол',
  'Кедр',
  'Янтарь',
  'Рубин',
  'Маяк',
  'Старт',
  'Союз',
  'Магистраль',
  'Атлант',
  'Фрегат',
  'Горизонт',
  'Ладога',
  'Терра',
];
const RU_SUFFIXES = [
  '-Трейд',
  '-Снаб',
  '-Опт',
  '-Маркет',
  '-Логистик',
  ' Групп',
  '-Сервис',
  '-Продукт',
  '-Торг',
  ' Холдинг',
  '-Дистрибуция',
  ' Плюс',
  '-М',
  '-Центр',
  '-Ресурс',
  '',
  '',
];
const RU_PERSON = ['Иванов', 'Петров', 'Кузнецов', 'Смирнов', 'Соколов', 'Волков', 'Морозов'];
const RU_INITIALS = ['А. В.', 'С. Н.', 'И. П.', 'Д. А.', 'Е. М.', 'О. В.'];

const EN_STEMS = [
  'Northwind',
  'Bluewater',
  'Summit',
  'Oakridge',
  'Silverline',
  'Redstone',
  'Harbor',
  'Evergreen',
  'Pinecrest',
  'Granite',
  'Meridian',
  'Atlas',
  'Beacon',
  'Crescent',
  'Keystone',
  'Lakeside',
  'Maple',
  'Horizon',
  'Pioneer',
  'Riverside',
  'Ironbridge',
  'Westfield',
  'Brightwater',
  'Cedar',
  'Falcon',
  'Sterling',
  'Highland',
  'Clearview',
  'Stonegate',
  'Goldleaf',
];
const EN_MIDDLES = [
  'Supply',
  'Trading',
  'Foods',
  'Distribution',
  'Logistics',
  'Wholesale',
  'Retail',
  'Group',
  'Partners',
  'Industries',
  'Provisions',
  'Market',
  'Imports',
];
const EN_FORMS = ['Ltd', 'LLC', 'Inc.', 'Co.', 'Ltd', 'LLC', 'Group', ''];

/**
 * A fake company name: «ООО «Север-Трейд»», «ИП Иванов А. В.» or "Northwind Supply Ltd"
 * (now and then "Northwind Supply, Inc.", so some names need CSV quoting).
 */
export function companyName(rng: Rng, lang: TextLang): string {
  if (lang === 'en') {
    const form = rng.pick(EN_FORMS);
    const base = `${rng.pick(EN_STEMS)} ${rng.pick(EN_MIDDLES)}`;
    if (!form) return base;
    return rng.bernoulli(0.15) ? `${base}, ${form}` : `${base} ${form}`;
  }
  const form = rng.pick(RU_FORMS);
  if (form === 'ИП') return `ИП ${rng.pick(RU_PERSON)} ${rng.pick(RU_INITIALS)}`;
  return `${form} «${rng.pick(RU_STEMS)}${rng.pick(RU_SUFFIXES)}»`;
}

const RU_SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
];
const RU_MALE = ['Алексей', 'Сергей', 'Дмитрий', 'Андрей', 'Михаил', 'Илья', 'Максим', 'Игорь'];
const RU_FEMALE = ['Анна', 'Елена', 'Ольга', 'Мария', 'Наталья', 'Ирина', 'Татьяна', 'Юлия'];
const EN_SURNAMES = [
  'Carter',
  'Bennett',
  'Hughes',
  'Foster',
  'Morgan',
  'Reed',
  'Hayes',
  'Parker',
  'Collins',
  'Turner',
  'Brooks',
  'Price',
  'Ward',
  'Sullivan',
  'Mitchell',
  'Russell',
  'Griffin',
  'Fisher',
  'Coleman',
  'Jenkins',
  'Perry',
  'Powell',
  'Long',
  'Patterson',
  'Barnes',
  'Ross',
  'Howard',
  'Cooper',
  'Bailey',
  'Graham',
];
const EN_FIRST = [
  'Emily',
  'James',
  'Olivia',
  'Daniel',
  'Sophie',
  'Thomas',
  'Grace',
  'Oliver',
  'Hannah',
  'Jack',
  'Chloe',
  'Samuel',
  'Laura',
  'Adam',
  'Kate',
  'Ryan',
];

/**
 * `count` distinct account-manager names (Russian «Иванова Анна» unless `lang` is `en`), in a
 * seeded order.
 */
export function managerNames(rng: Rng, count: number, lang: TextLang): string[] {
  const all: string[] = [];
  if (lang === 'en') {
    for (const s of EN_SURNAMES) for (const f of EN_FIRST) all.push(`${f} ${s}`);
  } else {
    for (const s of RU_SURNAMES) {
      for (const f of RU_MALE) all.push(`${s} ${f}`);
      const female = s.endsWith('ий') ? s.slice(0, -2) + 'ая' : s + 'а';
      for (const f of RU_FEMALE) all.push(`${female} ${f}`);
    }
  }
  rng.shuffle(all);
  const names = all.slice(0, count);
  // Past the list, the same names again with a number, as HR systems do for namesakes.
  for (let i = names.length; i < count; i++)
    names.push(`${all[i % all.length]} ${Math.floor(i / all.length) + 1}`);
  return names;
}
