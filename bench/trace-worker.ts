// The worker of the trace benchmark (`bench/trace-bench.ts`): times the trace and the baseline
// on the world it is asked for (see `trace-timing.ts`), telling the main thread when each trace
// starts and ends so that it can sample the memory meanwhile. A `warm-up` request runs a small
// world first, so that the timed runs do not pay for the JIT compiling them.
import { parentPort } from 'node:worker_threads';
import type { TraceWorldOptions } from '../src/core/demo/trace-worlds.ts';
import { timeTraces } from './trace-timing.ts';

export interface TraceBenchRequest {
  kind: 'warm-up' | 'run';
  world: TraceWorldOptions;
  runs: number;
}

export interface TraceBenchReply {
  kind: TraceBenchRequest['kind'];
  answers: number;
  clients: number;
  indicators: number;
  traceMs: number[];
  baselineMs: number[];
  verdict: string;
  firstCause: string | null;
  rootId: string | null;
}

parentPort!.on('message', (req: TraceBenchRequest) => {
  try {
    const t = timeTraces(req.world, req.runs, (what) =>
      parentPort!.postMessage({ kind: 'mark', what }),
    );
    const first = t.last?.causes.find((c) => ['OX', 'EX', 'IT'].includes(c.layer)) ?? null;
    const reply: TraceBenchReply = {
      kind: req.kind,
      answers: t.answers,
      clients: t.clients,
      indicators: t.indicators,
      traceMs: t.traceMs,
      baselineMs: t.baselineMs,
      verdict: t.last?.verdict ?? 'none',
      firstCause: first?.indicator ?? null,
      rootId: t.rootId,
    };
    parentPort!.postMessage(reply);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', message: (e as Error).stack ?? String(e) });
  }
});
