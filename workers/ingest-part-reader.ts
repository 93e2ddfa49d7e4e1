/// <reference lib="webworker" />
import { proxy, wrap } from 'comlink';
import type { PartReader } from '../src/data/file-source.ts';
import type { PartApi } from './ingest-part.worker.ts';

/**
 * Starts a worker for the later part of a large file. Comlink calls on a worker that died would
 * wait forever: each call also fails when the worker reports an error.
 */
export function startPartReader(): PartReader {
  const worker = new Worker(new URL('./ingest-part.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ingest-part',
  });
  const api = wrap<PartApi>(worker);
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'part reader failed')));
  });
  died.catch(() => undefined);
  const guard = <T>(call: Promise<T>) => Promise.race([call, died]);
  return {
    parse: (request) => guard(api.parse(request)),
    read: (names, formats) => guard(api.read(names, formats)),
    store: (owner, columns, firstIndex, onRows) =>
      guard(api.store(owner, columns, firstIndex, proxy(onRows))),
    ready: () => guard(api.ping()).then(() => undefined),
    close: () => worker.terminate(),
  };
}
