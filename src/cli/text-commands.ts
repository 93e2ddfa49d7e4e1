/**
 * The comment commands of `cx-trace`: `frequency` (the terms most comments mention, overall and
 * per group) and `clusters` (comments grouped by what they say), over a table's text column read
 * through the app's importer, with the text core of the notebook.
 */
import type { Locale } from '../core/i18n/locale.ts';
import { formatNumber, formatPercent, translate } from '../core/i18n/translate.ts';
import { detectLanguage, termsOf, type Term, type TextLang } from '../core/text/tokenize.ts';
import { termsByGroup, topTerms, type TermCount } from '../core/text/term-frequency.ts';
import { clusterComments } from '../core/text/cluster-comments.ts';
import {
  CliError,
  readTable,
  tableColumn,
  wholeOption,
  type Args,
  type CliIo,
  type Command,
} from './cli-shared.ts';
import { FREQUENCY_HEAD, CLUSTERS_HEAD } from './command-heads.ts';

/** The most clusters `clusters --k` makes (as the app's clusters cell). */
const MAX_K = 50;

/** Default number of terms `frequency` lists (overall and per group). */
const DEFAULT_TOP = 20;
/** Default seed of `clusters`. */
const DEFAULT_SEED = 1;
/** The largest seed (seeds are 32-bit). */
const MAX_SEED = 4294967295;

/** The file and the `--text` column a comment command reads; checked before anything is read. */
function fileAndText(args: Args, locale: Locale, command: string): { file: string; text: string } {
  const file = args.positional[0];
  if (!file || file === '-') {
    throw new CliError(translate(locale, 'cli.textNeedFile', { command }), 2);
  }
  const text = args.options.text;
  if (text === undefined || text.trim() === '') {
    throw new CliError(translate(locale, 'cli.textNeedText', { command, file }), 2);
  }
  return { file, text };
}

/** The comments of column `column` in `file`, one per row (null for a blank cell). */
async function readComments(
  args: Args,
  io: CliIo,
  locale: Locale,
  file: string,
  column: string,
  by?: string,
): Promise<{ texts: (string | null)[]; groups: (string | null)[] | null }> {
  const table = await readTable(args, io, locale, file);
  const values = tableColumn(table, file, column, 'text', locale).values;
  const texts = Array.from(values, (v) => (typeof v === 'string' && v.trim() !== '' ? v : null));
  // Group keys are the cells' text (trimmed), whatever type the column would be inferred as.
  const groups =
    by === undefined
      ? null
      : Array.from(tableColumn(table, file, by, 'category', locale).values, (v) =>
          v === null || v === undefined || String(v).trim() === '' ? null : String(v),
        );
  return { texts, groups };
}

/** Term counts as printed: the words people wrote, the comments mentioning them, their share. */
function termsJson(terms: readonly TermCount[]) {
  return terms.map((t) => ({ term: t.name, count: t.count, share: t.share }));
}

/** An aligned table of terms: the term left, its comments and share right. */
function termTable(locale: Locale, terms: readonly TermCount[], indent: string): string[] {
  if (terms.length === 0) return [`${indent}${translate(locale, 'cli.freqNone')}`];
  const head = [
    translate(locale, 'cli.freqTerm'),
    translate(locale, 'cli.freqCount'),
    translate(locale, 'cli.freqShare'),
  ] as const;
  const rows = terms.map((t) => [
    t.name,
    formatNumber(locale, t.count),
    formatPercent(locale, t.share * 100),
  ]);
  const width = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    `${indent}${r[0]!.padEnd(width[0]!)}  ${r[1]!.padStart(width[1]!)}  ${r[2]!.padStart(width[2]!)}`;
  return [line(head), ...rows.map(line)];
}

/** `cx-trace frequency FILE --text COL [--by COL] [--top N]`. */
export const frequencyCommand: Command = {
  ...FREQUENCY_HEAD,
  async run(args, io, locale) {
    const { file, text } = fileAndText(args, locale, 'frequency');
    const top = wholeOption(args, locale, 'top', DEFAULT_TOP, 1);
    const by = args.options.by;
    const { texts, groups } = await readComments(args, io, locale, file, text, by);
    const docs: Term[][] = texts.map((t) => (t === null ? [] : termsOf(t)));
    const n = docs.filter((d) => d.length > 0).length;
    if (n === 0) throw new CliError(translate(locale, 'cli.textNoWords', { column: text, file }));
    const terms = topTerms(docs, { top });
    const byGroup = groups === null ? [] : termsByGroup(docs, groups, { top });
    if (args.json) {
      io.stdout(
        JSON.stringify({
          terms: termsJson(terms),
          groups: byGroup.map((g) => ({ key: g.key, n: g.n, terms: termsJson(g.terms) })),
        }) + '\n',
      );
      return;
    }
    const comments = (count: number) => translate(locale, 'cli.freqComments', { count });
    const lines = [
      translate(locale, 'cli.freqHead', { column: text, file, comments: comments(n) }),
      ...termTable(locale, terms, '  '),
    ];
    if (groups !== null) {
      lines.push('', translate(locale, 'cli.freqBy', { column: by! }));
      for (const g of byGroup) {
        lines.push(
          `  ${translate(locale, 'cli.freqGroup', { key: g.key, comments: comments(g.n) })}`,
          ...termTable(locale, g.terms, '    '),
        );
      }
      const blank = docs.filter((d, i) => d.length > 0 && groups[i] === null).length;
      if (blank > 0) lines.push(translate(locale, 'cli.freqBlankGroup', { count: blank }));
    }
    io.stdout(lines.join('\n') + '\n');
  },
};

