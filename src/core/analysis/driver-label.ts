import type { Locale } from '../i18n/locale.ts';
import type { DriverColumnSource } from './driver-table.ts';

/**
 * A drivers-table column as shown: an indicator, or a column the model reads an indicator from,
 * by the indicator's name in the language; others as named.
 */
export function driverLabel(
  column: { name: string; source: DriverColumnSource },
  locale: Locale,
): string {
  const s = column.source;
  if (s.kind === 'indicator') return `${s.name[locale] || s.id} (${s.layer})`;
  if (s.kind === 'dataset' && s.indicator) {
    return `${s.indicator.name[locale] || column.name} (${s.indicator.layer})`;
  }
  return column.name;
}
