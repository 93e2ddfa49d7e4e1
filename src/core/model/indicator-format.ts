/**
 * An indicator's values and changes for people, by its unit: NPS in points (“+45.7”, a change
 * “4.1 NPS points”), shares in % (values held as fractions 0–1 shown “14.5%”, a change “3.5 pp”),
 * money with its currency (“7,080,256 ₽”), durations in hours, minutes or days, counts in
 * pieces, rating points with their plural; any other unit after the number.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatFixed, formatNumber, formatSigned, translate } from '../i18n/translate.ts';
import type { Plural } from '../i18n/messages.ts';
import { lookupMessage } from '../i18n/catalogue.ts';
import type { Indicator } from './model-types.ts';

/** How an indicator's unit is shown. */
export type UnitKind = 'nps' | 'share' | 'money' | 'duration' | 'count' | 'points' | 'other';

const CURRENCIES: Record<string, string> = {
  '₽': 'RUB',
  руб: 'RUB',
  'руб.': 'RUB',
  rub: 'RUB',
  $: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '₸': 'KZT',
  kzt: 'KZT',
};

const DURATIONS: Record<string, 'hour' | 'minute' | 'day'> = {
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  ч: 'hour',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  мин: 'minute',
  d: 'day',
  day: 'day',
  days: 'day',
  дн: 'day',
  дней: 'day',
};

const COUNTS = new Set(['pcs', 'pc', 'шт', 'шт.', 'items']);
const POINTS = new Set(['points', 'point', 'pts', 'баллы', 'балл', 'баллов']);

type UnitIndicator = Pick<Indicator, 'unit' | 'scale'> & {
  binding?: { aggregate?: string } | undefined;
};

/** How `indicator`'s unit is shown (see the module comment). */
export function unitKindOf(indicator: UnitIndicator): UnitKind {
  const unit = indicator.unit.trim().toLowerCase();
  if (indicator.binding?.aggregate === 'nps' || unit === 'nps') return 'nps';
  if (unit === '%') return 'share';
  if (CURRENCIES[unit]) return 'money';
  if (DURATIONS[unit]) return 'duration';
  if (COUNTS.has(unit)) return 'count';
  if (POINTS.has(unit)) return 'points';
  return 'other';
}

/** A share held as a fraction 0–1 (a `share` aggregate, or a % whose scale ends at 1 or below). */
function isFraction(indicator: UnitIndicator): boolean {
  return indicator.binding?.aggregate === 'share' || indicator.scale.max <= 1;
}

/** Decimals that show a value of this size to about three significant digits, at most two. */
function decimalsFor(value: number): number {
  const a = Math.abs(value);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

function money(locale: Locale, currency: string, value: number, signed: boolean): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(value);
}

function duration(locale: Locale, unit: string, value: number, signed: boolean): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(value);
}

/**
 * A number and its unit word in the plural form the number takes as written (“1 point” but
 * “1.0 points”, «4,1 пункта»): the plural is chosen with the decimals shown.
 */
function withPlural(
  locale: Locale,
  key: 'unit.points' | 'unit.npsPoints',
  n: number,
  text: string,
  decimals: { min: number; max: number },
) {
  const forms = (lookupMessage(locale, key) ?? { other: key }) as Plural;
  const rule = new Intl.PluralRules(locale, {
    minimumFractionDigits: decimals.min,
    maximumFractionDigits: decimals.max,
  });
  const form = (forms as Record<string, string | undefined>)[rule.select(Math.abs(n))];
  return (form ?? forms.other).replace('{value}', text);
}

const signedNumber = (locale: Locale, v: number, decimals: number) =>
  formatSigned(locale, v, decimals);

/** A value of `indicator`, e.g. “14.5%”, “+45.7” (NPS), “7,080,256 ₽”, “3.2 hr”, “4.2 points”. */
export function formatIndicatorValue(
  locale: Locale,
  indicator: UnitIndicator,
  value: number,
): string {
  const unit = indicator.unit.trim();
  switch (unitKindOf(indicator)) {
    case 'nps':
      return signedNumber(locale, value, 1);
    case 'share': {
      const pct = isFraction(indicator) ? value * 100 : value;
      return translate(locale, 'unit.percent', { value: formatNumber(locale, pct, 1) });
    }
    case 'money':
      return money(locale, CURRENCIES[unit.toLowerCase()]!, value, false);
    case 'duration':
      return duration(locale, DURATIONS[unit.toLowerCase()]!, value, false);
    case 'count':
      return translate(locale, 'unit.pieces', { value: formatNumber(locale, value, 1) });
    case 'points':
      return withPlural(locale, 'unit.points', value, formatNumber(locale, value, 2), {
        min: 0,
        max: 2,
      });
    case 'other':
      return `${formatNumber(locale, value, decimalsFor(value))}${unit ? ` ${unit}` : ''}`;
  }
}

/**
 * A difference of `indicator` (a gap, a predicted change), e.g. “4.1 NPS points”, “3.5 pp”,
 * “−0.4 hr”; with `signed`, a plus for a rise; with `bare`, the number alone as it would be
 * written there (for the bounds of an interval after the amount).
 */
export function formatIndicatorChange(
  locale: Locale,
  indicator: UnitIndicator,
  delta: number,
  options: { signed?: boolean; bare?: boolean } = {},
): string {
  const signed = options.signed ?? false;
  const unit = indicator.unit.trim();
  const num = (v: number, d: number) =>
    signed ? signedNumber(locale, v, d) : formatNumber(locale, v, d);
  const kind = unitKindOf(indicator);
  if (options.bare) {
    switch (kind) {
      case 'nps':
        return signed ? formatSigned(locale, delta, 1) : formatFixed(locale, delta, 1);
      case 'share':
        return num(isFraction(indicator) ? delta * 100 : delta, 1);
      case 'money':
        return num(delta, Math.abs(delta) >= 100 ? 0 : 2);
      case 'duration':
      case 'count':
        return num(delta, 1);
      case 'points':
        return num(delta, 2);
      case 'other':
        return num(delta, decimalsFor(delta));
    }
  }
  switch (kind) {
    case 'nps': {
      const text = signed ? formatSigned(locale, delta, 1) : formatFixed(locale, delta, 1);
      return withPlural(locale, 'unit.npsPoints', delta, text, { min: 1, max: 1 });
    }
    case 'share': {
      const pp = isFraction(indicator) ? delta * 100 : delta;
      return translate(locale, 'unit.pp', { value: num(pp, 1) });
    }
    case 'money':
      return money(locale, CURRENCIES[unit.toLowerCase()]!, delta, signed);
    case 'duration':
      return duration(locale, DURATIONS[unit.toLowerCase()]!, delta, signed);
    case 'count':
      return translate(locale, 'unit.pieces', { value: num(delta, 1) });
    case 'points':
      return withPlural(locale, 'unit.points', delta, num(delta, 2), { min: 0, max: 2 });
    case 'other':
      return `${num(delta, decimalsFor(delta))}${unit ? ` ${unit}` : ''}`;
  }
}
