/**
 * `cx-trace drivers`: the key drivers of a low outcome in a table, with the same analysis (and
 * default settings) as the notebook's drivers cell.
 */
import type { Locale } from '../core/i18n/locale.ts';
import {
  formatFixed,
  formatNumber,
  formatPercent,
  formatScientific,
  translate,
  translateCount,
} from '../core/i18n/translate.ts';
import { loadSourceTable } from '../core/index/loaded-dataset.ts';
import { driverInput, type DriverInput, type TargetRule } from '../core/analysis/driver-target.ts';
import { keyDrivers, type Driver } from '../core/analysis/drivers.ts';
import {
  describeDriverError,
  describeDriverWarning,
  describeTarget,
} from '../core/analysis/driver-messages.ts';
import { CliError, readTable, wholeOption, type Command } from './cli-shared.ts';
import { DRIVERS_HEAD } from './command-heads.ts';

/** Default seed of `drivers`. */
const DEFAULT_SEED = 1;
/** The largest seed (seeds are 32-bit). */
const MAX_SEED = 4294967295;

function ruleOf(options: Record<string, string>, locale: Locale): TargetRule | null {
  const low = options.low;
  const below = options.below;
  if (low !== undefined && below !== undefined) {
    throw new CliError(translate(locale, 'cli.driversLowAndBelow'), 2);
  }
  if (low !== undefined) return { kind: 'equals', value: low };
  if (below !== undefined) {
    const threshold = Number(below.trim().replace(',', '.'));
    if (below.trim() === '' || !Number.isFinite(threshold)) {
      throw new CliError(translate(locale, 'cli.driversBadBelow', { value: below }), 2);
    }
    return { kind: 'below', threshold };
  }
  return null;
}

function directionText(locale: Locale, d: Driver): string {
  return translate(locale, `drv.dir.${d.direction}`);
}

/** `cx-trace drivers FILE --target COL [--low VALUE | --below N] [--features a,b] [--seed N]`. */
export const driversCommand: Command = {
  ...DRIVERS_HEAD,
  async run(args, io, locale) {
    const file = args.positional[0];
    if (!file || file === '-') throw new CliError(translate(locale, 'cli.driversNeedFile'), 2);
    const target = args.options.target;
    if (target === undefined || target.trim() === '') {
      throw new CliError(translate(locale, 'cli.driversNeedTarget', { file }), 2);
    }
    const rule = ruleOf(args.options, locale);
    const seed = wholeOption(args, locale, 'seed', DEFAULT_SEED, 0, MAX_SEED);
    const features = args.options.features
      ?.split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    const table = loadSourceTable(file, await readTable(args, io, locale, file));
    let result;
    let excluded: DriverInput['excluded'];
    try {
      const input = driverInput(table, target, rule, features);
      excluded = input.excluded;
      result = keyDrivers(input.columns, input.rows, input.y, { seed });
    } catch (e) {
      const text = describeDriverError(locale, e);
      if (text !== null) throw new CliError(text);
      throw e;
    }
    if (args.json) {
      io.stdout(
        JSON.stringify({
          rows: result.rows,
          positives: result.positives,
          holdoutAuc: result.quality.holdoutAuc,
          baselineAuc: result.quality.baselineAuc,
          drivers: result.drivers.map((d) => ({
            feature: d.feature,
            meanAbsShap: d.meanAbsShap,
            direction: d.direction,
            shapInterval: d.shapInterval,
            relativeWeight: d.relativeWeight,
            weightInterval: d.weightInterval,
          })),
          additivityMaxError: result.additivityMaxError,
          trees: result.quality.trees,
          excluded: excluded.map((e) => ({ column: e.name, reason: e.reason })),
          warnings: result.warnings.map((w) => describeDriverWarning(locale, w)),
        }) + '\n',
      );
      return;
    }
    const head = [
      translate(locale, 'cli.driversFeature'),
      translate(locale, 'cli.driversShap'),
      translate(locale, 'cli.driversWeight'),
      translate(locale, 'cli.driversDirection'),
    ];
    const rows = result.drivers.map((d) => [
      d.feature,
      formatNumber(locale, d.meanAbsShap, 3),
      formatPercent(locale, d.relativeWeight * 100),
      directionText(locale, d),
    ]);
    const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: readonly string[]) =>
      `  ${r[0]!.padEnd(width[0]!)}  ${r[1]!.padStart(width[1]!)}  ${r[2]!.padStart(width[2]!)}  ${r[3]!}`;
    const lines = [
      translate(locale, 'cli.driversHead', {
        target: describeTarget(locale, target, rule),
        file,
        rows: translateCount(locale, 'drv.rows', result.rows),
        positives: formatNumber(locale, result.positives),
        share: formatPercent(locale, (result.positives / result.rows) * 100),
      }),
      translate(locale, 'cli.driversQuality', {
        auc: formatFixed(locale, result.quality.holdoutAuc, 3),
        baseline: formatFixed(locale, result.quality.baselineAuc, 3),
        trees: translateCount(locale, 'cli.driversTrees', result.quality.trees),
        error: formatScientific(locale, result.additivityMaxError),
      }),
      ...result.warnings.map((w) => describeDriverWarning(locale, w)),
      ...(excluded.length > 0
        ? [
            translate(locale, 'cli.driversExcluded', {
              list: excluded
                .map((e) => `${e.name} (${translate(locale, `drv.excluded.${e.reason}`)})`)
                .join(', '),
            }),
          ]
        : []),
      line(head),
      ...rows.map(line),
    ];
    io.stdout(lines.join('\n') + '\n');
  },
};
