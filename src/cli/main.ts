// Both languages' messages for `translate`.
import '../core/i18n/messages.ts';
import { detectLocale, isLocale, type Locale } from '../core/i18n/locale.ts';
import {
  formatBytes,
  formatNumber,
  formatPercent,
  formatSigned,
  translate,
  translateCount,
} from '../core/i18n/translate.ts';
import { npsOf, type NpsSummary } from '../core/metrics/nps.ts';
import {
  checkNpsScale,
  parseNpsScaleMode,
  topTwoBox,
  type NpsScaleMode,
} from '../core/metrics/nps-scale.ts';
import { describeShortScale } from '../core/metrics/describe-nps-scale.ts';
import { MIN_RELIABLE_N, npsByGroup } from '../core/metrics/group-metrics.ts';
import { inspectFile, type InspectReport } from '../core/ingest/inspect.ts';
import { IngestError } from '../core/ingest/ingest-error.ts';
import { describeIngestError, describeProblem } from '../core/ingest/describe-ingest.ts';
import { DEMO_DEFAULTS, generateDemoWorld, type DemoOptions } from '../core/demo/demo-world.ts';
import {
  CliError,
  readTable,
  tableColumn,
  type Args,
  type CliIo,
  type Command,
} from './cli-shared.ts';
import {
  CLUSTERS_HEAD,
  DRIVERS_HEAD,
  FREQUENCY_HEAD,
  REPORT_HEAD,
  TRACE_HEAD,
  type CommandHead,
} from './command-heads.ts';

export type { CliIo } from './cli-shared.ts';

/** Options that take a value. */
const VALUE_OPTIONS = [
  'lang',
  'sheet',
  'out',
  'seed',
  'clients',
  'months',
  'scale',
  'score',
  'by',
  'text',
  'top',
  'k',
  'target',
  'low',
  'below',
  'features',
  'model',
  'data',
  'population',
  'from',
  'period',
  'what-if',
  'at',
  'audience',
  'pseudonymise',
];

/** The one-line NPS summary (of answers with an NPS): value, interval, answers, the shares. */
function npsLine(locale: Locale, s: NpsSummary): string {
  return translate(locale, 'cli.npsLine', {
    nps: formatSigned(locale, s.nps!),
    low: formatSigned(locale, s.ciLow!),
    high: formatSigned(locale, s.ciHigh!),
    responses: translateCount(locale, 'nps.responses', s.n),
    promoters: formatPercent(locale, s.promoterShare!),
    passives: formatPercent(locale, s.passiveShare!),
    detractors: formatPercent(locale, s.detractorShare!),
  });
}

/** `--scale` of `nps`: `detect` unless given; a usage error for anything but `0-10` or `detect`. */
function npsScaleOption(args: Args, locale: Locale): NpsScaleMode {
  const raw = args.options.scale;
  if (raw === undefined) return 'detect';
  const mode = parseNpsScaleMode(raw);
  if (!mode) throw new CliError(translate(locale, 'cli.npsBadScale', { value: raw }), 2);
  return mode;
}

/**
 * Refuses (exit 1) scores that look like a 1–5 or 1–7 scale unless `--scale 0-10` was given:
 * counted as 0–10 they would all be detractors, and NPS −100 would read as a result.
 */
function refuseShortScale(
  locale: Locale,
  scores: ArrayLike<unknown>,
  mode: NpsScaleMode,
  column: string | null,
): void {
  const scale = checkNpsScale(scores, mode);
  if (!scale) return;
  const hint = translate(locale, 'cli.npsShortScaleHint', { topTwo: topTwoBox(scale) });
  throw new CliError(`${describeShortScale(locale, scale, column)} ${hint}`);
}

