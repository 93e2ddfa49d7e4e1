/**
 * Reading one raw cell string into a typed value: numbers in Russian and English notation,
 * percents, booleans, dates and date-times, and the null markers spreadsheets leave behind.
 */
import type { ColumnFormat, DateOrder, DecimalSeparator, ValueType } from './types.ts';

/** True for null, undefined, the empty string and whitespace-only strings. */
export function isBlank(raw: string | null | undefined): boolean {
  return raw === null || raw === undefined || isBlankText(raw);
}

/**
 * Whether `String.prototype.trim` removes the character: white space (Unicode's Zs and the
 * tab, vertical tab, form feed and BOM) or a line terminator.
 */
function isTrimmed(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * True for the empty string and strings of white space only: `s.trim() === ''`, without making
 * the trimmed string (a long cell costs no more than its first non-blank character).
 */
export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isTrimmed(s.charCodeAt(i))) return false;
  return true;
}

// `#н/д` is how Russian Excel shows #N/A; `н/д` ("нет данных") is its hand-typed form.
const NULL_TOKENS = new Set([
  'na',
  'n/a',
  '#n/a',
  'null',
  'none',
  'nan',
  '-',
  '—',
  '–',
  '#н/д',
  'н/д',
]);

/**
 * True for a spreadsheet null marker (`NA`, `N/A`, `#N/A`, `NULL`, `None`, `NaN`, `-`, `—`,
 * `–`, `#Н/Д`, `н/д`), ignoring case and surrounding spaces. Such cells count as null in
 * number, date, boolean and percent columns; text, category and id columns keep them as text.
 */
export function isNullToken(raw: string): boolean {
  // Cheap exits for the common cases: every marker is at most 4 characters, and none starts
  // with a digit.
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  if (raw.length > 4 && raw.trim().length > 4) return false;
  return NULL_TOKENS.has(raw.trim().toLowerCase());
}

