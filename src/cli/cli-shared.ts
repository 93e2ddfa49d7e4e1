/**
 * What the `cx-trace` commands share: the host they run in, their parsed arguments, the one-line
 * failure they report, and reading a table's columns through the app's importer.
 */
import type { Locale } from '../core/i18n/locale.ts';
import type { MessageKey } from '../core/i18n/messages.ts';
import { translate } from '../core/i18n/translate.ts';
import { readSource, type SourceTable } from '../core/ingest/read-source.ts';
import { readColumn } from '../core/ingest/infer-types.ts';
import type { ColumnFormat, TypedValues } from '../core/ingest/types.ts';
import { IngestError } from '../core/ingest/ingest-error.ts';
import { describeIngestError } from '../core/ingest/describe-ingest.ts';

/** What the command line needs from its host (Node in `scripts/cx-trace.mjs`, fakes in tests). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  readBytes: (path: string) => Promise<Uint8Array>;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  /** Writes a file (replacing it); Node's `fs.writeFile` when absent. */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
  /** Creates a folder and its parents if missing; Node's `fs.mkdir` when absent. */
  makeDir?: (path: string) => Promise<void>;
  /** The names of a folder's entries; Node's `fs.readdir` when absent. */
  listDir?: (path: string) => Promise<string[]>;
}

/** Parsed command-line options: positionals and `--flag` / `--key value` options. */
export interface Args {
  positional: string[];
  json: boolean;
  lang: string | undefined;
  /** Other `--name value` options, e.g. `sheet`. */
  options: Record<string, string>;
}

/** A command: its name, its one-line summary (a message key or its own text), how it runs. */
export type Command = {
  name: string;
  usage: string;
  run(args: Args, io: CliIo, locale: Locale): Promise<void>;
} & ({ summaryKey: MessageKey } | { summary: (locale: Locale) => string });

/** A failure to report as one line, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The table `file` as the importer reads it (as `inspect` does), with `--sheet`. */
export async function readTable(
  args: Args,
  io: CliIo,
  locale: Locale,
  file: string,
): Promise<SourceTable> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file);
  } catch (e) {
    throw new CliError(translate(locale, 'cli.cannotRead', { file, error: (e as Error).message }));
  }
  const sheetArg = args.options.sheet;
  const sheet = sheetArg !== undefined && /^\d+$/.test(sheetArg) ? Number(sheetArg) : sheetArg;
  try {
    return await readSource(bytes, file, sheet !== undefined ? { sheet } : {});
  } catch (e) {
    if (e instanceof IngestError) throw new CliError(describeIngestError(locale, e));
    throw e;
  }
}

/** The values of column `name` read as `type`, blank as null or NaN; the cells that did not fit. */
export function tableColumn(
  table: SourceTable,
  file: string,
  name: string,
  type: ColumnFormat['type'],
  locale: Locale,
): { values: ArrayLike<unknown>; invalid: number } {
  const index = table.names.indexOf(name);
  if (index < 0) {
    throw new CliError(
      translate(locale, 'cli.npsUnknownColumn', {
        column: name,
        file,
        columns: table.names.join(', '),
      }),
    );
  }
  const { profile, typed } = readColumn(
    name,
    { rows: table.rows, column: index },
    { format: { type, decimal: table.decimal }, collect: true },
  );
  return { values: plainValues(typed!), invalid: profile.invalid };
}

/** Typed values one per row (a dictionary's codes looked up). */
function plainValues(typed: TypedValues): ArrayLike<unknown> {
  if (!('codes' in typed)) return typed;
  return Array.from(typed.codes, (c) => (c < 0 ? null : typed.dictionary[c]!));
}

/**
 * A whole-number `--name` option from `min` (up to `max`), checked; `fallback` when absent.
 * `extra` names what else the option takes (e.g. “or auto”) in the message.
 */
export function wholeOption(
  args: Args,
  locale: Locale,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  what = translate(locale, 'cli.demoWholeFrom', { min }),
): number {
  const raw = args.options[name];
  if (raw === undefined) return fallback;
  const v = Number(raw.trim());
  if (/^\d+$/.test(raw.trim()) && v >= min && v <= max) return v;
  throw new CliError(translate(locale, 'cli.demoBadNumber', { name, value: raw, what }), 2);
}