/** A numeric `--name` option of `demo`, checked; the default when absent. */
function demoNumber(
  args: Args,
  locale: Locale,
  name: 'seed' | 'clients' | 'months' | 'scale',
  fallback: number,
): number {
  const raw = args.options[name];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  const limits = { seed: [0, 4294967295], clients: [1, 10_000_000], months: [1, 240] } as const;
  if (name === 'scale') {
    if (raw.trim() !== '' && v > 0 && Number.isFinite(v)) return v;
    throw new CliError(
      translate(locale, 'cli.demoBadNumber', {
        name,
        value: raw,
        what: translate(locale, 'cli.demoPositive'),
      }),
      2,
    );
  }
  const [min, max] = limits[name];
  if (/^\d+$/.test(raw.trim()) && v >= min && v <= max) return v;
  const what =
    name === 'months'
      ? translate(locale, 'cli.demoWholeRange', { min, max })
      : translate(locale, 'cli.demoWholeFrom', { min });
  throw new CliError(translate(locale, 'cli.demoBadNumber', { name, value: raw, what }), 2);
}

async function nodeWriteFile(path: string, data: Uint8Array): Promise<void> {
  await (await import('node:fs/promises')).writeFile(path, data);
}

async function nodeMakeDir(path: string): Promise<void> {
  await (await import('node:fs/promises')).mkdir(path, { recursive: true });
}

const VERSION = '0.1.0';

/** A heavy command, its module loaded only when it is run. */
function lazyCommand(head: CommandHead, load: () => Promise<Command>): Command {
  return { ...head, run: async (args, io, locale) => (await load()).run(args, io, locale) };
}

