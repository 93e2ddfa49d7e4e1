/**
 * The executives' figures in a report, from the notebook's stored results: NPS over the periods
 * with its intervals, and the satisfaction index over the periods — aggregates only, no client.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatNumber, formatSigned, translate, translateCount } from '../i18n/translate.ts';
import type { NpsCellResult } from '../worker-api/analysis-api.ts';
import type { IndexView } from '../index/index-view.ts';
import { npsGroupsSpec } from '../charts/nps-groups.ts';
import { intervalChartSpec } from '../charts/interval-chart.ts';
import type { ReportBlock, ReportSection } from './report-document.ts';
import { chartSvg } from './chart-svg.ts';

const range = (
  locale: Locale,
  low: number | null,
  high: number | null,
  f: (v: number) => string,
) => (low === null || high === null ? '—' : `${f(low)} … ${f(high)}`);

/** NPS overall and by period (an NPS cell split by period); null when it holds no NPS. */
export async function npsReportSection(
  locale: Locale,
  result: NpsCellResult,
): Promise<ReportSection | null> {
  if (!result.summary.ok || result.summary.summary.nps === null) return null;
  const s = result.summary.summary;
  const signed = (v: number) => formatSigned(locale, v, 1);
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      tone: 'verdict',
      text: translate(locale, 'report.nps.headline', {
        nps: signed(s.nps!),
        low: s.ciLow === null ? '—' : signed(s.ciLow),
        high: s.ciHigh === null ? '—' : signed(s.ciHigh),
        answers: translateCount(locale, 'report.answers', s.n),
        promoters: formatNumber(locale, s.promoters),
        detractors: formatNumber(locale, s.detractors),
      }),
    },
  ];
  const groups = result.groups?.ok ? result.groups.result.groups : [];
  if (groups.length > 0) {
    const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
    blocks.push(
      {
        kind: 'chart',
        label: t('report.nps.chart'),
        svg: await chartSvg(
          npsGroupsSpec(groups, 'period', {
            group: t('report.col.period'),
            nps: 'NPS',
            low: t('npsg.low'),
            high: t('npsg.high'),
            n: t('npsg.n'),
            unreliable: t('npsg.unreliable'),
            yes: t('npsg.yes'),
            no: t('npsg.no'),
          }),
          locale,
        ),
      },
      {
        kind: 'table',
        caption: t('report.nps.table'),
        columns: [
          { label: t('report.col.period') },
          { label: 'NPS', numeric: true },
          { label: t('report.col.interval'), numeric: true },
          { label: t('report.col.n'), numeric: true },
        ],
        rows: groups.map((g) => [
          g.unreliable ? `${g.key} (${t('report.fewAnswers')})` : g.key,
          g.summary.nps === null ? '—' : signed(g.summary.nps),
          range(locale, g.summary.ciLow, g.summary.ciHigh, signed),
          formatNumber(locale, g.summary.n),
        ]),
      },
    );
  }
  return { title: translate(locale, 'report.nps.title'), blocks };
}

/** The satisfaction index overall and by period (an index cell's view); null without an index. */
export async function indexReportSection(
  locale: Locale,
  view: IndexView,
): Promise<ReportSection | null> {
  const overall = view.blocks.find((b) => b.layer === 'index');
  if (!overall || view.byPeriod.length === 0) return null;
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  const one = (v: number) => formatNumber(locale, v, 1);
  const labels = {
    key: t('index.period'),
    value: t('index.mean'),
    low: t('index.low'),
    high: t('index.high'),
    n: t('index.n'),
    unreliable: t('index.unreliable'),
    yes: t('index.yes'),
    no: t('index.no'),
  };
  return {
    title: t('report.index.title'),
    blocks: [
      {
        kind: 'paragraph',
        tone: 'verdict',
        text: translate(locale, 'report.index.headline', {
          value: one(overall.mean),
          low: overall.low === null ? '—' : one(overall.low),
          high: overall.high === null ? '—' : one(overall.high),
          clients: translateCount(locale, 'report.clients', overall.n),
        }),
      },
      {
        kind: 'chart',
        label: t('index.trendLabel'),
        svg: await chartSvg(
          intervalChartSpec(
            view.byPeriod.map((p) => ({
              key: p.period,
              value: p.mean,
              low: p.low,
              high: p.high,
              n: p.n,
              unreliable: p.unreliable,
            })),
            { kind: 'period', domain: [0, 100], format: '.1f', labels },
          ),
          locale,
        ),
        howToRead: t('index.trendHow'),
      },
      {
        kind: 'table',
        caption: t('report.index.table'),
        columns: [
          { label: t('report.col.period') },
          { label: t('index.mean'), numeric: true },
          { label: t('report.col.interval'), numeric: true },
          { label: t('report.col.clients'), numeric: true },
        ],
        rows: view.byPeriod.map((p) => [
          p.unreliable ? `${p.period} (${t('report.fewAnswers')})` : p.period,
          one(p.mean),
          range(locale, p.low, p.high, one),
          formatNumber(locale, p.n),
        ]),
      },
    ],
  };
}
