import { ingestBridge } from '../data/ingest-bridge.ts';
import { isAbortError, type Progress } from '../data/worker-bridge.ts';
import { getDb } from '../data/db.ts';
import { cleanUnfinishedImports } from '../data/datasets-repo.ts';
import type { IngestFailure } from '../../workers/ingest.worker.ts';
import type { JoinReport, PeriodGrain } from '../core/analysis/join-datasets.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';

/** What to join, as the join cell describes it. */
export interface JoinRequest {
  name: string;
  left: string;
  right: string;
  leftKey: string;
  rightKey: string;
  period?: { left: string; right: string; grain: PeriodGrain };
}

/** One run of a join in the ingest worker: progress, result, report, cancel. */
export class JoinRun {
  running = $state(false);
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<{ meta: DatasetMeta; report: JoinReport } | null>(null);
  failure = $state.raw<IngestFailure | null>(null);
  error = $state.raw<unknown>(null);
  cancelled = $state(false);
  #abort: AbortController | null = null;

  /** Joins two stored datasets into a new one. */
  async start(request: JoinRequest): Promise<DatasetMeta | null> {
    this.cancel();
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.cancelled = false;
    this.failure = null;
    this.error = null;
    this.result = null;
    this.progress = null;
    try {
      const r = await ingestBridge.call('join', request, {
        signal: abort.signal,
        onProgress: (p) => (this.progress = p),
      });
      if (r.ok) {
        this.result = { meta: r.meta, report: r.report };
        return r.meta;
      }
      this.failure = r.failure;
    } catch (e) {
      if (isAbortError(e)) {
        this.cancelled = true;
        await cleanUnfinishedImports(getDb()).catch(() => undefined);
      } else this.error = e;
    } finally {
      if (this.#abort === abort) {
        this.running = false;
        this.#abort = null;
      }
    }
    return null;
  }

  /** Stops a running join; nothing of it is kept. */
  cancel(): void {
    this.#abort?.abort();
  }
}
