// The text benchmark: 300,000 generated RU/EN comments stored through the app's importer, then
// in real Chromium the app's text worker through its real bridge: `clusters` at k = 20 (which
// tokenises and weighs by TF-IDF on its first call), `frequency` on the same column (tokens
// cached, then cold in a fresh worker), the longest main-thread task meanwhile (Chromium trace),
// a baseline (lower-case + split on white space) measured in the same run, just before and just
// after the cold `clusters` (so a machine busy with something else weighs on both alike), and
// where the time of `clusters` goes step by step (the app's own functions, timed in Node on the
// same comments). Prints the figures and records them (`recordFigures`); writes nothing into the
// repository.
//
//   npx tsx bench/text-bench.ts
//
// Environment: BENCH_TEXT_ROWS (comments, default 300000), BENCH_TEXT_K (default 20),
// BENCH_TEXT_SEED (clustering seed, default 1), BENCH_BASELINE_RUNS (per side of the cold call,
// default 3), BENCH_TEXT_STEPS=0 to skip the step-by-step profile, BENCH_TEXT_PHASES=1 to run
// the bench page's own step-by-step worker too (it calls the steps one by one as the text
// worker once did: every comment tokenised and weighed, none shared), BENCH_TEXT_TRACE=0 to run
// without the Chromium trace (then only the long-task API and the timer gaps watch the main
// thread).
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { writeCommentsCsv } from './text-generate.ts';
import { termsOfEach } from '../src/core/text/tokenize.ts';
import { clusterComments, type ClusterStep } from '../src/core/text/cluster-comments.ts';
import {
  sampleMemory,
  traceMainThread,
  serve,
  withBenchSession,
  type MainThreadTrace,
} from './browser-harness.ts';
import type { TextBench } from './page/text.ts';
import { codeVersion, recordFigures, textTable, type BenchFigure } from './bench-report.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const ROWS = Number(process.env.BENCH_TEXT_ROWS ?? 300_000);
const K = Number(process.env.BENCH_TEXT_K ?? 20);
const SEED = Number(process.env.BENCH_TEXT_SEED ?? 1);
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 3);
const PHASES = process.env.BENCH_TEXT_PHASES === '1';
const STEPS = process.env.BENCH_TEXT_STEPS !== '0';
/** BENCH_TEXT_TRACE=0: no Chromium trace (tracing loads a 2-CPU machine; see the notes). */
const TRACE = process.env.BENCH_TEXT_TRACE !== '0';
const TEXT_COLUMN = 'Комментарий';
const SCORE_COLUMN = 'NPS';
/** The target of the requirement: no main-thread task longer than this. */
const LONG_TASK_MS = 50;

type Result<K extends keyof TextBench> = Awaited<ReturnType<TextBench[K]>>;

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtX = (x: number) => `${x.toFixed(1)}×`;
const fmtN = (n: number) => n.toLocaleString('en-US');

