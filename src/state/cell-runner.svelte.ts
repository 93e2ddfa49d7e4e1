import { liveQuery, type Subscription } from 'dexie';
import { analysisBridge } from '../data/analysis-bridge.ts';
import { textBridge } from '../data/text-bridge.ts';
import { driversBridge } from '../data/drivers-bridge.ts';
import { transformBridge } from '../data/transform-bridge.ts';
import { getDb } from '../data/db.ts';
import { cleanUnfinishedImports } from '../data/datasets-repo.ts';
import type { CellResultRecord } from '../data/db.ts';
import { currentVersions, getCellResult, latestCellResult } from '../data/cell-results-repo.ts';
import { isAbortError, type Progress } from '../data/worker-bridge.ts';
import {
  sourceVersion,
  stableJson,
  requestKey,
  staleReasons,
  type CellRequest,
  type StaleReason,
} from '../core/notebook/cell-query.ts';
import type { CellAnswer, CellCall } from '../core/worker-api/cell-api.ts';

/**
 * Where a cell stands: nothing to ask yet (`empty`), looking for a stored result (`loading`),
 * ready to run with none (`ready`), showing a result that holds (`current`) or one whose inputs
 * have changed (`stale`), running, failed or cancelled.
 */
export type CellRunStatus =
  'empty' | 'loading' | 'ready' | 'current' | 'stale' | 'running' | 'failed' | 'cancelled';

/** The worker call of a cell request. */
function answer(call: CellCall, signal: AbortSignal, onProgress: (p: Progress) => void) {
  switch (call.request.worker) {
    case 'analysis':
      return analysisBridge.call('answerCell', call, { signal, onProgress });
    case 'text':
      return textBridge.call('answerCell', call, { signal, onProgress });
    case 'drivers':
      return driversBridge.call('answerCell', call, { signal, onProgress });
    case 'transform':
      return transformBridge.call('answerCell', call, { signal, onProgress });
  }
}

/**
 * Runs one cell's request (what its settings ask, see `cell-query.ts`): shows the stored result
 * of the request at once when there is one — current, or stale with what changed — and runs it
 * in its worker when asked (or at once, in an automatic notebook). A new request supersedes the
 * old: its answer is dropped. Cells keep only their views.
 */
export class CellRunner<R> {
  status = $state<CellRunStatus>('empty');
  result = $state.raw<R | null>(null);
  /** What changed since the shown result was computed (empty when it holds). */
  reasons = $state.raw<StaleReason[]>([]);
  /** The shown result answers the cell's earlier settings, not its current ones. */
  otherSettings = $state(false);
  progress = $state.raw<Progress | null>(null);
  error = $state.raw<unknown>(null);
  /** The key of the shown result. */
  resultKey = $state<string | null>(null);
  /**
   * The shown result's version, `key@createdAt` (see `sourceVersion`): the cells that read this
   * one record it, and turn stale when it changes — a re-run on refreshed data keeps the key.
   */
  resultVersion = $state<string | null>(null);
  #request = $state.raw<CellRequest | null>(null);
  #key: string | null | undefined = undefined;
  /** The source versions the shown result was last checked against. */
  #sourcesSeen = '';
  #shown: CellResultRecord | null = null;
  #seq = 0;
  #abort: AbortController | null = null;
  #watch: Subscription | null = null;

  constructor(
    readonly notebookId: string,
    readonly cellId: string,
    private readonly options: {
      /** The current result key of each cell this one reads. */
      sources?: () => Record<string, string | null>;
      /** Whether to run a request that has no current result at once. */
      auto?: () => boolean;
      /**
       * Once run in this session, run again at once when the settings change (a light cell the
       * analyst is tuning); heavy cells wait for a click.
       */
      followEdits?: boolean;
    } = {},
  ) {}
  /** The analyst ran this cell in this session (a light cell then follows their edits). */
  #engaged = false;
  /** The analyst asked for a change that is itself a request to run (a what-if). */
  #runNext = false;

  /** Runs the next request the cell asks at once (the change the analyst is making asks for it). */
  runNext(): void {
    this.#runNext = true;
  }

  /** The cell's current request, or null until its settings are complete. */
  get request(): CellRequest | null {
    return this.#request;
  }

  /** There is a request and no current result of it. */
  get needsRun(): boolean {
    return (
      this.#request !== null &&
      (this.status === 'ready' ||
        this.status === 'stale' ||
        this.status === 'failed' ||
        this.status === 'cancelled')
    );
  }

