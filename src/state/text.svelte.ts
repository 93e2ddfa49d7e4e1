import { textBridge } from '../data/text-bridge.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import type {
  BarrierCountsOutput,
  CommentsInput,
  CommentsOutput,
} from '../core/worker-api/text-api.ts';
import type { CommentPopulation } from '../core/text/complaint-population.ts';
import { LatestQuery } from './task-run.svelte.ts';

/** A page of comments behind a term or theme, re-asked as the search changes. */
export class CommentsRun extends LatestQuery<CommentsOutput> {
  async start(input: CommentsInput): Promise<void> {
    await this.ask((signal) => textBridge.call('comments', input, { signal }));
  }
}

/**
 * Complaints per barrier of a model (as being edited), counted in a dataset's comments: the
 * complaints (by its NPS or CSAT column) or all of them.
 */
export class BarrierCountsRun extends LatestQuery<BarrierCountsOutput> {
  async start(
    model: ServiceModel,
    datasetId: string,
    text: string,
    population: CommentPopulation,
  ): Promise<void> {
    await this.ask((signal) =>
      textBridge.call('barrierCounts', { model, datasetId, text, population }, { signal }),
    );
  }
}
