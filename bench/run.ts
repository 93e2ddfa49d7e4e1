// The one entry of `npm run bench`: runs each benchmark several times, each run in a fresh
// process, gathers the figures they record (`recordFigures`), prints min/median/max beside the
// issue's floor and goal, and keeps them in bench/results.json.
//
//   npm run bench                              every benchmark, 3 runs each
//   npm run bench -- --only import,text        some of them
//   npm run bench -- --runs 5                  more runs
//   npm run bench -- --compare bench/results.json   each figure's change against a stored run
//   npm run bench -- --markdown                bench/results.json as Markdown (runs nothing)
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion, textTable, type BenchFigure } from './bench-report.ts';
import { CHROMIUM_PATH } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = join(root, 'bench/results.json');

/** Every benchmark, in the order they run, and the command of one run. */
const BENCHES: Record<string, { what: string; command: string[]; runs?: number }> = {
  unit: {
    what: 'decoding a stored chunk, type inference (vitest bench, Node)',
    command: tsx('bench/vitest-figures.ts'),
  },
  'first-load': {
    what: 'JavaScript before the home screen is usable',
    command: tsx('bench/first-load-bench.ts'),
  },
  import: { what: 'large CSV files imported in Chromium', command: tsx('bench/import-bench.ts') },
  text: { what: '300,000 comments clustered in Chromium', command: tsx('bench/text-bench.ts') },
  ml: {
    what: 'key drivers: trees, TreeSHAP, the whole analysis',
    command: tsx('bench/ml-bench.ts'),
  },
  trace: { what: 'the trace of ~100,000 answers', command: tsx('bench/trace-bench.ts') },
  calibration: {
    what: 'the trace on 200 known worlds',
    command: tsx('bench/trace-calibration.ts'),
    // The same 200 seeded worlds each time: one run gives its quality figures.
    runs: 1,
  },
  reopen: { what: 'the demo notebook reopened', command: tsx('bench/reopen-bench.ts') },
  preview: {
    what: 'odd files previewed in an import cell',
    command: tsx('bench/preview-bench.ts'),
  },
  chart: { what: 'five charts of 1,000,000 rows', command: tsx('bench/chart-bench.ts') },
};

function tsx(file: string): string[] {
  return ['npx', 'tsx', file];
}

/** A figure over every run: the values in run order and their summary. */
export interface FigureRuns extends Omit<BenchFigure, 'value'> {
  bench: string;
  values: number[];
  min: number;
  median: number;
  max: number;
}

/** What bench/results.json holds: per benchmark, where and when it ran; every figure. */
export interface BenchResults {
  benches: Record<string, { commit: string; date: string; machine: string; runs: number }>;
  figures: FigureRuns[];
}

