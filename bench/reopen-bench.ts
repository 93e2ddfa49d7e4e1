// The reopen benchmark: the demo notebook reopened in real Chromium with every cell's result
// stored, against the same notebook reopened with none stored and against computing them all
// (Run all), in the same run. The app is built as shipped (its service worker included) into a
// temporary directory and served on 127.0.0.1; the profile is on disk, so IndexedDB is real.
// Prints the figures; writes nothing into the repository.
//
//   npx tsx bench/reopen-bench.ts
//
// Environment: BENCH_REOPEN_RUNS (reopenings of each kind, default 3); BENCH_REOPEN_PROFILE (a
// file: one more reopening with every result stored, under V8's sampling profiler, whose
// heaviest functions by self time are printed and whose profile is written there, for Chrome's
// DevTools; the charts' drawing as they scroll into view is profiled into `….charts.cpuprofile`).
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import {
  profileMainThread,
  traceMainThread,
  withBenchSession,
  type MainThreadTrace,
  serveBuiltApp,
} from './browser-harness.ts';
import { codeVersion, recordFigures, textTable } from './bench-report.ts';

const RUNS = Number(process.env.BENCH_REOPEN_RUNS ?? 3);
/** The requirements: the first screen with its results within this, and no longer task. */
const FIRST_SCREEN_MS = 1000;
const LONG_TASK_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

