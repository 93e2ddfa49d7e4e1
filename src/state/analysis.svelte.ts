import { isAbortError, type Progress } from '../data/worker-bridge.ts';
import { analysisBridge } from '../data/analysis-bridge.ts';
import type { NpsResult } from '../../workers/analysis.worker.ts';

/** One run of an NPS summary: progress, result, cancel. */
export class NpsRun {
  running = $state(false);
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<NpsResult | null>(null);
  cancelled = $state(false);
  /** Why the last run failed (shown through `errorMessage`), or null. */
  error = $state.raw<unknown>(null);
  #abort: AbortController | null = null;

  /** Computes the NPS of a dataset column in the worker. */
  async start(datasetId: string, column: string): Promise<void> {
    this.cancel();
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.cancelled = false;
    this.error = null;
    this.result = null;
    this.progress = null;
    try {
      this.result = await analysisBridge.call(
        'npsSummary',
        { datasetId, column },
        { signal: abort.signal, onProgress: (p) => (this.progress = p) },
      );
    } catch (e) {
      if (isAbortError(e)) this.cancelled = true;
      else this.error = e;
    } finally {
      if (this.#abort === abort) {
        this.running = false;
        this.#abort = null;
      }
    }
  }

  /** Stops a running computation (terminating the worker). */
  cancel(): void {
    this.#abort?.abort();
  }
}
