import type { Component } from 'svelte';
import type { Cell } from '../../core/notebook/notebook.ts';
import type { NotebookRuns } from '../../state/notebook-runs.svelte.ts';

/** The props every cell component takes: its cell, a way to replace its data, and hand-offs. */
export interface CellProps<D = unknown> {
  cell: Cell<D>;
  onchange: (data: D) => void;
  /** The notebook's runners: a cell that asks a worker takes its own (`runs.runnerFor`). */
  runs: NotebookRuns;
  /** Hands work over to a new cell of `kind` below this one (a population to trace…). */
  onhandoff?: (kind: string, data: unknown) => void;
  /** The notebook's cells, in order (to choose another cell as a source). */
  cells?: readonly Cell[];
}

/** A cell component with its data type erased: the registry pairs kind and data by construction. */
export type AnyCellComponent = Component<CellProps<unknown>>;

type CellModule<D> = { default: Component<CellProps<D>> };

/** Loads a kind's component once, with its data type erased. */
function lazy<D>(load: () => Promise<CellModule<D>>): () => Promise<AnyCellComponent> {
  let loaded: Promise<AnyCellComponent> | undefined;
  return () => (loaded ??= load().then((m) => m.default as unknown as AnyCellComponent));
}

/**
 * The component of each cell kind (the pure half lives in `src/core/notebook/cell-kinds.ts`),
 * loaded when a cell of the kind is first shown: a kind's code (markdown, charts, analysis
 * views) stays out of the first load. The service worker precaches every chunk, so it loads
 * offline too. The notebook shell looks kinds up here and knows nothing of any particular kind.
 */
export const CELL_COMPONENTS: Record<string, () => Promise<AnyCellComponent>> = {
  import: lazy(() => import('./import/ImportCell.svelte')),
  markdown: lazy(() => import('./markdown/MarkdownCell.svelte')),
  nps: lazy(() => import('./nps/NpsCell.svelte')),
  metric: lazy(() => import('./metric/MetricCell.svelte')),
  join: lazy(() => import('./join/JoinCell.svelte')),
  transform: lazy(() => import('./transform/TransformCell.svelte')),
  chart: lazy(() => import('./chart/ChartCell.svelte')),
  frequency: lazy(() => import('./frequency/FrequencyCell.svelte')),
  clusters: lazy(() => import('./clusters/ClustersCell.svelte')),
  drivers: lazy(() => import('./drivers/DriversCell.svelte')),
  trace: lazy(() => import('./trace/TraceCell.svelte')),
  frontline: lazy(() => import('./frontline/FrontLineCell.svelte')),
  index: lazy(() => import('./index/IndexCell.svelte')),
};