const COMMANDS: Command[] = [
  {
    name: 'inspect',
    summaryKey: 'cli.inspect',
    usage: 'cx-trace inspect FILE [--sheet NAME|INDEX]',
    async run(args, io, locale) {
      const file = args.positional[0];
      if (!file) throw new CliError(translate(locale, 'cli.needFile'), 2);
      let bytes: Uint8Array;
      try {
        bytes = await io.readBytes(file);
      } catch (e) {
        throw new CliError(
          translate(locale, 'cli.cannotRead', { file, error: (e as Error).message }),
        );
      }
      const sheetArg = args.options.sheet;
      const sheet = sheetArg !== undefined && /^\d+$/.test(sheetArg) ? Number(sheetArg) : sheetArg;
      let report: InspectReport;
      try {
        report = await inspectFile(bytes, file, sheet !== undefined ? { sheet } : {});
      } catch (e) {
        if (e instanceof IngestError) throw new CliError(describeIngestError(locale, e));
        throw e;
      }
      const src = report.source;
      if (args.json) {
        io.stdout(
          JSON.stringify(
            {
              kind: src.kind,
              encoding: src.encoding,
              delimiter: src.delimiter,
              decimal: src.decimal,
              header: src.header,
              ...(src.kind === 'xlsx' ? { sheet: src.sheet, sheets: src.sheets } : {}),
              rows: report.rows,
              columns: report.columns.map((c) => ({
                name: c.name,
                type: c.format.type,
                role: c.role,
                ...(c.factor ? { factor: c.factor } : {}),
                nulls: c.nulls,
                invalid: c.invalid,
                examples: c.examples,
                ...(c.invalid > 0 ? { invalidExamples: c.invalidExamples } : {}),
              })),
              problems: report.problems.map((p) => ({ ...p, message: describeProblem(locale, p) })),
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      const lines = [
        translate(locale, 'cli.inspectSummary', {
          file,
          rows: translateCount(locale, 'nps.rows', report.rows),
          header: src.header === null ? translate(locale, 'cli.noHeader') : src.header + 1,
          encoding:
            src.encoding ??
            `XLSX, ${translate(locale, 'import.sheet').toLowerCase()} “${src.sheet ?? ''}”`,
          delimiter: src.delimiter === '\t' ? 'TAB' : (src.delimiter ?? '—'),
          decimal: src.decimal,
        }),
        '',
        ...report.columns.map(
          (c) =>
            `  ${c.name}: ${translate(locale, `type.${c.format.type}`)}, ${translate(locale, `role.${c.role}`)}` +
            (c.factor ? ` (${c.factor})` : '') +
            (c.nulls ? `; ${translateCount(locale, 'cli.nulls', c.nulls)}` : '') +
            (c.invalid ? `; ${translateCount(locale, 'cli.invalid', c.invalid)}` : ''),
        ),
      ];
      if (report.problems.length) {
        lines.push('', ...report.problems.map((p) => `! ${describeProblem(locale, p)}`));
      }
      io.stdout(lines.join('\n') + '\n');
    },
  },
  {
    name: 'demo',
    summaryKey: 'cli.demo',
    usage:
      'cx-trace demo --out DIR [--seed N] [--clients N] [--months N] [--scale N] [--lang ru|en|mixed]',
    async run(args, io, locale) {
      const dir = args.options.out ?? args.positional[0];
      if (!dir) throw new CliError(translate(locale, 'cli.demoNeedOut'), 2);
      const lang = args.lang ?? DEMO_DEFAULTS.lang;
      if (lang !== 'ru' && lang !== 'en' && lang !== 'mixed') {
        throw new CliError(translate(locale, 'cli.demoBadLang', { value: lang }), 2);
      }
      const options: Required<DemoOptions> = {
        seed: demoNumber(args, locale, 'seed', DEMO_DEFAULTS.seed),
        clients: demoNumber(args, locale, 'clients', DEMO_DEFAULTS.clients),
        months: demoNumber(args, locale, 'months', DEMO_DEFAULTS.months),
        scale: demoNumber(args, locale, 'scale', DEMO_DEFAULTS.scale),
        lang,
      };
      const started = performance.now();
      const world = generateDemoWorld(options);
      const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
      const outputs = [
        ...world.files.map((f) => ({
          file: f.fileName,
          rows: f.rows as number | null,
          text: f.csv,
        })),
        { file: 'model.json', rows: null, text: json(world.model) },
        { file: 'truth.json', rows: null, text: json(world.truth) },
      ];
      const makeDir = io.makeDir ?? nodeMakeDir;
      const writeFile = io.writeFile ?? nodeWriteFile;
      const base = dir.replace(/[\\/]+$/, '') || dir;
      try {
        await makeDir(base);
      } catch (e) {
        throw new CliError(
          translate(locale, 'cli.demoCannotWrite', { file: base, error: (e as Error).message }),
        );
      }
      const written: { file: string; rows: number | null; bytes: number }[] = [];
      const encoder = new TextEncoder();
      for (const o of outputs) {
        const path = `${base}/${o.file}`;
        const bytes = encoder.encode(o.text);
        try {
          await writeFile(path, bytes);
        } catch (e) {
          throw new CliError(
            translate(locale, 'cli.demoCannotWrite', { file: path, error: (e as Error).message }),
          );
        }
        written.push({ file: o.file, rows: o.rows, bytes: bytes.length });
      }
      const seconds = (performance.now() - started) / 1000;
      if (args.json) {
        io.stdout(JSON.stringify({ dir: base, options, files: written }) + '\n');
        return;
      }
      const width = Math.max(...written.map((w) => w.file.length));
      const rowTexts = written.map((w) =>
        w.rows === null ? '' : translateCount(locale, 'cli.demoRows', w.rows),
      );
      const rowWidth = Math.max(...rowTexts.map((r) => r.length));
      io.stdout(
        [
          translate(locale, 'cli.demoWrote', {
            dir: base,
            seed: String(options.seed),
            clients: world.truth.clients,
            months: options.months,
            seconds: formatNumber(locale, seconds, 1),
          }),
          ...written.map(
            (w, i) =>
              `  ${w.file.padEnd(width)}  ${rowTexts[i]!.padStart(rowWidth)}  ${formatBytes(locale, w.bytes)}`,
          ),
          '',
        ].join('\n'),
      );
    },
  },
  {
    name: 'help',
    summaryKey: 'cli.help',
    usage: 'cx-trace help',
    async run(args, io, locale) {
      if (args.json) {
        io.stdout(
          JSON.stringify({
            commands: COMMANDS.map((c) => ({
              name: c.name,
              usage: c.usage,
              summary: commandSummary(locale, c),
            })),
          }) + '\n',
        );
        return;
      }
      // A long usage (demo's options) gets its summary on the next line, not a wide column.
      const long = 48;
      const width = Math.max(...COMMANDS.map((c) => c.usage.length).filter((n) => n <= long));
      io.stdout(
        [
          translate(locale, 'cli.title'),
          '',
          translate(locale, 'cli.commands'),
          ...COMMANDS.map((c) =>
            c.usage.length > long
              ? `  ${c.usage}\n  ${' '.repeat(width)}  ${commandSummary(locale, c)}`
              : `  ${c.usage.padEnd(width)}  ${commandSummary(locale, c)}`,
          ),
          '',
          translate(locale, 'cli.options'),
          `  --json       ${translate(locale, 'cli.optJson')}`,
          `  --lang ru|en ${translate(locale, 'cli.optLang')}`,
          '',
        ].join('\n'),
      );
    },
  },
  {
    name: 'version',
    summaryKey: 'cli.version',
    usage: 'cx-trace version',
    async run(args, io) {
      io.stdout(args.json ? JSON.stringify({ version: VERSION }) + '\n' : `cx-trace ${VERSION}\n`);
    },
  },
  {
    name: 'nps',
    summaryKey: 'cli.npsSummary',
    usage: 'cx-trace nps [FILE|-] | nps FILE --score COL [--by COL] [--scale 0-10]',
    async run(args, io, locale) {
      const scale = npsScaleOption(args, locale);
      if (args.options.score !== undefined) return npsOfColumn(args, io, locale, scale);
      if (args.options.by !== undefined)
        throw new CliError(translate(locale, 'cli.npsNeedScore'), 2);
      const source = args.positional[0] ?? '-';
      let text: string;
      try {
        text = source === '-' ? await io.readStdin() : await io.readFile(source);
      } catch (e) {
        throw new CliError(
          translate(locale, 'cli.cannotRead', { file: source, error: (e as Error).message }),
        );
      }
      const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
      const numbers = tokens.map(Number);
      const valid = numbers.filter((n) => !Number.isNaN(n));
      refuseShortScale(locale, valid, scale, null);
      const summary = npsOf(valid);
      // Words are not blanks: they are values that are not scores, and are reported as such.
      const s = { ...summary, invalid: summary.invalid + numbers.filter(Number.isNaN).length };
      if (args.json) {
        io.stdout(JSON.stringify(s) + '\n');
        return;
      }
      if (s.nps === null) throw new CliError(translate(locale, 'nps.noScores'));
      io.stdout(
        npsLine(locale, s) +
          (s.invalid > 0 ? `\n${translateCount(locale, 'nps.invalid', s.invalid)}` : '') +
          (s.missing > 0 ? `\n${translateCount(locale, 'nps.missing', s.missing)}` : '') +
          '\n',
      );
    },
  },
  lazyCommand(FREQUENCY_HEAD, async () => (await import('./text-commands.ts')).frequencyCommand),
  lazyCommand(CLUSTERS_HEAD, async () => (await import('./text-commands.ts')).clustersCommand),
  lazyCommand(DRIVERS_HEAD, async () => (await import('./drivers-command.ts')).driversCommand),
  lazyCommand(TRACE_HEAD, async () => (await import('./trace-command.ts')).traceCommand),
  lazyCommand(REPORT_HEAD, async () => (await import('./report-command.ts')).reportCommand),
];

/** NPS figures as `nps --score --json` prints them: shares 0–1, NPS and its interval in points. */
function npsJson(s: NpsSummary) {
  // From the counts, not the point shares / 100, so that 1/6 prints as 1/6.
  const share = (count: number) => (s.n === 0 ? null : count / s.n);
  return {
    n: s.n,
    excluded: s.missing + s.invalid,
    nps: s.nps,
    ci: s.nps === null ? null : [s.ciLow, s.ciHigh],
    promoters: share(s.promoters),
    passives: share(s.passives),
    detractors: share(s.detractors),
  };
}

/**
 * `cx-trace nps FILE --score COL [--by COL]`: NPS of a table's column, overall and by group;
 * refused when the whole column looks like a short scale (groups are not checked one by one: a
 * small group of real 0–10 answers may well lie within 1–7).
 */
async function npsOfColumn(
  args: Args,
  io: CliIo,
  locale: Locale,
  scale: NpsScaleMode,
): Promise<void> {
  const file = args.positional[0];
  if (!file || file === '-') throw new CliError(translate(locale, 'cli.npsNeedFile'), 2);
  const table = await readTable(args, io, locale, file);
  // Scores are read as decimals so that 7.5 or 11 are seen and reported, not rounded or typed away.
  const scores = tableColumn(table, file, args.options.score!, 'decimal', locale);
  const by = args.options.by;
  refuseShortScale(locale, scores.values, scale, args.options.score!);
  // Group keys are the cells' text (trimmed), whatever type the column would be inferred as.
  const groups = by === undefined ? null : tableColumn(table, file, by, 'category', locale).values;
  const result = npsByGroup(scores.values, groups);
  // Cells that are not numbers come back blank from the reader; they are invalid scores.
  const overall = {
    ...result.overall,
    missing: result.overall.missing - scores.invalid,
    invalid: result.overall.invalid + scores.invalid,
  };
  if (args.json) {
    io.stdout(
      JSON.stringify({
        ...npsJson(overall),
        groups: result.groups.map((g) => {
          const { n, nps, ci } = npsJson(g.summary);
          return { key: g.key, n, nps, ci, unreliable: g.unreliable };
        }),
      }) + '\n',
    );
    return;
  }
  if (overall.nps === null) throw new CliError(translate(locale, 'nps.noScores'));
  const lines = [npsLine(locale, overall)];
  if (overall.invalid > 0) lines.push(translateCount(locale, 'nps.invalid', overall.invalid));
  if (overall.missing > 0) lines.push(translateCount(locale, 'nps.missing', overall.missing));
  if (by !== undefined) {
    lines.push('', translate(locale, 'cli.npsBy', { column: by }));
    for (const g of result.groups) {
      const s = g.summary;
      const line =
        s.nps === null
          ? translate(locale, 'cli.npsGroupEmpty', { key: g.key })
          : translate(locale, 'cli.npsGroupLine', {
              key: g.key,
              nps: formatSigned(locale, s.nps),
              low: formatSigned(locale, s.ciLow!),
              high: formatSigned(locale, s.ciHigh!),
              responses: translateCount(locale, 'nps.responses', s.n),
            });
      const note = g.unreliable
        ? ` — ${translate(locale, 'cli.npsUnreliable', { min: MIN_RELIABLE_N })}`
        : '';
      lines.push(`  ${line}${note}`);
    }
    if (result.blankGroup > 0) {
      lines.push(translateCount(locale, 'cli.npsBlankGroup', result.blankGroup));
    }
  }
  io.stdout(lines.join('\n') + '\n');
}

/** A command's one-line summary in `locale`. */
function commandSummary(locale: Locale, c: Command): string {
  return 'summaryKey' in c ? translate(locale, c.summaryKey) : c.summary(locale);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { positional: [], json: false, lang: undefined, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') args.positional.unshift('help');
    else if (m && VALUE_OPTIONS.includes(m[1]!)) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new CliError(`--${m[1]} needs a value`, 2);
      if (m[1] === 'lang') args.lang = value;
      else args.options[m[1]!] = value;
    } else args.positional.push(a);
  }
  return args;
}

/**
 * The language of the command line: `--lang`, else the LANG / LC_ALL environment, else English.
 * For `clusters`, `--lang` names the comments' language (the ones to cluster), not the messages'.
 */
function cliLocale(args: Args, env: CliIo['env']): Locale {
  if (isLocale(args.lang) && args.positional[0] !== 'clusters') return args.lang;
  const envLang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return detectLocale([envLang.replace('_', '-').split('.')[0] ?? '']);
}

/**
 * Runs the command line and returns its exit code: 0 on success, 1 on a failed command,
 * 2 on a usage error. Errors are printed as one line on stderr.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`cx-trace: ${(e as Error).message}\n`);
    return 2;
  }
  const locale = cliLocale(args, io.env);
  const name = args.positional.shift() ?? 'help';
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new CliError(translate(locale, 'cli.unknown', { command: name }), 2);
    await command.run(args, io, locale);
    return 0;
  } catch (e) {
    const err = e instanceof CliError ? e : new CliError((e as Error).message ?? String(e));
    io.stderr(`cx-trace: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return err.exitCode;
  }
}
