import { tick } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { CellRunner } from './cell-runner.svelte.ts';
import { dependencyOrder } from '../core/notebook/run-order.ts';
import type { CellInputs } from '../core/notebook/cell-query.ts';

/**
 * The runners of one open notebook's cells: each cell makes its own (`runnerFor`), and the
 * notebook runs them all — the stale and never-run ones, in dependency order (a cell after the
 * cells it reads), never a current one — and, when set to automatic, does so by itself whenever a
 * result is missing or goes stale (see `autoRun`).
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
  /** A Run all is under way (set at once, before it has picked its first cell). */
  #busy = false;

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
        auto: () => this.#soon.delete(cellId),
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

  /** The current result version of each cell `cellId`'s request reads (see `sourceVersion`). */
  sourcesOf(cellId: string): Record<string, string | null> {
    const reads = this.#runners.get(cellId)?.request?.reads.cells ?? [];
    return Object.fromEntries(reads.map((id) => [id, this.versionOf(id)]));
  }

  /** What a cell's current request reads (null without a request). */
  readsOf(cellId: string): CellInputs | null {
    return this.#runners.get(cellId)?.request?.reads ?? null;
  }

  /** The key and value of the result a cell shows now (null when none, or not shown). */
  shown(cellId: string): { key: string; value: unknown } | null {
    const r = this.#runners.get(cellId);
    return r?.resultKey && r.result !== null ? { key: r.resultKey, value: r.result } : null;
  }

  /** The version of the result a cell shows now (null when none, or the cell is not shown). */
  versionOf(cellId: string): string | null {
    return this.#runners.get(cellId)?.resultVersion ?? null;
  }

  /** Cells that still need a run. */
  get pending(): number {
    let n = 0;
    for (const r of this.#runners.values()) if (r.needsRun) n++;
    return n;
  }

  /**
   * Cells an automatic notebook runs by itself: those never run and those gone stale — not a
   * failed or cancelled one (it would fail again, or the analyst stopped it).
   */
  get autoPending(): number {
    let n = 0;
    for (const r of this.#runners.values()) {
      if (r.request && (r.status === 'ready' || r.status === 'stale')) n++;
    }
    return n;
  }

  /** The analyst stopped Run all in an automatic notebook: it waits until asked again. */
  autoHeld = $state(false);

  /**
   * In an automatic notebook, runs what `autoPending` counts (call it from an effect: it reads
   * what it depends on). Stopping it holds it until the analyst runs all or switches it on again.
   */
  autoRun(order: () => readonly string[]): void {
    // `runningAll` is read so that the end of a run calls this again (a cell gone stale meanwhile).
    if (this.runningAll !== null || !this.auto || this.autoHeld || this.#busy) return;
    if (this.autoPending === 0) return;
    void this.runAll(order(), { auto: true });
  }

  /**
   * Runs every cell that needs it, in `order` (the notebook's) with each cell after the cells it
   * reads, each once; a cell that becomes runnable as its source's result arrives (a hand-off)
   * is run after it. Stops at a cancelled run.
   */
  async runAll(order: readonly string[], options: { auto?: boolean } = {}): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#stopped = false;
    if (!options.auto) this.autoHeld = false;
    // Local to one Run all, never shown.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const tried = new Set<string>();
    for (;;) {
      await this.#settled();
      if (this.#stopped) break;
      const next = dependencyOrder(
        order,
        (id) => this.#runners.get(id)?.request?.reads.cells ?? [],
      ).find((id) => {
        const r = this.#runners.get(id);
        if (tried.has(id) || !r?.needsRun) return false;
        return !options.auto || r.status === 'ready' || r.status === 'stale';
      });
      if (next === undefined) break;
      tried.add(next);
      const runner = this.#runners.get(next)!;
      this.runningAll = next;
      await runner.run();
      if (runner.status === 'cancelled') break;
    }
    this.runningAll = null;
    this.#busy = false;
  }

  /** Waits until no cell is still looking for its stored result (after a source's run). */
  async #settled(): Promise<void> {
    await tick();
    for (let i = 0; i < 250; i++) {
      if (![...this.#runners.values()].some((r) => r.status === 'loading')) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops Run all and the cell it is running (in an automatic notebook, until asked again). */
  stopAll(): void {
    this.#stopped = true;
    if (this.auto) this.autoHeld = true;
    if (this.runningAll) this.#runners.get(this.runningAll)?.cancel();
  }

  /** Stops every cell's work (the notebook is closed). */
  dispose(): void {
    this.stopAll();
    for (const r of this.#runners.values()) r.dispose();
    this.#runners.clear();
  }
}
