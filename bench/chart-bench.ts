// The chart benchmark: a chart cell drawing a 1,000,000-row dataset in real Chromium, against the
// Metric by group cell counting the same rows by segment, in the same run.
//   - the requirement (issue): a 1,000,000-row dataset charts with ≤ 5,000 marks and no
//     main-thread task over 50 ms;
//   - five charts: bars (count by segment), line (mean delay by month, a line per segment),
//     points (each row: a sample), heatmap (NPS by region × segment), box plot (delay by
//     segment).
// The app is built as shipped into a temporary directory and served on 127.0.0.1; a generated
// CSV of 1,000,000 rows is imported through the Import data cell, as an analyst would. Each run
// of each chart is a fresh chart cell, after the notebook's stored results were cleared in the
// Storage panel, so that every draw is computed in the worker (a stored result would be shown at
// once). Timed in the page from the click on Draw (Compute) until the chart is drawn (the table
// shown), with a trace of the page's main thread meanwhile (`traceMainThread`, which counts the
// microtask checkpoints Vega draws in). Prints the figures; writes nothing into the repository.
//
//   npx tsx bench/chart-bench.ts
//
// Environment: BENCH_CHART_RUNS (runs of each chart, default 3), BENCH_CHART_ROWS (default
// 1,000,000), BENCH_CHART_PROFILE (a file to write a CPU profile of the counted runs to).
import { stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import {
  profileMainThread,
  traceMainThread,
  withBenchSession,
  type MainThreadTrace,
  serveBuiltApp,
} from './browser-harness.ts';
import { codeVersion, recordFigures, textTable } from './bench-report.ts';
import { rng, writePieces } from './generate.ts';

const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 3);
const ROWS = Number(process.env.BENCH_CHART_ROWS ?? 1_000_000);
/** The requirements: at most this many marks, and no longer main-thread task. */
const MAX_MARKS = 5000;
const LONG_TASK_MS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;
const fmt = (n: number) => n.toLocaleString('en-US');

