/**
 * A report for one of the three audiences feedback serves, from the analyses at hand: the front
 * line (the clients to recover, the only report with client rows), CX managers (the trace with
 * its causes, waterfall and what-if) and executives (the index and NPS with their intervals, the
 * trace's verdict in a paragraph). What an audience needs and is not at hand is named, not
 * computed behind the analyst's back.
 */
import type { Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/translate.ts';
import type { ServiceModel } from '../model/model-types.ts';
import type { NpsCellResult } from '../worker-api/analysis-api.ts';
import type { IndexView } from '../index/index-view.ts';
import type { TraceAnalysis } from '../analysis/trace/trace-types.ts';
import type { FrontLineList } from './front-line.ts';
import type { ReportDocument, ReportSection } from './report-document.ts';
import { frontLineSection } from './front-line-section.ts';
import { traceReportSection } from './trace-section.ts';
import { indexReportSection, npsReportSection } from './summary-sections.ts';
import { driversReportSection, frequencyReportSection } from './analysis-sections.ts';
import type { DriversCellResult } from '../worker-api/drivers-api.ts';
import type { FrequencyCellResult } from '../worker-api/text-api.ts';

import type { Audience, MissingPart } from './audience.ts';
export { AUDIENCES, type Audience, type MissingPart } from './audience.ts';

/** The analyses a report is made from (each null when not at hand). */
export interface ReportInputs {
  model: ServiceModel;
  nps: NpsCellResult | null;
  index: IndexView | null;
  trace: TraceAnalysis | null;
  frontLine: FrontLineList | null;
  /** The key drivers and complaint frequency (managers); left out when not looked for. */
  drivers?: DriversCellResult | null;
  frequency?: FrequencyCellResult | null;
}

/** A report and what was missing for it. */
export interface AudienceReport {
  doc: ReportDocument;
  missing: MissingPart[];
}

/** The report for `audience` (see the module comment). */
export async function audienceReport(
  locale: Locale,
  audience: Audience,
  inputs: ReportInputs,
  meta: { made: string; source: string; pseudonymise?: boolean },
): Promise<AudienceReport> {
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
    translate(locale, k, p);
  const sections: ReportSection[] = [];
  const missing: MissingPart[] = [];
  const { model, trace } = inputs;
  if (audience === 'frontline') {
    if (inputs.frontLine) {
      sections.push(
        frontLineSection(locale, model, inputs.frontLine, { pseudonymise: meta.pseudonymise }),
      );
    } else missing.push('front-line');
  } else if (audience === 'managers') {
    if (trace) sections.push(await traceReportSection(locale, model, trace));
    else missing.push('trace');
    const drivers = inputs.drivers ? driversReportSection(locale, inputs.drivers) : null;
    if (drivers) sections.push(drivers);
    else if (inputs.drivers !== undefined) missing.push('drivers');
    const frequency = inputs.frequency ? frequencyReportSection(locale, inputs.frequency) : null;
    if (frequency) sections.push(frequency);
    else if (inputs.frequency !== undefined) missing.push('frequency');
  } else {
    const index = inputs.index ? await indexReportSection(locale, inputs.index) : null;
    const nps = inputs.nps ? await npsReportSection(locale, inputs.nps) : null;
    if (index) sections.push(index);
    else missing.push('index');
    if (nps) sections.push(nps);
    else missing.push('nps');
    if (trace) sections.push(await traceReportSection(locale, model, trace, { brief: true }));
    else missing.push('trace');
  }
  const periods = trace?.periods ?? inputs.index?.periods ?? [];
  const about = [
    t('report.for', { audience: t(`report.audience.${audience}`) }),
    ...(periods.length > 0
      ? [t('report.period', { from: periods[0]!, to: periods[periods.length - 1]! })]
      : []),
    t('report.model', { model: model.name[locale] || model.id }),
    t('report.source', { source: meta.source }),
    t('report.made', { made: meta.made }),
  ];
  if (missing.length > 0) {
    sections.push({
      title: t('report.missing.title'),
      blocks: [{ kind: 'list', items: missing.map((m) => t(`report.missing.${m}`)) }],
    });
  }
  return {
    doc: {
      locale,
      title: t('report.title', { audience: t(`report.audience.${audience}`) }),
      about,
      sections,
    },
    missing,
  };
}
