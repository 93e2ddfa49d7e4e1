/**
 * The verdict in one or two sentences, in the user's language, with numbers for people: the
 * gap in the start's units, the cause with its units and its share of the gap with an interval,
 * or why nothing is named.
 */
import type { Locale } from '../../i18n/locale.ts';
import { formatNumber, formatPercent, translate, translateCount } from '../../i18n/translate.ts';
import type { ServiceModel } from '../../model/model-types.ts';
import type { Population, TraceAnalysis, TraceCause } from './trace-types.ts';

const percent = (locale: Locale, share: number) => formatPercent(locale, share * 100);

/**
 * The cause a trace leads with: the supported one with the largest persistent share of the gap,
 * else the process, staff or IT indicator with the largest share; null when there is none.
 */
export function mainCause(analysis: TraceAnalysis): TraceCause | null {
  const byShare = (list: TraceCause[]) =>
    list.reduce<TraceCause | null>(
      (best, c) => (!best || c.persistentShare > best.persistentShare ? c : best),
      null,
    );
  return (
    byShare(analysis.causes.filter((c) => c.supported)) ??
    byShare(analysis.causes.filter((c) => ['OX', 'EX', 'IT'].includes(c.layer)))
  );
}

/** How a population is named at the start of a sentence. */
export function populationLabel(locale: Locale, p: Population): string {
  switch (p.kind) {
    case 'detractors':
      return translate(locale, 'tv.pop.detractors');
    case 'segment':
      return translate(locale, 'tv.pop.segment', { column: p.column, value: p.value });
    case 'clients':
      return p.label;
    case 'low': {
      const r = p.rule;
      const rule =
        r.kind === 'equals'
          ? `= ${r.value}`
          : `${r.kind === 'below' ? '<' : '≤'} ${formatNumber(locale, r.threshold)}`;
      return translate(locale, 'tv.pop.low', { column: p.target, rule });
    }
  }
}

/** The verdict of `analysis` in `locale` (see the module comment). */
export function traceSummary(locale: Locale, model: ServiceModel, analysis: TraceAnalysis): string {
  if (!analysis.population || !analysis.start) return '';
  const name = (id: string) => model.indicators.find((i) => i.id === id)?.name[locale] ?? id;
  const startIndicator = model.indicators.find((i) => i.id === analysis.start);
  const unit =
    startIndicator?.binding?.aggregate === 'nps'
      ? translate(locale, 'tv.npsPoints')
      : (startIndicator?.unit ?? '');
  const amount = (v: number) => `${formatNumber(locale, v, 1)}${unit ? ` ${unit}` : ''}`;
  const g = analysis.gap;
  const common = {
    population: populationLabel(locale, analysis.population),
    reference: translate(
      locale,
      analysis.comparedWith === 'clients' ? 'tv.ref.clients' : 'tv.ref.answers',
    ),
    start: name(analysis.start),
    popValue: formatNumber(locale, g.population, 1),
    refValue: formatNumber(locale, g.reference, 1),
    gap: amount(g.value),
    low: formatNumber(locale, g.ci[0], 1),
    high: formatNumber(locale, g.ci[1], 1),
  };
  if (analysis.verdict === 'none') return translate(locale, 'tv.none', common);
  const head = translate(locale, 'tv.gap', common);
  const supported = analysis.causes
    .filter((c) => c.supported)
    .sort((a, b) => b.persistentShare - a.persistentShare);
  if (analysis.verdict === 'cause') {
    const [main, ...more] = supported;
    const lines = [head, causeSentence(locale, name, main!)];
    if (main!.fewUnits && main!.unitKind) {
      lines.push(
        translateCount(locale, 'tv.fewUnits', analysis.estimator.clusters[main!.unitKind] ?? 0),
      );
    }
    if (more.length > 0) {
      const list = more.map((c) => `${name(c.indicator)} (${percent(locale, c.persistentShare)})`);
      lines.push(translate(locale, 'tv.alsoSupported', { list: list.join(', ') }));
    }
    return lines.join(' ');
  }
  const lines = [
    head,
    translate(locale, 'tv.unexplained', {
      materiality: percent(locale, analysis.settings.materiality),
    }),
  ];
  const top = mainCause(analysis);
  if (top && top.persistentShare > 0) {
    lines.push(
      translate(locale, 'tv.largestCandidate', {
        indicator: name(top.indicator),
        share: percent(locale, top.persistentShare),
        low: percent(locale, top.persistentCi[0] / g.value),
        high: percent(locale, top.persistentCi[1] / g.value),
      }),
    );
  }
  return lines.join(' ');
}

function causeSentence(locale: Locale, name: (id: string) => string, c: TraceCause): string {
  const gapOf = c.persistentShare !== 0 ? c.persistent / c.persistentShare : NaN;
  const units = c.units.filter((u) => u.share >= 0.1).map((u) => u.unit);
  const where =
    units.length > 0
      ? translate(locale, 'tv.causeAt', {
          units: new Intl.ListFormat(locale, { type: 'conjunction' }).format(units),
        })
      : '';
  return translate(locale, 'tv.cause', {
    indicator: name(c.indicator),
    where,
    share: percent(locale, c.persistentShare),
    low: percent(locale, c.persistentCi[0] / gapOf),
    high: percent(locale, c.persistentCi[1] / gapOf),
  });
}
