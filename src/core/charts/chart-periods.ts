/**
 * Period arithmetic of a chart's date dimension, in UTC epoch milliseconds: the start of the
 * day, month, quarter or year holding an instant, the start of the next one, and a start as
 * the ISO date a chart row shows.
 */
import type { DateGrain } from './chart-settings.ts';

/** Milliseconds in a (UTC) day. */
export const DAY = 86_400_000;

/** Midnight UTC of the first day of `month` (0-based, may overflow) of `year`. */
function utcMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime();
}

/** The start (epoch ms, UTC) of the period at `grain` holding the instant `ms`. */
export function periodStart(ms: number, grain: DateGrain): number {
  if (grain === 'day') return Math.floor(ms / DAY) * DAY;
  const d = new Date(ms);
  const m = d.getUTCMonth();
  if (grain === 'month') return utcMonth(d.getUTCFullYear(), m);
  if (grain === 'quarter') return utcMonth(d.getUTCFullYear(), m - (m % 3));
  return utcMonth(d.getUTCFullYear(), 0);
}

/** The start of the period after the one starting at `start`. */
export function nextPeriodStart(start: number, grain: DateGrain): number {
  if (grain === 'day') return start + DAY;
  const d = new Date(start);
  const step = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  return utcMonth(d.getUTCFullYear(), d.getUTCMonth() + step);
}

/** A period start as an ISO date, `2026-03-01`. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
