import { textBridge } from '../data/text-bridge.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import type {
  BarrierCountsOutput,
  ClustersInput,
  ClustersOutput,
  CommentsInput,
  CommentsOutput,
  FrequencyInput,
  FrequencyOutput,
} from '../core/worker-api/text-api.ts';
import { LatestQuery } from './task-run.svelte.ts';

/** A frequency analysis of comments, re-asked as its settings change (see `LatestQuery`). */
export class FrequencyRun extends LatestQuery<{ input: FrequencyInput; output: FrequencyOutput }> {
  async start(input: FrequencyInput): Promise<void> {
    await this.ask(async (signal, onProgress) => ({
      input,
      output: await textBridge.call('frequency', input, { signal, onProgress }),
    }));
  }
}

/** A page of comments behind a term or theme, re-asked as the search changes. */
export class CommentsRun extends LatestQuery<CommentsOutput> {
  async start(input: CommentsInput): Promise<void> {
    await this.ask((signal) => textBridge.call('comments', input, { signal }));
  }
}

/** Complaints per barrier of a model (as being edited), counted in a dataset's comments. */
export class BarrierCountsRun extends LatestQuery<BarrierCountsOutput> {
  async start(model: ServiceModel, datasetId: string, text: string): Promise<void> {
    await this.ask((signal) =>
      textBridge.call('barrierCounts', { model, datasetId, text }, { signal }),
    );
  }
}

/** Comments clustered in the text worker, re-asked as the settings change. */
export class ClustersRun extends LatestQuery<{ input: ClustersInput; output: ClustersOutput }> {
  async start(input: ClustersInput): Promise<void> {
    await this.ask(async (signal, onProgress) => ({
      input,
      output: await textBridge.call('clusters', input, { signal, onProgress }),
    }));
  }
}

/**
 * The clients who wrote the comments of some clusters (to hand them to a trace), or why there
 * are none (the dataset or a column is gone).
 */
export async function clientsOfClusters(input: {
  datasetId: string;
  text: string;
  client: string;
  clusters: { ids: number[]; k: number | 'auto'; seed: number };
}) {
  return textBridge.call('clusterClients', input);
}
