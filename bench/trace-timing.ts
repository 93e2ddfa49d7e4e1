// What both trace benchmark workers (Node's and Chromium's) run: the benchmark world made where
// it is traced, then the app's whole trace on its loaded tables and the baseline trace on the
// same tables, each timed per run.
import { generateTraceWorld, type TraceWorldOptions } from '../src/core/demo/trace-worlds.ts';
import { readTraceData } from '../src/core/analysis/trace/trace-data.ts';
import { traceAnalysis } from '../src/core/analysis/trace/trace-analysis.ts';
import type { TraceAnalysis } from '../src/core/analysis/trace/trace-types.ts';
import { trace as baselineTrace, traceData as baselineData } from './trace-baseline.ts';

/** The timings of `runs` traces of one world, and the last trace. */
export interface TraceTimings {
  answers: number;
  clients: number;
  indicators: number;
  rootId: string | null;
  /** Each run's whole trace (ms): reading the indicators, the fits, the replicates. */
  traceMs: number[];
  /** Each run's baseline trace (ms), reading included. */
  baselineMs: number[];
  last: TraceAnalysis | null;
}

/** Times the trace and the baseline on the world of `options`; `mark` is told when each trace runs. */
export function timeTraces(
  options: TraceWorldOptions,
  runs: number,
  mark: (what: 'trace-start' | 'trace-end') => void = () => undefined,
): TraceTimings {
  const world = generateTraceWorld(options);
  const query = { population: null, period: null, start: null };
  const out: TraceTimings = {
    answers: world.truth.answers,
    clients: world.truth.clients,
    indicators: world.model.indicators.length,
    rootId: world.truth.root?.id ?? null,
    traceMs: [],
    baselineMs: [],
    last: null,
  };
  for (let run = 0; run < runs; run++) {
    mark('trace-start');
    const t = performance.now();
    out.last = traceAnalysis(
      world.model,
      world.datasets,
      query,
      readTraceData(world.model, world.datasets),
    );
    out.traceMs.push(performance.now() - t);
    mark('trace-end');
    const b = performance.now();
    baselineTrace(world.model, world.datasets, query, baselineData(world.model, world.datasets));
    out.baselineMs.push(performance.now() - b);
  }
  return out;
}
