// The preview benchmark: files of odd shapes chosen in an Import data cell in real Chromium,
// against a file of ordinary shape holding the same cells (or bytes), in the same run:
//   - 20,000 columns × 5 rows against 5 columns × 20,000 rows;
//   - one 50 MB comment in one row against 50 MB of ordinary rows;
//   - a 50 MB file of one line (millions of fields), refused by the column ceiling.
// Measures the time from choosing the file to the preview (or the refusal) on screen, worker
// profile included, and the longest main-thread task meanwhile; counts the column controls in
// the DOM. The app is built as shipped into a temporary directory and served on 127.0.0.1.
// Prints the figures; writes nothing into the repository.
//
//   npx tsx bench/preview-bench.ts
//
// Environment: BENCH_PREVIEW_RUNS (previews of each file, default 3); BENCH_PREVIEW_PROFILE (a
// file to write a CPU profile of one more preview of the 20,000 columns to, for DevTools).
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
import { writePieces } from './generate.ts';

const RUNS = Number(process.env.BENCH_PREVIEW_RUNS ?? 3);
/** The requirements of the widest file: previewed within this, and no longer main-thread task. */
const WIDE_PREVIEW_MS = 5000;
const LONG_TASK_MS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

function log(msg: string) {
  process.stdout.write(`[preview-bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

function* table(columns: number, rows: number): Generator<string> {
  yield Array.from({ length: columns }, (_, c) => `q${c + 1}`).join(',') + '\n';
  for (let r = 0; r < rows; r++) {
    yield Array.from({ length: columns }, (_, c) => String((r * 7 + c * 3) % 11)).join(',') + '\n';
  }
}

const WORDS = ['late', 'delivery', 'good', 'price', 'courier', 'rude', 'fine', 'slow'];

function* longCell(bytes: number): Generator<string> {
  yield 'id,score,comment\n1,3,';
  let written = 0;
  let i = 0;
  while (written < bytes) {
    const piece = Array.from({ length: 1000 }, () => WORDS[i++ % WORDS.length]).join(' ') + ' ';
    written += piece.length;
    yield piece;
  }
  yield '\n';
}

function* ordinaryRows(bytes: number): Generator<string> {
  yield 'id,score,comment\n';
  let written = 0;
  for (let r = 0; written < bytes; r++) {
    const line = `${r},${r % 11},${WORDS[r % 8]} ${WORDS[(r * 3) % 8]} ${'and more words '.repeat(5)}\n`;
    written += line.length;
    yield line;
  }
}

function* oneLine(bytes: number): Generator<string> {
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const field = `${i === 0 ? '' : ','}field${i % 1000}`;
    written += field.length;
    yield field;
  }
}

interface Previewed {
  ms: number;
  trace: MainThreadTrace;
  /** Type choosers in the DOM once the preview is shown. */
  typeControls: number;
  shown: string;
}

/** Chooses the file in a fresh Import data cell; the time until the preview or refusal shows. */
async function preview(page: Page, url: string, file: string): Promise<Previewed> {
  const cell = await importCell(page, url);
  const stop = await traceMainThread(page);
  const start = Date.now();
  const done = await choose(cell, file);
  const took = Date.now() - start;
  await page.waitForTimeout(300);
  const typeControls = await cell.getByRole('combobox', { name: /^Type of/ }).count();
  const shown = (await done.innerText()).split('\n')[0]!.slice(0, 120);
  return { ms: took, trace: await stop(), typeControls, shown };
}

/** A fresh notebook's Import data cell. */
async function importCell(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New notebook' }).click();
  // The notebook is named in a dialog first.
  const naming = page.getByRole('dialog', { name: 'New notebook' });
  await naming.getByRole('textbox', { name: 'Notebook name' }).fill('Preview benchmark');
  await naming.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Add Import data cell' }).click();
  return page.getByRole('article', { name: /Import data/ });
}

/** Chooses `file` in the import cell; the preview or refusal once it shows. */
async function choose(cell: Locator, file: string): Promise<Locator> {
  await cell.getByLabel('Choose a file…').setInputFiles(file);
  const done = cell
    .getByRole('region', { name: 'Import preview' })
    .or(cell.getByRole('alert'))
    .first();
  await done.waitFor({ timeout: 300_000 });
  return done;
}

const describeTrace = (t: MainThreadTrace) =>
  `${ms(t.longestMs)}${t.longestCpuMs !== null ? ` (CPU ${ms(t.longestCpuMs)})` : ''}`;

await withBenchSession('cx-preview-bench-', async (session) => {
  log(`${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}; code ${codeVersion()}`);
  const files = {
    wide: join(session.tmp, 'wide-20000-columns.csv'),
    tall: join(session.tmp, 'tall-5-columns.csv'),
    longCell: join(session.tmp, 'one-50mb-comment.csv'),
    ordinary: join(session.tmp, 'ordinary-50mb.csv'),
    oneLine: join(session.tmp, 'one-line-50mb.csv'),
  };
  await writePieces(files.wide, table(20_000, 5));
  await writePieces(files.tall, table(5, 20_000));
  await writePieces(files.longCell, longCell(50e6));
  await writePieces(files.ordinary, ordinaryRows(50e6));
  await writePieces(files.oneLine, oneLine(50e6));

  const server = await serveBuiltApp(session);
  const context = (session.context = await chromium.launchPersistentContext(
    join(session.tmp, 'profile'),
    { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true },
  ));
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = context.pages()[0] ?? (await context.newPage());

  const results: Record<keyof typeof files, Previewed[]> = {
    wide: [],
    tall: [],
    longCell: [],
    ordinary: [],
    oneLine: [],
  };
  for (let i = 0; i < RUNS; i++) {
    for (const key of Object.keys(files) as (keyof typeof files)[]) {
      log(`run ${i + 1}: ${key}…`);
      results[key].push(await preview(page, server.url, files[key]));
    }
  }
  const profileFile = process.env.BENCH_PREVIEW_PROFILE;
  if (profileFile) {
    const cell = await importCell(page, server.url);
    const heaviest = await profileMainThread(page, profileFile, async () => {
      await choose(cell, files.wide);
      await page.waitForTimeout(300);
    });
    log(`profile of a 20,000-column preview written to ${profileFile}; self time by function:`);
    for (const [name, took] of heaviest) log(`  ${took.toFixed(1).padStart(7)} ms  ${name}`);
  }
  const row = (name: string, xs: Previewed[]) => {
    const worst = [...xs].sort((a, b) => b.trace.longestMs - a.trace.longestMs)[0]!;
    return [
      name,
      ms(median(xs.map((x) => x.ms))),
      describeTrace(worst.trace),
      String(worst.typeControls),
      worst.shown,
    ];
  };
  process.stdout.write(
    '\n' +
      textTable(
        [`file (median of ${RUNS})`, 'preview shown', 'longest task', 'type controls', 'shows'],
        [
          row('20,000 columns × 5 rows', results.wide),
          row('5 columns × 20,000 rows (baseline)', results.tall),
          row('one 50 MB comment', results.longCell),
          row('50 MB of ordinary rows (baseline)', results.ordinary),
          row('50 MB in one line (refused)', results.oneLine),
        ],
      ) +
      '\n',
  );
  const wide = median(results.wide.map((x) => x.ms));
  const tall = median(results.tall.map((x) => x.ms));
  const wideWorst = [...results.wide].sort((a, b) => b.trace.longestMs - a.trace.longestMs)[0]!;
  const wideLongest = wideWorst.trace.longestMs;
  log(
    `20,000 columns: ${ms(wide)} = ${(wide / tall).toFixed(2)}× the same cells in 5 columns ` +
      `(target ≤ ${WIDE_PREVIEW_MS} ms: ${wide <= WIDE_PREVIEW_MS ? 'met' : 'MISSED'}); ` +
      `longest main-thread task ${ms(wideLongest)} (target ≤ ${LONG_TASK_MS} ms: ` +
      `${wideLongest <= LONG_TASK_MS ? 'met' : 'MISSED'}); top ${wideWorst.trace.top.map(ms).join(', ')}; ` +
      `in ${wideWorst.trace.longestSource || '?'}: ${wideWorst.trace.longestInner || '?'}`,
  );
  const long = median(results.longCell.map((x) => x.ms));
  const ordinary = median(results.ordinary.map((x) => x.ms));
  log(`one 50 MB comment: ${ms(long)} = ${(long / ordinary).toFixed(2)}× 50 MB of ordinary rows`);
  const refused = median(results.oneLine.map((x) => x.ms));
  log(
    `50 MB in one line, refused: ${ms(refused)} = ${(refused / ordinary).toFixed(2)}× 50 MB of ordinary rows previewed`,
  );
  const every = Object.values(results).flat();
  recordFigures([
    {
      id: 'preview.wide-vs-tall',
      label: 'preview: 20,000 columns vs the same cells in 5 columns',
      unit: 'ratio',
      value: wide / tall,
    },
    {
      id: 'preview.wide-ms',
      label: 'preview: 20,000 columns × 5 rows shown',
      unit: 'ms',
      value: wide,
      floor: WIDE_PREVIEW_MS,
    },
    {
      id: 'preview.long-cell-vs-ordinary',
      label: 'preview: one 50 MB comment vs 50 MB of ordinary rows',
      unit: 'ratio',
      value: long / ordinary,
    },
    {
      id: 'preview.one-line-vs-ordinary',
      label: 'preview: 50 MB in one line refused vs 50 MB of ordinary rows previewed',
      unit: 'ratio',
      value: refused / ordinary,
    },
    {
      id: 'preview.main-thread-longest-ms',
      label: 'preview: longest main-thread task (every file)',
      unit: 'ms',
      value: Math.max(...every.map((x) => x.trace.longestMs)),
      floor: LONG_TASK_MS,
    },
    {
      id: 'preview.main-thread-longest-cpu-ms',
      label: 'preview: most CPU time of one main-thread task (every file)',
      unit: 'ms',
      value: Math.max(...every.map((x) => x.trace.maxCpuMs ?? NaN)),
      floor: LONG_TASK_MS,
    },
  ]);
});
