import { wrap, type Remote } from 'comlink';
import { ingestBridge } from '../../src/data/ingest-bridge.ts';
import type { BaselineApi } from './baseline.worker.ts';
import type { ReloadApi } from './reload.worker.ts';
import type { PhasesApi } from './phases.worker.ts';
import type { TypedApi } from './typed.worker.ts';
import type { DuckCsvHints } from './duckdb.ts';

// The import benchmark page: each measurement runs in a fresh worker; the page's own thread
// only starts them and watches for long tasks while the import runs.

/** A fresh worker behind Comlink, with a way to end it. */
function start<T>(make: () => Worker): { api: Remote<T>; end: () => void } {
  const worker = make();
  return { api: wrap<T>(worker), end: () => worker.terminate() };
}

const baselineWorker = () =>
  start<BaselineApi>(
    () => new Worker(new URL('./baseline.worker.ts', import.meta.url), { type: 'module' }),
  );
const reloadWorker = () =>
  start<ReloadApi>(
    () => new Worker(new URL('./reload.worker.ts', import.meta.url), { type: 'module' }),
  );
const phasesWorker = () =>
  start<PhasesApi>(
    () => new Worker(new URL('./phases.worker.ts', import.meta.url), { type: 'module' }),
  );

const typedWorker = () =>
  start<TypedApi>(
    () => new Worker(new URL('./typed.worker.ts', import.meta.url), { type: 'module' }),
  );

/**
 * Watches the page's main thread: long tasks as Chromium reports them (≥ 50 ms), and the
 * largest gap between back-to-back zero-delay timers (a task of any length delays the next
 * timer; the gap includes the ~4 ms timer clamp).
 */
function watchMainThread() {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  let maxGap = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return () => {
    running = false;
    for (const e of observer.takeRecords()) longTasks.push(e.duration);
    observer.disconnect();
    return {
      longTaskMaxMs: longTasks.length ? Math.max(...longTasks) : 0,
      longTasks: longTasks.length,
      maxTimerGapMs: maxGap,
    };
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

function file(index: number): File {
  const input = document.querySelector<HTMLInputElement>('#files')!;
  const f = input.files?.[index];
  if (!f) throw new Error(`No file ${index} chosen`);
  return f;
}

/** Baseline: Papa.parse with default options on the decoded text, in fresh workers. */
async function baseline(index: number, runs: number) {
  const f = file(index);
  const results = [];
  const stop = watchMainThread();
  for (let i = 0; i < runs; i++) {
    const w = baselineWorker();
    try {
      results.push(await w.api.parse(f));
    } finally {
      w.end();
    }
  }
  return {
    runs: results,
    parseMs: median(results.map((r) => r.parseMs)),
    decodeMs: median(results.map((r) => r.decodeMs)),
    readMs: median(results.map((r) => r.readMs)),
    mainThread: stop(),
  };
}

/**
 * The import as the app's import cell runs it: the real ingest worker through the real bridge,
 * `preview` (read + profile) and then `import` with no overrides (read, profile with typed
 * values, encode, store, commit). Timed from the page.
 */
async function fullImport(index: number) {
  const f = file(index);
  const options = {};
  const target = { mode: 'new' as const };
  let progressEvents = 0;
  let lastProgress = 0;
  const stop = watchMainThread();
  const t0 = performance.now();
  try {
    const preview = await ingestBridge.call('preview', { file: f, options, target });
    const t1 = performance.now();
    if (!preview.ok) throw new Error(`Preview failed: ${JSON.stringify(preview.failure)}`);
    const firstProgressAt: number[] = [];
    const result = await ingestBridge.call(
      'import',
      { file: f, options, target, name: f.name, formats: {}, roles: {} },
      {
        onProgress: (p) => {
          if (progressEvents++ === 0) firstProgressAt.push(performance.now());
          lastProgress = p.done;
        },
      },
    );
    const t2 = performance.now();
    const mainThread = stop();
    if (!result.ok) throw new Error(`Import failed: ${JSON.stringify(result.failure)}`);
    return {
      previewMs: t1 - t0,
      importMs: t2 - t1,
      /** From the import call to its first stored chunk: reading and profiling again. */
      importUntilFirstChunkMs: (firstProgressAt[0] ?? t2) - t1,
      totalMs: t2 - t0,
      rows: result.meta.rowCount,
      chunks: result.meta.chunkCount,
      storedBytes: result.meta.storedBytes ?? 0,
      datasetId: result.meta.id,
      columns: result.report.columns.map((c) => `${c.name}: ${c.format.type}`),
      problems: result.report.problems.length,
      progressEvents,
      lastProgress,
      mainThread,
    };
  } catch (e) {
    stop();
    throw e;
  } finally {
    ingestBridge.terminate();
  }
}

/** Reload: a fresh worker reads every chunk of the stored dataset and decodes every column. */
async function reload(datasetId: string) {
  const t0 = performance.now();
  const w = reloadWorker();
  try {
    await w.api.ping();
    const t1 = performance.now();
    const r = await w.api.reload(datasetId);
    const t2 = performance.now();
    return { ...r, workerStartMs: t1 - t0, callMs: t2 - t1 };
  } finally {
    w.end();
  }
}

/** The import's steps one by one, in a fresh worker. */
async function phases(index: number) {
  const w = phasesWorker();
  try {
    return await w.api.phases(file(index));
  } finally {
    w.end();
  }
}

/**
 * The app's import without a preview, in a fresh worker standing for the ingest worker (which
 * starts the second one for a large file): file → typed columns, then encoding + storing, then
 * raw IndexedDB puts of the same bytes. The worker's own start is timed apart.
 */
async function typed(index: number) {
  const t0 = performance.now();
  const w = typedWorker();
  try {
    await w.api.ping();
    const workerStartMs = performance.now() - t0;
    return { ...(await w.api.typedAndStored(file(index))), workerStartMs };
  } finally {
    w.end();
  }
}

/** DuckDB-WASM's typed load of the same file (its code loaded only when asked for). */
async function duckdb(index: number, hints: DuckCsvHints, runs: number) {
  const { duckdbLoad } = await import('./duckdb.ts');
  return duckdbLoad(file(index), hints, runs);
}

const bench = { baseline, fullImport, reload, phases, typed, duckdb };
export type Bench = typeof bench;
(window as unknown as { bench: Bench }).bench = bench;
document.body.dataset.ready = 'true';