/** A comment on one line, cut to `max` characters, for the readable output. */
function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `cx-trace clusters FILE --text COL [--k N|auto] [--lang ru|en|auto] [--seed N]`. */
export const clustersCommand: Command = {
  ...CLUSTERS_HEAD,
  async run(args, io, locale) {
    const { file, text } = fileAndText(args, locale, 'clusters');
    const k: number | 'auto' =
      args.options.k === undefined || args.options.k.trim() === 'auto'
        ? 'auto'
        : wholeOption(
            args,
            locale,
            'k',
            0,
            1,
            MAX_K,
            translate(locale, 'cli.textWholeOrAuto', { min: 1, max: MAX_K }),
          );
    const lang = args.lang ?? 'auto';
    if (lang !== 'ru' && lang !== 'en' && lang !== 'auto') {
      throw new CliError(translate(locale, 'cli.clustersBadLang', { value: lang }), 2);
    }
    const seed = wholeOption(
      args,
      locale,
      'seed',
      DEFAULT_SEED,
      0,
      MAX_SEED,
      translate(locale, 'cli.demoWholeRange', { min: 0, max: MAX_SEED }),
    );
    const { texts } = await readComments(args, io, locale, file, text);
    // Only the comments clustered go to the core (not blanks, not other languages), so that
    // neither changes which terms are too common or too rare to tell themes apart.
    const rows: number[] = [];
    let otherLang = 0;
    texts.forEach((t, r) => {
      if (t === null) return;
      if (lang !== 'auto' && detectLanguage(t) !== (lang as TextLang)) otherLang++;
      else rows.push(r);
    });
    const kept = rows.map((r) => texts[r]!);
    const terms = kept.map((t) => termsOf(t));
    if (!terms.some((t) => t.length > 0)) {
      throw new CliError(
        lang === 'auto'
          ? translate(locale, 'cli.textNoWords', { column: text, file })
          : translate(locale, 'cli.textNoWordsLang', { column: text, file, lang }),
      );
    }
    // The command prints no map: none is computed.
    const result = clusterComments(kept, { k, seed, mapPoints: 0 }, terms);
    // Every word too rare or too common to weigh: nothing to group by.
    if (result.k === 0) {
      throw new CliError(translate(locale, 'cli.textNoWords', { column: text, file }));
    }
    const assignments = new Array<number>(texts.length).fill(-1);
    rows.forEach((r, i) => (assignments[r] = result.assignments[i]!));
    const clusters = result.clusters.map((c) => ({
      id: c.id,
      size: c.size,
      terms: c.terms.map((t) => t.name),
      examples: c.examples,
    }));
    if (args.json) {
      io.stdout(
        JSON.stringify({
          k: result.k,
          silhouette: result.silhouette,
          tried: result.tried,
          clusters,
          assignments,
        }) + '\n',
      );
      return;
    }
    const clustered = assignments.filter((a) => a >= 0).length;
    const lines = [
      translate(locale, 'cli.clustersHead', {
        clusters: translate(locale, 'cli.clustersCount', { count: result.k }),
        comments: translate(locale, 'cli.freqComments', { count: clustered }),
        column: text,
        file,
        silhouette: formatNumber(locale, result.silhouette, 2),
      }),
    ];
    for (const c of clusters) {
      lines.push(
        '',
        translate(locale, 'cli.clusterLine', {
          id: String(c.id),
          comments: translate(locale, 'cli.freqComments', { count: c.size }),
          terms: c.terms.join(', '),
        }),
        ...c.examples.map((e) => `  – ${oneLine(e)}`),
      );
    }
    const noWords = texts.length - otherLang - clustered;
    if (otherLang > 0 || noWords > 0) lines.push('');
    if (otherLang > 0) {
      lines.push(translate(locale, 'cli.clustersOtherLang', { count: otherLang, lang }));
    }
    if (noWords > 0) lines.push(translate(locale, 'cli.clustersNoWords', { count: noWords }));
    io.stdout(lines.join('\n') + '\n');
  },
};
