import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

// Deterministic generators of the two benchmark files (same seed → byte-identical files).

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Writes lines through a buffered stream, respecting back-pressure. */
/** Writes a file piece by piece (`pieces` in order) without holding it whole. */
export async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const piece of pieces) {
    if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

async function writeLines(
  path: string,
  header: string,
  rows: number,
  line: (i: number) => string,
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let buf = header + '\r\n';
  for (let i = 0; i < rows; i++) {
    buf += line(i) + '\r\n';
    if (buf.length > 1 << 20) {
      const b = Buffer.from(buf, 'utf8');
      bytes += b.length;
      buf = '';
      if (!out.write(b)) await once(out, 'drain');
    }
  }
  const b = Buffer.from(buf, 'utf8');
  bytes += b.length;
  out.end(b);
  await once(out, 'finish');
  return bytes;
}

const REGIONS = [
  'Москва',
  'Казань',
  'Самара',
  'Омск',
  'Уфа',
  'Пермь',
  'Воронеж',
  'Тюмень',
  'Томск',
  'Иркутск',
  'Сочи',
  'Тула',
  'Курск',
  'Орёл',
  'Псков',
  'Санкт-Петербург',
];
const MANAGERS = [
  'Иванов',
  'Петрова',
  'Смирнов',
  'Кузнецова',
  'Попов',
  'Соколова',
  'Лебедев',
  'Козлова',
  'Новиков',
  'Морозова',
  'Волков',
  'Зайцева',
  'Павлов',
  'Семёнова',
  'Голубев',
  'Виноградова',
  'Богданов',
  'Воробьёва',
  'Фёдоров',
  'Михайлова',
];
const SEGMENTS = ['Крупный', 'МСБ', 'Розница', 'VIP', 'Гос'];
const SHORT_NOTES = [
  'Перезвонить',
  'Просит скидку',
  'Доволен',
  'Жалоба на доставку',
  'Новый договор',
  'Ждёт счёт',
  'Сменил менеджера',
  'Опт',
  'Пролонгация',
  'Повторный заказ',
  'Отсрочка платежа',
  'Тендер',
];

/**
 * CRM export: 10 columns, `;`-delimited, decimal commas, DD.MM.YYYY dates, UTF-8, Cyrillic
 * header and values, some blank cells. Returns the file's size in bytes.
 */
export function writeCrmCsv(path: string, rows: number, seed = 20260501): Promise<number> {
  const r = rng(seed);
  const date = (y0: number, years: number) => {
    const d = 1 + Math.floor(r() * 28);
    const m = 1 + Math.floor(r() * 12);
    return `${pad(d, 2)}.${pad(m, 2)}.${y0 + Math.floor(r() * years)}`;
  };
  const header =
    'ID клиента;Регион;Менеджер;Сегмент;Дата регистрации;Дата последнего заказа;' +
    'Заказов;Выручка, руб.;Скидка, %;Комментарий';
  return writeLines(path, header, rows, (i) => {
    const orders = Math.floor(r() ** 2 * 400);
    const revenue = (orders * (200 + r() * 3000)).toFixed(2).replace('.', ',');
    const discount = r() < 0.1 ? '' : (r() * 25).toFixed(1).replace('.', ',');
    const note = r() < 0.8 ? '' : pick(r, SHORT_NOTES) + (r() < 0.3 ? ' до ' + date(2026, 1) : '');
    return [
      'К' + pad(i + 1, 7),
      pick(r, REGIONS),
      pick(r, MANAGERS),
      pick(r, SEGMENTS),
      date(2015, 10),
      date(2025, 2),
      orders,
      revenue,
      discount,
      note,
    ].join(';');
  });
}

const RU_WORDS = (
  'доставка курьер опоздал на два часа заказ пришёл вовремя упаковка была повреждена ' +
  'менеджер вежливо ответил на все вопросы цена выше чем у конкурентов качество товара ' +
  'отличное но приложение постоянно зависает оплата картой не прошла с первого раза ' +
  'поддержка помогла быстро рекомендую друзьям больше не буду заказывать спасибо за ' +
  'скидку очень долго ждал ответа оператора товар не соответствует описанию на сайте'
).split(' ');
const EN_WORDS = (
  'delivery was late the courier called twice great service app keeps crashing ' +
  'refund took three weeks support was helpful price is too high would recommend ' +
  'packaging damaged quality is excellent checkout failed again'
).split(' ');
const CHANNELS = ['App', 'Web', 'Call center', 'Email', 'Офис', 'Telegram'];

/** A comment of a few hundred characters: RU/EN words, "quoted" words, sometimes new lines. */
function comment(r: () => number): string {
  const target = 120 + Math.floor(r() * 380);
  const words = r() < 0.25 ? EN_WORDS : RU_WORDS;
  let s = '';
  while (s.length < target) {
    let w = pick(r, r() < 0.15 ? EN_WORDS : words);
    const x = r();
    if (x < 0.03) w = `"${w}"`;
    else if (x < 0.05) w += '.\n';
    else if (x < 0.08) w += ',';
    else if (x < 0.085) w += ';';
    s += (s === '' || s.endsWith('\n') ? '' : ' ') + w;
  }
  return s;
}

/** A CSV field, quoted (with quotes doubled) when it holds a delimiter, quote or line break. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Survey feedback: 6 columns, `,`-delimited, ISO dates, NPS 0–10, long RU/EN comments with
 * quotes, commas and line breaks inside quoted fields. Returns the file's size in bytes.
 */
export function writeFeedbackCsv(path: string, rows: number, seed = 20260502): Promise<number> {
  const r = rng(seed);
  const header = 'response_id,client_id,Дата ответа,NPS,Канал,Комментарий';
  return writeLines(path, header, rows, (i) => {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 500) * 86_400_000);
    return [
      'R' + pad(i + 1, 7),
      'К' + pad(1 + Math.floor(r() * 1_000_000), 7),
      day.toISOString().slice(0, 10),
      r() < 0.03 ? '' : String(Math.min(10, Math.floor(r() * 11.5))),
      pick(r, CHANNELS),
      r() < 0.08 ? '' : field(comment(r)),
    ].join(',');
  });
}