function log(msg: string) {
  process.stdout.write(`[text-bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** The baseline in Node on the generated texts: lower-case and split, word lists kept. */
function nodeBaseline(texts: readonly string[], runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    const out: string[][] = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) out[i] = texts[i]!.toLowerCase().split(/\s+/);
    times.push(performance.now() - t);
  }
  return median(times);
}

function taskText(t: MainThreadTrace | undefined): string {
  if (!t || t.mainThreads === 0) return 'no trace';
  return `${t.longestMs.toFixed(1)} ms`;
}

/** The longest task's wall time and the main thread's CPU time in it. */
function taskWithCpu(t: MainThreadTrace | undefined): string {
  if (!t) return 'no trace';
  return `${taskText(t)}${t.longestCpuMs !== null ? ` (CPU ${t.longestCpuMs.toFixed(1)} ms; longest by CPU ${t.maxCpuMs?.toFixed(1)} ms)` : ''}`;
}

function taskNotes(
  t: MainThreadTrace | undefined,
  m: { longTasks: number; longTaskMaxMs: number; maxTimerGapMs: number },
): string {
  const parts: string[] = [];
  if (t && t.mainThreads > 0) {
    parts.push(
      `target ≤ ${LONG_TASK_MS} ms: ${t.longestMs <= LONG_TASK_MS ? 'met' : 'MISSED'}`,
      `its main-thread CPU time ${t.longestCpuMs?.toFixed(1) ?? '?'} ms (the rest waiting for a CPU); longest task by CPU time ${t.maxCpuMs?.toFixed(1) ?? '?'} ms`,
      `trace of ${fmtN(t.tasks)} main-thread tasks; longest posted by ${t.longestSource || '?'}${t.longestInner ? `, inside: ${t.longestInner}` : ''}`,
      `next longest ${t.top
        .slice(1)
        .map((x) => x.toFixed(1))
        .join(', ')} ms`,
    );
  }
  parts.push(
    `long-task API: ${m.longTasks} tasks ≥ 50 ms${m.longTasks ? ` (longest ${m.longTaskMaxMs.toFixed(0)} ms)` : ''}`,
    `largest gap between zero-delay timers ${m.maxTimerGapMs.toFixed(0)} ms`,
  );
  return parts.join('; ');
}

async function main() {
  await withBenchSession('cx-trace-text-bench-', async (session) => {
    const { tmp } = session;
    const csv = join(tmp, `comments-${ROWS}.csv`);
    const t = performance.now();
    const { bytes, texts } = await writeCommentsCsv(csv, ROWS);
    const cyrillic = texts.filter((s) => /[а-яё]/i.test(s)).length;
    const distinct = new Set(texts).size;
    const meanChars = texts.reduce((s, x) => s + x.length, 0) / texts.length;
    log(
      `generated ${fmtN(ROWS)} comments (${(bytes / 1e6).toFixed(1)} MB) in ${fmtMs(performance.now() - t)}`,
    );
    const nodeBase = nodeBaseline(texts, BASELINE_RUNS);

    log('building the bench page');
    const dist = join(tmp, 'dist');
    await build({
      configFile: join(root, 'bench/page/vite.config.ts'),
      build: {
        outDir: dist,
        emptyOutDir: true,
        rolldownOptions: { input: join(root, 'bench/page/text.html') },
      },
    });
    const server = (session.server = await serve(dist, 'text.html'));
    // A profile on disk (not an in-memory incognito context), so IndexedDB writes go to disk.
    const context = (session.context = await chromium.launchPersistentContext(
      join(tmp, 'profile'),
      {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
      },
    ));
    const load = loadavg()[0]!.toFixed(2);
    const page: Page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('crash', () => pageErrors.push('the page crashed'));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const browser = /HeadlessChrome\/[\d.]+|Chrom\w+\/[\d.]+/.exec(userAgent)?.[0] ?? 'Chromium';
    await page.setInputFiles('#files', csv);

    const call = <N extends keyof TextBench>(name: N, ...args: Parameters<TextBench[N]>) =>
      page.evaluate(
        ([n, a]) => {
          const b = (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> })
            .bench;
          return b[n as string]!(...(a as unknown[]));
        },
        [name, args] as const,
      ) as Promise<Result<N>>;
    /** A call with the page's main thread traced meanwhile. */
    const traced = async <R>(run: () => Promise<R>): Promise<[R, MainThreadTrace | undefined]> => {
      if (!TRACE) return [await run(), undefined];
      const stop = await traceMainThread(page);
      try {
        const r = await run();
        return [r, await stop()];
      } catch (e) {
        await stop().catch(() => undefined);
        throw e;
      }
    };

    log('importing through the app’s ingest worker');
    const imported = await call('importFile');
    const textType = imported.columns.find((c) => c.name === TEXT_COLUMN)?.type;
    log(
      `imported ${fmtN(imported.rows)} rows in ${fmtMs(imported.ms)}; ${TEXT_COLUMN}: ${textType}`,
    );
    if (imported.rows !== ROWS) throw new Error(`stored ${imported.rows} rows, expected ${ROWS}`);
    const id = imported.datasetId;

    log(`baseline (${BASELINE_RUNS} runs)`);
    const before = await call('baseline', id, TEXT_COLUMN, BASELINE_RUNS);
    log(`baseline ${fmtMs(before.ms)}; (a) clusters k=${K}, fresh worker…`);

    const memory = sampleMemory();
    const [cold, coldTrace] = await traced(() =>
      call('clusters', { datasetId: id, text: TEXT_COLUMN, k: K, seed: SEED, warm: false }),
    );
    const coldMemory = await memory();
    log(`(a) clusters ${fmtMs(cold.ms)}; baseline again (${BASELINE_RUNS} runs)…`);
    const after = await call('baseline', id, TEXT_COLUMN, BASELINE_RUNS);
    // The runs of both sides together: a load that came or went meanwhile weighs on both.
    const base = { ...after, runs: [...before.runs, ...after.runs] };
    base.ms = median(base.runs);
    log(
      `baseline ${fmtMs(after.ms)} (both sides: ${fmtMs(base.ms)}); (b) frequency, tokens cached…`,
    );
    const [freqWarm, freqWarmTrace] = await traced(() =>
      call('frequency', { datasetId: id, text: TEXT_COLUMN, score: SCORE_COLUMN, warm: true }),
    );
    log(`(b) frequency ${fmtMs(freqWarm.ms)}; frequency in a fresh worker…`);
    const [freqCold, freqColdTrace] = await traced(() =>
      call('frequency', { datasetId: id, text: TEXT_COLUMN, score: SCORE_COLUMN, warm: false }),
    );
    log(`(b) cold frequency ${fmtMs(freqCold.ms)}; clusters again, tokens cached…`);
    const [warm, warmTrace] = await traced(() =>
      call('clusters', { datasetId: id, text: TEXT_COLUMN, k: K, seed: SEED, warm: true }),
    );
    await call('endTextWorker');
    log(`clusters (tokens cached) ${fmtMs(warm.ms)}`);
    let phases: Result<'phases'> | null = null;
    if (PHASES) {
      log('phases worker…');
      phases = await call('phases', id, TEXT_COLUMN, K, SEED, SCORE_COLUMN);
      log('phases done');
    }

    // ---- figures ----
    const b = base.ms;
    const x = (ms: number) => fmtX(ms / b);
    const tl = cold.timeline;
    const rows: string[][] = [
      [
        'Comments (rows of the stored dataset)',
        fmtN(imported.rows),
        '',
        `${((cyrillic / texts.length) * 100).toFixed(0)}% Russian, rest English; ${fmtN(distinct)} distinct texts; mean ${meanChars.toFixed(0)} chars; CSV ${(bytes / 1e6).toFixed(1)} MB; imported in ${fmtMs(imported.ms)} (not part of the figures)`,
      ],
      [
        'Baseline: lower-case + split on white space (worker)',
        fmtMs(b),
        '1.0×',
        `median of ${base.runs.length}, ${before.runs.length} before (a) and ${after.runs.length} after (${base.runs.map((r) => r.toFixed(0)).join(', ')} ms); ${fmtN(base.words)} words; reading the column ${fmtMs(base.readMs)} not included; the same in Node: ${fmtMs(nodeBase)}`,
      ],
      [
        `(a) clusters k=${K}, fresh text worker, end to end`,
        fmtMs(cold.ms),
        x(cold.ms),
        `the text worker's \`clusters\` (what the clusters cell's answer runs, less storing it): worker start + read + tokenise (stems, stop words, negation, bigrams) + TF-IDF + k-means (3 restarts) + silhouette + labels (top terms named, typical comments) + map; ${fmtN(cold.comments)} comments clustered, silhouette ${cold.silhouette.toFixed(3)}`,
      ],
      [
        '  ↳ until tokenised (worker start, read column, tokenise)',
        fmtMs(tl.tokenisedAt),
        x(tl.tokenisedAt),
        'from the page: the last tokenising progress report',
      ],
      [
        '  ↳ weigh (distinct lists, CX concepts, TF-IDF) + k-means',
        fmtMs(tl.kmeansEndAt - tl.tokenisedAt),
        x(tl.kmeansEndAt - tl.tokenisedAt),
        `until k-means returned (progress 950/1000); ${tl.reports} progress reports in all`,
      ],
      [
        '  ↳ after k-means (silhouette, describe, map, mix, reply)',
        fmtMs(tl.afterKmeansMs),
        x(tl.afterKmeansMs),
        '',
      ],
      [
        'Longest main-thread task during (a)',
        taskText(coldTrace),
        '',
        taskNotes(coldTrace, cold.mainThread),
      ],
      [
        '(b) frequency, same worker (tokens cached)',
        fmtMs(freqWarm.ms),
        x(freqWarm.ms),
        `top terms: ${freqWarm.top.join(', ')}; longest main-thread task ${taskWithCpu(freqWarmTrace)}`,
      ],
      [
        '(b) frequency, fresh worker (cold: read + tokenise)',
        fmtMs(freqCold.ms),
        x(freqCold.ms),
        `tokenised after ${fmtMs(freqCold.tokenisedAt)}; longest main-thread task ${taskWithCpu(freqColdTrace)}`,
      ],
      [
        `clusters k=${K} again, tokens cached`,
        fmtMs(warm.ms),
        x(warm.ms),
        `longest main-thread task ${taskWithCpu(warmTrace)}; ${taskNotes(undefined, warm.mainThread)}`,
      ],
      [
        'Peak memory during (a) (resident)',
        `${(coldMemory.peakProcessBytes / 1e6).toFixed(0)} MB`,
        '',
        `largest Chromium process; all together ${(coldMemory.peakTotalBytes / 1e6).toFixed(0)} MB`,
      ],
    ];

    process.stdout.write(
      `\nText benchmark, ${codeVersion()}, ${browser}, ${process.platform} ${process.arch}, ${cpus().length} CPUs, Node ${process.version}, load average ${load} at the start\n\n`,
    );
    process.stdout.write(`${textTable(['Measure', 'Value', 'vs baseline', 'Notes'], rows)}\n\n`);

    if (phases) {
      const m = phases.ms;
      const steps: [string, number, string][] = [
        ['read the column (readAllColumns, one column)', m.readColumn!, ''],
        [
          'tokenise (termsOf per comment)',
          m.tokenise!,
          `${fmtN(phases.terms)} terms (unigrams + bigrams)`,
        ],
        ['surface names (SurfaceNames.add)', m.surfaceNames!, ''],
        ['term lists (terms → strings)', m.termLists!, ''],
        [
          'TF-IDF (tfidf, minDf 3, maxDf 0.5)',
          m.tfidf!,
          `${fmtN(phases.vocabulary)} terms kept, ${fmtN(phases.nonZeros)} non-zeros`,
        ],
        [
          `spherical k-means k=${phases.k}, 3 restarts`,
          m.kmeans!,
          phases.restarts
            .map(
              (r, i) =>
                `restart ${i + 1}: ${r.iterations} iterations, the first with k-means++ ${fmtMs(r.firstMs)}, then ${fmtMs(r.laterMeanMs)} each`,
            )
            .join('; '),
        ],
        [
          'after k-means: silhouette + describe clusters + 2-D map',
          m.afterKmeans!,
          `from clusterComments' own progress reports (clusterComments whole: ${fmtMs(m.clusterComments!)}); silhouette of 1,500 sampled comments alone: ${fmtMs(m.silhouette!)}`,
        ],
      ];
      const sum = steps.reduce((s, [, v]) => s + v, 0);
      const prow = steps.map(([name, v, note]) => [
        name,
        fmtMs(v),
        x(v),
        `${((v / sum) * 100).toFixed(0)}%`,
        note,
      ]);
      prow.push(['Sum: the work of one cold `clusters` call', fmtMs(sum), x(sum), '100%', '']);
      prow.push([
        'frequencyAnalysis on cached terms (with NPS)',
        fmtMs(m.frequencyAnalysis!),
        x(m.frequencyAnalysis!),
        '',
        `what a warm 'frequency' computes`,
      ]);
      prow.push([
        'read every chunk, no column (columnsOf with none)',
        fmtMs(m.readNoColumns!),
        x(m.readNoColumns!),
        '',
        'each clusters/frequency call without score/segment still queries all chunk records',
      ]);
      process.stdout.write(
        `Where the time of \`clusters\` goes (app functions one by one in a fresh worker; worker start ${fmtMs(phases.workerStartMs)}):\n\n`,
      );
      process.stdout.write(
        `${textTable(['Step', 'Time', 'vs baseline', 'Share', 'Notes'], prow)}\n\n`,
      );
    }
    process.stdout.write(
      `Clusters (a): ${cold.clusters
        .map((c) => `${c.size} “${c.signature}”`)
        .slice(0, 8)
        .join('; ')}${cold.clusters.length > 8 ? '; …' : ''}\n`,
    );
    if (STEPS) {
      log('the steps of clusters in Node…');
      const steps = nodeSteps(texts);
      process.stdout.write(
        `\nWhere the time of a cold \`clusters\` goes, step by step (the app's functions in Node on the same comments, caches cold; the browser adds the worker's start and reading the column, ${fmtMs(tl.tokenisedAt)} until tokenised above):\n\n${stepsTable(steps, nodeBase)}\n`,
      );
    }
    const traces = [coldTrace, freqWarmTrace, freqColdTrace, warmTrace].filter(
      (t): t is MainThreadTrace => !!t && t.mainThreads > 0,
    );
    const figures: BenchFigure[] = [
      {
        id: 'text.clustering-vs-baseline',
        label: `cold clusters, k = ${K}, ${fmtN(ROWS)} comments, vs lower-case + split`,
        unit: 'ratio',
        value: cold.ms / b,
        floor: 10,
        goal: 6,
      },
      { id: 'text.clustering-ms', label: 'cold clusters, end to end', unit: 'ms', value: cold.ms },
      { id: 'text.baseline-ms', label: 'lower-case + split, median', unit: 'ms', value: b },
    ];
    if (traces.length) {
      figures.push({
        id: 'text.main-thread-longest-ms',
        label: 'longest main-thread task during the text calls',
        unit: 'ms',
        value: Math.max(...traces.map((t) => t.longestMs)),
        floor: LONG_TASK_MS,
      });
    }
    recordFigures(figures);
    if (pageErrors.length) process.stdout.write(`\nPage errors:\n${pageErrors.join('\n')}\n`);
  });
}

