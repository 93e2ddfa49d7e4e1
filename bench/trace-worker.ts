// The worker of the trace benchmark (`bench/trace-bench.ts`): makes the benchmark world, then
// times the app's whole trace on its loaded tables (reading the indicators included, as the
// analysis worker does on a model it has not read yet) and the baseline trace on the same
// tables. A `warm-up` message runs both on a small world first, so that the timed runs do not
// pay for the JIT compiling them.
import { parentPort } from 'node:worker_threads';
import { generateTraceWorld, type TraceWorldOptions } from '../src/core/demo/trace-worlds.ts';
import { readTraceData } from '../src/core/analysis/trace/trace-data.ts';
import { traceAnalysis } from '../src/core/analysis/trace/trace-analysis.ts';
import { trace as baselineTrace, traceData as baselineData } from './trace-baseline.ts';

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
  /** Each run's whole trace (ms): reading the indicators, the fits, 200 replicates. */
  traceMs: number[];
  /** Each run's baseline trace (ms), reading included. */
  baselineMs: number[];
  verdict: string;
  firstCause: string | null;
  rootId: string | null;
}

parentPort!.on('message', (req: TraceBenchRequest) => {
  try {
    const world = generateTraceWorld(req.world);
    const query = { population: null, period: null, start: null };
    const traceMs: number[] = [];
    const baselineMs: number[] = [];
    let result = null;
    for (let run = 0; run < req.runs; run++) {
      parentPort!.postMessage({ kind: 'mark', what: 'trace-start' });
      const t = performance.now();
      result = traceAnalysis(
        world.model,
        world.datasets,
        query,
        readTraceData(world.model, world.datasets),
      );
      traceMs.push(performance.now() - t);
      parentPort!.postMessage({ kind: 'mark', what: 'trace-end' });
      const b = performance.now();
      baselineTrace(world.model, world.datasets, query, baselineData(world.model, world.datasets));
      baselineMs.push(performance.now() - b);
    }
    const first = result?.causes.find((c) => ['OX', 'EX', 'IT'].includes(c.layer)) ?? null;
    const reply: TraceBenchReply = {
      kind: req.kind,
      answers: world.truth.answers,
      clients: world.truth.clients,
      indicators: world.model.indicators.length,
      traceMs,
      baselineMs,
      verdict: result?.verdict ?? 'none',
      firstCause: first?.indicator ?? null,
      rootId: world.truth.root?.id ?? null,
    };
    parentPort!.postMessage(reply);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', message: (e as Error).stack ?? String(e) });
  }
});
