import type { IndicatorOverview } from '../core/index/indicator-overview.ts';
import type { IndexSummary } from '../core/index/index-summary.ts';
import { analysisBridge } from '../data/analysis-bridge.ts';
import type {
  ClientRecordsResult,
  IndexViewOutput,
  ModelInput,
} from '../core/worker-api/analysis-api.ts';
import { LatestQuery, TaskRun } from './task-run.svelte.ts';
import type { IndexQuery } from '../core/index/index-view.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import type { TraceQuery } from '../core/analysis/trace/trace-types.ts';
import type { UnitClients } from '../core/analysis/trace/trace-unit-clients.ts';

/** A stored model by id, or a model being edited ($state snapshots pass to the worker as is). */
const modelInput = (model: string | ServiceModel): ModelInput =>
  typeof model === 'string' ? { modelId: model } : { model };

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

/**
 * Every indicator of a service model at a glance, computed in the analysis worker; re-asked
 * as the model is edited (see `LatestQuery`: an edit does not end the worker and its caches).
 */
export class OverviewRun extends LatestQuery<IndicatorOverview[]> {
  async start(model: string | ServiceModel): Promise<void> {
    await this.ask(async (signal, onProgress) => {
      const r = await analysisBridge.call('modelOverview', modelInput(model), {
        signal,
        onProgress,
      });
      return r.ok ? r.overview : null;
    });
  }
}

/** What the index views show for one query. */
export type IndexViewResult = Extract<IndexViewOutput, { ok: true }>;

/** The linked views of a model's satisfaction index, re-asked as the user picks (see `LatestQuery`). */
export class IndexExplorer extends LatestQuery<IndexViewResult> {
  /** Asks for the views of `query`. */
  async query(model: string | ServiceModel, query: IndexQuery): Promise<void> {
    await this.ask(async (signal, onProgress) => {
      const r = await analysisBridge.call(
        'indexView',
        { ...modelInput(model), query },
        { signal, onProgress },
      );
      return r.ok ? r : null;
    });
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

/** The population's clients by one indicator, the worst first. */
export class TraceClientsRun extends LatestQuery<
  { client: string; value: number; cells: number }[]
> {
  async start(modelId: string, query: TraceQuery, indicator: string): Promise<void> {
    await this.ask(async (signal) => {
      const r = await analysisBridge.call(
        'traceClients',
        { modelId, query, indicator },
        { signal },
      );
      return r.ok ? r.clients : null;
    });
  }
}

/** The values of a client-card column of a stored model. */
export class SegmentValuesRun extends LatestQuery<string[]> {
  async start(modelId: string, column: string): Promise<void> {
    await this.ask(async (signal) => {
      const r = await analysisBridge.call('segmentValues', { modelId, column }, { signal });
      return r.ok ? r.values : null;
    });
  }
}

/** The population's clients a unit serves, with their client card and what they wrote. */
export class TraceUnitClientsRun extends LatestQuery<UnitClients> {
  async start(modelId: string, query: TraceQuery, unitKind: string, unit: string): Promise<void> {
    await this.ask(async (signal) => {
      const r = await analysisBridge.call(
        'traceUnitClients',
        { modelId, query, unitKind, unit },
        { signal },
      );
      return r.ok ? r.result : null;
    });
  }
}
