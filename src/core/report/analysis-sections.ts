/**
 * The CX managers' other findings in a report, from the notebook's stored results: the key
 * drivers of the low outcome (their shares of the explained risk with intervals, direction) and
 * the complaint themes by frequency (count, share, running share) — aggregates only.
 */
import { driverLabel } from '../analysis/driver-label.ts';
import type { Locale } from '../i18n/locale.ts';
import { formatNumber, formatPercent, translate } from '../i18n/translate.ts';
import type { DriversCellResult } from '../worker-api/drivers-api.ts';
import type { FrequencyCellResult } from '../worker-api/text-api.ts';
import type { ReportSection } from './report-document.ts';

/** Drivers listed at most. */
const DRIVERS = 12;
/** Themes listed at most. */
const THEMES = 15;

const pct = (locale: Locale, share: number) => formatPercent(locale, share * 100);

/** The key drivers as a section; null when the stored result holds none. */
export function driversReportSection(
  locale: Locale,
  stored: DriversCellResult,
): ReportSection | null {
  const out = stored.output;
  if (!out.ok || out.result.drivers.length === 0) return null;
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
    translate(locale, k, p);
  const r = out.result;
  // Drivers by the names the cell shows: a rating the model reads an indicator from, by it.
  const sourceOf = new Map(out.columns.map((c) => [c.name, c.source]));
  const label = (feature: string) =>
    driverLabel({ name: feature, source: sourceOf.get(feature) ?? { kind: 'dataset' } }, locale);
  return {
    title: t('kind.drivers'),
    blocks: [
      {
        kind: 'paragraph',
        tone: 'verdict',
        text: t('report.drivers.lead', {
          target: stored.input.target,
          list: r.drivers
            .slice(0, 3)
            .map((d) => `${label(d.feature)} (${pct(locale, d.shapShare)})`)
            .join(', '),
          auc: formatNumber(locale, r.quality.holdoutAuc, 2),
        }),
      },
      {
        kind: 'table',
        caption: t('drv.table'),
        columns: [
          { label: t('drv.col.driver') },
          { label: t('report.drivers.share'), numeric: true },
          { label: t('drv.col.weight'), numeric: true },
          { label: t('drv.col.direction') },
        ],
        rows: r.drivers
          .slice(0, DRIVERS)
          .map((d) => [
            label(d.feature),
            pct(locale, d.shapShare),
            `${pct(locale, d.relativeWeight)} (${pct(locale, d.weightInterval[0])} … ${pct(locale, d.weightInterval[1])})`,
            t(`drv.dir.${d.direction}`),
          ]),
      },
      { kind: 'paragraph', tone: 'note', text: t('report.drivers.how') },
    ],
  };
}

/** The complaint themes by frequency as a section; null when the stored result holds none. */
export function frequencyReportSection(
  locale: Locale,
  stored: FrequencyCellResult,
): ReportSection | null {
  const out = stored.output;
  if (!out.ok || out.result.byCount.length === 0) return null;
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
    translate(locale, k, p);
  const themes = out.result.byCount.slice(0, THEMES);
  return {
    title: t('kind.frequency'),
    blocks: [
      {
        kind: 'paragraph',
        tone: 'verdict',
        text: t('report.freq.lead', {
          comments: formatNumber(locale, out.result.comments),
          top: themes
            .slice(0, 3)
            .map((x) => `${x.key} (${pct(locale, x.share)})`)
            .join(', '),
        }),
      },
      {
        kind: 'table',
        caption: t('freq.themeTable'),
        columns: [
          { label: t('report.freq.theme') },
          { label: t('freq.mentions'), numeric: true },
          { label: t('freq.share'), numeric: true },
          { label: t('report.freq.cumulative'), numeric: true },
        ],
        rows: themes.map((x) => [
          x.key,
          formatNumber(locale, x.count),
          pct(locale, x.share),
          pct(locale, x.cumulative),
        ]),
      },
    ],
  };
}
