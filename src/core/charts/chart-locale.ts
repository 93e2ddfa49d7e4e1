/** How charts write numbers in each language (Vega's number format locale). */
import type { Locale } from '../i18n/locale.ts';

/** Russian numbers: a decimal comma, thin-spaced thousands, roubles after the number. */
const RU_NUMBERS = {
  decimal: ',',
  thousands: '\u00a0',
  grouping: [3],
  currency: ['', '\u00a0₽'] as [string, string],
};

/** Vega's number format locale for `locale`; null for Vega's default (English). */
export function chartNumberLocale(locale: Locale): typeof RU_NUMBERS | null {
  return locale === 'ru' ? RU_NUMBERS : null;
}
