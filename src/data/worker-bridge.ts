import { proxy, wrap, type Remote } from 'comlink';

/** Progress of a long task: `done` of `total` units (rows unless said otherwise). */
export interface Progress {
  done: number;
  total: number;
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

/** Why a running call was stopped by someone else's cancel. */
export class WorkerRestartedError extends Error {
  constructor() {
    super('The worker was stopped because another task on it was cancelled');
    this.name = 'WorkerRestartedError';
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

interface Pending {
  reject: (reason: unknown) => void;
}

/**
 * The one way the main thread talks to a worker: starts it on first use, forwards progress,
 * cancels by terminating it (the next call starts a fresh one) and shuts it down after
 * `idleMs` without calls, so an idle app holds no worker memory.
 */
export class WorkerBridge<Api extends Record<keyof Api, Task>> {
  #worker: Worker | null = null;
  #remote: Remote<Api> | null = null;
  #pending = new Set<Pending>();
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
    const remote = this.#start();
    this.#clearIdle();
    return new Promise<TaskResult<Api[K]>>((resolve, reject) => {
      let settled = false;
      const onAbort = () => this.#stop(entry, abortError());
      const entry: Pending = {
        reject: (reason) => settle(() => reject(reason)),
      };
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        this.#pending.delete(entry);
        finish();
        this.#scheduleIdle();
      };
      this.#pending.add(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      const fn = remote[method] as unknown as (
        i: unknown,
        p?: ProgressFn,
      ) => Promise<TaskResult<Api[K]>>;
      fn(input, onProgress ? proxy(onProgress) : undefined).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  /** Stops the worker now; calls still running reject with `reason`. */
  terminate(reason: unknown = new WorkerRestartedError()): void {
    this.#stop(null, reason);
  }

  /**
   * Stops the worker: `target` (the cancelled call) rejects with `reason`, any other call
   * still running with `WorkerRestartedError` (or `reason` when there is no target).
   */
  #stop(target: Pending | null, reason: unknown): void {
    this.#clearIdle();
    const worker = this.#worker;
    this.#worker = null;
    this.#remote = null;
    worker?.terminate();
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const p of pending) {
      p.reject(target === null || p === target ? reason : new WorkerRestartedError());
    }
  }

  #start(): Remote<Api> {
    if (this.#remote) return this.#remote;
    const worker = this.createWorker();
    worker.addEventListener('error', (e) => {
      if (this.#worker === worker) {
        this.#stop(null, new Error(`Worker failed: ${e.message || 'load error'}`));
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