interface Options {
  only: string[];
  runs: number;
  compare: string | null;
  /** Print bench/results.json as Markdown tables and run nothing. */
  markdown: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = (value('--only') ?? Object.keys(BENCHES).join(',')).split(',').filter(Boolean);
  const unknown = only.filter((b) => !(b in BENCHES));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`,
    );
  }
  const runs = Number(value('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  return { only, runs, compare: value('--compare') ?? null, markdown: argv.includes('--markdown') };
}

/** The machine in words: CPU model, cores, load average now, Chromium's version. */
function machine(): string {
  let chromium = 'Chromium unknown';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Not installed: the Node benchmarks still run.
  }
  const [one, five] = loadavg();
  return (
    `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ` +
    `load ${one!.toFixed(2)} / ${five!.toFixed(2)} (1 / 5 min) at the start, ` +
    `Node ${process.version}, ${chromium}`
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Runs one benchmark `runs` times; returns its figures by id, values in run order. */
function runBench(name: string, runs: number): FigureRuns[] {
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
  const byId = new Map<string, FigureRuns>();
  try {
    for (let run = 1; run <= runs; run++) {
      const file = join(dir, `run-${run}.jsonl`);
      process.stdout.write(`\n=== ${name} (${BENCHES[name]!.what}), run ${run} of ${runs} ===\n`);
      const [cmd, ...args] = BENCHES[name]!.command;
      const r = spawnSync(cmd!, args, {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, BENCH_FIGURES: file },
      });
      if (r.status !== 0) throw new Error(`${name} run ${run} failed (exit ${r.status})`);
      const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
      for (const f of lines.map((l) => JSON.parse(l) as BenchFigure)) {
        const { value, ...rest } = f;
        const entry = byId.get(f.id) ?? {
          ...rest,
          bench: name,
          values: [],
          min: 0,
          median: 0,
          max: 0,
        };
        entry.values.push(value);
        byId.set(f.id, entry);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const f of byId.values()) {
    f.min = Math.min(...f.values);
    f.max = Math.max(...f.values);
    f.median = median(f.values);
  }
  return [...byId.values()];
}

const fmt = (v: number, unit: BenchFigure['unit']) =>
  unit === 'ratio'
    ? `${v.toFixed(2)}×`
    : unit === 'ms'
      ? v >= 10_000
        ? `${(v / 1000).toFixed(1)} s`
        : `${v.toFixed(0)} ms`
      : unit === 'bytes'
        ? `${(v / 1000).toFixed(1)} KB`
        : v.toLocaleString('en-US');

/** Whether the floor (or the goal) holds in every run: lower is better for every limit. */
function verdict(f: FigureRuns): string {
  if (f.floor === undefined) return '';
  if (f.goal !== undefined && f.max <= f.goal) return 'goal met';
  if (f.max <= f.floor) return 'floor met';
  return f.min <= f.floor ? 'floor missed in some runs' : 'floor missed';
}

/** A figure's row: its label, min, median, max, floor, goal and verdict. */
function figureCells(f: FigureRuns): string[] {
  const limit = (x: number | undefined) => (x === undefined ? '' : fmt(x, f.unit));
  return [
    f.label,
    fmt(f.min, f.unit),
    fmt(f.median, f.unit),
    fmt(f.max, f.unit),
    limit(f.floor),
    limit(f.goal),
    verdict(f),
  ];
}

function summaryTable(figures: FigureRuns[]): string {
  return textTable(
    ['figure', 'min', 'median', 'max', 'floor', 'goal', 'verdict'],
    figures.map(figureCells),
  );
}

/** Each figure's median against a stored run's: the change, + is slower or larger. */
function comparison(now: FigureRuns[], before: BenchResults): string {
  const old = new Map(before.figures.map((f) => [f.id, f]));
  const rows = now.flatMap((f) => {
    const o = old.get(f.id);
    if (!o) return [[f.label, '—', fmt(f.median, f.unit), 'new']];
    const change = o.median === 0 ? 0 : (f.median / o.median - 1) * 100;
    return [
      [
        f.label,
        fmt(o.median, f.unit),
        fmt(f.median, f.unit),
        `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(0)}%`,
      ],
    ];
  });
  return textTable(['figure', 'stored median', 'median now', 'change'], rows);
}

/** The stored results as Markdown, one table per benchmark with where and when it ran. */
function markdown(results: BenchResults): string {
  const cell = (x: string) => x.replace(/\|/g, '\\|');
  return Object.entries(results.benches)
    .map(([name, b]) => {
      const rows = results.figures
        .filter((f) => f.bench === name)
        .map((f) => figureCells(f).map(cell).join(' | '));
      return [
        `### ${name}: ${BENCHES[name]?.what ?? ''}`,
        '',
        `${b.runs} run${b.runs === 1 ? '' : 's'}, ${b.date.slice(0, 10)}, ${b.commit}; ${b.machine}.`,
        '',
        '| figure | min | median | max | floor | goal | verdict |',
        '|---|---|---|---|---|---|---|',
        ...rows.map((r) => `| ${r} |`),
      ].join('\n');
    })
    .join('\n\n');
}

function readResults(file: string): BenchResults | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : null;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.markdown) {
    const stored = readResults(RESULTS);
    if (!stored) throw new Error(`No results at ${RESULTS}`);
    process.stdout.write(markdown(stored) + '\n');
    return;
  }
  const stored = opts.compare ? readResults(opts.compare) : null;
  if (opts.compare && !stored) throw new Error(`No stored results at ${opts.compare}`);
  const results: BenchResults = readResults(RESULTS) ?? { benches: {}, figures: [] };
  const fresh: FigureRuns[] = [];
  for (const name of opts.only) {
    const where = machine();
    const runs = BENCHES[name]!.runs ?? opts.runs;
    const figures = runBench(name, runs);
    fresh.push(...figures);
    results.benches[name] = {
      commit: codeVersion(['src', 'workers', 'bench']),
      date: new Date().toISOString(),
      machine: where,
      runs,
    };
    results.figures = [...results.figures.filter((f) => f.bench !== name), ...figures];
    // Written after each benchmark, so a later failure keeps what was measured.
    writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  }
  process.stdout.write(`\n${summaryTable(fresh)}\n`);
  if (stored) process.stdout.write(`\nAgainst ${opts.compare}:\n${comparison(fresh, stored)}\n`);
}

main();