/**
 * The steps of a cold `clusters` one by one, with the app's own functions in this process (its
 * caches cold): tokenising as the text worker does (`termsOfEach`), then `clusterComments` as
 * the worker calls it, its steps timed by its `onStep`.
 */
function nodeSteps(texts: readonly string[]): [step: string, ms: number][] {
  const t = performance.now();
  const terms = termsOfEach(texts);
  const steps: [string, number][] = [['tokenise (termsOfEach)', performance.now() - t]];
  const names: Record<ClusterStep, string> = {
    weigh: 'weigh: distinct term lists, CX concepts, TF-IDF',
    'choose-k': 'choose k by silhouette',
    'k-means': `spherical k-means, k = ${K}, 3 restarts`,
    silhouette: 'silhouette of 1,500 sampled comments',
    describe: 'labels: top terms named, typical comments',
    map: '2-D map, assignments',
  };
  clusterComments(
    texts,
    { k: K, seed: SEED, onStep: (step, ms) => steps.push([names[step], ms]) },
    terms,
  );
  return steps;
}

/** The steps' table: each step's time, against the baseline in Node, and its share. */
function stepsTable(steps: [string, number][], baselineMs: number): string {
  const sum = steps.reduce((s, [, ms]) => s + ms, 0);
  const rows = steps.map(([name, ms]) => [
    name,
    fmtMs(ms),
    fmtX(ms / baselineMs),
    `${((ms / sum) * 100).toFixed(0)}%`,
  ]);
  rows.push(['Sum', fmtMs(sum), fmtX(sum / baselineMs), '100%']);
  return textTable(['Step', 'Time', 'vs baseline in Node', 'Share'], rows);
}

await main();