function log(msg: string) {
  process.stdout.write(`[chart-bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

const SEGMENTS = [
  'Enterprise',
  'Large',
  'Mid-market',
  'Small business',
  'Public sector',
  'Partner',
];
const REGIONS = Array.from({ length: 40 }, (_, k) => `Region ${String(k + 1).padStart(2, '0')}`);
const CLIENTS = 50_000;
const START = Date.UTC(2024, 0, 1);
/** Days in the 24 months 2024-01-01 … 2025-12-31. */
const DAYS = 731;

/**
 * The dataset: client_id (~50,000 clients), an ISO date over 24 months, segment (6), region
 * (40), nps 0–10 (3% blank) and delay_days (0–30, one decimal), written 1,000 rows at a time.
 */
function* surveyRows(rows: number): Generator<string> {
  const r = rng(20261208);
  yield 'client_id,date,segment,region,nps,delay_days\n';
  let batch = '';
  for (let i = 0; i < rows; i++) {
    const client = `C${String(1 + Math.floor(r() * CLIENTS)).padStart(7, '0')}`;
    const date = new Date(START + Math.floor(r() * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const s = Math.floor(r() * r() * SEGMENTS.length);
    const region = REGIONS[Math.floor(r() * REGIONS.length)]!;
    const delay = Math.min(30, -Math.log(1 - r()) * (2 + s));
    const score = Math.max(0, Math.min(10, Math.round(9.5 - delay / 3 - r() * 4 + s * 0.2)));
    const nps = r() < 0.03 ? '' : String(score);
    batch += `${client},${date},${SEGMENTS[s]},${region},${nps},${delay.toFixed(1)}\n`;
    if (i % 1000 === 999) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** A combobox of a cell, by its exact name. */
const combo = (cell: Locator, name: string) => cell.getByRole('combobox', { name, exact: true });
const pick = (cell: Locator, name: string, label: string) =>
  combo(cell, name).selectOption({ label });

interface ChartCase {
  key: string;
  name: string;
  /** Sets the form (the dataset is already chosen). */
  set: (cell: Locator) => Promise<void>;
}

const CHARTS: ChartCase[] = [
  {
    key: 'bars',
    name: '(a) bars: rows by segment',
    set: async (c) => {
      await pick(c, 'Chart type', 'Bars');
      await pick(c, 'X axis', 'segment');
      await pick(c, 'Summarise as', 'Number of rows');
    },
  },
  {
    key: 'line',
    name: '(b) line: mean delay_days by month, colour segment',
    set: async (c) => {
      await pick(c, 'Chart type', 'Line');
      await pick(c, 'X axis', 'date');
      await pick(c, 'Group dates by', 'month');
      await pick(c, 'Measured column', 'delay_days');
      await pick(c, 'Summarise as', 'Mean');
      await pick(c, 'Colour by', 'segment');
    },
  },
  {
    key: 'points',
    name: '(c) points: nps by delay_days, each row',
    set: async (c) => {
      await pick(c, 'Chart type', 'Points');
      await pick(c, 'X axis', 'delay_days');
      await pick(c, 'Measured column', 'nps');
      await pick(c, 'Summarise as', 'Each row (no summary)');
    },
  },
  {
    key: 'heatmap',
    name: '(d) heatmap: NPS by region × segment',
    set: async (c) => {
      await pick(c, 'Chart type', 'Heatmap');
      await pick(c, 'X axis', 'region');
      await pick(c, 'Rows', 'segment');
      await pick(c, 'Colour shows', 'nps');
      await pick(c, 'Summarise as', 'NPS');
    },
  },
  {
    key: 'boxplot',
    name: '(e) box plot: delay_days by segment',
    set: async (c) => {
      await pick(c, 'Chart type', 'Box plot');
      await pick(c, 'X axis', 'segment');
      await pick(c, 'Measured column', 'delay_days');
    },
  },
];

/** The main thread's tasks during a draw, and whether the longest came after the answer. */
type TaskTrace = MainThreadTrace;

/** Where the longest task fell: before the worker's answer reached the page, or while drawing. */
const phaseOf = (t: TaskTrace) =>
  t.longestAfterMark === null
    ? '?'
    : t.longestAfterMark
      ? 'drawing (after the answer)'
      : 'before the answer';

/** Times kept in the page by `watch` (performance.now(), 0 until seen). */
interface Watched {
  /** The click on Draw / Compute. */
  click: number;
  /** The chart's figure in the DOM: the worker's answer has arrived and is being drawn. */
  figure: number;
  /** The chart drawn (Vega's view ready, its SVG or canvas in place). */
  drawn: number;
  /** The metric cell's table shown. */
  table: number;
}

/**
 * Watches a cell in the page: the time of the next click, of its chart's figure appearing, of
 * the chart drawn (the view no longer `waiting`) and of a table shown.
 */
async function watch(cell: Locator): Promise<void> {
  await cell.evaluate((el) => {
    const w = { click: 0, figure: 0, drawn: 0, table: 0 };
    (window as unknown as { __benchWatch: typeof w }).__benchWatch = w;
    const check = () => {
      const now = performance.now();
      if (!w.figure && el.querySelector('figure.chart')) {
        w.figure = now;
        performance.mark('cx-bench:answer');
      }
      if (
        !w.drawn &&
        el.querySelector(
          'figure.chart .chart-view:not(.waiting) svg, figure.chart .chart-view:not(.waiting) canvas',
        )
      ) {
        w.drawn = now;
      }
      if (!w.table && el.querySelector('.cell-result table[aria-label]')) w.table = now;
      if ((w.drawn && w.figure) || w.table) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(el, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
    });
    document.addEventListener(
      'click',
      () => {
        if (!w.click) w.click = performance.now();
      },
      { capture: true, once: true },
    );
  });
}

async function watched(page: Page, until: 'drawn' | 'table'): Promise<Watched> {
  await page.waitForFunction(
    (key) => (window as unknown as { __benchWatch: Record<string, number> }).__benchWatch[key]! > 0,
    until,
    { timeout: 600_000, polling: 50 },
  );
  return page.evaluate(() => (window as unknown as { __benchWatch: Watched }).__benchWatch);
}

/** Clears the notebook's stored results in the Storage panel, as an analyst would. */
async function clearStoredResults(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Storage' });
  const clear = dialog.getByRole('button', { name: /^Clear the results of/ });
  const none = dialog.getByText('No notebook has stored results yet.');
  await clear.or(none).first().waitFor({ timeout: 60_000 });
  if ((await clear.count()) > 0) {
    await clear.first().click();
    await none.waitFor({ timeout: 60_000 });
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function addCell(page: Page, kind: 'Chart' | 'Metric by group'): Promise<Locator> {
  await page
    .getByRole('button', { name: `Add ${kind} cell` })
    .last()
    .click();
  const cell = page.getByRole('article', { name: new RegExp(kind) }).last();
  await cell.waitFor();
  return cell;
}

async function deleteCell(cell: Locator): Promise<void> {
  await cell.getByRole('button', { name: 'Delete cell' }).click();
  await cell.waitFor({ state: 'detached' });
}

interface Drawn {
  /** Click to drawn (chart) or to the table shown (metric). */
  ms: number;
  /** Click to the worker's answer in the page (the figure appears); charts only. */
  answerMs: number;
  trace: TaskTrace;
  /** The marks drawn, from the cell's note (a box plot: its boxes, counted in the SVG). */
  marks: number | null;
  renderer: 'svg' | 'canvas' | '—';
  note: string;
}

/** Fresh stored results, a fresh chart cell set by `set`: Draw, timed and traced. */
async function drawChart(page: Page, dataset: string, chart: ChartCase): Promise<Drawn> {
  await clearStoredResults(page);
  const cell = await addCell(page, 'Chart');
  await pick(cell, 'Dataset', dataset);
  await chart.set(cell);
  const draw = cell.getByRole('button', { name: 'Draw', exact: true });
  // The cell looks for a stored result of its request: let it, and check it found none.
  await page.waitForTimeout(300);
  if ((await cell.locator('figure').count()) > 0) {
    throw new Error(`${chart.key}: a stored result is shown before Draw: nothing would be timed`);
  }
  await draw.scrollIntoViewIfNeeded();
  await watch(cell);
  const stop = await traceMainThread(page, { mark: 'cx-bench:answer' });
  await draw.click();
  const w = await watched(page, 'drawn');
  await page.waitForTimeout(300);
  const trace = await stop();
  const notes = await cell.locator('ul.chart-notes li').allInnerTexts();
  const view = cell.locator('figure.chart .chart-view');
  const renderer = (await view.locator('canvas').count()) > 0 ? 'canvas' : 'svg';
  const fromNote = notes
    .map(
      (n) =>
        /drawn as ([\d,]+) marks?/.exec(n)?.[1] ?? /a random sample of ([\d,]+) of/.exec(n)?.[1],
    )
    .find((x) => x !== undefined);
  let marks = fromNote !== undefined ? Number(fromNote.replace(/,/g, '')) : null;
  if (marks === null && renderer === 'svg' && chart.key === 'boxplot') {
    // One whisker (a rule) per box.
    marks = await view.locator('svg g.role-mark.mark-rule line').count();
  }
  await deleteCell(cell);
  return {
    ms: w.drawn - w.click,
    answerMs: w.figure - w.click,
    trace,
    marks,
    renderer,
    note: notes.join(' '),
  };
}

/** Fresh stored results, a fresh Metric by group cell counting rows by segment: Compute. */
async function computeMetric(page: Page, dataset: string): Promise<Drawn> {
  await clearStoredResults(page);
  const cell = await addCell(page, 'Metric by group');
  await pick(cell, 'Dataset', dataset);
  await combo(cell, 'Metric').selectOption('count');
  await pick(cell, 'By column', 'segment');
  await page.waitForTimeout(300);
  if ((await cell.locator('.cell-result table').count()) > 0) {
    throw new Error('metric: a stored result is shown before Compute: nothing would be timed');
  }
  const compute = cell.getByRole('button', { name: 'Compute', exact: true }).first();
  await compute.scrollIntoViewIfNeeded();
  await watch(cell);
  const stop = await traceMainThread(page, { mark: 'cx-bench:answer' });
  await compute.click();
  const w = await watched(page, 'table');
  await page.waitForTimeout(300);
  const trace = await stop();
  const rows = await cell.locator('.cell-result table tbody tr').count();
  await deleteCell(cell);
  return {
    ms: w.table - w.click,
    answerMs: NaN,
    trace,
    marks: null,
    renderer: '—',
    note: `${rows} groups`,
  };
}

const describeTrace = (t: TaskTrace) =>
  `${ms(t.longestMs)}${t.longestCpuMs !== null ? ` (CPU ${ms(t.longestCpuMs)})` : ''}`;
/** The runs' longest tasks: their median, and the worst run's (with its CPU time). */
const longest = (xs: Drawn[]) =>
  `${ms(median(xs.map((x) => x.trace.longestMs)))}, ${describeTrace(worstOf(xs).trace)}`;
const worstOf = (xs: Drawn[]) => [...xs].sort((a, b) => b.trace.longestMs - a.trace.longestMs)[0]!;

await withBenchSession('cx-chart-bench-', async (session) => {
  log(`${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}; code ${codeVersion()}`);
  const file = join(session.tmp, 'chart-survey.csv');
  await writePieces(file, surveyRows(ROWS));
  log(`generated ${fmt(ROWS)} rows, ${((await stat(file)).size / 1e6).toFixed(1)} MB`);

  const server = await serveBuiltApp(session);
  const context = (session.context = await chromium.launchPersistentContext(
    join(session.tmp, 'profile'),
    {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
    },
  ));
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = context.pages()[0] ?? (await context.newPage());

  // The dataset, imported through the UI.
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New notebook' }).click();
  // The notebook is named in a dialog first.
  const naming = page.getByRole('dialog', { name: 'New notebook' });
  await naming.getByRole('textbox', { name: 'Notebook name' }).fill('Chart benchmark');
  await naming.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Add Import data cell' }).click();
  const importer = page.getByRole('article', { name: /Import data/ });
  await importer.getByLabel('Choose a file…').setInputFiles(file);
  await importer.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 300_000 });
  const importStart = Date.now();
  await importer.getByRole('button', { name: /^Import [\d,]+ rows?$/ }).click();
  const done = importer.getByText(/^Imported “.*”: /);
  await done.waitFor({ timeout: 900_000 });
  const doneText = await done.innerText();
  const name = /Imported “(.*)”/.exec(doneText)![1]!;
  log(`${doneText} (${((Date.now() - importStart) / 1000).toFixed(1)} s)`);
  const dataset = `${name} — ${fmt(ROWS)} rows`;

  // Warm-up, not counted: the first chart of the session, which loads Vega's code (reported
  // apart), and the metric cell's first run.
  log('warm-up: first chart of the session (bars)…');
  const first = await drawChart(page, dataset, CHARTS[0]!);
  log('warm-up: metric…');
  await computeMetric(page, dataset);

  const metric: Drawn[] = [];
  const charts: Record<string, Drawn[]> = Object.fromEntries(CHARTS.map((c) => [c.key, []]));
  const runs = async () => {
    for (let i = 0; i < RUNS; i++) {
      log(`run ${i + 1}: metric baseline…`);
      metric.push(await computeMetric(page, dataset));
      for (const chart of CHARTS) {
        log(`run ${i + 1}: ${chart.key}…`);
        charts[chart.key]!.push(await drawChart(page, dataset, chart));
      }
    }
  };
  const profileFile = process.env.BENCH_CHART_PROFILE;
  if (profileFile) {
    const heaviest = await profileMainThread(page, profileFile, runs);
    log(`profile of the runs written to ${profileFile}; self time by function:`);
    for (const [name, took] of heaviest) log(`  ${took.toFixed(1).padStart(7)} ms  ${name}`);
  } else await runs();

  const base = median(metric.map((x) => x.ms));
  const rows = [
    [
      'Metric by group: count by segment (baseline)',
      '—',
      '—',
      ms(base),
      '—',
      '1.00×',
      longest(metric),
    ],
    ...CHARTS.map((chart) => {
      const xs = charts[chart.key]!;
      const t = median(xs.map((x) => x.ms));
      const marks = xs.map((x) => x.marks);
      return [
        chart.name,
        xs[0]!.renderer,
        marks.every((m) => m === marks[0]) && marks[0] !== null ? fmt(marks[0]!) : marks.join('/'),
        ms(t),
        ms(median(xs.map((x) => x.answerMs))),
        `${(t / base).toFixed(2)}×`,
        longest(xs),
      ];
    }),
    [
      '(a) bars, first chart of the session (warm-up)',
      first.renderer,
      String(first.marks ?? '?'),
      ms(first.ms),
      ms(first.answerMs),
      `${(first.ms / base).toFixed(2)}×`,
      describeTrace(first.trace),
    ],
  ];
  process.stdout.write(
    '\n' +
      textTable(
        [
          `chart (median of ${RUNS})`,
          'drawn as',
          'marks',
          'click → drawn',
          'click → answer',
          'ratio to baseline',
          'longest task: median, worst run',
        ],
        rows,
      ) +
      '\n\n',
  );
  for (const chart of CHARTS) {
    log(`${chart.key}: note “${charts[chart.key]![0]!.note}”`);
  }

  const overMarks = CHARTS.filter((c) =>
    charts[c.key]!.some((x) => x.marks === null || x.marks > MAX_MARKS),
  );
  log(
    `marks: every chart ≤ ${fmt(MAX_MARKS)} marks: ${overMarks.length === 0 ? 'met' : 'MISSED'}` +
      (overMarks.length > 0 ? ` (${overMarks.map((c) => c.key).join(', ')})` : ''),
  );
  const worstAll = Math.max(...CHARTS.map((c) => worstOf(charts[c.key]!).trace.longestMs));
  const over = CHARTS.filter((c) => worstOf(charts[c.key]!).trace.longestMs > LONG_TASK_MS);
  log(
    `longest main-thread task while a chart is drawn: ${ms(worstAll)} (target ≤ ${LONG_TASK_MS} ms: ` +
      `${over.length === 0 ? 'met' : 'MISSED'}); first chart of the session: ` +
      `${describeTrace(first.trace)}`,
  );
  const explain = (label: string, d: Drawn) =>
    log(
      `  ${label}: longest ${describeTrace(d.trace)}, ${phaseOf(d.trace)} ` +
        `(answer in the page ${ms(d.answerMs)} after the click, drawn ${ms(d.ms)}); ` +
        `top ${d.trace.top.map(ms).join(', ')}; in ${d.trace.longestSource || '?'}: ` +
        `${d.trace.longestInner || '?'}; scheduler tasks alone: ` +
        `${ms(d.trace.schedulerLongestMs)}`,
    );
  for (const c of over) {
    const xs = charts[c.key]!;
    explain(c.key, worstOf(xs));
    log(`    ${c.key}, each run: ${xs.map((x) => describeTrace(x.trace)).join('; ')}`);
  }
  if (first.trace.longestMs > LONG_TASK_MS) explain('first chart of the session', first);
  recordFigures([
    ...CHARTS.map((c) => ({
      id: `chart.${c.key}-vs-metric`,
      label: `chart: ${c.name} vs counting the same rows`,
      unit: 'ratio' as const,
      value: median(charts[c.key]!.map((x) => x.ms)) / base,
    })),
    {
      id: 'chart.marks-max',
      label: 'chart: most marks drawn by one chart',
      unit: 'count',
      value: Math.max(...CHARTS.flatMap((c) => charts[c.key]!.map((x) => x.marks ?? Infinity))),
      floor: MAX_MARKS,
    },
    {
      id: 'chart.main-thread-longest-ms',
      label: 'chart: longest main-thread task while a chart is drawn',
      unit: 'ms',
      value: Math.max(worstAll, first.trace.longestMs),
      floor: LONG_TASK_MS,
    },
    {
      id: 'chart.main-thread-longest-cpu-ms',
      label: 'chart: most CPU time of one main-thread task while a chart is drawn',
      unit: 'ms',
      value: Math.max(
        first.trace.maxCpuMs ?? NaN,
        ...CHARTS.flatMap((c) => charts[c.key]!.map((x) => x.trace.maxCpuMs ?? NaN)),
      ),
      floor: LONG_TASK_MS,
    },
  ]);
});
