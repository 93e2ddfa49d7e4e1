/**
 * The drivers analysis's failures and warnings as sentences in the user's language, for the
 * cell and the command line alike.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatFixed, formatNumber, translate, translateCount } from '../i18n/translate.ts';
import { DriversError, type DriverWarning } from './drivers.ts';
import { TargetError, type TargetRule } from './driver-target.ts';

/** A target or training failure as plain data (it crosses from the worker). */
export type DriverErrorInfo =
  | { kind: 'target'; code: TargetError['code']; detail: TargetError['detail'] }
  | { kind: 'drivers'; code: DriversError['code']; counts: DriversError['counts'] };

/** The plain form of a target or training failure; null for any other error. */
export function driverErrorInfo(error: unknown): DriverErrorInfo | null {
  if (error instanceof TargetError) {
    return { kind: 'target', code: error.code, detail: error.detail };
  }
  if (error instanceof DriversError) {
    return { kind: 'drivers', code: error.code, counts: error.counts };
  }
  return null;
}

/** The sentence for a target or training failure; null for any other error. */
export function describeDriverError(locale: Locale, error: unknown): string | null {
  const info = driverErrorInfo(error);
  return info ? describeDriverErrorInfo(locale, info) : null;
}

/** The sentence for a failure's plain form. */
export function describeDriverErrorInfo(locale: Locale, info: DriverErrorInfo): string {
  if (info.kind === 'target') {
    return translate(locale, `drv.err.${info.code}`, {
      column: info.detail.column,
      value: info.detail.value ?? '',
    });
  }
  const c = info.counts;
  return translate(locale, `drv.err.${info.code}`, {
    rows: formatNumber(locale, c.rows),
    positives: formatNumber(locale, c.positives),
    negatives: formatNumber(locale, c.negatives),
    min: formatNumber(locale, c.min),
  });
}

/** The sentence for a warning about the result. */
export function describeDriverWarning(locale: Locale, w: DriverWarning): string {
  switch (w.code) {
    case 'few-rows':
      return translate(locale, 'drv.warn.few-rows', {
        rows: translateCount(locale, 'drv.rows', w.rows),
        min: formatNumber(locale, w.min),
      });
    case 'few-positives':
      return translate(locale, 'drv.warn.few-positives', {
        positives: formatNumber(locale, w.positives),
        negatives: formatNumber(locale, w.negatives),
        min: formatNumber(locale, w.min),
      });
    case 'leakage':
      return translate(locale, 'drv.warn.leakage', {
        feature: w.feature,
        auc: formatFixed(locale, w.auc, 3),
      });
    case 'too-good':
      return translate(locale, 'drv.warn.too-good', { auc: formatFixed(locale, w.auc, 3) });
    case 'strong-model':
      return translate(locale, 'drv.warn.strong-model', { auc: formatFixed(locale, w.auc, 3) });
    case 'sampled':
      return translate(locale, 'drv.warn.sampled', {
        sample: formatNumber(locale, w.sample),
        rows: formatNumber(locale, w.rows),
      });
  }
}

/**
 * A target value as shown: the file's own word, or yes/no in `locale` for a yes/no column
 * stored without its words (chosen by true/false).
 */
export function targetValueText(locale: Locale, value: string): string {
  if (value === 'true') return translate(locale, 'common.yes');
  if (value === 'false') return translate(locale, 'common.no');
  return value;
}

/** The low outcome in words, e.g. “nps ≤ 6 (detractors)” or “Churn = Yes”. */
export function describeTarget(locale: Locale, column: string, rule: TargetRule | null): string {
  if (!rule || rule.kind === 'detractor')
    return translate(locale, 'drv.target.detractor', { column });
  if (rule.kind === 'equals') {
    return translate(locale, 'drv.target.equals', {
      column,
      value: targetValueText(locale, rule.value),
    });
  }
  return translate(locale, 'drv.target.below', {
    column,
    value: formatNumber(locale, rule.threshold),
  });
}
