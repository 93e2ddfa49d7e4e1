// What the benchmarks print alike: an aligned text table, and the commit measured.
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** An aligned plain-text table: a header, a rule of dashes, the rows (trailing spaces trimmed). */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The commit measured, and whether the code under `paths` (relative to the repository) has
 * uncommitted changes: “commit abc1234 + uncommitted changes in src/core/ml”.
 */
export function codeVersion(paths: readonly string[] = ['src', 'workers']): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    // The results the bench entry script writes are not code.
    const dirty =
      git(
        'status',
        '--porcelain',
        '--untracked-files=all',
        '--',
        ...paths,
        ':!bench/results.json',
      ) !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ` + uncommitted changes in ${paths.join(', ')}` : ''}`;
  } catch {
    return 'commit unknown';
  }
}

/** One measured figure of a benchmark run, as `bench/results.json` keeps it. */
export interface BenchFigure {
  /** A stable key, `<bench>.<what>`, e.g. `import.crm.parse-vs-duckdb`. */
  id: string;
  /** What it is, in words, for the printed table. */
  label: string;
  /** `ratio` (against a baseline of the same run), `ms`, `bytes` or `count`. */
  unit: 'ratio' | 'ms' | 'bytes' | 'count';
  value: number;
  /** The issue's limits for a lower-is-better figure: the floor needed, the goal aimed at. */
  floor?: number;
  goal?: number;
}

/**
 * Records figures for the bench entry script (`bench/run.ts`): appended as JSON lines to the file
 * named by `BENCH_FIGURES` when the script runs under it; nothing happens when run alone.
 */
export function recordFigures(figures: readonly BenchFigure[]): void {
  const file = process.env.BENCH_FIGURES;
  if (!file) return;
  appendFileSync(file, figures.map((f) => JSON.stringify(f)).join('\n') + '\n');
}
