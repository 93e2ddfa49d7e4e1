/**
 * Suggesting what a column means for CX analysis (client id, NPS, factor rating, comment…)
 * from the words of its header, in Russian or English, and from what its values look like.
 */
import type { ColumnFormat, ColumnRole } from './types.ts';

/** What is known about a column's values when its role is suggested. */
export interface RoleStats {
  /** Smallest and largest value of a numeric column (percent points for percent). */
  min?: number;
  max?: number;
  /** Distinct non-blank values. */
  distinct: number;
  /** Non-blank values. */
  nonBlank: number;
  /** Mean length in characters of the non-blank values. */
  meanLength?: number;
}

/** A suggested role, with the factor for `factor-rating` and `factor-weight`. */
export interface RoleSuggestion {
  role: ColumnRole;
  factor?: string;
}

/**
 * The lower-case words of a header: camelCase and ALLCapsWords are split (`customerID` →
 * `customer id`), `_`, `-`, `.` and other punctuation separate words, `ё` reads as `е`, and
 * `№` is a word of its own.
 */
export function headerWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/(№)|[^\p{L}\p{N}]+/u)
    .filter((w): w is string => !!w);
}

// Patterns run on the header words joined by single spaces. A bare alternative matches the
// start of a word (a stem, for inflected Russian); one followed by END must be the whole word.
const END = '(?= |$)';
const words = (source: string): RegExp => new RegExp(`(?:^| )(?:${source})`);

const ID_WORD = words(
  `(?:id|ид|код|code|номер|uuid|guid|инн|inn|customerid|clientid|userid|orderid)${END}|№|(?:number|no|nr|num)$`,
);
const CLIENT = words(
  `клиент|контрагент|заказчик|покупател|абонент|компани|(?:customers?|clients?|accounts?|company|subscribers?|buyers?)${END}`,
);
const CLIENT_ALONE =
  /^(?:клиент|клиента|клиенты|контрагент|заказчик|покупатель|абонент|customer|client)$/;
const CLIENT_COMPOUND = words(`(?:customer|client|account)(?:id|code|no|nr|number)${END}`);
const INN = words(`(?:инн|inn)${END}`);
const PERIOD = words(
  `(?:месяц|месяца|месяце|month|квартал|квартала|quarter|qtr|period|период|периода|год|года|year|неделя|недели|week|волна|wave|yyyymm)${END}`,
);
const DATE = words(`(?:дата|даты|дате|date|dates|datetime|timestamp|dt)${END}`);
const WEIGHT = words(
  `важност|значимост|приоритет|(?:вес|веса|весом|весе|weight|weights|importance|important)${END}`,
);
const NPS = words(`(?:nps)${END}|recommend|рекомендова|порекомендова`);
const CSAT = words(`(?:csat|satisfaction|satisfied)${END}|удовлетворен`);
const COMMENT = words(
  `комментар|отзыв|жалоб|замечани|пожелани|описани|текст|(?:comments?|review|reviews|content|text|complaints?|feedback|narrative|verbatim|remarks?|notes?)${END}`,
);
const TOUCHPOINT = words(`точк\\S* контакт|канал|(?:touchpoints?|touch point|channels?)${END}`);
const SEGMENT = words(
  `сегмент|грейд|(?:класс|тип|категори|групп)\\S* (?:клиент|контрагент)|(?:segments?|grade|tier|tiers)${END}|(?:customer|client) (?:type|class|category|group|tier)${END}|(?:contract|договор|договора|контракт|контракта)${END}`,
);
const UNIT = words(
  `склад|менеджер|регион|филиал|команд|офис|подразделени|отдел|магазин|город|дивизион|(?:warehouses?|managers?|regions?|branch|branches|team|teams|office|offices|department|dept|store|site|city|division|kam|кам)${END}`,
);
const TARGET = words(
  `отток|ушел|флаг|рекомендовал|(?:churn|churned|target|таргет|recommended|attrition|exited|flag)${END}`,
);
const RATING = words(`оценк|оцените|балл|рейтинг|(?:score|rating|rate|points)${END}`);

