import { expose } from 'comlink';
import { generateTraceWorld, type TraceWorldOptions } from '../../src/core/demo/trace-worlds.ts';
import { readTraceData } from '../../src/core/analysis/trace/trace-data.ts';
import { traceAnalysis } from '../../src/core/analysis/trace/trace-analysis.ts';
import { trace as baselineTrace, traceData as baselineData } from '../trace-baseline.ts';

// The trace benchmark's browser worker: makes the world here (no transfer), then times the
// app's whole trace on its loaded tables and the baseline trace on the same tables.
const api = {
  run(world: TraceWorldOptions, runs: number) {
    const w = generateTraceWorld(world);
    const query = { population: null, period: null, start: null };
    const traceMs: number[] = [];
    const baselineMs: number[] = [];
    let verdict = '';
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      verdict = traceAnalysis(
        w.model,
        w.datasets,
        query,
        readTraceData(w.model, w.datasets),
      ).verdict;
      traceMs.push(performance.now() - t);
      const b = performance.now();
      baselineTrace(w.model, w.datasets, query, baselineData(w.model, w.datasets));
      baselineMs.push(performance.now() - b);
    }
    return { answers: w.truth.answers, traceMs, baselineMs, verdict };
  },
};

export type TraceBenchWorker = typeof api;
expose(api);
