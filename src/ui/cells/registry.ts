import type { Component } from 'svelte';
import type { Cell } from '../../core/notebook/notebook.ts';
import type { NotebookRuns } from '../../state/notebook-runs.svelte.ts';
import MarkdownCell from './markdown/MarkdownCell.svelte';
import NpsCell from './nps/NpsCell.svelte';
import ImportCell from './import/ImportCell.svelte';
import JoinCell from './join/JoinCell.svelte';
import TransformCell from './transform/TransformCell.svelte';
import ChartCell from './chart/ChartCell.svelte';
import IndexCell from './index/IndexCell.svelte';
import MetricCell from './metric/MetricCell.svelte';
import FrequencyCell from './frequency/FrequencyCell.svelte';
import ClustersCell from './clusters/ClustersCell.svelte';
import DriversCell from './drivers/DriversCell.svelte';
import TraceCell from './trace/TraceCell.svelte';
import FrontLineCell from './frontline/FrontLineCell.svelte';

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

const erase = <D>(c: Component<CellProps<D>>) => c as unknown as AnyCellComponent;

/**
 * The component of each cell kind (the pure half lives in `src/core/notebook/cell-kinds.ts`).
 * The notebook shell looks kinds up here and knows nothing of any particular kind.
 */
export const CELL_COMPONENTS: Record<string, AnyCellComponent> = {
  import: erase(ImportCell),
  markdown: erase(MarkdownCell),
  nps: erase(NpsCell),
  metric: erase(MetricCell),
  join: erase(JoinCell),
  transform: erase(TransformCell),
  chart: erase(ChartCell),
  frequency: erase(FrequencyCell),
  clusters: erase(ClustersCell),
  drivers: erase(DriversCell),
  trace: erase(TraceCell),
  frontline: erase(FrontLineCell),
  index: erase(IndexCell),
};
