// The trace benchmark: a generated world of about 100,000 survey answers (5,000 clients, 20
// warehouses and 30 managers over 24 months, 23 indicators), traced with the app's defaults
// (200 bootstrap replicates) from its loaded tables, reading the indicators included — in a
// Node worker thread (time and added resident memory) and in real Chromium's worker — with the
// baseline trace (bench/trace-baseline.ts) timed in the same runs. Prints the figures; writes
// nothing into the repository.
//
//   npx tsx bench/trace-bench.ts
//
// Environment: BENCH_TRACE_RUNS (timed runs, default 3), BENCH_TRACE_BROWSER=0 to skip Chromium.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import type { TraceWorldOptions } from '../src/core/demo/trace-worlds.ts';
import { serve, withBenchSession } from './browser-harness.ts';
import { codeVersion, recordFigures, textTable, type BenchFigure } from './bench-report.ts';
import type { TraceBenchReply, TraceBenchRequest } from './trace-worker.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 3);
const BROWSER = process.env.BENCH_TRACE_BROWSER !== '0';
/** The requirement: the whole trace within this, and this much added resident memory. */
const TARGET_MS = 2000;
const TARGET_MB = 300;

const WORLD: TraceWorldOptions = {
  seed: 1,
  clients: 5000,
  months: 24,
  unitKinds: [
    { id: 'warehouse', units: 20 },
    { id: 'manager', units: 30 },
  ],
  responseRate: 0.83,
  perLayer: 5,
};
const SMALL: TraceWorldOptions = { seed: 2 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function log(msg: string) {
  process.stdout.write(`[trace-bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** As ml-bench.ts: a worker thread that loads its TypeScript entry through tsx. */
function startWorker(): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./trace-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true });
}

/**
 * Asks the worker for a run, sampling this process's resident memory (the worker's included)
 * every 10 ms while a timed trace runs: the peak above the level just before it started.
 */
function ask(
  w: Worker,
  req: TraceBenchRequest,
): Promise<{ reply: TraceBenchReply; addedMb: number }> {
  return new Promise((resolve, reject) => {
    let before = 0;
    let peak = 0;
    let timer: ReturnType<typeof setInterval> | null = null;
    const added: number[] = [];
    const onMessage = (
      m: TraceBenchReply | { kind: 'mark'; what: string } | { kind: 'error'; message: string },
    ) => {
      if (m.kind === 'mark') {
        if ('what' in m && m.what === 'trace-start') {
          before = process.memoryUsage.rss();
          peak = before;
          timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
        } else {
          if (timer) clearInterval(timer);
          peak = Math.max(peak, process.memoryUsage.rss());
          added.push((peak - before) / 1e6);
        }
        return;
      }
      w.off('message', onMessage);
      if (m.kind === 'error') reject(new Error(`trace-worker: ${m.message}`));
      else resolve({ reply: m, addedMb: Math.max(...added, 0) });
    };
    w.on('message', onMessage);
    w.once('error', reject);
    w.postMessage(req);
  });
}

async function browserTimes(): Promise<{
  traceMs: number[];
  baselineMs: number[];
  browser: string;
}> {
  let out = { traceMs: [] as number[], baselineMs: [] as number[], browser: '' };
  await withBenchSession('cx-trace-bench-', async (session) => {
    const dist = join(session.tmp, 'dist');
    await build({
      configFile: join(root, 'bench/page/vite.config.ts'),
      build: {
        outDir: dist,
        emptyOutDir: true,
        rolldownOptions: { input: join(root, 'bench/page/trace.html') },
      },
    });
    const server = (session.server = await serve(dist, 'trace.html'));
    const context = (session.context = await chromium.launchPersistentContext(
      join(session.tmp, 'profile'),
      { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true },
    ));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const browser = await page.evaluate(
      () => /HeadlessChrome\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? 'Chromium',
    );
    const run = (world: TraceWorldOptions, runs: number) =>
      page.evaluate(
        ([wo, n]) =>
          (
            window as unknown as {
              bench: {
                run: (
                  w: unknown,
                  n: number,
                ) => Promise<{ traceMs: number[]; baselineMs: number[] }>;
              };
            }
          ).bench.run(wo, n),
        [world, runs] as const,
      );
    await run(SMALL, 1);
    const r = await run(WORLD, RUNS);
    out = { traceMs: r.traceMs, baselineMs: r.baselineMs, browser };
  });
  return out;
}

async function main() {
  log(`${codeVersion()}; ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}`);
  const w = startWorker();
  try {
    await ask(w, { kind: 'warm-up', world: SMALL, runs: 1 });
    log('warmed up; timing the benchmark world');
    const { reply, addedMb } = await ask(w, { kind: 'run', world: WORLD, runs: RUNS });
    const node = median(reply.traceMs);
    const base = median(reply.baselineMs);
    log(
      `${reply.answers.toLocaleString('en-US')} answers, ${reply.clients.toLocaleString('en-US')} clients, ` +
        `${reply.indicators} indicators; verdict ${reply.verdict}, first cause ${reply.firstCause} (root ${reply.rootId})`,
    );
    const figures: BenchFigure[] = [
      {
        id: 'trace.node-vs-baseline',
        label: 'trace: the whole trace vs the baseline trace (Node worker)',
        unit: 'ratio',
        value: node / base,
      },
      {
        id: 'trace.node-ms',
        label: 'trace: the whole trace (Node worker)',
        unit: 'ms',
        value: node,
        floor: TARGET_MS,
      },
    ];
    const rows = [
      [
        'Node worker',
        fmtS(node),
        fmtS(base),
        `${(node / base).toFixed(2)}×`,
        `${addedMb.toFixed(0)} MB`,
      ],
    ];
    if (BROWSER) {
      log('timing the same call in Chromium’s worker');
      const b = await browserTimes();
      const bt = median(b.traceMs);
      const bb = median(b.baselineMs);
      rows.push([`${b.browser} worker`, fmtS(bt), fmtS(bb), `${(bt / bb).toFixed(2)}×`, '—']);
      figures.push({
        id: 'trace.browser-vs-baseline',
        label: 'trace: the whole trace vs the baseline trace (Chromium worker)',
        unit: 'ratio',
        value: bt / bb,
      });
    }
    console.log(
      '\n' +
        textTable(['where', 'trace (median)', 'baseline trace', 'ratio', 'added memory'], rows) +
        `\n\ntargets: the whole trace ≤ ${fmtS(TARGET_MS)}, ≤ ${TARGET_MB} MB added; runs: ${RUNS}; ` +
        `each run: ${reply.traceMs.map(fmtS).join(', ')} (Node)\n`,
    );
    recordFigures(figures);
  } finally {
    await w.terminate();
  }
}

await main();
