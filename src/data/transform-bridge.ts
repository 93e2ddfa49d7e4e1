import { WorkerBridge } from './worker-bridge.ts';
import type { Api } from '../../workers/transform.worker.ts';

/**
 * The transform worker (the analyst's own tables, shaped by Arquero), started on first use. The
 * only worker allowed to compile code (see `scripts/csp.mjs`).
 */
export const transformBridge = new WorkerBridge<Api>(
  () =>
    new Worker(new URL('../../workers/transform.worker.ts', import.meta.url), {
      type: 'module',
      name: 'transform',
    }),
);