  /**
   * Takes the cell's request (from its settings); shows its stored result, if any. Without a
   * request (settings incomplete, or a model it read deleted), the cell's last result stays,
   * shown stale.
   */
  async ask(request: CellRequest | null): Promise<void> {
    const key = request ? requestKey(request) : null;
    const sources = stableJson(this.options.sources?.() ?? {});
    if (key === this.#key) {
      this.#runNext = false;
      // The same answer, but what it reads may be known better now (a model's datasets).
      if (request && stableJson(request.reads) !== stableJson(this.#request?.reads)) {
        this.#request = request;
      }
      // A source cell's result changed: check the shown one again.
      if (sources !== this.#sourcesSeen && this.#shown && this.status !== 'running') {
        this.#show(this.#shown, this.otherSettings);
      }
      return;
    }
    this.#key = key;
    this.#request = request;
    const seq = ++this.#seq;
    this.#abort?.abort();
    this.error = null;
    if (!request || !key) {
      this.status = 'loading';
      const last = await latestCellResult(getDb(), this.cellId);
      if (seq !== this.#seq) return;
      this.#show(last, true);
      if (!last) this.status = 'empty';
      return;
    }
    this.status = 'loading';
    const db = getDb();
    const stored = (await getCellResult(db, key)) ?? (await latestCellResult(db, this.cellId));
    if (seq !== this.#seq) return;
    this.#show(stored, stored !== null && stored.key !== key);
    if (!stored) this.status = 'ready';
    const follow = (this.#engaged && this.options.followEdits === true) || this.#runNext;
    this.#runNext = false;
    if ((follow || this.options.auto?.()) && this.needsRun) await this.run();
  }

  /** Shows a stored result and watches its inputs, marking it stale as soon as one changes. */
  #show(record: CellResultRecord | null, otherSettings: boolean): void {
    this.#watch?.unsubscribe();
    this.#watch = null;
    this.#shown = record;
    this.#sourcesSeen = stableJson(this.options.sources?.() ?? {});
    this.result = (record?.value as R | undefined) ?? null;
    this.resultKey = record?.key ?? null;
    this.resultVersion = record ? sourceVersion(record) : null;
    this.otherSettings = otherSettings;
    this.reasons = [];
    if (!record) return;
    // A source cell's new result is known now, not when the database answers: Run all must see
    // this cell stale as soon as its source has run.
    const none = { datasets: {}, models: {} };
    this.reasons = staleReasons(
      { ...none, cells: record.versions.cells },
      { ...none, cells: this.options.sources?.() ?? {} },
    );
    this.status = otherSettings || this.reasons.length > 0 ? 'stale' : 'current';
    const reads = record.request.reads;
    const observable = liveQuery(() =>
      currentVersions(getDb(), reads, this.options.sources?.() ?? {}),
    );
    this.#watch = observable.subscribe({
      next: (now) => {
        if (this.status === 'running' || this.resultKey !== record.key) return;
        this.reasons = staleReasons(record.versions, now);
        this.status = this.otherSettings || this.reasons.length > 0 ? 'stale' : 'current';
      },
      error: () => undefined,
    });
  }

  /** Runs the cell's request in its worker, which stores the result; shows it. */
  async run(): Promise<void> {
    const request = this.#request;
    if (!request) return;
    this.#engaged = true;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const seq = this.#seq;
    const before = this.status;
    this.status = 'running';
    this.progress = null;
    this.error = null;
    try {
      const a = (await answer(
        {
          request: $state.snapshot(request) as CellRequest,
          notebookId: this.notebookId,
          cellId: this.cellId,
          sources: this.options.sources?.() ?? {},
        },
        abort.signal,
        (p) => (this.progress = p),
      )) as CellAnswer<R>;
      if (seq !== this.#seq) return;
      this.#show({ ...a, request, notebookIds: [], cellIds: [], bytes: 0 }, false);
    } catch (e) {
      if (seq !== this.#seq) return;
      if (isAbortError(e)) {
        this.status = this.result ? before : 'cancelled';
        // A run stopped while it stored a dataset (a transform's) may have left chunks.
        void cleanUnfinishedImports(getDb()).catch(() => undefined);
      } else {
        this.error = e;
        this.status = 'failed';
      }
    } finally {
      if (this.#abort === abort) this.#abort = null;
      this.progress = null;
    }
  }

  /** Stops a run (terminating its worker). */
  cancel(): void {
    this.#abort?.abort();
  }

  /** Stops watching and running (the cell is gone). */
  dispose(): void {
    this.#seq++;
    this.cancel();
    this.#watch?.unsubscribe();
    this.#watch = null;
  }
}
