/**
 * The trace in a report: the verdict, the causes below the customer layer with their units, the
 * gap as a waterfall and the what-if the analyst saved — or, for executives, the verdict alone.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatPercent, translate, translateCount } from '../i18n/translate.ts';
import type { ServiceModel } from '../model/model-types.ts';
import { formatIndicatorChange, formatIndicatorValue } from '../model/indicator-format.ts';
import type { TraceAnalysis } from '../analysis/trace/trace-types.ts';
import { causeWhere, populationLabel, traceSummary } from '../analysis/trace/trace-summary.ts';
import { traceSteps } from '../analysis/trace/trace-steps.ts';
import { waterfallBars, waterfallSpec } from '../charts/trace-waterfall.ts';
import type { ReportBlock, ReportSection } from './report-document.ts';
import { chartSvg } from './chart-svg.ts';

/** Process, staff and IT causes listed at most. */
const CAUSES = 8;

/** The trace as a report section (see the module comment). */
export async function traceReportSection(
  locale: Locale,
  model: ServiceModel,
  analysis: TraceAnalysis,
  options: { brief?: boolean } = {},
): Promise<ReportSection> {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const title = t('kind.trace');
  const verdict: ReportBlock = {
    kind: 'paragraph',
    text: traceSummary(locale, model, analysis),
    tone: 'verdict',
  };
  if (!analysis.population || analysis.counts.answers === 0) {
    return { title, blocks: [{ kind: 'paragraph', text: t('trace.empty') }] };
  }
  const indicator = (id: string) => model.indicators.find((i) => i.id === id);
  const name = (id: string) => indicator(id)?.name[locale] || id;
  const outcomes: ReportBlock[] =
    analysis.outcomes.length === 0
      ? []
      : [
          {
            kind: 'table',
            caption: t('report.outcomes.table'),
            columns: [
              { label: t('trace.col.indicator') },
              { label: populationLabel(locale, analysis.population), numeric: true },
              {
                label: t(
                  analysis.comparedWith === 'clients' ? 'trace.w.otherClients' : 'trace.w.others',
                ),
                numeric: true,
              },
              { label: t('report.outcomes.difference'), numeric: true },
            ],
            rows: analysis.outcomes.map((o) => {
              const ind = indicator(o.indicator);
              const value = (v: number) => (ind ? formatIndicatorValue(locale, ind, v) : String(v));
              return [
                name(o.indicator),
                value(o.population),
                value(o.reference),
                ind
                  ? formatIndicatorChange(locale, ind, o.population - o.reference, { signed: true })
                  : String(o.population - o.reference),
              ];
            }),
          },
          { kind: 'paragraph', tone: 'note', text: t('report.outcomes.how') },
        ];
  if (options.brief) return { title, blocks: [verdict, ...outcomes] };

  const start = analysis.start ? indicator(analysis.start) : undefined;
  const amount = (v: number, signed = false) =>
    start ? formatIndicatorChange(locale, start, v, { signed }) : String(v);
  const bare = (v: number) =>
    start ? formatIndicatorChange(locale, start, v, { bare: true }) : String(v);
  const pct = (share: number) => formatPercent(locale, share * 100);
  const blocks: ReportBlock[] = [
    verdict,
    {
      kind: 'paragraph',
      tone: 'note',
      text: t(analysis.comparedWith === 'answers' ? 'trace.summaryAnswers' : 'trace.summary', {
        clients: translateCount(locale, 'trace.clients', analysis.counts.clients),
        answers: translateCount(locale, 'trace.answers', analysis.counts.answers),
      }),
    },
    ...outcomes,
  ];

  const causes = analysis.causes
    .filter((c) => c.layer === 'OX' || c.layer === 'EX' || c.layer === 'IT')
    .sort(
      (a, b) => Number(b.supported) - Number(a.supported) || b.persistentShare - a.persistentShare,
    )
    .slice(0, CAUSES);
  if (causes.length > 0) {
    blocks.push({
      kind: 'table',
      caption: t('trace.causes'),
      columns: [
        { label: t('trace.col.indicator') },
        { label: t('trace.col.layer') },
        { label: t('trace.col.contribution'), numeric: true },
        { label: t('trace.col.status'), numeric: true },
        { label: t('trace.col.supported') },
        { label: t('trace.col.where') },
      ],
      rows: causes.map((c) => {
        const gapOf = c.persistentShare !== 0 ? c.persistent / c.persistentShare : NaN;
        return [
          name(c.indicator),
          c.layer,
          `${amount(c.persistent)} (${bare(c.persistentCi[0])} … ${bare(c.persistentCi[1])})`,
          `${pct(c.persistentShare)} (${pct(c.persistentCi[0] / gapOf)} … ${pct(c.persistentCi[1] / gapOf)})`,
          c.supported ? t('trace.supported') : t('trace.notSupported'),
          causeWhere(locale, model, c).text.trim(),
        ];
      }),
    });
  }

  const labels = {
    step: t('trace.w.step'),
    value: t('trace.w.value'),
    change: t('trace.w.change'),
    reference: t(analysis.comparedWith === 'clients' ? 'trace.w.otherClients' : 'trace.w.others'),
    population: populationLabel(locale, analysis.population),
    formatValue: (v: number) => (start ? formatIndicatorValue(locale, start, v) : String(v)),
    formatChange: (v: number) => amount(v, true),
  };
  const bars = waterfallBars(
    analysis.gap.reference,
    analysis.gap.population,
    traceSteps(model, analysis).map((s) => ({
      label:
        s.id === '@rest'
          ? t('trace.w.rest')
          : s.id === '@unexplained'
            ? t('trace.w.unexplained')
            : name(s.id),
      change: s.change,
    })),
    labels,
  );
  blocks.push({
    kind: 'chart',
    label: t('trace.waterfallLabel'),
    svg: await chartSvg(waterfallSpec(bars, labels), locale),
    howToRead: t('trace.waterfallHow'),
  });

  const w = analysis.whatIf;
  if (w) {
    const target = indicator(w.indicator);
    blocks.push(
      { kind: 'heading', text: t('trace.whatIf') },
      {
        kind: 'paragraph',
        text: t(w.at ? 'trace.wi.headAt' : 'trace.wi.head', {
          indicator: name(w.indicator),
          value: target ? formatIndicatorValue(locale, target, w.value) : String(w.value),
          units: new Intl.ListFormat(locale, { type: 'conjunction' }).format(w.at?.units ?? []),
        }),
      },
      {
        kind: 'table',
        caption: t('trace.wi.table'),
        columns: [
          { label: t('trace.col.indicator') },
          { label: t('trace.wi.change'), numeric: true },
          { label: t('trace.col.link'), numeric: true },
        ],
        rows: w.effects.map((e) => {
          const ind = indicator(e.indicator);
          const fmt = (v: number, b: boolean) =>
            ind ? formatIndicatorChange(locale, ind, v, { signed: true, bare: b }) : String(v);
          return [
            name(e.indicator),
            fmt(e.change, false),
            `${fmt(e.ci[0], true)} … ${fmt(e.ci[1], true)}`,
          ];
        }),
      },
      { kind: 'paragraph', tone: 'note', text: t('trace.wi.causal') },
    );
  }
  return { title, blocks };
}
