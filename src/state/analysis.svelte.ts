import type { IndicatorOverview } from '../core/index/indicator-overview.ts';
import type { IndexSummary } from '../core/index/index-summary.ts';
import { analysisBridge } from '../data/analysis-bridge.ts';
import type {
  ClientRecordsResult,
  ModelInput,
  NpsGroupsInput,
  NpsResult,
} from '../../workers/analysis.worker.ts';
import type { ByGroup } from '../core/metrics/group-metrics.ts';
import type { NpsSummary } from '../core/metrics/nps.ts';
import { TaskRun } from './task-run.svelte.ts';
import { isAbortError, type Progress } from '../data/worker-bridge.ts';
import type { IndexQuery, IndexView } from '../core/index/index-view.ts';
import type { ServiceModel } from '../core/model/model-types.ts';

/** A stored model by id, or a model being edited ($state snapshots pass to the worker as is). */
const modelInput = (model: string | ServiceModel): ModelInput =>
  typeof model === 'string' ? { modelId: model } : { model };

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
  async start(model: string | ServiceModel): Promise<void> {
    await this.run(async (signal, onProgress) => {
      const r = await analysisBridge.call('satisfactionIndex', modelInput(model), {
        signal,
        onProgress,
      });
      return r.ok ? r.summary : null;
    });
  }
}

/** NPS by group or period of a stored dataset column, computed in the analysis worker. */
export class NpsGroupsRun extends TaskRun<ByGroup<NpsSummary>> {
  async start(input: NpsGroupsInput): Promise<void> {
    await this.run(async (signal) => {
      const r = await analysisBridge.call('npsGroups', input, { signal });
      return r.ok ? r.result : null;
    });
  }
}

/** Every indicator of a stored service model at a glance, computed in the analysis worker. */
export class OverviewRun extends TaskRun<IndicatorOverview[]> {
  async start(model: string | ServiceModel): Promise<void> {
    await this.run(async (signal, onProgress) => {
      const r = await analysisBridge.call('modelOverview', modelInput(model), {
        signal,
        onProgress,
      });
      return r.ok ? r.overview : null;
    });
  }
}

/** What the index views show for one query. */
export type IndexViewResult = {
  view: IndexView;
  problems: string[];
  clientPeriods: number;
};

/**
 * The linked views of a model's satisfaction index. A new query (a period or segment picked in
 * a chart) keeps the views on screen until its answer arrives, and an answer to an older query
 * is dropped; only the user's Cancel stops the work (which ends the worker and its caches).
 */
export class IndexExplorer {
  result = $state.raw<IndexViewResult | null>(null);
  running = $state(false);
  progress = $state.raw<Progress | null>(null);
  missing = $state(false);
  cancelled = $state(false);
  error = $state.raw<unknown>(null);
  #seq = 0;
  #abort: AbortController | null = null;

  /** Asks for the views of `query`. */
  async query(model: string | ServiceModel, query: IndexQuery): Promise<void> {
    const seq = ++this.#seq;
    const abort = (this.#abort = new AbortController());
    this.running = true;
    this.cancelled = false;
    this.error = null;
    try {
      const r = await analysisBridge.call(
        'indexView',
        { ...modelInput(model), query },
        { signal: abort.signal, onProgress: (p) => seq === this.#seq && (this.progress = p) },
      );
      if (seq !== this.#seq) return;
      this.missing = !r.ok;
      this.result = r.ok
        ? { view: r.view, problems: r.problems, clientPeriods: r.clientPeriods }
        : null;
    } catch (e) {
      if (seq !== this.#seq) return;
      if (isAbortError(e)) this.cancelled = true;
      else this.error = e;
    } finally {
      if (seq === this.#seq) {
        this.running = false;
        this.progress = null;
      }
    }
  }

  /** Stops the work in progress. */
  cancel(): void {
    this.#abort?.abort();
  }
}

/** A client's rows in the datasets a model reads: survey answers and CRM records. */
export class ClientRecordsRun extends TaskRun<ClientRecordsResult> {
  async start(model: string | ServiceModel, client: string): Promise<void> {
    await this.run(async (signal) => {
      const r = await analysisBridge.call(
        'clientRecords',
        { ...modelInput(model), client },
        { signal },
      );
      return r.ok ? r.records : null;
    });
  }
}
