import {
  createChartSettings,
  restoreChartSettings,
  type ChartSettings,
} from '../../charts/chart-settings.ts';
import type { ChartCellInput } from '../../worker-api/chart-api.ts';
import { restoreConditions, type Condition } from '../../transform/transform-steps.ts';
import type { CellRequest } from '../cell-query.ts';

/**
 * A population pinned from a chart selection: its name, the conditions that select its rows,
 * and (when pinned) how many rows and which clients it held.
 */
export interface PinnedPopulation {
  name: string;
  datasetId: string;
  conditions: Condition[];
  rows: number;
  /** The clients of those rows, when the dataset has a client column. */
  clients: string[] | null;
}

/** A chart cell's data: the dataset and the form's settings, or the expert's JSON. */
export interface ChartCellData {
  datasetId: string | null;
  settings: ChartSettings;
  /** A hand-written Vega-Lite spec; null draws from the form. */
  json: string | null;
  pinned: PinnedPopulation[];
}

/** A new chart cell: a bar chart of nothing yet. */
export function createChartCellData(): ChartCellData {
  return { datasetId: null, settings: createChartSettings(), json: null, pinned: [] };
}

function restorePinned(raw: unknown): PinnedPopulation | null {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const conditions = restoreConditions(r.conditions);
  if (typeof r.name !== 'string' || typeof r.datasetId !== 'string' || conditions.length === 0)
    return null;
  const clients = Array.isArray(r.clients)
    ? r.clients.filter((c): c is string => typeof c === 'string')
    : null;
  const rows = typeof r.rows === 'number' && Number.isInteger(r.rows) && r.rows >= 0 ? r.rows : 0;
  return { name: r.name, datasetId: r.datasetId, conditions, rows, clients };
}

/** Repairs stored chart-cell data. */
export function restoreChartCellData(raw: unknown): ChartCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    datasetId: typeof r.datasetId === 'string' && r.datasetId !== '' ? r.datasetId : null,
    settings: restoreChartSettings(r.settings),
    json: typeof r.json === 'string' ? r.json : null,
    pinned: (Array.isArray(r.pinned) ? r.pinned : [])
      .map(restorePinned)
      .filter((p): p is PinnedPopulation => p !== null),
  };
}

/** The dataset names a spec's `data: { name }` objects give, anywhere in it. */
export function specDatasetNames(json: string): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  const names = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const data = value as { name?: unknown; values?: unknown } | null;
      // A name beside inline values names the spec's own rows, not a workspace dataset.
      if (key === 'data' && typeof data?.name === 'string' && data.values === undefined)
        names.add(data.name);
      walk(value, depth + 1);
    }
  };
  walk(raw, 0);
  return [...names];
}

/**
 * The cell's request: the form's chart of its dataset (null until one is chosen), or the
 * expert's spec, which reads the workspace datasets it names.
 */
export function chartCellQuery(
  data: ChartCellData,
  datasets: readonly { id: string; name: string }[],
): CellRequest | null {
  if (data.json !== null) {
    const input: ChartCellInput = { kind: 'json', json: data.json };
    const ids = specDatasetNames(data.json).flatMap((n) =>
      datasets.filter((d) => d.name === n).map((d) => d.id),
    );
    return {
      worker: 'analysis',
      method: 'chartCell',
      input,
      reads: { datasets: ids, models: [], cells: [] },
    };
  }
  if (!data.datasetId) return null;
  const input: ChartCellInput = {
    kind: 'form',
    datasetId: data.datasetId,
    settings: data.settings,
  };
  return {
    worker: 'analysis',
    method: 'chartCell',
    input,
    reads: { datasets: [data.datasetId], models: [], cells: [] },
  };
}
