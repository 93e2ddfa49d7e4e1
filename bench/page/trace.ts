import { wrap } from 'comlink';
import type { TraceBenchWorker } from './trace.worker.ts';
import type { TraceWorldOptions } from '../../src/core/demo/trace-worlds.ts';

// The trace benchmark page: runs the trace in a worker of its own (as the app's analysis worker
// does) and hands the timings to the benchmark.
const bench = {
  async run(world: TraceWorldOptions, runs: number) {
    const worker = new Worker(new URL('./trace.worker.ts', import.meta.url), { type: 'module' });
    try {
      return await wrap<TraceBenchWorker>(worker).run(world, runs);
    } finally {
      worker.terminate();
    }
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.body.dataset.ready = 'true';
