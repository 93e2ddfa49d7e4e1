/**
 * A dataset loaded into memory for computing indicators: its columns by name (values as stored
 * datasets decode: numbers, strings, booleans, dates as epoch milliseconds UTC, null for blank)
 * and each column's stored type. `loadCsv` builds one from CSV text through the app's importer,
 * for tests and Node use.
 */
import { isDictionaryValues } from '../storage/column-chunk.ts';
import type { ColumnType, YesNoLabels } from '../storage/dataset-meta.ts';
import { profileTable } from '../ingest/inspect.ts';
import { readSource, type SourceTable } from '../ingest/read-source.ts';
import { storedColumns } from '../ingest/typed-chunks.ts';
import type { TypedValues } from '../ingest/types.ts';

/** A dataset's columns in memory: one value per row, null (or NaN) for blank. */
export interface LoadedDataset {
  /** The stored dataset's id, when it has one (bindings may name it). */
  id?: string;
  /** The dataset's name as imported (bindings and `ServiceModel.datasets` use it). */
  name: string;
  /**
   * Its number of rows, when known without reading a column (a stored dataset's columns are
   * decoded when first read).
   */
  rowCount?: number;
  columns: Record<string, ArrayLike<unknown>>;
  types: Record<string, ColumnType>;
  /** Each column's role for CX analysis (`client-id`, `comment`…), when known. */
  roles?: Record<string, string | undefined>;
  /** Each yes/no column's own words for yes and no, when known. */
  labels?: Record<string, YesNoLabels | undefined>;
}

/**
 * The number of rows of a loaded dataset: its `rowCount` when known (a stored dataset, whose
 * columns are decoded only when read), else its longest column.
 */
export function rowCount(ds: LoadedDataset): number {
  if (ds.rowCount !== undefined) return ds.rowCount;
  let n = 0;
  for (const c of Object.values(ds.columns)) n = Math.max(n, c.length);
  return n;
}

/**
 * A column's values as the importer typed them, in the decoded form: numbers and dates keep
 * their `Float64Array` when it has no blank (NaN) cell, else become an array with null for
 * blank; dictionary-coded text becomes plain strings.
 */
export function plainValues(values: TypedValues): ArrayLike<number | string | boolean | null> {
  if (values instanceof Float64Array) {
    if (!values.some((v) => Number.isNaN(v))) return values;
    return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
  }
  if (isDictionaryValues(values)) {
    const { codes, dictionary } = values;
    return Array.from(codes, (c) => (c < 0 ? null : (dictionary[c] ?? null)));
  }
  return values;
}

/**
 * Reads CSV text with the app's importer (detection, type inference, typed values) into a
 * `LoadedDataset` named `name`. Throws the importer's `IngestError` for text it cannot read.
 */
export async function loadCsv(name: string, csvText: string, id?: string): Promise<LoadedDataset> {
  const table = await readSource(new TextEncoder().encode(csvText), `${name}.csv`);
  return loadSourceTable(name, table, id);
}

/** A read table typed as the importer would store it, as a `LoadedDataset` named `name`. */
export function loadSourceTable(name: string, table: SourceTable, id?: string): LoadedDataset {
  const typed: TypedValues[] = [];
  const report = profileTable(table, {}, typed);
  const infos = storedColumns(report.columns);
  const columns: Record<string, ArrayLike<unknown>> = {};
  const types: Record<string, ColumnType> = {};
  const roles: Record<string, string | undefined> = {};
  const labels: Record<string, YesNoLabels | undefined> = {};
  infos.forEach((info, i) => {
    columns[info.name] = plainValues(typed[i] ?? []);
    types[info.name] = info.type;
    roles[info.name] = info.role;
    if (info.labels) labels[info.name] = info.labels;
  });
  return { ...(id !== undefined ? { id } : {}), name, columns, types, roles, labels };
}
