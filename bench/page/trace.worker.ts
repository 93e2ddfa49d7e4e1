import { expose } from 'comlink';
import type { TraceWorldOptions } from '../../src/core/demo/trace-worlds.ts';
import { timeTraces } from '../trace-timing.ts';

// The trace benchmark's browser worker: the same timed runs as the Node worker's.
const api = {
  run(world: TraceWorldOptions, runs: number) {
    const t = timeTraces(world, runs);
    return {
      answers: t.answers,
      traceMs: t.traceMs,
      baselineMs: t.baselineMs,
      verdict: t.last?.verdict ?? '',
    };
  },
};

export type TraceBenchWorker = typeof api;
expose(api);
