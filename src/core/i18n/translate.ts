import type { Locale } from './locale.ts';
import type { MessageKey, Plural, PluralKey } from './messages.ts';
import { lookupMessage } from './catalogue.ts';

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralRule(locale: Locale): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * A number format, made once per locale and options: making one costs far more than using it,
 * and a page of results formats thousands of numbers. `key` names the options (a kind and its
 * digits), so a format already made is found without looking at them.
 */
function numberFormat(
  locale: Locale,
  key: string,
  options: () => Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const full = `${locale}|${key}`;
  let f = numberFormats.get(full);
  // A value that rounds to zero is written without a minus ("-0.0" reads as a loss).
  if (!f) {
    numberFormats.set(
      full,
      (f = new Intl.NumberFormat(locale, { signDisplay: 'negative', ...options() })),
    );
  }
  return f;
}

/** The plural form of a message for `count` (1 файл, 2 файла, 5 файлов). */
export function pluralForm(locale: Locale, forms: Plural, count: number): string {
  return forms[pluralRule(locale).select(count)] ?? forms.other;
}

/**
 * The message `key` in `locale` with its placeholders filled. Numbers in params are formatted
 * for the locale; a plural message picks its form by `params.count`. The locale's catalogue must
 * be registered (`catalogue.ts`); a message it lacks shows as its key.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const msg = lookupMessage(locale, key) ?? key;
  const text = typeof msg === 'string' ? msg : pluralForm(locale, msg, Number(params.count ?? 0));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

/** A plural message for a count: `translateCount('ru', 'notebook.cells', 5)` → «5 ячеек». */
export function translateCount(locale: Locale, key: PluralKey, count: number): string {
  return translate(locale, key, { count });
}

/** A number in the locale's style (decimal comma and spaced thousands in Russian). */
export function formatNumber(locale: Locale, value: number, maxFractionDigits = 2): string {
  return numberFormat(locale, `n${maxFractionDigits}`, () => ({
    maximumFractionDigits: maxFractionDigits,
  })).format(value);
}

/** A signed number with a fixed count of decimals, e.g. NPS “+12,5”. */
export function formatSigned(locale: Locale, value: number, fractionDigits = 1): string {
  return numberFormat(locale, `s${fractionDigits}`, () => ({
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    signDisplay: 'exceptZero',
  })).format(value);
}

/** A number with exactly `fractionDigits` decimals (an AUC “0,840”), in the locale's style. */
export function formatFixed(locale: Locale, value: number, fractionDigits: number): string {
  return numberFormat(locale, `f${fractionDigits}`, () => ({
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  })).format(value);
}

/** A tiny or huge number in scientific notation in the locale's style (“2.4E-14”, «2,4E-14»). */
export function formatScientific(locale: Locale, value: number, fractionDigits = 1): string {
  return numberFormat(locale, `e${fractionDigits}`, () => ({
    notation: 'scientific',
    maximumFractionDigits: fractionDigits,
  })).format(value);
}

/** A share 0–100 as a percentage in the locale's style (“42.5%”, «42,5 %»). */
export function formatPercent(locale: Locale, value: number, fractionDigits = 1): string {
  return numberFormat(locale, `p${fractionDigits}`, () => ({
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  })).format(value / 100);
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A date and time in the locale's style. */
export function formatDateTime(locale: Locale, epochMs: number): string {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    dateTimeFormats.set(
      locale,
      (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })),
    );
  }
  return f.format(new Date(epochMs));
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A byte count in the largest whole unit (“1.5 MB”, «1,5 МБ»). */
export function formatBytes(locale: Locale, bytes: number): string {
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = v < 10 && i > 0 ? 1 : 0;
  return numberFormat(locale, `b${i}|${digits}`, () => ({
    style: 'unit',
    unit: BYTE_UNITS[i],
    // "512 B", not the short form's "512 byte".
    unitDisplay: i === 0 ? 'narrow' : 'short',
    maximumFractionDigits: digits,
  })).format(v);
}
