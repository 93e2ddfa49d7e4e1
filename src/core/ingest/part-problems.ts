import type { IngestProblem } from './types.ts';

/** At most this many ragged rows are listed (the count is still given), as for a whole file. */
const MAX_LISTED = 20;

/** The ragged rows problems list, and how many ragged rows there were in all. */
function raggedOf(problems: readonly IngestProblem[]): { listed: IngestProblem[]; total: number } {
  const listed = problems.filter((p) => p.code === 'ragged-row' && p.row !== undefined);
  const summary = problems.find((p) => p.code === 'ragged-row' && p.row === undefined);
  return { listed, total: summary ? Number(summary.detail?.total ?? 0) : listed.length };
}

/**
 * The problems of a file read in two parts, as if it had been read whole: the later part's
 * record numbers counted on from `offset` (the first part's records), ragged rows listed up to
 * the limit with one count for the rest, replacement characters and mixed line ends counted once.
 */
export function mergePartProblems(
  first: readonly IngestProblem[],
  later: readonly IngestProblem[],
  offset: number,
): IngestProblem[] {
  const shifted = later.map((p) => (p.row === undefined ? p : { ...p, row: p.row + offset }));
  const a = raggedOf(first);
  const b = raggedOf(shifted);
  const total = a.total + b.total;
  const listed = [...a.listed, ...b.listed].slice(0, MAX_LISTED);
  const replacements = [...first, ...shifted].filter((p) => p.code === 'replacement-chars');
  const lineEnds = [...first, ...shifted].filter((p) => p.code === 'mixed-line-ends');
  const others = [...first, ...shifted].filter(
    (p) =>
      p.code !== 'ragged-row' && p.code !== 'replacement-chars' && p.code !== 'mixed-line-ends',
  );
  const out: IngestProblem[] = [];
  const sum = (ps: IngestProblem[], key: string) =>
    ps.reduce((n, p) => n + Number(p.detail?.[key] ?? 0), 0);
  if (lineEnds.length > 0) {
    const detail = {
      crlf: sum(lineEnds, 'crlf'),
      lf: sum(lineEnds, 'lf'),
      cr: sum(lineEnds, 'cr'),
    };
    out.push({ code: 'mixed-line-ends', detail });
  }
  if (replacements.length > 0) {
    const count = sum(replacements, 'count');
    out.push({ ...replacements[0]!, detail: { ...replacements[0]!.detail, count } });
  }
  out.push(...others, ...listed);
  if (total > listed.length) {
    out.push({ code: 'ragged-row', detail: { more: total - listed.length, total } });
  }
  return out;
}

/** How many ragged rows a part's problems count. */
export function raggedCount(problems: readonly IngestProblem[]): number {
  return raggedOf(problems).total;
}
