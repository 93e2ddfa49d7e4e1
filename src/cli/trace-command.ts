/**
 * `cx-trace trace`: the trace of a population down a service model over a folder of datasets
 * (one file per dataset the model names, e.g. `survey.csv` for `survey`), with the same analysis
 * as the notebook's trace cell: the verdict, the causes at their units, the links, a what-if.
 */
import type { Locale } from '../core/i18n/locale.ts';
import { formatNumber, formatPercent, translate } from '../core/i18n/translate.ts';
import { loadSourceTable, type LoadedDataset } from '../core/index/loaded-dataset.ts';
import { restoreModel } from '../core/model/restore-model.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import { traceAnalysis } from '../core/analysis/trace/trace-analysis.ts';
import { traceSummary } from '../core/analysis/trace/trace-summary.ts';
import { defaultPopulation } from '../core/analysis/trace/trace-start.ts';
import type { Population, TraceAnalysis, WhatIfQuery } from '../core/analysis/trace/trace-types.ts';
import {
  CliError,
  readTable,
  wholeOption,
  type Args,
  type CliIo,
  type Command,
} from './cli-shared.ts';
import { TRACE_HEAD } from './command-heads.ts';

const MAX_SEED = 4294967295;

async function nodeListDir(path: string): Promise<string[]> {
  return (await import('node:fs/promises')).readdir(path);
}

/** The model file, repaired into the current format (also read by `report`). */
export async function readModel(io: CliIo, locale: Locale, file: string): Promise<ServiceModel> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    throw new CliError(translate(locale, 'cli.cannotRead', { file, error: (e as Error).message }));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      translate(locale, 'cli.traceNotJson', { file, error: (e as Error).message }),
    );
  }
  const model = restoreModel(raw);
  if (model.indicators.length === 0)
    throw new CliError(translate(locale, 'cli.traceNotModel', { file }));
  return model;
}

/** The datasets the model reads, each from the file in `dir` named after it (any extension). */
export async function readDatasets(
  args: Args,
  io: CliIo,
  locale: Locale,
  model: ServiceModel,
  dir: string,
): Promise<LoadedDataset[]> {
  let files: string[];
  try {
    files = await (io.listDir ?? nodeListDir)(dir);
  } catch (e) {
    throw new CliError(
      translate(locale, 'cli.cannotRead', { file: dir, error: (e as Error).message }),
    );
  }
  const names = new Set<string>(Object.keys(model.datasets ?? {}));
  for (const i of model.indicators) if (i.binding) names.add(i.binding.dataset);
  if (model.clientCard) names.add(model.clientCard.dataset);
  const out: LoadedDataset[] = [];
  for (const name of [...names].sort()) {
    const stem = (f: string) => f.replace(/\.[^.]+$/, '');
    const matches = files
      .filter((f) => stem(f) === name)
      .sort((a, b) => Number(!a.endsWith('.csv')) - Number(!b.endsWith('.csv')));
    if (matches.length === 0) {
      throw new CliError(translate(locale, 'cli.traceNoFile', { dataset: name, dir }));
    }
    const path = `${dir.replace(/[\\/]+$/, '')}/${matches[0]}`;
    out.push(loadSourceTable(name, await readTable(args, io, locale, path)));
  }
  return out;
}

/** `--population`: detractors, `COLUMN=VALUE` of the client card, or `COLUMN<=N` of the start's dataset. */
function parsePopulation(
  locale: Locale,
  model: ServiceModel,
  spec: string | undefined,
  from: string | null,
): Population {
  const fallback = defaultPopulation(model);
  if (spec === undefined || spec.trim() === 'detractors') {
    if (!fallback) throw new CliError(translate(locale, 'cli.traceNoNps'));
    return fallback;
  }
  const atMost = /^\s*([^<=]+?)\s*<=\s*(-?[\d.,]+)\s*$/.exec(spec);
  if (atMost) {
    const threshold = Number(atMost[2]!.replace(',', '.'));
    const start =
      model.indicators.find((i) => i.id === from) ??
      model.indicators.find((i) => i.binding?.aggregate === 'nps');
    const dataset = start?.binding?.dataset;
    const keys = dataset ? model.datasets?.[dataset] : undefined;
    if (!dataset || !keys?.client || !Number.isFinite(threshold)) {
      throw new CliError(translate(locale, 'cli.traceBadPopulation', { value: spec }), 2);
    }
    return {
      kind: 'low',
      dataset,
      target: atMost[1]!,
      rule: { kind: 'at-most', threshold },
      client: keys.client,
      date: keys.period ?? null,
    };
  }
  const equals = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(spec);
  if (equals) return { kind: 'segment', column: equals[1]!, value: equals[2]! };
  throw new CliError(translate(locale, 'cli.traceBadPopulation', { value: spec }), 2);
}

/** `--what-if "ID=NUMBER|median|target"` with `--at KIND=U1,U2`. */
function parseWhatIf(locale: Locale, model: ServiceModel, args: Args): WhatIfQuery | null {
  const spec = args.options['what-if'];
  if (spec === undefined) return null;
  const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(spec);
  const value =
    m?.[2] === 'median' || m?.[2] === 'target' ? m[2] : Number(m?.[2]?.replace(',', '.'));
  if (!m || (typeof value === 'number' && !Number.isFinite(value))) {
    throw new CliError(translate(locale, 'cli.traceBadWhatIf', { value: spec }), 2);
  }
  if (!model.indicators.some((i) => i.id === m[1])) {
    throw new CliError(translate(locale, 'cli.traceUnknownIndicator', { id: m[1]! }));
  }
  const at = args.options.at;
  const where = at === undefined ? null : /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(at);
  if (at !== undefined && !where)
    throw new CliError(translate(locale, 'cli.traceBadAt', { value: at }), 2);
  return {
    indicator: m[1]!,
    value,
    at: where
      ? {
          unitKind: where[1]!,
          units: where[2]!
            .split(',')
            .map((u) => u.trim())
            .filter((u) => u !== ''),
        }
      : null,
  };
}

