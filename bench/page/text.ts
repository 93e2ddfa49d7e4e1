import { wrap, type Remote } from 'comlink';
import { ingestBridge } from '../../src/data/ingest-bridge.ts';
import { textBridge } from '../../src/data/text-bridge.ts';
import type { Progress } from '../../src/data/worker-bridge.ts';
import type { TextPhasesApi } from './text-phases.worker.ts';

// The text benchmark page: stores a generated file of comments through the app's importer,
// then calls the app's text worker through its real bridge (`clusters`, `frequency`), timing
// each call from here and watching this thread while it runs. Baseline and phases run in a
// worker of the benchmark's own (text-phases.worker.ts).

function phasesWorker(): { api: Remote<TextPhasesApi>; end: () => void } {
  const worker = new Worker(new URL('./text-phases.worker.ts', import.meta.url), {
    type: 'module',
  });
  return { api: wrap<TextPhasesApi>(worker), end: () => worker.terminate() };
}

/**
 * Watches this thread: long tasks as Chromium reports them (≥ 50 ms), and the largest gap
 * between back-to-back zero-delay timers (a task of any length delays the next timer; the gap
 * includes the ~4 ms timer clamp). As bench.ts does for the import.
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

function file(): File {
  const f = document.querySelector<HTMLInputElement>('#files')!.files?.[0];
  if (!f) throw new Error('No file chosen');
  return f;
}

/** The file stored as the app's import cell does it: `preview`, then `import` with no overrides. */
async function importFile() {
  const f = file();
  const options = {};
  const target = { mode: 'new' as const };
  const t0 = performance.now();
  try {
    const preview = await ingestBridge.call('preview', { file: f, options, target });
    if (!preview.ok) throw new Error(`Preview failed: ${JSON.stringify(preview.failure)}`);
    const result = await ingestBridge.call('import', {
      file: f,
      options,
      target,
      name: f.name,
      formats: {},
      roles: {},
    });
    if (!result.ok) throw new Error(`Import failed: ${JSON.stringify(result.failure)}`);
    return {
      ms: performance.now() - t0,
      datasetId: result.meta.id,
      rows: result.meta.rowCount,
      storedBytes: result.meta.storedBytes ?? 0,
      columns: result.report.columns.map((c) => ({ name: c.name, type: c.format.type })),
    };
  } finally {
    ingestBridge.terminate();
  }
}

/** When progress reports reached this thread, relative to the call's start. */
interface Mark {
  at: number;
  done: number;
  total: number;
  step?: string;
}

/**
 * Phases of a `clusters` call as its progress reports show them from here: tokenising (reports
 * of rows), then clusterComments (a report of 0/1000 at its start, then k-means iterations,
 * 950/1000 when k-means returns).
 */
function clusterTimeline(marks: Mark[], totalMs: number) {
  const tokenising = marks.filter((m) => m.step === 'terms' && m.total !== 1000);
  const start = marks.find((m) => m.step === 'terms' && m.total === 1000);
  const kmeans = marks.filter((m) => m.step === 'clustering' && m.done < 1000);
  const kmeansEnd = kmeans.at(-1)?.at ?? totalMs;
  return {
    /** From the call to the last tokenising report (reading the column + tokenising). */
    tokenisedAt: tokenising.at(-1)?.at ?? 0,
    clusterStartAt: start?.at ?? 0,
    firstIterationAt: kmeans[0]?.at ?? 0,
    kmeansEndAt: kmeansEnd,
    /** After k-means: silhouette, describing clusters, the map, per-cluster mix, the reply. */
    afterKmeansMs: totalMs - kmeansEnd,
    reports: marks.length,
  };
}

/** `clusters` through the app's bridge; in a fresh worker unless `warm`. */
async function clusters(input: {
  datasetId: string;
  text: string;
  k: number;
  seed: number;
  warm: boolean;
}) {
  if (!input.warm) textBridge.terminate();
  const marks: Mark[] = [];
  const stop = watchMainThread();
  const t0 = performance.now();
  const out = await textBridge.call(
    'clusters',
    { datasetId: input.datasetId, text: input.text, k: input.k, seed: input.seed },
    { onProgress: (p: Progress) => marks.push({ at: performance.now() - t0, ...p }) },
  );
  const ms = performance.now() - t0;
  const mainThread = stop();
  if (!out.ok) throw new Error(`clusters failed: ${JSON.stringify(out)}`);
  return {
    ms,
    mainThread,
    timeline: clusterTimeline(marks, ms),
    k: out.k,
    silhouette: out.silhouette,
    comments: out.comments,
    mapPoints: out.map.length,
    clusters: out.clusters.map((c) => ({ size: c.size, signature: c.signature })),
  };
}

/** `frequency` through the app's bridge; in a fresh worker unless `warm`. */
async function frequency(input: {
  datasetId: string;
  text: string;
  score: string | null;
  warm: boolean;
}) {
  if (!input.warm) textBridge.terminate();
  let reports = 0;
  let tokenisedAt = 0;
  const stop = watchMainThread();
  const t0 = performance.now();
  const out = await textBridge.call(
    'frequency',
    { datasetId: input.datasetId, text: input.text, score: input.score },
    {
      onProgress: () => {
        reports++;
        tokenisedAt = performance.now() - t0;
      },
    },
  );
  const ms = performance.now() - t0;
  const mainThread = stop();
  if (!out.ok) throw new Error(`frequency failed: ${JSON.stringify(out)}`);
  return {
    ms,
    mainThread,
    tokenisedAt,
    reports,
    comments: out.result.comments,
    top: out.result.terms.slice(0, 5).map((t) => `${t.name} ${t.count}`),
    detractorTerms: out.result.detractorTerms?.length ?? 0,
  };
}

/** The baseline in a fresh worker of its own. */
async function baseline(datasetId: string, text: string, runs: number) {
  const w = phasesWorker();
  try {
    return await w.api.baseline(datasetId, text, runs);
  } finally {
    w.end();
  }
}

/** The text worker's steps one by one, in a fresh worker (its start timed apart). */
async function phases(
  datasetId: string,
  text: string,
  k: number,
  seed: number,
  score: string | null,
) {
  const t0 = performance.now();
  const w = phasesWorker();
  try {
    await w.api.ping();
    const workerStartMs = performance.now() - t0;
    return { ...(await w.api.phases(datasetId, text, k, seed, score)), workerStartMs };
  } finally {
    w.end();
  }
}

/** Ends the text worker (so the next call starts a fresh one). */
function endTextWorker() {
  textBridge.terminate();
}

const bench = { importFile, clusters, frequency, baseline, phases, endTextWorker };
export type TextBench = typeof bench;
(window as unknown as { bench: TextBench }).bench = bench;
document.body.dataset.ready = 'true';
