import { SvelteMap } from 'svelte/reactivity';
import { CellRunner } from './cell-runner.svelte.ts';
import { dependencyOrder } from '../core/notebook/run-order.ts';

/**
 * The runners of one open notebook's cells: each cell makes its own (`runnerFor`), and the
 * notebook runs them all — the stale and never-run ones, in dependency order (a cell after the
 * cells it reads), never a current one — or, when set to automatic, lets each run at once.
 */
export class NotebookRuns {
  /** Run a cell whose result is missing or stale at once, rather than on demand. */
  auto = $state(false);
  /** The cell Run all is running now, or null. */
  runningAll = $state<string | null>(null);
  readonly #runners = new SvelteMap<string, CellRunner<unknown>>();
  /** Cells to run as soon as their request is complete (a hand-off the analyst just made). */
  // Read once by a runner, never shown: it needs no reactivity.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #soon = new Set<string>();
  #stopped = false;

  constructor(readonly notebookId: string) {}

  /**
   * The runner of a cell (made on first use, kept while the cell is shown); `followEdits` for a
   * light cell that recomputes at once as its settings change once it has been run.
   */
  runnerFor<R>(cellId: string, options: { followEdits?: boolean } = {}): CellRunner<R> {
    let runner = this.#runners.get(cellId);
    if (!runner) {
      runner = new CellRunner<unknown>(this.notebookId, cellId, {
        sources: () => this.sourcesOf(cellId),
        auto: () => this.auto || this.#soon.delete(cellId),
        followEdits: options.followEdits ?? false,
      });
      this.#runners.set(cellId, runner);
    }
    return runner as CellRunner<R>;
  }

  /** Runs a cell once its request is complete, whatever the notebook's setting (a hand-off). */
  runSoon(cellId: string): void {
    this.#soon.add(cellId);
  }

  /** Forgets a cell's runner (the cell is gone), stopping its work. */
  drop(cellId: string): void {
    this.#runners.get(cellId)?.dispose();
    this.#runners.delete(cellId);
  }

  /** The current result key of each cell `cellId`'s request reads. */
  sourcesOf(cellId: string): Record<string, string | null> {
    const reads = this.#runners.get(cellId)?.request?.reads.cells ?? [];
    return Object.fromEntries(reads.map((id) => [id, this.#runners.get(id)?.resultKey ?? null]));
  }

  /** Cells that still need a run. */
  get pending(): number {
    let n = 0;
    for (const r of this.#runners.values()) if (r.needsRun) n++;
    return n;
  }

  /**
   * Runs every cell that needs it, in `order` (the notebook's) with each cell after the cells it
   * reads; stops at a cancelled run.
   */
  async runAll(order: readonly string[]): Promise<void> {
    this.#stopped = false;
    for (const id of dependencyOrder(
      order,
      (id) => this.#runners.get(id)?.request?.reads.cells ?? [],
    )) {
      if (this.#stopped) break;
      const runner = this.#runners.get(id);
      if (!runner?.needsRun) continue;
      this.runningAll = id;
      await runner.run();
      if (runner.status === 'cancelled') break;
    }
    this.runningAll = null;
  }

  /** Stops Run all and the cell it is running. */
  stopAll(): void {
    this.#stopped = true;
    if (this.runningAll) this.#runners.get(this.runningAll)?.cancel();
  }

  /** Stops every cell's work (the notebook is closed). */
  dispose(): void {
    this.stopAll();
    for (const r of this.#runners.values()) r.dispose();
    this.#runners.clear();
  }
}
