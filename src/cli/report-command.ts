/**
 * `cx-trace report`: a standalone HTML report for one audience over a folder of datasets (read as
 * `cx-trace trace` reads it), made from the standard analyses — NPS by period, the satisfaction
 * index, the trace from the detractors, the key drivers and complaint themes, and the front line's
 * list — so that a monthly report can
 * come from a scheduled job.
 */
import { formatDateTime, translate } from '../core/i18n/translate.ts';
import { npsByGroup, periodKeys } from '../core/metrics/group-metrics.ts';
import { satisfactionIndex } from '../core/index/satisfaction-index.ts';
import { indexView } from '../core/index/index-view.ts';
import { findDataset } from '../core/index/indicator-values.ts';
import { traceAnalysis } from '../core/analysis/trace/trace-analysis.ts';
import { defaultPopulation } from '../core/analysis/trace/trace-start.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import type { LoadedDataset } from '../core/index/loaded-dataset.ts';
import type { NpsCellResult } from '../core/worker-api/analysis-api.ts';
import { frontLineList } from '../core/report/front-line.ts';
import { standardDrivers, standardFrequency } from '../core/report/standard-analyses.ts';
import { AUDIENCES, audienceReport, type Audience } from '../core/report/audience-report.ts';
import { renderReportHtml } from '../core/report/render-report-html.ts';
import { CliError, type Command } from './cli-shared.ts';
import { readDatasets, readModel } from './trace-command.ts';
import { REPORT_HEAD } from './command-heads.ts';

async function nodeWriteFile(path: string, data: Uint8Array): Promise<void> {
  await (await import('node:fs/promises')).writeFile(path, data);
}

/** NPS of the model's NPS indicator's answers, overall and by the model's periods. */
function npsByPeriod(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
): NpsCellResult | null {
  const p = defaultPopulation(model);
  if (p?.kind !== 'detractors') return null;
  const survey = findDataset(p.dataset, datasets);
  const scores = survey?.columns[p.score];
  if (!survey || !scores) return null;
  const dates = p.date ? survey.columns[p.date] : undefined;
  const result = npsByGroup(scores, dates ? periodKeys(dates, model.period.grain) : null);
  return {
    summary: { ok: true, summary: result.overall, rows: scores.length },
    groups: dates ? { ok: true, result } : null,
  };
}

export const reportCommand: Command = {
  ...REPORT_HEAD,
  async run(args, io, locale) {
    const modelFile = args.options.model;
    const dir = args.options.data;
    const out = args.options.out;
    if (!modelFile || !dir || !out) throw new CliError(translate(locale, 'cli.reportNeedFiles'), 2);
    const audience = (args.options.audience ?? 'managers') as Audience;
    if (!AUDIENCES.includes(audience)) {
      throw new CliError(translate(locale, 'cli.reportBadAudience', { value: audience }), 2);
    }
    const model = await readModel(io, locale, modelFile);
    const datasets = await readDatasets(args, io, locale, model, dir);
    const trace = defaultPopulation(model)
      ? traceAnalysis(model, datasets, { population: null, period: null, start: null })
      : null;
    const usable = trace && trace.start !== null && trace.counts.answers > 0 ? trace : null;
    const index = satisfactionIndex(model, datasets);
    const view = indexView(index, { period: null, segmentColumn: null, segment: null }, null, []);
    const { doc, missing } = await audienceReport(
      locale,
      audience,
      {
        model,
        nps: npsByPeriod(model, datasets),
        index: view.byPeriod.length > 0 ? view : null,
        trace: usable,
        frontLine: audience === 'frontline' ? frontLineList(model, datasets, usable) : null,
        ...(audience === 'managers'
          ? {
              drivers: standardDrivers(model, datasets),
              frequency: standardFrequency(model, datasets, locale),
            }
          : {}),
      },
      {
        made: formatDateTime(locale, Date.now()),
        source: dir,
        pseudonymise: /^(yes|true|1|да)$/i.test(args.options.pseudonymise ?? ''),
      },
    );
    const html = renderReportHtml(doc);
    await (io.writeFile ?? nodeWriteFile)(out, new TextEncoder().encode(html));
    io.stdout(
      (args.json
        ? JSON.stringify({ out, audience, bytes: html.length, missing })
        : translate(locale, 'cli.reportWritten', { out, sections: doc.sections.length })) + '\n',
    );
  },
};
