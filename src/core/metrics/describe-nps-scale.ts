/**
 * The words for an NPS refused because its scores look like a short scale (see `nps-scale.ts`),
 * shared by the command line and the NPS cell so that both say the same.
 */
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import type { ShortScale } from './nps-scale.ts';

/**
 * What was found, in `locale`: "All 412 scores in “q1” are between 1 and 5: this looks like a
 * 1–5 scale, and NPS needs 0–10 ratings." Without a column (numbers on standard input) the
 * sentence names none.
 */
export function describeShortScale(
  locale: Locale,
  scale: ShortScale,
  column: string | null,
): string {
  const params = { count: scale.n, min: scale.min, max: scale.max, top: scale.top };
  return column === null
    ? translate(locale, 'nps.shortScaleInput', params)
    : translate(locale, 'nps.shortScale', { ...params, column });
}
