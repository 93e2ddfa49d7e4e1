/**
 * The period a date or period value falls in, as a sortable key: `2026-03` for a month,
 * `2026-Q1` for a quarter.
 */

/** Period grains of the service model. */
export type PeriodGrain = 'month' | 'quarter';

const YEAR_MONTH = /^\s*(\d{4})-(\d{1,2})(?:-\d{1,2}(?:[T ].*)?)?\s*$/;
const YEAR_QUARTER = /^\s*(\d{4})-?Q([1-4])\s*$/i;

function format(year: number, month: number, grain: PeriodGrain): string | null {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || month < 1 || month > 12) return null;
  const y = String(year).padStart(4, '0');
  return grain === 'month'
    ? `${y}-${String(month).padStart(2, '0')}`
    : `${y}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * The period key of a value at `grain`: a number is epoch milliseconds (UTC) as stored dates
 * decode; a `Date` likewise; strings such as `2026-03`, `2026-03-15` (a time may follow) and,
 * at quarter grain, `2026-Q1` are read as written. Null for blank or unreadable values; a
 * quarter string at month grain is unreadable (it names no month).
 */
export function periodKey(value: unknown, grain: PeriodGrain): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const d = new Date(value);
    return format(d.getUTCFullYear(), d.getUTCMonth() + 1, grain);
  }
  if (value instanceof Date) return periodKey(value.getTime(), grain);
  if (typeof value !== 'string') return null;
  const m = YEAR_MONTH.exec(value);
  if (m) return format(Number(m[1]), Number(m[2]), grain);
  const q = YEAR_QUARTER.exec(value);
  if (q && grain === 'quarter') return `${q[1]}-Q${q[2]}`;
  return null;
}
