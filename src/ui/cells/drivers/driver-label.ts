import type { Locale } from '../../../core/i18n/locale.ts';
import type { DriverColumnSource } from '../../../core/analysis/driver-table.ts';

/** A drivers-table column as shown: an indicator by its name in the language, others as named. */
export function driverLabel(
  column: { name: string; source: DriverColumnSource },
  locale: Locale,
): string {
  const s = column.source;
  return s.kind === 'indicator' ? `${s.name[locale] || s.id} (${s.layer})` : column.name;
}