// Order matters: "качество доставки" is about delivery, "цена/качество" about price, so the
// generic quality word is tried last.
const FACTORS: readonly [string, RegExp][] = [
  [
    'documents',
    words(
      `документ|накладн|(?:счет|счета|счетов|счету|счетам|documents?|documentation|paperwork|invoices?|invoicing)${END}`,
    ),
  ],
  [
    'delivery',
    words(
      `доставк|отгрузк|поставк|срок|логистик|(?:delivery|deliveries|shipping|shipment|logistics|ontime|on time|timeliness)${END}`,
    ),
  ],
  [
    'communication',
    words(
      `коммуникац|общени|менеджер|персонал|сотрудник|вежлив|(?:communication|communications|staff|managers?|responsiveness|personnel|support)${END}`,
    ),
  ],
  [
    'price',
    words(`цен(?!т)|стоимост|тариф|(?:price|prices|pricing|cost|costs|value for money)${END}`),
  ],
  ['quality', words(`качеств|quality${END}`)],
];

/**
 * True when a header names an identifier: `id`, `ID`, `код`, `номер`, `№`, `ИНН`, `uuid`,
 * `customerID`, `client_id`, or ends in `number`/`no` (`Order No.`, not `Number of orders`).
 */
export function looksLikeIdHeader(name: string): boolean {
  return ID_WORD.test(headerWords(name).join(' '));
}

/**
 * Suggests a column's role from its header (Russian or English, any case, `_`/`-`/camelCase)
 * and its values. Header words win over values; values decide between readings of the same
 * word (a numeric 1–5 "Менеджер" column rates communication, a text one names a unit) and
 * stand alone only for dates, rating scales under a generic "score"/"оценка" header, and long
 * free text (→ comment).
 */
export function suggestRole(name: string, format: ColumnFormat, stats: RoleStats): RoleSuggestion {
  const tokens = headerWords(name);
  const h = tokens.join(' ');
  const t = format.type;
  const numeric = t === 'integer' || t === 'decimal' || t === 'percent';
  const score = t === 'integer' || t === 'decimal';
  const dated = t === 'date' || t === 'datetime';
  const textual = t === 'text' || t === 'category' || t === 'id';
  const within = (lo: number, hi: number) =>
    (stats.min === undefined || stats.min >= lo) && (stats.max === undefined || stats.max <= hi);

  if (
    CLIENT_COMPOUND.test(h) ||
    INN.test(h) ||
    (CLIENT.test(h) && ID_WORD.test(h)) ||
    (tokens.length === 1 && CLIENT_ALONE.test(h) && textual)
  ) {
    return { role: 'client-id' };
  }
  if (PERIOD.test(h) && (dated || textual || (t === 'integer' && within(1, 210012)))) {
    return { role: 'period' };
  }
  if (dated || (DATE.test(h) && textual)) return { role: 'date' };

  const factor = FACTORS.find(([, re]) => re.test(h))?.[0];
  if (factor && WEIGHT.test(h) && numeric && within(0, 100)) {
    return { role: 'factor-weight', factor };
  }
  // A 0/1 "рекомендовал" column is a yes/no outcome, not a 0–10 score.
  if (NPS.test(h) && score && !(stats.max !== undefined && stats.max <= 1)) return { role: 'nps' };
  if (factor && score && within(0, 10)) return { role: 'factor-rating', factor };
  if (CSAT.test(h) && t !== 'text') return { role: 'csat' };
  if (COMMENT.test(h) && !numeric && t !== 'boolean' && t !== 'id') return { role: 'comment' };
  if (TOUCHPOINT.test(h)) return { role: 'touchpoint' };
  if (SEGMENT.test(h) && t !== 'id') return { role: 'segment' };
  if (UNIT.test(h)) return { role: 'unit' };
  if (TARGET.test(h) && t !== 'text') return { role: 'target' };

  if (RATING.test(h) && score && stats.max !== undefined && within(0, 10)) {
    // "seat_legroom_rating": a rating of some aspect, which the model may map to a factor.
    const aspect = tokens.filter((w) => !RATING.test(w)).join(' ');
    // An overall rating is the satisfaction score itself, not one aspect of it.
    if (/^(overall|total|general|общ|итог)/.test(aspect)) return { role: 'csat' };
    if (aspect !== '' && tokens.length > 1) return { role: 'factor-rating', factor: aspect };
    if (t === 'integer' && within(0, 10) && stats.max >= 9) return { role: 'nps' };
    if (t === 'integer' && within(1, 5)) return { role: 'csat' };
  }
  // Long free text is most likely what people wrote: titles and names are shorter.
  if (t === 'text' && (stats.meanLength ?? 0) > 80) return { role: 'comment' };
  return { role: 'other' };
}
