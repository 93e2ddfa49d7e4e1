/**
 * A population of rows: the rows of a dataset that meet every condition, by a name the analyst
 * gave it (pinned from a chart selection), which a metric cell can be limited to.
 */
import type { ColumnType } from '../storage/dataset-meta.ts';
import { rowFilter, type Row } from './row-functions.ts';
import { restoreConditions, type Condition } from './transform-steps.ts';

/** Rows of a dataset that meet every condition, by name. */
export interface RowPopulation {
  name: string;
  conditions: Condition[];
}

/** Repairs a stored row population; null when it is not one. */
export function restoreRowPopulation(raw: unknown): RowPopulation | null {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const conditions = restoreConditions(r.conditions);
  return typeof r.name === 'string' && conditions.length > 0 ? { name: r.name, conditions } : null;
}

/**
 * The indices of the rows that meet every condition, read from the dataset's columns by name
 * (`types` tells how to read each condition's value).
 */
export function populationRows(
  conditions: readonly Condition[],
  columns: Readonly<Record<string, ArrayLike<unknown>>>,
  types: Readonly<Record<string, ColumnType>>,
  rowCount: number,
): Uint32Array {
  const test = rowFilter(conditions, 'and', types);
  const names = [...new Set(conditions.map((c) => c.column))];
  // One row object, refilled for each row: a million rows allocate nothing.
  const row: Row = {};
  const kept = new Uint32Array(rowCount);
  let n = 0;
  for (let i = 0; i < rowCount; i++) {
    for (const name of names) row[name] = columns[name]?.[i] ?? null;
    if (test(row)) kept[n++] = i;
  }
  return kept.slice(0, n);
}

/** The values at `rows`, in order. */
export function pickRows<T>(values: ArrayLike<T>, rows: ArrayLike<number>): T[] {
  return Array.from({ length: rows.length }, (_, k) => values[rows[k]!]!);
}
