import { getDb } from '../../../src/data/db.ts';
import { writeChunk } from '../../../src/data/chunks-repo.ts';
import { commitDataset } from '../../../src/data/datasets-repo.ts';
import { CHUNK_ROWS, encodeChunk } from '../../../src/core/storage/column-chunk.ts';
import type { ColumnInfo, DatasetMeta } from '../../../src/core/storage/dataset-meta.ts';
import { newId } from '../../../src/core/ids.ts';
import { WorkerBridge } from '../../../src/data/worker-bridge.ts';
import type { Api } from '../../../workers/analysis.worker.ts';
import type { Api as TransformApi } from '../../../workers/transform.worker.ts';
import type { TransformStep } from '../../../src/core/transform/transform-steps.ts';
import type { NetworkProbe } from '../../../workers/network-lockdown.ts';
import { wrap } from 'comlink';

/** What the seeding generated, counted as it was generated (independently of the app's NPS code). */
export interface Seeded {
  id: string;
  promoters: number;
  passives: number;
  detractors: number;
  blank: number;
}

/**
 * Stores a survey dataset of `rows` rows (score 0–10 with some blanks, a segment) through the
 * app's own chunk and commit code. Scores come from a small deterministic generator.
 */
async function seedSurvey(name: string, rows: number, seed = 1): Promise<Seeded> {
  const db = getDb();
  const id = newId();
  const columns: ColumnInfo[] = [
    { name: 'score', type: 'number' },
    { name: 'segment', type: 'string' },
  ];
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const out: Seeded = { id, promoters: 0, passives: 0, detractors: 0, blank: 0 };
  let chunkCount = 0;
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const score: (number | null)[] = new Array(n);
    const segment: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.05) {
        score[i] = null;
        out.blank++;
      } else {
        const s = Math.floor(rand() * 11);
        score[i] = s;
        if (s >= 9) out.promoters++;
        else if (s >= 7) out.passives++;
        else out.detractors++;
      }
      segment[i] = r < 0.5 ? 'B2B' : 'B2C';
    }
    await writeChunk(db, id, chunkCount++, encodeChunk(columns, { score, segment }));
  }
  const meta: DatasetMeta = {
    id,
    name,
    createdAt: Date.now(),
    rowCount: rows,
    chunkCount,
    columns,
  };
  await commitDataset(db, meta);
  return out;
}

/**
 * Runs the real analysis worker through a bridge with a short idle time and reports whether
 * the worker was shut down when idle and started again for the next call.
 */
async function idleShutdown(datasetId: string, idleMs: number) {
  const bridge = new WorkerBridge<Api>(
    () =>
      new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), {
        type: 'module',
      }),
    idleMs,
  );
  const progress: number[] = [];
  const first = await bridge.call(
    'npsSummary',
    { datasetId, column: 'score' },
    { onProgress: (p) => progress.push(p.done) },
  );
  const runningAfterCall = bridge.running;
  await new Promise((r) => setTimeout(r, idleMs * 3));
  const runningAfterIdle = bridge.running;
  const second = await bridge.call('npsSummary', { datasetId, column: 'score' });
  const abort = new AbortController();
  const third = bridge.call('npsSummary', { datasetId, column: 'score' }, { signal: abort.signal });
  abort.abort();
  const thirdError = await third.then(
    () => 'resolved',
    (e: unknown) => (e as Error).name,
  );
  const runningAfterAbort = bridge.running;
  const fourth = await bridge.call('npsSummary', { datasetId, column: 'score' });
  bridge.terminate();
  return {
    fourth,
    first,
    second,
    progress,
    runningAfterCall,
    runningAfterIdle,
    runningAfterAbort,
    starts: bridge.starts,
    thirdError,
  };
}

/**
 * Runs two calls at once on one bridge and cancels the first: the second must still finish
 * with the full answer (on a fresh worker) rather than fail.
 */
async function cancelOneOfTwo(datasetId: string) {
  const bridge = new WorkerBridge<Api>(
    () =>
      new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), {
        type: 'module',
      }),
  );
  const abort = new AbortController();
  const input = { datasetId, column: 'score' };
  const first = bridge.call('npsSummary', input, { signal: abort.signal }).then(
    () => 'resolved',
    (e: unknown) => (e as Error).name,
  );
  const second = bridge.call('npsSummary', input);
  await new Promise((r) => setTimeout(r, 10));
  abort.abort();
  const result = { first: await first, second: await second, starts: bridge.starts };
  bridge.terminate();
  return result;
}

/** Each analysis worker of the app, as its bridge starts it. */
const WORKERS: Record<string, () => Worker> = {
  analysis: () =>
    new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }),
  drivers: () =>
    new Worker(new URL('../../../workers/drivers.worker.ts', import.meta.url), { type: 'module' }),
  text: () =>
    new Worker(new URL('../../../workers/text.worker.ts', import.meta.url), { type: 'module' }),
  ingest: () =>
    new Worker(new URL('../../../workers/ingest.worker.ts', import.meta.url), { type: 'module' }),
  transform: () =>
    new Worker(new URL('../../../workers/transform.worker.ts', import.meta.url), {
      type: 'module',
    }),
  'ingest-part': () =>
    new Worker(new URL('../../../workers/ingest-part.worker.ts', import.meta.url), {
      type: 'module',
    }),
};

/**
 * Asks every analysis worker which network APIs it refuses, and, as a control, whether `fetch`
 * works on this page, which is not locked down.
 */
async function probeWorkers() {
  const page = await fetch('data:text/plain,probe').then(
    () => 'open',
    () => 'blocked',
  );
  const out: Record<string, Partial<NetworkProbe>> = { page: { fetch: page } };
  for (const [name, start] of Object.entries(WORKERS)) {
    const worker = start();
    out[name] = await wrap<{ networkProbe(): Promise<NetworkProbe> }>(worker).networkProbe();
    worker.terminate();
  }
  return out;
}

/** Whether this page's own script may compile code (not under the app's header). */
function pageCompiles(): string {
  try {
    // eslint-disable-next-line no-new-func -- the probe itself
    return `compiled ${String(new Function('return 1')())}`;
  } catch (e) {
    return `refused: ${(e as Error).name}`;
  }
}

/** A transform of a stored dataset, previewed by the real transform worker (Arquero). */
async function transformPreview(datasetId: string, steps: TransformStep[]) {
  const bridge = new WorkerBridge<TransformApi>(WORKERS.transform!);
  try {
    return await bridge.call('preview', { datasetId, steps });
  } finally {
    bridge.terminate();
  }
}

const harness = {
  seedSurvey,
  idleShutdown,
  cancelOneOfTwo,
  probeWorkers,
  transformPreview,
};
export type Harness = typeof harness;
(window as unknown as { harness: Harness }).harness = harness;
// Probed as the page loads, from its own script: code evaluated by the test runner is exempt.
document.body.dataset.pageCompiles = pageCompiles();
document.body.dataset.ready = 'true';
