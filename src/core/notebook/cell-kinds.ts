import type { MessageKey } from '../i18n/messages.ts';
import { createChartCellData, restoreChartCellData } from './cell-data/chart-cell.ts';
import { createMarkdownCellData, restoreMarkdownCellData } from './cell-data/markdown-cell.ts';
import { createNpsCellData, restoreNpsCellData } from './cell-data/nps-cell.ts';
import { createImportCellData, restoreImportCellData } from './cell-data/import-cell.ts';
import { createJoinCellData, restoreJoinCellData } from './cell-data/join-cell.ts';
import { createIndexCellData, restoreIndexCellData } from './cell-data/index-cell.ts';
import { createMetricCellData, restoreMetricCellData } from './cell-data/metric-cell.ts';
import { createFrequencyCellData, restoreFrequencyCellData } from './cell-data/frequency-cell.ts';
import { createClustersCellData, restoreClustersCellData } from './cell-data/clusters-cell.ts';
import { createDriversCellData, restoreDriversCellData } from './cell-data/drivers-cell.ts';
import { createTraceCellData, restoreTraceCellData } from './cell-data/trace-cell.ts';
import { createFrontLineCellData, restoreFrontLineCellData } from './cell-data/frontline-cell.ts';
import { createTransformCellData, restoreTransformCellData } from './cell-data/transform-cell.ts';

/** The pure half of a cell kind: its name, label, initial data and how to repair stored data. */
export interface CellKindSpec<D = unknown> {
  kind: string;
  labelKey: MessageKey;
  create(): D;
  restore(raw: unknown): D;
}

/**
 * Every cell kind, in the order the "add cell" bar offers them. A new kind adds its spec here
 * and its component in `src/ui/cells/registry.ts`; the notebook shell does not change.
 */
export const CELL_KINDS: readonly CellKindSpec[] = [
  {
    kind: 'import',
    labelKey: 'kind.import',
    create: createImportCellData,
    restore: restoreImportCellData,
  },
  {
    kind: 'markdown',
    labelKey: 'kind.markdown',
    create: createMarkdownCellData,
    restore: restoreMarkdownCellData,
  },
  { kind: 'nps', labelKey: 'kind.nps', create: createNpsCellData, restore: restoreNpsCellData },
  {
    kind: 'metric',
    labelKey: 'kind.metric',
    create: createMetricCellData,
    restore: restoreMetricCellData,
  },
  { kind: 'join', labelKey: 'kind.join', create: createJoinCellData, restore: restoreJoinCellData },
  {
    kind: 'transform',
    labelKey: 'kind.transform',
    create: createTransformCellData,
    restore: restoreTransformCellData,
  },
  {
    kind: 'chart',
    labelKey: 'kind.chart',
    create: createChartCellData,
    restore: restoreChartCellData,
  },
  {
    kind: 'frequency',
    labelKey: 'kind.frequency',
    create: createFrequencyCellData,
    restore: restoreFrequencyCellData,
  },
  {
    kind: 'clusters',
    labelKey: 'kind.clusters',
    create: createClustersCellData,
    restore: restoreClustersCellData,
  },
  {
    kind: 'drivers',
    labelKey: 'kind.drivers',
    create: createDriversCellData,
    restore: restoreDriversCellData,
  },
  {
    kind: 'trace',
    labelKey: 'kind.trace',
    create: createTraceCellData,
    restore: restoreTraceCellData,
  },
  {
    kind: 'frontline',
    labelKey: 'kind.frontline',
    create: createFrontLineCellData,
    restore: restoreFrontLineCellData,
  },
  {
    kind: 'index',
    labelKey: 'kind.index',
    create: createIndexCellData,
    restore: restoreIndexCellData,
  },
];

/** The spec of a cell kind, or undefined for a kind this version does not know. */
export function findCellKind(kind: string): CellKindSpec | undefined {
  return CELL_KINDS.find((k) => k.kind === kind);
}

/** Repairs a cell's stored data by its kind; data of unknown kinds is kept as it is. */
export function restoreCellData(kind: string, data: unknown): unknown {
  const spec = findCellKind(kind);
  return spec ? spec.restore(data) : data;
}
