import { isAbortError, type Progress } from '../data/worker-bridge.ts';
import { storageWrites } from './storage-writes.svelte.ts';

/**
 * A long task in a worker, as the UI sees it: running, progress, result, cancelled, error.
 * Starting again cancels the previous run; `cancel()` aborts (the bridge terminates the worker).
 */
export class TaskRun<R> {
  running = $state(false);
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<R | null>(null);
  /** The task found its input gone (the work returned null). */
  missing = $state(false);
  cancelled = $state(false);
  /** Why the last run failed (shown through `errorMessage`), or null. */
  error = $state.raw<unknown>(null);
  #abort: AbortController | null = null;

  /**
   * Runs `work` with a cancel signal and a progress callback; resolves to its result, or null
   * when it was cancelled, failed or found its input gone. `afterCancel` tidies up after a
   * cancellation (e.g. removes what a stopped import wrote); with `writes` (by default, when
   * there is such tidying), an update of the app waits until the task has ended.
   */
  protected async run(
    work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<R | null>,
    afterCancel?: () => Promise<unknown>,
    writes = afterCancel !== undefined,
  ): Promise<R | null> {
    this.cancel();
    const ended = writes ? storageWrites.begin() : () => undefined;
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.cancelled = false;
    this.missing = false;
    this.error = null;
    this.result = null;
    this.progress = null;
    try {
      const r = await work(abort.signal, (p) => (this.progress = p));
      if (r === null) this.missing = true;
      else this.result = r;
      return r;
    } catch (e) {
      if (isAbortError(e)) {
        this.cancelled = true;
        await afterCancel?.().catch(() => undefined);
      } else this.error = e;
      return null;
    } finally {
      ended();
      if (this.#abort === abort) {
        this.running = false;
        this.#abort = null;
      }
    }
  }

  /** Stops the task (terminating its worker). */
  cancel(): void {
    this.#abort?.abort();
  }
}

/**
 * Work asked again and again as the user changes a choice (a picked segment, another column):
 * the last answer stays on screen until the new one arrives, an answer to an older question is
 * dropped, and a new question does not cancel the old one (cancelling ends the worker and its
 * caches); only the user's `cancel()` stops the work.
 */
export class LatestQuery<R> {
  result = $state.raw<R | null>(null);
  running = $state(false);
  progress = $state.raw<Progress | null>(null);
  /** The last answer found its input gone (the work returned null). */
  missing = $state(false);
  cancelled = $state(false);
  error = $state.raw<unknown>(null);
  #seq = 0;
  /** Every question still being answered: Cancel stops them all, not only the last. */
  // Bookkeeping, not state the page shows: a plain set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pending = new Set<AbortController>();

  /** Asks the question `work` answers. */
  protected async ask(
    work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<R | null>,
  ): Promise<void> {
    const seq = ++this.#seq;
    const abort = new AbortController();
    this.#pending.add(abort);
    this.running = true;
    this.cancelled = false;
    this.error = null;
    try {
      const r = await work(abort.signal, (p) => {
        if (seq === this.#seq) this.progress = p;
      });
      if (seq !== this.#seq) return;
      this.missing = r === null;
      this.result = r;
    } catch (e) {
      if (seq !== this.#seq) return;
      if (isAbortError(e)) this.cancelled = true;
      else this.error = e;
    } finally {
      this.#pending.delete(abort);
      if (seq === this.#seq) {
        this.running = false;
        this.progress = null;
      }
    }
  }

  /** Forgets the last answer (its question no longer stands); answers still coming are dropped. */
  reset(): void {
    this.#seq++;
    this.result = null;
    this.running = false;
    this.progress = null;
    this.missing = false;
    this.error = null;
  }

  /** Stops all work in progress. */
  cancel(): void {
    for (const abort of this.#pending) abort.abort();
  }
}
