import { getDb } from './db.ts';
import { answerCell } from './cell-results-repo.ts';
import type { ProgressFn } from './worker-bridge.ts';
import type { CellAnswer, CellCall } from '../core/worker-api/cell-api.ts';

/**
 * A worker's answer to one kind of cell: its input, progress, and the current result key of each
 * cell the request reads (a hand-off's source, read from the stored results).
 */
export type CellMethod = (
  input: never,
  onProgress: ProgressFn | undefined,
  sources: Record<string, string | null>,
) => Promise<unknown>;

/**
 * The `answerCell` a worker exposes: answers a notebook cell with the method its request names
 * and stores the result (see `answerCell`).
 */
export function cellAnswerer(worker: string, methods: Record<string, CellMethod>) {
  return {
    async answerCell(call: CellCall, onProgress?: ProgressFn): Promise<CellAnswer> {
      return answerCell(getDb(), call, (method, input) => {
        const run = methods[method];
        if (!run) throw new Error(`The ${worker} worker answers no cell method “${method}”`);
        return run(input as never, onProgress, call.sources);
      });
    },
  };
}
