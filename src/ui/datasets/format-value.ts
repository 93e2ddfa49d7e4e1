import type { Locale } from '../../core/i18n/locale.ts';
import type { ColumnInfo } from '../../core/storage/dataset-meta.ts';

/** Words for yes/no values in the UI language. */
export interface YesNo {
  yes: string;
  no: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, percent: boolean): Intl.NumberFormat {
  const key = `${locale}|${percent}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(
      locale,
      percent ? { style: 'percent', maximumFractionDigits: 4 } : { maximumFractionDigits: 6 },
    );
    numberFormats.set(key, f);
  }
  return f;
}

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    // Stored dates are the wall-clock values of the file, kept as UTC: show them as written.
    f = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'medium' } : {}),
      timeZone: 'UTC',
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** Whether a date of a column is shown with its time of day. */
function showsTime(column: Pick<ColumnInfo, 'valueType'>, ms: number): boolean {
  if (column.valueType === 'date') return false;
  if (column.valueType === 'datetime') return true;
  return ms % 86_400_000 !== 0;
}

/**
 * A stored value as text for the UI language: numbers and dates in the locale's style, yes/no
 * in words, text as it is; blank as an empty string. Never markup.
 */
export function formatValue(
  value: unknown,
  column: Pick<ColumnInfo, 'type' | 'valueType'>,
  locale: Locale,
  yesNo: YesNo,
): string {
  if (value === null || value === undefined) return '';
  // Stored dates decode as epoch milliseconds.
  if (typeof value === 'number' && column.type === 'date') {
    return formatDateValue(value, column, locale);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '';
    return column.valueType === 'percent'
      ? numberFormat(locale, true).format(value / 100)
      : numberFormat(locale, false).format(value);
  }
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (value instanceof Date) return formatDateValue(value.getTime(), column, locale);
  return String(value);
}

/** A date (epoch milliseconds) of a column, as the column shows it. */
export function formatDateValue(
  ms: number,
  column: Pick<ColumnInfo, 'valueType'>,
  locale: Locale,
): string {
  if (!Number.isFinite(ms)) return '';
  return dateFormat(locale, showsTime(column, ms)).format(new Date(ms));
}
