import type { ServiceModel } from '../model/model-types.ts';
import { keyText } from './indicator-values.ts';
import type { LoadedDataset } from './loaded-dataset.ts';

/** One dataset's rows about one client: survey answers, orders, shipments, the card itself. */
export interface ClientRecords {
  dataset: string;
  datasetId?: string;
  /** The column that names the client. */
  keyColumn: string;
  columns: string[];
  /** The first `limit` matching rows, values as loaded (null for blank). */
  rows: unknown[][];
  /** All matching rows. */
  total: number;
}

/** The client-id column a model declares for a dataset: its keys, else the client card's key. */
function clientColumn(model: ServiceModel, ds: LoadedDataset): string | undefined {
  for (const ref of [ds.name, ds.id]) {
    const key = ref !== undefined ? model.datasets[ref]?.client : undefined;
    if (key && key in ds.columns) return key;
  }
  const card = model.clientCard;
  if (card && (card.dataset === ds.name || card.dataset === ds.id) && card.key in ds.columns) {
    return card.key;
  }
  return undefined;
}

/**
 * Every row about `client` in the datasets a model reads (the client card first, then the others
 * in order), up to `limit` per dataset: what an analyst opens to see why a client's index is low.
 */
export function clientRecords(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  client: string,
  limit = 200,
): ClientRecords[] {
  const card = model.clientCard?.dataset;
  const ordered = [...datasets].sort(
    (a, b) => Number(b.name === card || b.id === card) - Number(a.name === card || a.id === card),
  );
  const out: ClientRecords[] = [];
  for (const ds of ordered) {
    const keyColumn = clientColumn(model, ds);
    if (!keyColumn) continue;
    const ids = ds.columns[keyColumn]!;
    const columns = Object.keys(ds.columns);
    const rows: unknown[][] = [];
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      if (keyText(ids[i]) !== client) continue;
      total++;
      if (rows.length < limit) rows.push(columns.map((c) => ds.columns[c]![i] ?? null));
    }
    out.push({
      dataset: ds.name,
      ...(ds.id !== undefined ? { datasetId: ds.id } : {}),
      keyColumn,
      columns,
      rows,
      total,
    });
  }
  return out;
}
