import type { ColumnInfo } from '../storage/dataset-meta.ts';
import type { ColumnFormat, ColumnProfile, ValueType } from './types.ts';

/** How a new file's columns differ from a stored dataset's. */
export interface SchemaDiff {
  /** In the file, not in the dataset. */
  added: string[];
  /** In the dataset, not in the file (appended rows leave them blank). */
  missing: string[];
  /** In both, but the file's values read as another type. */
  retyped: { name: string; from: string; to: ValueType }[];
}

/** Compares a stored dataset's columns with the columns profiled from a new file. */
export function diffSchemas(
  existing: readonly ColumnInfo[],
  incoming: readonly ColumnProfile[],
): SchemaDiff {
  const old = new Map(existing.map((c) => [c.name, c]));
  const names = new Set(incoming.map((c) => c.name));
  return {
    added: incoming.filter((c) => !old.has(c.name)).map((c) => c.name),
    missing: existing.filter((c) => !names.has(c.name)).map((c) => c.name),
    retyped: incoming.flatMap((c) => {
      const before = old.get(c.name);
      const from = before?.valueType;
      return from !== undefined && from !== c.format.type
        ? [{ name: c.name, from, to: c.format.type }]
        : [];
    }),
  };
}

/** A stored column's reading format, when it records one. */
export function storedFormat(column: ColumnInfo): ColumnFormat | null {
  if (!column.valueType) return null;
  return {
    type: column.valueType as ValueType,
    decimal: column.decimal ?? '.',
    ...(column.dateOrder ? { dateOrder: column.dateOrder } : {}),
  };
}

/**
 * Reading formats for rows appended to a dataset: columns it already has are read as before,
 * so the stored column keeps one type (values that do not fit are counted as invalid).
 */
export function appendFormats(existing: readonly ColumnInfo[]): Record<string, ColumnFormat> {
  const out: Record<string, ColumnFormat> = {};
  for (const c of existing) {
    const f = storedFormat(c);
    if (f) out[c.name] = f;
  }
  return out;
}

/**
 * The stored columns after appending: the dataset's columns in their order (with their roles),
 * then the file's new ones.
 */
export function mergeColumns(
  existing: readonly ColumnInfo[],
  incoming: readonly ColumnInfo[],
): ColumnInfo[] {
  const names = new Set(existing.map((c) => c.name));
  return [...existing, ...incoming.filter((c) => !names.has(c.name))];
}
