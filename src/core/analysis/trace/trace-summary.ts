/**
 * The verdict in one or two sentences, in the user's language, with numbers for people: the
 * gap in the start's units, the cause with its units and its share of the gap with an interval,
 * or why nothing is named.
 */
import type { Locale } from '../../i18n/locale.ts';
import { formatNumber, formatPercent, translate, translateCount } from '../../i18n/translate.ts';
import type { ServiceModel } from '../../model/model-types.ts';
import { formatIndicatorChange, formatIndicatorValue } from '../../model/indicator-format.ts';
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
  const value = (v: number) =>
    startIndicator ? formatIndicatorValue(locale, startIndicator, v) : formatNumber(locale, v, 1);
  const amount = (v: number) =>
    startIndicator ? formatIndicatorChange(locale, startIndicator, v) : formatNumber(locale, v, 1);
  const bare = (v: number) =>
    startIndicator
      ? formatIndicatorChange(locale, startIndicator, v, { bare: true })
      : formatNumber(locale, v, 1);
  const g = analysis.gap;
  const common = {
    population: populationLabel(locale, analysis.population),
    reference: translate(
      locale,
      analysis.comparedWith === 'clients' ? 'tv.ref.clients' : 'tv.ref.answers',
    ),
    start: name(analysis.start),
    popValue: value(g.population),
    refValue: value(g.reference),
    gap: amount(g.value),
    low: bare(g.ci[0]),
    high: bare(g.ci[1]),
  };
  if (analysis.verdict === 'none') return translate(locale, 'tv.none', common);
  const head = translate(locale, 'tv.gap', common);
  const supported = analysis.causes
    .filter((c) => c.supported)
    .sort((a, b) => b.persistentShare - a.persistentShare);
  if (analysis.verdict === 'cause') {
    const [main, ...more] = supported;
    const lines = [head, causeSentence(locale, model, name, main!, amount)];
    const via = main!.path.length > 2 ? main!.path[1] : undefined;
    if (via) lines.push(translate(locale, 'tv.via', { via: name(via) }));
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

/**
 * The units a cause sits at (those carrying a tenth of it or more), with their values against
 * the mean of the other units of the kind; empty when it sits at none.
 */
export function causeWhere(
  locale: Locale,
  model: ServiceModel,
  c: TraceCause,
): { units: string[]; text: string } {
  const units = c.units.filter((u) => u.share >= 0.1).map((u) => u.unit);
  if (units.length === 0) return { units, text: '' };
  const indicator = model.indicators.find((i) => i.id === c.indicator);
  const fmt = (v: number) =>
    indicator ? formatIndicatorValue(locale, indicator, v) : formatNumber(locale, v, 2);
  const list = (xs: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(xs);
  const at = new Set(units);
  const rest = c.unitValues.filter((v) => !at.has(v.unit));
  const values = units.map((u) => c.units.find((x) => x.unit === u)!.value);
  const others = rest.length > 0 ? rest.reduce((s, v) => s + v.value, 0) / rest.length : NaN;
  return {
    units,
    text: translate(locale, Number.isNaN(others) ? 'tv.causeAt' : 'tv.causeAtValues', {
      units: list(units),
      values: list(values.map(fmt)),
      others: Number.isNaN(others) ? '' : fmt(others),
    }),
  };
}

function causeSentence(
  locale: Locale,
  model: ServiceModel,
  name: (id: string) => string,
  c: TraceCause,
  amount: (v: number) => string,
): string {
  const gapOf = c.persistentShare !== 0 ? c.persistent / c.persistentShare : NaN;
  return translate(locale, 'tv.cause', {
    indicator: name(c.indicator),
    where: causeWhere(locale, model, c).text,
    amount: amount(c.persistent),
    share: percent(locale, c.persistentShare),
    low: percent(locale, c.persistentCi[0] / gapOf),
    high: percent(locale, c.persistentCi[1] / gapOf),
  });
}