const EXP = '(?:[eE][+-]?\\d+)?';
// Thousands groups must be exactly three digits after a first group of 1–3 (no leading zero),
// all with the same separator (the backreference), so `1.5`, `12,34,567` and phone numbers fail.
const NUMBER_SHAPES: Record<DecimalSeparator, { plain: RegExp; grouped: RegExp }> = {
  '.': {
    plain: new RegExp(`^(?:\\d+(?:\\.\\d+)?|\\.\\d+)${EXP}$`),
    grouped: /^[1-9]\d{0,2}([ \u00A0\u202F'’,])\d{3}(?:\1\d{3})*(?:\.\d+)?$/,
  },
  ',': {
    plain: new RegExp(`^(?:\\d+(?:,\\d+)?|,\\d+)${EXP}$`),
    grouped: /^[1-9]\d{0,2}([ \u00A0\u202F'’.])\d{3}(?:\1\d{3})*(?:,\d+)?$/,
  },
};

/**
 * Reads a number written with the given decimal separator, or null when `raw` is not one.
 * Accepts a leading `+`, `-` or `−` (U+2212); thousands groups of exactly three digits
 * separated by a space, no-break space (U+00A0 or U+202F), `'`, `’` or the separator that is
 * not the decimal one; and exponents (`1e-5`, `1.2E3`). Never returns NaN or ±Infinity.
 */
export function parseNumber(raw: string, decimal: DecimalSeparator): number | null {
  const quick = plainNumber(raw, decimal);
  if (quick !== undefined) return quick;
  let s = raw.trim();
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 0x2b /* + */ || first === 0x2d /* - */ || first === 0x2212 /* − */) {
    negative = first !== 0x2b;
    s = s.slice(1);
  }
  if (s === '') return null;
  const shapes = NUMBER_SHAPES[decimal];
  let plain: string;
  if (shapes.plain.test(s)) plain = s;
  else {
    const m = shapes.grouped.exec(s);
    if (!m) return null;
    plain = s.split(m[1]!).join('');
  }
  if (decimal === ',') plain = plain.replace(',', '.');
  const n = Number(plain);
  if (!Number.isFinite(n)) return null;
  // Avoid -0, which prints as "0" but compares oddly in sort keys and Object.is.
  if (n === 0) return 0;
  return negative ? -n : n;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The common case of `parseNumber`, scanned by character codes without regular expressions or
 * trimming: `[sign](digits[sep digits] | sep digits)[exponent]` exactly. Undefined for anything
 * else (spaces, thousands groups, junk), which the general path then reads or rejects; where
 * this accepts, the general path would give the same number.
 */
function plainNumber(s: string, decimal: DecimalSeparator): number | null | undefined {
  const n = s.length;
  const sep = decimal === '.' ? DOT : COMMA;
  let i = 0;
  let c = s.charCodeAt(0);
  const signed = c === 43 /* + */ || c === DASH || c === 0x2212; /* − */
  if (signed) i = 1;
  const start = i;
  // The digits as an integer and the count of those after the separator: exact while there
  // are at most 15 digits.
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  while (i < n && isDigit((c = s.charCodeAt(i)))) {
    mantissa = mantissa * 10 + c - 48;
    digits++;
    i++;
  }
  const whole = i - start;
  let sepAt = -1;
  if (i < n && s.charCodeAt(i) === sep) {
    sepAt = i++;
    const from = i;
    while (i < n && isDigit((c = s.charCodeAt(i)))) {
      mantissa = mantissa * 10 + c - 48;
      digits++;
      i++;
    }
    fraction = i - from;
    if (fraction === 0) return undefined;
  } else if (whole === 0) return undefined;
  let exponent = false;
  if (i < n) {
    c = s.charCodeAt(i);
    if (c !== 101 /* e */ && c !== 69 /* E */) return undefined;
    exponent = true;
    i++;
    c = s.charCodeAt(i);
    if (c === 43 || c === DASH) i++;
    const from = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === from || i !== n) return undefined;
  }
  const negative = signed && s.charCodeAt(0) !== 43;
  let x: number;
  if (!exponent && digits <= 15) {
    // An exact integer divided by an exact power of ten is correctly rounded: the same double
    // as Number() reads from the text (Clinger's fast path), without building a string.
    x = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
  } else {
    let body = signed ? s.slice(1) : s;
    if (sepAt >= 0 && sep === COMMA) body = body.replace(',', '.');
    x = Number(body);
    if (!Number.isFinite(x)) return null;
  }
  if (x === 0) return 0;
  return negative ? -x : x;
}

/** Powers of ten 10^0 … 10^15, each exact (built by multiplying, not by `Math.pow`). */
const POW10 = [1];
for (let k = 1; k <= 15; k++) POW10.push(POW10[k - 1]! * 10);

/**
 * Reads a percentage such as `45%`, `45 %`, `45,5 %` or `-3.2%` into percent points
 * (45, 45.5, −3.2); null when `raw` is not a number followed by `%`.
 */
export function parsePercent(raw: string, decimal: DecimalSeparator): number | null {
  const m = /^(.+?)\s*%$/.exec(raw.trim());
  return m ? parseNumber(m[1]!, decimal) : null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'да', 'д', 'истина']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'нет', 'н', 'ложь']);

/**
 * Reads true/false, yes/no, y/n, да/нет, д/н, истина/ложь (any case); null otherwise.
 * `1`/`0` are deliberately not booleans: such columns stay integer.
 */
export function parseBoolean(raw: string): boolean | null {
  if (raw.length > 6 && raw.trim().length > 6) return null;
  const s = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** A date or date-time read from a cell. */
export interface DateParts {
  /** The instant; values written without a zone are taken as UTC. */
  date: Date;
  /**
   * Whether the value carries a time of day. A written `00:00` / `00:00:00` without a zone
   * does not count: database and spreadsheet exports pad plain dates that way.
   */
  hasTime: boolean;
}

/** A validated date as written: the instant, and the calendar day at midnight UTC. */
interface DateFields {
  millis: number;
  dayMillis: number;
  hasTime: boolean;
}

const COMMA = 44;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MS_PER_DAY = 86_400_000;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`): plain
 * arithmetic, cheaper than `Date.UTC` per cell, and years 0–99 are taken literally.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Milliseconds since the epoch of a UTC wall-clock time; years 0–99 are taken literally. */
function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** Index just past the run of ASCII digits starting at `i`. */
function digitsEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) v = v * 10 + s.charCodeAt(k) - 48;
  return v;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) break;
    i++;
  }
  return i;
}

/**
 * The year a two-digit year stands for, as spreadsheets read it: 00–29 → 2000–2029,
 * 30–99 → 1930–1999.
 */
function fullYear(yy: number): number {
  return yy + (yy < 30 ? 2000 : 1900);
}

/**
 * Whether a cell that reads as a date (see `parseDateParts`) writes its year with two digits
 * (`25.04.26`, `04/25/26`, `25-04-26 14:30`), so that `fullYear` chose its century.
 */
export function writesTwoDigitYear(raw: string): boolean {
  let i = 0;
  while (i < raw.length && !isDigit(raw.charCodeAt(i))) i++;
  const aEnd = digitsEnd(raw, i);
  // Year-first dates (`2026-04-25`) always have four digits.
  if (aEnd - i > 2) return false;
  const bEnd = digitsEnd(raw, aEnd + 1);
  const cEnd = digitsEnd(raw, bEnd + 1);
  return cEnd - bEnd - 1 === 2;
}

// A hand-written scanner rather than regular expressions: type inference reads every cell of
// a column, and this is several times faster on 100k date-times.
// One object, reused: reading a date allocates nothing (millions of cells per import). Callers
// take its fields at once.
const FIELDS: DateFields = { millis: 0, dayMillis: 0, hasTime: false };

function dateFields(millis: number, dayMillis: number, hasTime: boolean): DateFields {
  FIELDS.millis = millis;
  FIELDS.dayMillis = dayMillis;
  FIELDS.hasTime = hasTime;
  return FIELDS;
}

function readDate(raw: string, order: DateOrder): DateFields | null {
  const s = raw.trim();
  const len = s.length;
  if (len < 6 || len > 40) return null;
  const aEnd = digitsEnd(s, 0);
  const la = aEnd;
  if (la === 0 || la === 3 || la > 4) return null;
  const sep = s.charCodeAt(aEnd);
  if (sep !== DASH && sep !== DOT && sep !== SLASH) return null;
  const bEnd = digitsEnd(s, aEnd + 1);
  const lb = bEnd - aEnd - 1;
  if (lb < 1 || lb > 2 || s.charCodeAt(bEnd) !== sep) return null;
  const cEnd = digitsEnd(s, bEnd + 1);
  const lc = cEnd - bEnd - 1;
  const a = digitsValue(s, 0, aEnd);
  const b = digitsValue(s, aEnd + 1, bEnd);
  const c = digitsValue(s, bEnd + 1, cEnd);
  let y: number;
  let mo: number;
  let d: number;
  if (la === 4) {
    if (lc < 1 || lc > 2 || (sep === DASH && (lb !== 2 || lc !== 2))) return null;
    [y, mo, d] = [a, b, c];
  } else {
    if (lc !== 4 && lc !== 2) return null;
    // With dashes and a two-digit year only `dd-mm-yy` / `mm-dd-yy` in full: unpadded forms
    // such as `1-2-30` or `2-10-15` are more often versions or codes than dates.
    if (lc === 2 && sep === DASH && (la !== 2 || lb !== 2)) return null;
    y = lc === 2 ? fullYear(c) : c;
    const monthFirst = order === 'mdy' && sep !== DOT;
    mo = monthFirst ? a : b;
    d = monthFirst ? b : a;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const dayMillis = utcMillis(y, mo, d);
  let i = cEnd;
  if (i === len) return dateFields(dayMillis, dayMillis, false);

  // Time: `T` or (an optional comma and) spaces, then H[H]:mm[:ss[.fff]], AM/PM, zone.
  const lead = s.charCodeAt(i);
  if (lead === 84 /* T */ || lead === 116 /* t */) i++;
  else {
    if (lead === 44 /* , */) i++;
    const from = i;
    i = skipSpaces(s, i);
    if (i === from) return null;
  }
  const hEnd = digitsEnd(s, i);
  if (hEnd - i < 1 || hEnd - i > 2 || s.charCodeAt(hEnd) !== COLON) return null;
  let h = digitsValue(s, i, hEnd);
  i = hEnd + 1;
  if (digitsEnd(s, i) !== i + 2) return null;
  const mi = digitsValue(s, i, i + 2);
  i += 2;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(i) === COLON) {
    if (digitsEnd(s, i + 1) !== i + 3) return null;
    sec = digitsValue(s, i + 1, i + 3);
    i += 3;
    const f = s.charCodeAt(i);
    if (f === DOT || f === 44) {
      const fEnd = digitsEnd(s, i + 1);
      const lf = fEnd - i - 1;
      if (lf < 1 || lf > 9) return null;
      ms = Math.floor(digitsValue(s, i + 1, Math.min(fEnd, i + 4)) * 10 ** (3 - Math.min(lf, 3)));
      i = fEnd;
    }
  }
  i = skipSpaces(s, i);
  const ampm = s.slice(i, i + 2).toLowerCase();
  if (ampm === 'am' || ampm === 'pm') {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm === 'pm' ? 12 : 0);
    i = skipSpaces(s, i + 2);
  }
  if (h > 23 || mi > 59 || sec > 59) return null;
  let zoned = false;
  let offsetMinutes = 0;
  const z = s.charCodeAt(i);
  if (z === 90 /* Z */ || z === 122 /* z */) {
    zoned = true;
    i++;
  } else if (z === 43 /* + */ || z === DASH) {
    zoned = true;
    if (digitsEnd(s, i + 1) < i + 3) return null;
    const oh = digitsValue(s, i + 1, i + 3);
    i += 3;
    if (s.charCodeAt(i) === COLON) i++;
    let om = 0;
    if (i < len) {
      if (digitsEnd(s, i) !== i + 2) return null;
      om = digitsValue(s, i, i + 2);
      i += 2;
    }
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (z === DASH ? -1 : 1) * (oh * 60 + om);
  }
  if (i !== len) return null;
  const millis = utcMillis(y, mo, d, h, mi, sec, ms) - offsetMinutes * 60_000;
  const hasTime = zoned || h !== 0 || mi !== 0 || sec !== 0 || ms !== 0;
  return dateFields(millis, dayMillis, hasTime);
}

/** The value of the two ASCII digits at `i`, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common layouts of a date column read the way `readDate` reads them, without its general
 * scan: `DD.MM.YYYY` and `YYYY-MM-DD` written exactly so (ten characters, no spaces, no time).
 * Their day at midnight UTC; NaN for a day that does not exist (as `readDate` refuses it);
 * undefined for any other text, which `readDate` then reads.
 */
function fixedLayoutDay(s: string): number | undefined {
  if (s.length !== 10) return undefined;
  let y: number;
  let mo: number;
  let d: number;
  if (s.charCodeAt(2) === DOT && s.charCodeAt(5) === DOT) {
    // Dotted dates are day-first whatever the column's order.
    d = twoDigits(s, 0);
    mo = twoDigits(s, 3);
    const hi = twoDigits(s, 6);
    const lo = twoDigits(s, 8);
    y = hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  } else if (s.charCodeAt(4) === DASH && s.charCodeAt(7) === DASH) {
    const hi = twoDigits(s, 0);
    const lo = twoDigits(s, 2);
    y = hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
    mo = twoDigits(s, 5);
    d = twoDigits(s, 8);
  } else return undefined;
  if (y < 0 || mo < 0 || d < 0) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return utcMillis(y, mo, d);
}

/**
 * Reads a date or date-time, or null when `raw` is not a real calendar date (31.02 fails).
 * Forms: `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.sss]][Z|±HH:MM]`, `YYYY-MM-DD HH:mm[:ss]`,
 * `YYYY/MM/DD`, `DD.MM.YYYY`, `DD.MM.YY`, `DD/MM/YYYY` or `MM/DD/YYYY` (also with `YY`),
 * `DD-MM-YYYY` or `MM-DD-YYYY`, `DD-MM-YY` or `MM-DD-YY` (day and month of two digits), each
 * optionally followed by ` HH:mm[:ss]` (and `AM`/`PM`, a zone).
 * `order` decides day-first or month-first for `/` and `-`; `ymd` reads them day-first.
 * Dotted dates are always day-first. Two-digit years: 00–29 → 2000s, 30–99 → 1900s (see
 * `fullYear`).
 */
export function parseDateParts(raw: string, order: DateOrder): DateParts | null {
  const f = readDate(raw, order);
  return f === null ? null : { date: new Date(f.millis), hasTime: f.hasTime };
}

/** The instant of a date or date-time cell (see `parseDateParts`), or null. */
export function parseDate(raw: string, order: DateOrder): Date | null {
  const f = readDate(raw, order);
  return f === null ? null : new Date(f.millis);
}

/** Types whose cells are kept as the strings they are (null markers included). */
export function isTextType(type: ValueType): boolean {
  return type === 'text' || type === 'category' || type === 'id';
}

/** True for the types stored as numbers: integer, decimal, percent, date and datetime. */
export function isNumericType(type: ValueType): boolean {
  return !isTextType(type) && type !== 'boolean';
}

/**
 * The reader of one non-blank, non-null-marker cell of a numeric type (see `isNumericType`):
 * its number, or NaN when the cell does not fit. Numbers and percent points are numbers; dates
 * and date-times are epoch milliseconds (a `date` keeps the calendar day as written, at midnight
 * UTC). Made once per column, so the per-cell work has no branching on the format.
 */
export function numericReader(format: ColumnFormat): (raw: string) => number {
  const { type, decimal } = format;
  const order = format.dateOrder ?? 'dmy';
  switch (type) {
    case 'integer':
      return (raw) => {
        const n = parseNumber(raw, decimal);
        return n !== null && Number.isSafeInteger(n) ? n : NaN;
      };
    case 'decimal':
      return (raw) => parseNumber(raw, decimal) ?? NaN;
    case 'percent':
      return (raw) => parsePercent(raw, decimal) ?? NaN;
    case 'date':
      return (raw) => fixedLayoutDay(raw) ?? readDate(raw, order)?.dayMillis ?? NaN;
    case 'datetime':
      return (raw) => fixedLayoutDay(raw) ?? readDate(raw, order)?.millis ?? NaN;
    default:
      throw new Error(`${type} is not a numeric type`);
  }
}

/**
 * Converts one raw cell by a column format. Blank cells, and null markers in non-text
 * columns, give `{ value: null, ok: true }`; a value that does not fit gives
 * `{ value: null, ok: false }` (never a zero). Numbers and percent points are numbers,
 * date/datetime are epoch milliseconds (see `numericReader`), booleans are booleans, text keeps
 * the exact raw string (even an empty one), id and category the trimmed one.
 */
export function convertValue(
  raw: string | null,
  format: ColumnFormat,
): { value: number | string | boolean | null; ok: boolean } {
  if (raw === null) return { value: null, ok: true };
  const { type } = format;
  // Free text is kept exactly as written, an empty string included (it still counts as blank
  // in the column profile), so text round-trips byte for byte.
  if (type === 'text') return { value: raw, ok: true };
  if (isBlank(raw)) return { value: null, ok: true };
  if (type === 'id' || type === 'category') return { value: raw.trim(), ok: true };
  if (isNullToken(raw)) return { value: null, ok: true };
  if (type === 'boolean') {
    const b = parseBoolean(raw);
    return { value: b, ok: b !== null };
  }
  const x = numericReader(format)(raw);
  return x === x ? { value: x, ok: true } : { value: null, ok: false };
}