/** The JSON the command prints with `--json`. */
function traceJson(locale: Locale, model: ServiceModel, a: TraceAnalysis, seconds: number) {
  return {
    verdict: a.verdict,
    summary: traceSummary(locale, model, a),
    settings: a.settings,
    population: { answers: a.counts.answers, clients: a.counts.clients, periods: a.periods },
    gap: a.gap,
    causes: a.causes.map((c) => ({
      indicator: c.indicator,
      layer: c.layer,
      contribution: c.contribution,
      persistent: c.persistent,
      share: c.share,
      ci: c.ci,
      persistentShare: c.persistentShare,
      persistentCi: c.persistentCi,
      q: c.q,
      supported: c.supported,
      path: c.path,
      units: c.units,
    })),
    unexplained: a.unexplained,
    links: a.links.map((l) => ({
      child: l.child,
      parent: l.parent,
      effect: l.effect,
      standardised: l.standardised,
      ci: l.ci,
      rows: l.rows,
      units: l.units,
      supported: l.supported,
      signMatches: l.signMatches,
    })),
    whatIf: a.whatIf,
    estimator: a.estimator,
    problems: a.problems,
    seconds,
  };
}

/** The text report: the verdict, the top causes, the links the data does not back. */
function traceText(locale: Locale, model: ServiceModel, a: TraceAnalysis): string {
  const name = (id: string) => model.indicators.find((i) => i.id === id)?.name[locale] ?? id;
  const lines = [traceSummary(locale, model, a), '', translate(locale, 'cli.traceCausesHead')];
  const byShare = a.causes
    .filter((x) => ['OX', 'EX', 'IT'].includes(x.layer))
    .sort((x, y) => y.persistentShare - x.persistentShare);
  for (const c of byShare.slice(0, 8)) {
    const units = c.units
      .slice(0, 3)
      .map((u) => `${u.unit} ${formatPercent(locale, u.share * 100, 0)}`);
    lines.push(
      `  ${c.supported ? '✔' : ' '} ${c.layer} ${name(c.indicator)}: ${formatPercent(locale, c.persistentShare * 100)} ` +
        `(q ${formatNumber(locale, c.q ?? 1, 3)})${units.length ? ` — ${units.join(', ')}` : ''}`,
    );
  }
  const doubtful = a.links.filter((l) => !l.supported || !l.signMatches);
  if (doubtful.length > 0) {
    lines.push('', translate(locale, 'cli.traceLinksHead'));
    for (const l of doubtful) {
      const why = translate(
        locale,
        l.signMatches ? 'cli.traceLinkUnsupported' : 'cli.traceLinkSign',
      );
      lines.push(`  ${name(l.child)} → ${name(l.parent)}: ${why}`);
    }
  }
  if (a.whatIf) {
    lines.push(
      '',
      translate(locale, 'cli.traceWhatIfHead', {
        indicator: name(a.whatIf.indicator),
        value: formatNumber(locale, a.whatIf.value, 3),
      }),
    );
    for (const e of a.whatIf.effects) {
      lines.push(
        `  ${name(e.indicator)}: ${formatNumber(locale, e.change, 3)} (${formatNumber(locale, e.ci[0], 3)} … ${formatNumber(locale, e.ci[1], 3)})`,
      );
    }
  }
  const units = Object.entries(a.estimator.clusters).map(([kind, n]) => `${kind} ${n}`);
  lines.push(
    '',
    translate(locale, 'cli.traceEstimator', {
      replicates: formatNumber(locale, a.settings.bootstrap),
      units: units.join(', '),
    }),
  );
  return lines.join('\n') + '\n';
}

/** `cx-trace trace --model model.json --data DIR [...]` (see the usage line). */
export const traceCommand: Command = {
  ...TRACE_HEAD,
  async run(args, io, locale) {
    const modelFile = args.options.model;
    const dir = args.options.data;
    if (!modelFile || !dir) throw new CliError(translate(locale, 'cli.traceNeedFiles'), 2);
    const seed = wholeOption(args, locale, 'seed', 1, 0, MAX_SEED);
    const model = await readModel(io, locale, modelFile);
    const from = args.options.from ?? null;
    if (from !== null && !model.indicators.some((i) => i.id === from)) {
      throw new CliError(translate(locale, 'cli.traceUnknownIndicator', { id: from }));
    }
    const population = parsePopulation(locale, model, args.options.population, from);
    const whatIf = parseWhatIf(locale, model, args);
    const datasets = await readDatasets(args, io, locale, model, dir);
    const started = Date.now();
    const a = traceAnalysis(model, datasets, {
      population,
      period: args.options.period ?? null,
      start: from,
      whatIf,
      settings: { seed },
    });
    const seconds = (Date.now() - started) / 1000;
    if (a.missing !== null)
      throw new CliError(translate(locale, 'cli.traceMissingColumn', { column: a.missing }));
    if (a.start === null) throw new CliError(translate(locale, 'cli.traceNoStart'));
    if (a.counts.answers === 0) throw new CliError(translate(locale, 'cli.traceNobody'));
    if (whatIf && !a.whatIf)
      throw new CliError(
        translate(locale, 'cli.traceWhatIfFailed', {
          problems: a.problems.filter((p) => p.startsWith('what-if')).join('; '),
        }),
      );
    io.stdout(
      args.json
        ? JSON.stringify(traceJson(locale, model, a, seconds)) + '\n'
        : traceText(locale, model, a),
    );
  },
};
