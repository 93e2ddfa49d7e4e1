import { WorkerBridge } from './worker-bridge.ts';
import type { Api } from '../../workers/analysis.worker.ts';

/** The analysis worker, started on first use and stopped after a minute idle. */
export const analysisBridge = new WorkerBridge<Api>(
  () =>
    new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    }),
);
