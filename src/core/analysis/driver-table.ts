/**
 * The table a drivers analysis reads in the app: a dataset's own columns, the client card's
 * columns joined by client id, and the service model's indicators at each row's client and
 * period (e.g. the late-shipment share of the client's warehouse that month).
 */
import type { Layer, Localized, ServiceModel } from '../model/model-types.ts';
import type { ColumnType, YesNoLabels } from '../storage/dataset-meta.ts';
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import {
  cellKey,
  clientPeriods,
  findDataset,
  indicatorValues,
  keyText,
  toClientPeriod,
} from '../index/indicator-values.ts';
import { periodKey } from '../index/period-key.ts';

/** Where a column of the drivers table comes from. */
export type DriverColumnSource =
  /** A column of the dataset itself; `indicator` when the model reads an indicator from it. */
  | { kind: 'dataset'; indicator?: { id: string; name: Localized; layer: Layer } }
  | { kind: 'card' }
  | { kind: 'indicator'; id: string; name: Localized; layer: Layer };

/** The joined table, with each column's source. */
export interface DriverTable {
  columns: Record<string, ArrayLike<unknown>>;
  types: Record<string, ColumnType>;
  roles: Record<string, string | undefined>;
  /** Each yes/no column's own words for yes and no, when known. */
  labels: Record<string, YesNoLabels | undefined>;
  sources: Record<string, DriverColumnSource>;
  /** Columns that are outcomes rather than causes (TX and CX indicators, churn flags): off by default. */
  outcomes: string[];
  /** Why the model could not be joined: the dataset has no client column, or no date column. */
  missing: 'client' | 'date' | null;
}

/** Layers whose indicators explain satisfaction (the rest are satisfaction or its results). */
const CAUSE_LAYERS: readonly Layer[] = ['OX', 'EX', 'IT'];

/**
 * `base` joined with the client card and the model's indicators (none when `model` is null).
 * Indicators read from `target` itself are left out (they would be the target again).
 */
export function driverTable(
  base: LoadedDataset,
  model: ServiceModel | null,
  datasets: readonly LoadedDataset[],
  target: string | null,
): DriverTable {
  const columns: Record<string, ArrayLike<unknown>> = { ...base.columns };
  const types: Record<string, ColumnType> = { ...base.types };
  const roles: Record<string, string | undefined> = { ...(base.roles ?? {}) };
  const labels: Record<string, YesNoLabels | undefined> = { ...(base.labels ?? {}) };
  const sources: Record<string, DriverColumnSource> = {};
  for (const name of Object.keys(columns)) sources[name] = { kind: 'dataset' };
  const outcomes: string[] = [];
  const table: DriverTable = { columns, types, roles, labels, sources, outcomes, missing: null };
  if (!model) return table;

  const keys = model.datasets?.[base.name] ?? (base.id ? model.datasets?.[base.id] : undefined);
  const roleColumn = (role: string) =>
    Object.keys(base.columns).find((c) => base.roles?.[c] === role);
  const clientColumn = keys?.client ?? roleColumn('client-id');
  const periodColumn = keys?.period ?? roleColumn('date') ?? roleColumn('period');
  const clientValues = clientColumn ? base.columns[clientColumn] : undefined;
  if (!clientValues) {
    table.missing = 'client';
    return table;
  }
  const n = clientValues.length;
  const clients = Array.from({ length: n }, (_, r) => keyText(clientValues[r]));

  const card = model.clientCard;
  const cardData = card ? findDataset(card.dataset, datasets) : undefined;
  if (card && cardData && cardData !== base && cardData.columns[card.key]) {
    const ids = cardData.columns[card.key]!;
    const rowOf = new Map<string, number>();
    for (let r = 0; r < ids.length; r++) {
      const id = keyText(ids[r]);
      if (id !== null && !rowOf.has(id)) rowOf.set(id, r);
    }
    for (const [name, values] of Object.entries(cardData.columns)) {
      if (name === card.key || name in columns) continue;
      columns[name] = clients.map((id) => {
        const at = id === null ? undefined : rowOf.get(id);
        return at === undefined ? null : values[at];
      });
      types[name] = cardData.types[name] ?? 'string';
      roles[name] = cardData.roles?.[name];
      labels[name] = cardData.labels?.[name];
      sources[name] = { kind: 'card' };
      if (roles[name] === 'target') outcomes.push(name);
    }
  }

  const periodValues = periodColumn ? base.columns[periodColumn] : undefined;
  if (!periodValues) {
    table.missing = 'date';
    return table;
  }
  const grain = model.period?.grain === 'quarter' ? 'quarter' : 'month';
  const periods = Array.from({ length: n }, (_, r) => periodKey(periodValues[r], grain));
  const byClient = clientPeriods(model, datasets);
  for (const indicator of model.indicators ?? []) {
    const b = indicator.binding;
    if (!b || indicator.id in columns) continue;
    const sameDataset = findDataset(b.dataset, datasets) === base;
    // An indicator that is the answers' own column, averaged per client and period, would be
    // that column again: the column is named by the indicator instead, and not repeated.
    if (
      sameDataset &&
      b.aggregate === 'mean' &&
      b.grain.kind === 'client-period' &&
      !b.filter &&
      sources[b.column]?.kind === 'dataset'
    ) {
      sources[b.column] = {
        kind: 'dataset',
        indicator: { id: indicator.id, name: indicator.name, layer: indicator.layer },
      };
      continue;
    }
    if (sameDataset && target !== null && (b.column === target || b.per === target)) continue;
    const series = indicatorValues(model, indicator.id, datasets);
    const byCell = toClientPeriod(model, series, datasets, byClient);
    if (byCell.size === 0) continue;
    columns[indicator.id] = clients.map((id, r) => {
      const p = periods[r] ?? null;
      return id === null || p === null ? null : (byCell.get(cellKey(id, p)) ?? null);
    });
    types[indicator.id] = 'number';
    sources[indicator.id] = {
      kind: 'indicator',
      id: indicator.id,
      name: indicator.name,
      layer: indicator.layer,
    };
    if (!CAUSE_LAYERS.includes(indicator.layer)) outcomes.push(indicator.id);
  }
  return table;
}
