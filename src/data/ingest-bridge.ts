import { WorkerBridge } from './worker-bridge.ts';
import type { Api } from '../../workers/ingest.worker.ts';

/** The ingest worker (file reading, type inference, chunked storage), started on first use. */
export const ingestBridge = new WorkerBridge<Api>(
  () =>
    new Worker(new URL('../../workers/ingest.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ingest',
    }),
);
