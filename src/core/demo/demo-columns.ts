/**
 * The demo's column headers in each language. The world is generated with stable identifiers
 * (`client_id`, `rating_delivery`…), which are also its English and mixed-language headers; a
 * Russian demo writes the headers a Russian CRM or 1C export would have, and its service model
 * and notebook are bound to those. Dataset keys (`survey`), unit codes (`WH-2`), indicator ids
 * and client ids are the same in every language.
 */
import type { ServiceModel } from '../model/model-types.ts';
import { FACTOR_IDS } from './demo-names.ts';

/** The language of a demo's headers. */
export type DemoHeaderLang = 'ru' | 'en' | 'mixed';

const FACTOR_RU: Record<(typeof FACTOR_IDS)[number], string> = {
  quality: 'качество',
  delivery: 'доставка',
  communication: 'коммуникация',
  documents: 'документы',
  price: 'цена',
};

/** Russian headers by identifier. */
const RU: Record<string, string> = {
  client_id: 'Код клиента',
  name: 'Наименование',
  segment: 'Сегмент',
  grade: 'Грейд',
  region: 'Регион',
  warehouse: 'Склад',
  account_manager: 'Менеджер',
  ltv: 'LTV (₽)',
  churned: 'Ушёл',
  churn_month: 'Месяц ухода',
  month: 'Месяц',
  orders: 'Заказов',
  late_shipments: 'Отгрузок с опозданием',
  lead_time_days: 'Срок поставки (дн.)',
  defects: 'Брак (шт.)',
  revenue: 'Выручка (₽)',
  response_id: 'Номер ответа',
  date: 'Дата',
  contact_role: 'Роль контакта',
  nps: 'NPS',
  comment: 'Комментарий',
  unit_kind: 'Тип подразделения',
  unit: 'Подразделение',
  on_time_share: 'Доля отгрузок в срок',
  picking_error_rate: 'Доля ошибок сборки',
  response_time_hours: 'Время ответа (ч)',
  training_hours: 'Часы обучения',
  competency_score: 'Оценка компетенций',
  turnover: 'Текучесть',
  scanner_coverage: 'Покрытие сканерами',
  crm_usage_share: 'Доля работы в CRM',
  qc_tools: 'Средства контроля качества',
  ...Object.fromEntries(FACTOR_IDS.map((f) => [`rating_${f}`, `Оценка: ${FACTOR_RU[f]}`])),
  ...Object.fromEntries(FACTOR_IDS.map((f) => [`weight_${f}`, `Вес: ${FACTOR_RU[f]}`])),
};

/** The header of the demo column `id` in a demo of language `lang`. */
export function demoColumn(id: string, lang: DemoHeaderLang): string {
  if (lang !== 'ru') return id;
  const name = RU[id];
  if (name === undefined) throw new Error(`No Russian header for the demo column ${id}`);
  return name;
}

/** Every column identifier that has a header of its own in another language (none has a comma). */
export const DEMO_COLUMN_IDS: readonly string[] = Object.keys(RU);

/** The model with every column it names renamed by `rename` (bindings, keys, units, weights). */
export function renameModelColumns(
  model: ServiceModel,
  rename: (column: string) => string,
): ServiceModel {
  const out = structuredClone(model);
  for (const ind of out.indicators) {
    const b = ind.binding;
    if (!b) continue;
    b.column = rename(b.column);
    if (b.per !== undefined) b.per = rename(b.per);
    // A new object: one condition may be shared by many bindings (and stays so in a clone).
    if (b.filter) b.filter = { ...b.filter, column: rename(b.filter.column) };
  }
  for (const kind of out.unitKinds) kind.column = rename(kind.column);
  if (out.clientCard) out.clientCard.key = rename(out.clientCard.key);
  for (const keys of Object.values(out.datasets)) {
    if (keys.client !== undefined) keys.client = rename(keys.client);
    if (keys.period !== undefined) keys.period = rename(keys.period);
    if (keys.unit !== undefined) keys.unit = rename(keys.unit);
    if (keys.unitKindColumn !== undefined) keys.unitKindColumn = rename(keys.unitKindColumn);
  }
  const weights = out.index?.factorWeights;
  if (weights) for (const f of Object.keys(weights)) weights[f] = rename(weights[f]!);
  return out;
}

/** Dataset titles of a Russian demo, by dataset key. */
const DATASET_RU: Record<string, string> = {
  clients: 'Клиенты',
  shipments: 'Отгрузки',
  survey: 'Опрос клиентов',
  ops: 'Операции',
  staff: 'Персонал',
  it: 'ИТ-системы',
};

/** The title of the demo dataset `key` in a demo of language `lang` (the key in English). */
export function demoDatasetTitle(key: string, lang: DemoHeaderLang): string {
  return lang === 'ru' ? (DATASET_RU[key] ?? key) : key;
}
