import type { IndexSummary } from '../core/index/index-summary.ts';
import { analysisBridge } from '../data/analysis-bridge.ts';
import type { NpsResult } from '../../workers/analysis.worker.ts';
import { TaskRun } from './task-run.svelte.ts';

/** One run of an NPS summary: progress, result, cancel. */
export class NpsRun extends TaskRun<NpsResult> {
  /** Computes the NPS of a dataset column in the worker. */
  async start(datasetId: string, column: string): Promise<void> {
    await this.run((signal, onProgress) =>
      analysisBridge.call('npsSummary', { datasetId, column }, { signal, onProgress }),
    );
  }
}

/** The satisfaction index of a stored service model, computed in the analysis worker. */
export class IndexRun extends TaskRun<IndexSummary> {
  async start(modelId: string): Promise<void> {
    await this.run(async (signal, onProgress) => {
      const r = await analysisBridge.call('satisfactionIndex', { modelId }, { signal, onProgress });
      return r.ok ? r.summary : null;
    });
  }
}
