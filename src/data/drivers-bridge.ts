import { WorkerBridge } from './worker-bridge.ts';
import type { Api } from '../../workers/drivers.worker.ts';

/** The drivers worker (boosted trees, TreeSHAP, the linear baseline), started on first use. */
export const driversBridge = new WorkerBridge<Api>(
  () =>
    new Worker(new URL('../../workers/drivers.worker.ts', import.meta.url), {
      type: 'module',
      name: 'drivers',
    }),
);
