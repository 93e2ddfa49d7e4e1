import { WorkerBridge } from './worker-bridge.ts';
import type { Api } from '../../workers/text.worker.ts';

/** The text worker (tokenising, frequency analysis, clustering), started on first use. */
export const textBridge = new WorkerBridge<Api>(
  () =>
    new Worker(new URL('../../workers/text.worker.ts', import.meta.url), {
      type: 'module',
      name: 'text',
    }),
);
