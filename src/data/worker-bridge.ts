import { proxy, wrap, type Remote } from 'comlink';

/** Progress of a long task: `done` of `total` units (rows unless said otherwise). */
export interface Progress {
  done: number;
  total: number;
  /** What is being done, when a task has steps (e.g. the dataset being imported). */
  step?: string;
}

/** A progress callback, passed across the worker boundary as a Comlink proxy. */
export type ProgressFn = (progress: Progress) => void;

/** Options of one bridged call. */
export interface CallOptions {
  /** Aborting terminates the worker; the call rejects with an `AbortError`. */
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

/** A worker function: one structured-clonable input and an optional progress callback. */
type Task = (input: never, onProgress?: ProgressFn) => unknown;
type TaskInput<F> = F extends (input: infer I, ...rest: never[]) => unknown ? I : never;
type TaskResult<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/** A call was stopped because the bridge was shut down (`terminate()`). */
export class WorkerStoppedError extends Error {
  constructor() {
    super('The worker was stopped');
    this.name = 'WorkerStoppedError';
  }
}

/** The worker died (failed to load, ran out of memory…); calls running on it reject with this. */
export class WorkerCrashedError extends Error {
  constructor(detail: string) {
    super(`The worker stopped unexpectedly: ${detail}`);
    this.name = 'WorkerCrashedError';
  }
}

/** The error a cancelled call rejects with. */
export function abortError(): DOMException {
  return new DOMException('The task was cancelled', 'AbortError');
}

/** Whether an error is a cancellation. */
export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

interface Pending<R> {
  /** Starts (or restarts) the call on a worker. */
  run: (remote: R) => void;
  reject: (reason: unknown) => void;
}

/**
 * The one way the main thread talks to a worker: starts it on first use, forwards progress,
 * cancels by terminating it and shuts it down after `idleMs` without calls, so an idle app
 * holds no worker memory. Cancelling one call does not disturb the others: they are started
 * again on a fresh worker.
 */
export class WorkerBridge<Api extends Record<keyof Api, Task>> {
  #worker: Worker | null = null;
  #remote: Remote<Api> | null = null;
  #pending = new Set<Pending<Remote<Api>>>();
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  #starts = 0;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly idleMs = 60_000,
  ) {}

  /** Whether a worker is running now. */
  get running(): boolean {
    return this.#worker !== null;
  }

  /** How many workers this bridge has started so far. */
  get starts(): number {
    return this.#starts;
  }

  /** Calls `method` in the worker with `input`. */
  call<K extends keyof Api>(
    method: K,
    input: TaskInput<Api[K]>,
    options: CallOptions = {},
  ): Promise<TaskResult<Api[K]>> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    this.#clearIdle();
    return new Promise<TaskResult<Api[K]>>((resolve, reject) => {
      let settled = false;
      let attempt = 0;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        this.#pending.delete(entry);
        finish();
        this.#scheduleIdle();
      };
      // Progress travels on its own port and may trail the result: drop it once settled, and on
      // success report the work complete if the last report had not said so yet.
      let last: Progress | null = null;
      const progress = onProgress
        ? proxy((p: Progress) => {
            if (settled) return;
            last = p;
            onProgress(p);
          })
        : undefined;
      const complete = () => {
        const seen = last as Progress | null;
        if (onProgress && seen && seen.done < seen.total) onProgress({ ...seen, done: seen.total });
      };
      const entry: Pending<Remote<Api>> = {
        run: (remote) => {
          const mine = ++attempt;
          const fn = (remote as unknown as Record<K, unknown>)[method] as (
            i: unknown,
            p?: ProgressFn,
          ) => Promise<TaskResult<Api[K]>>;
          fn(input, progress).then(
            (value) =>
              mine === attempt &&
              settle(() => {
                complete();
                resolve(value);
              }),
            (error: unknown) => mine === attempt && settle(() => reject(error)),
          );
        },
        reject: (reason) => settle(() => reject(reason)),
      };
      const onAbort = () => this.#stop(entry, abortError());
      this.#pending.add(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.run(this.#start());
    });
  }

  /** Stops the worker now; calls still running reject with `WorkerStoppedError`. */
  terminate(): void {
    this.#stop(null, new WorkerStoppedError());
  }

  /**
   * Terminates the worker. With a `target` (a cancelled call), that call rejects with `reason`
   * and the other running calls start again on a fresh worker; without one, all reject.
   */
  #stop(target: Pending<Remote<Api>> | null, reason: unknown): void {
    this.#clearIdle();
    const worker = this.#worker;
    this.#worker = null;
    this.#remote = null;
    worker?.terminate();
    if (target === null) {
      const pending = [...this.#pending];
      this.#pending.clear();
      for (const p of pending) p.reject(reason);
      return;
    }
    target.reject(reason);
    if (this.#pending.size > 0) {
      const remote = this.#start();
      for (const p of this.#pending) p.run(remote);
    }
  }

  #start(): Remote<Api> {
    if (this.#remote) return this.#remote;
    const worker = this.createWorker();
    worker.addEventListener('error', (e) => {
      if (this.#worker === worker) {
        this.#stop(null, new WorkerCrashedError(e.message || 'load error'));
      }
    });
    this.#worker = worker;
    this.#remote = wrap<Api>(worker);
    this.#starts++;
    return this.#remote;
  }

  #scheduleIdle(): void {
    this.#clearIdle();
    if (this.#pending.size > 0 || !this.#worker) return;
    this.#idleTimer = setTimeout(() => {
      if (this.#pending.size === 0) this.terminate();
    }, this.idleMs);
  }

  #clearIdle(): void {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}
