import { ingestBridge } from '../data/ingest-bridge.ts';
import { getDb } from '../data/db.ts';
import { cleanUnfinishedImports } from '../data/datasets-repo.ts';
import type { IngestFailure } from '../core/worker-api/ingest-api.ts';
import type { JoinReport, JoinRequest } from '../core/analysis/join-datasets.ts';
import type { DatasetMeta } from '../core/storage/dataset-meta.ts';
import { TaskRun } from './task-run.svelte.ts';

/** One run of a join in the ingest worker: progress, result with its report, cancel. */
export class JoinRun extends TaskRun<{ meta: DatasetMeta; report: JoinReport }> {
  failure = $state.raw<IngestFailure | null>(null);

  /** Joins two stored datasets into a new one; resolves to the new dataset, or null. */
  async start(request: JoinRequest): Promise<DatasetMeta | null> {
    this.failure = null;
    const r = await this.run(
      async (signal, onProgress) => {
        const out = await ingestBridge.call('join', request, { signal, onProgress });
        if (out.ok) return { meta: out.meta, report: out.report };
        this.failure = out.failure;
        return null;
      },
      // A stopped worker may have left chunks of the new dataset: remove them now.
      () => cleanUnfinishedImports(getDb()),
    );
    return r?.meta ?? null;
  }
}