function log(msg: string) {
  process.stdout.write(`[reopen-bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** What the page shows at one moment, with the time since navigation began. */
interface Shown {
  t: number;
  /** Every cell in the viewport is drawn, and each analysis cell among them shows its result. */
  firstScreen: boolean;
  /** Every analysis cell shows its result. */
  all: boolean;
  /** The notebook toolbar's status ("Every result is current.", "6 cells to run"). */
  status: string;
}

/** Runs in the page: see `Shown`. */
function readShown(): Shown {
  const articles = [...document.querySelectorAll<HTMLElement>('article[data-cell-id]')];
  const results = articles
    .map((a) => a.querySelector('.cell-result'))
    .filter((r): r is Element => r !== null);
  const filled = (r: Element) => r.childElementCount > 0;
  const inView = articles.filter((a) => {
    const box = a.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  });
  const status =
    document.querySelector('.notebook-toolbar [role="status"]:last-of-type')?.textContent ?? '';
  return {
    t: performance.now(),
    firstScreen:
      inView.length > 0 &&
      inView.every((a) => {
        const r = a.querySelector('.cell-result');
        return r === null || filled(r);
      }),
    all: results.length > 0 && results.every(filled),
    status: status.trim(),
  };
}

/** Polls the page every 10 ms until `done`; gives the first moment it held (page time). */
async function until(page: Page, done: (s: Shown) => boolean, timeoutMs = 60_000): Promise<Shown> {
  const start = Date.now();
  for (;;) {
    const s = await page.evaluate(readShown).catch(() => null);
    if (s && done(s)) return s;
    if (Date.now() - start > timeoutMs)
      throw new Error(`Timed out; last seen ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Reopening {
  firstScreenMs: number;
  allMs: number;
  settledMs: number;
  trace: MainThreadTrace;
}

/**
 * Navigates away and back to the notebook, tracing the main thread: the time from navigation
 * to the first screen with its results, to every result, and to the toolbar's final status.
 */
async function reopen(page: Page, url: string, settled: (status: string) => boolean) {
  await page.goto('about:blank');
  const stop = await traceMainThread(page);
  await page.goto(url, { waitUntil: 'commit' });
  const first = await until(page, (s) => s.firstScreen);
  const all = await until(page, (s) => s.all || settled(s.status));
  const done = await until(page, (s) => settled(s.status));
  await page.waitForTimeout(1000);
  return {
    firstScreenMs: first.t,
    allMs: all.t,
    settledMs: done.t,
    trace: await stop(),
  } satisfies Reopening;
}

/** Reloads the notebook under V8's sampling profiler until `settled` (see `profileMainThread`). */
const profileReopen = (page: Page, settled: (status: string) => boolean, file: string) =>
  profileMainThread(page, file, async () => {
    await page.reload({ waitUntil: 'commit' });
    await until(page, (s) => settled(s.status));
    await page.waitForTimeout(1000);
  });

/**
 * Scrolls each chart into view in turn: the time until it is drawn, and the longest main-thread
 * task while it is (each chart traced apart, so the slow ones are named).
 */
async function scrollCharts(page: Page) {
  const figures = page.locator('figure.chart');
  const count = await figures.count();
  const charts: { label: string; ms: number; trace: MainThreadTrace }[] = [];
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    const label = (await figure.getAttribute('aria-label')) ?? `chart ${i + 1}`;
    const stop = await traceMainThread(page);
    const start = Date.now();
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('svg, canvas').first().waitFor({ timeout: 30_000 });
    const took = Date.now() - start;
    await page.waitForTimeout(300);
    charts.push({ label, ms: took, trace: await stop() });
  }
  return charts;
}

const describeTrace = (t: MainThreadTrace) =>
  `${ms(t.longestMs)}${t.longestCpuMs !== null ? ` (CPU ${ms(t.longestCpuMs)})` : ''}`;

await withBenchSession('cx-reopen-bench-', async (session) => {
  log(`${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}; code ${codeVersion()}`);
  const server = await serveBuiltApp(session);
  const context = (session.context = await chromium.launchPersistentContext(
    join(session.tmp, 'profile'),
    { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, viewport: VIEWPORT },
  ));
  // tsx names functions with a helper the page lacks: the functions run in the page need it.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 120_000 });
  const url = page.url();
  const toRun = (s: string) => /^\d+ cells? to run$/.test(s);
  const current = (s: string) => s === 'Every result is current.';

  log('reopening with no stored results…');
  const empty: Reopening[] = [];
  for (let i = 0; i < RUNS; i++) empty.push(await reopen(page, url, toRun));

  // The key drivers cell first, alone, as an analyst runs it: from the click to its ranking.
  log('the key drivers cell…');
  const drivers = page.getByRole('article', { name: /Key drivers/ });
  await drivers.scrollIntoViewIfNeeded();
  const stopDrivers = await traceMainThread(page);
  const driversStart = Date.now();
  await drivers.getByRole('button', { name: 'Find drivers' }).click();
  await drivers
    .getByRole('table', { name: 'Drivers of the low outcome' })
    .waitFor({ timeout: 300_000 });
  const driversMs = Date.now() - driversStart;
  const driversTrace = await stopDrivers();
  log(
    `key drivers cell: ${ms(driversMs)}, longest main-thread task ${describeTrace(driversTrace)}`,
  );

  log('Run all (the other cells)…');
  const runStart = Date.now();
  await page.getByRole('button', { name: 'Run all' }).click();
  await until(page, (s) => current(s.status), 600_000);
  // Computing every result: the drivers cell, then Run all for the rest.
  const runAllMs = Date.now() - runStart + driversMs;

  log('reopening with every result stored…');
  const stored: Reopening[] = [];
  for (let i = 0; i < RUNS; i++) stored.push(await reopen(page, url, current));
  const profileFile = process.env.BENCH_REOPEN_PROFILE;
  if (profileFile) {
    const heaviest = await profileReopen(page, current, profileFile);
    log(`profile written to ${profileFile}; self time by function:`);
    for (const [name, ms] of heaviest) log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  }
  let charts: Awaited<ReturnType<typeof scrollCharts>> = [];
  if (profileFile) {
    const chartsFile = profileFile.replace(/(\.cpuprofile)?$/, '.charts.cpuprofile');
    const heaviest = await profileMainThread(page, chartsFile, async () => {
      charts = await scrollCharts(page);
    });
    log(
      `profile of the charts scrolled into view written to ${chartsFile}; self time by function:`,
    );
    for (const [name, ms] of heaviest) log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  } else charts = await scrollCharts(page);

  const row = (name: string, xs: Reopening[]) => [
    name,
    ms(median(xs.map((x) => x.firstScreenMs))),
    ms(median(xs.map((x) => x.allMs))),
    ms(median(xs.map((x) => x.settledMs))),
    describeTrace([...xs].sort((a, b) => b.trace.longestMs - a.trace.longestMs)[0]!.trace),
  ];
  process.stdout.write(
    '\n' +
      textTable(
        [
          'reopen (median of ' + RUNS + ')',
          'first screen',
          'every result',
          'settled',
          'longest task',
        ],
        [row('no stored results', empty), row('every result stored', stored)],
      ) +
      '\n',
  );
  const firstStored = median(stored.map((x) => x.firstScreenMs));
  const allStored = median(stored.map((x) => x.allMs));
  const worst = [...stored].sort((a, b) => b.trace.longestMs - a.trace.longestMs)[0]!.trace;
  log(`Run all (computing every result): ${ms(runAllMs)}`);
  log(
    `every result shown on reopening: ${ms(allStored)} = ${(allStored / runAllMs).toFixed(3)}× ` +
      `computing them; first screen ${(firstStored / median(empty.map((x) => x.firstScreenMs))).toFixed(2)}× ` +
      'that of the notebook with none stored',
  );
  log(
    `first screen with its results: ${ms(firstStored)} (target ≤ ${FIRST_SCREEN_MS} ms: ` +
      `${firstStored <= FIRST_SCREEN_MS ? 'met' : 'MISSED'})`,
  );
  const longest = stored.map((x) => x.trace.longestMs);
  log(
    `longest main-thread task while reopening: median of the runs ${ms(median(longest))}, ` +
      `worst ${describeTrace(worst)} (target ≤ ${LONG_TASK_MS} ms: ` +
      `${worst.longestMs <= LONG_TASK_MS ? 'met' : median(longest) <= LONG_TASK_MS ? 'met in the median run' : 'MISSED'}); ` +
      `top ${worst.top.map(ms).join(', ')}; in ${worst.longestSource || '?'}: ${worst.longestInner || '?'}`,
  );
  const slowest = [...charts].sort((a, b) => b.trace.longestMs - a.trace.longestMs)[0]!;
  log(
    `charts drawn as they scroll into view: ${charts.length}, median ${ms(median(charts.map((c) => c.ms)))}, ` +
      `slowest ${ms(Math.max(...charts.map((c) => c.ms)))}; longest task while one is drawn ` +
      `${describeTrace(slowest.trace)} (“${slowest.label}”; in ${slowest.trace.longestSource || '?'}: ` +
      `${slowest.trace.longestInner || '?'})`,
  );
  const traced = [...empty, ...stored, ...charts, { trace: driversTrace }];
  const worstAny = Math.max(...traced.map((x) => x.trace.longestMs));
  recordFigures([
    {
      id: 'reopen.every-result-vs-run-all',
      label: 'reopen: every stored result shown vs computing them (Run all)',
      unit: 'ratio',
      value: allStored / runAllMs,
    },
    {
      id: 'reopen.demo-drivers-cell-ms',
      label: 'reopen: the demo notebook’s key drivers cell, click to ranking',
      unit: 'ms',
      value: driversMs,
    },
    {
      id: 'reopen.first-screen-ms',
      label: 'reopen: first screen with its results',
      unit: 'ms',
      value: firstStored,
      floor: FIRST_SCREEN_MS,
    },
    {
      id: 'reopen.main-thread-longest-ms',
      label: 'reopen: longest main-thread task (reopenings, drivers run, charts drawn)',
      unit: 'ms',
      value: worstAny,
      floor: LONG_TASK_MS,
    },
    {
      id: 'reopen.main-thread-longest-cpu-ms',
      label: 'reopen: most CPU time of one main-thread task (reopenings, drivers, charts)',
      unit: 'ms',
      value: Math.max(...traced.map((x) => x.trace.maxCpuMs ?? NaN)),
      floor: LONG_TASK_MS,
    },
  ]);
  process.stdout.write(
    '\n' +
      textTable(
        ['chart', 'drawn after', 'longest task'],
        charts.map((c) => [c.label.slice(0, 60), ms(c.ms), describeTrace(c.trace)]),
      ) +
      '\n',
  );
});
