/**
 * A value at risk read from a model's client card: a survey row knows its client, the card
 * knows the client's LTV. This resolves the join — which stored dataset is the card, its key,
 * and the client column of the dataset being analysed — for the choosers and for the worker.
 */
import { columnsFor } from '../ingest/column-purpose.ts';
import type { ColumnInfo, DatasetMeta } from '../storage/dataset-meta.ts';
import type { ServiceModel } from './model-types.ts';

/** How a dataset's rows reach a model's client card. */
export interface CardJoin {
  /** The stored client card. */
  card: DatasetMeta;
  /** The card's client id column. */
  key: string;
  /** The analysed dataset's client id column. */
  client: string;
}

/** A stored dataset by a model's reference: by id, then the most recent of that name. */
function byRef(ref: string, stored: readonly DatasetMeta[]): DatasetMeta | undefined {
  return (
    stored.find((d) => d.id === ref) ??
    stored.filter((d) => d.name === ref).sort((a, b) => b.createdAt - a.createdAt)[0]
  );
}

/**
 * How `dataset`'s rows reach `model`'s client card, or null: the model must have a card that
 * is stored and is not `dataset` itself, and `dataset` must have a client column (its key in
 * the model, else the column whose role is `client-id`).
 */
export function cardJoin(
  model: ServiceModel,
  stored: readonly DatasetMeta[],
  dataset: DatasetMeta,
): CardJoin | null {
  const ref = model.clientCard;
  const card = ref ? byRef(ref.dataset, stored) : undefined;
  if (!ref || !card || card.id === dataset.id) return null;
  if (!card.columns.some((c) => c.name === ref.key)) return null;
  const keys = model.datasets?.[dataset.id] ?? model.datasets?.[dataset.name];
  const client =
    keys?.client ?? dataset.columns.find((c) => c.role === 'client-id')?.name ?? undefined;
  if (!client || !dataset.columns.some((c) => c.name === client)) return null;
  return { card, key: ref.key, client };
}

/** The client card's columns that can be a value at risk for `dataset`'s rows (none without a join). */
export function cardValueColumns(
  model: ServiceModel,
  stored: readonly DatasetMeta[],
  dataset: DatasetMeta,
): ColumnInfo[] {
  const join = cardJoin(model, stored, dataset);
  return join ? columnsFor(join.card.columns, 'value').filter((c) => c.name !== join.key) : [];
}

/**
 * Each row's value from the card: `clients` is the analysed dataset's client column, `keys`
 * and `values` the card's key and value columns. Rows whose client is not on the card get
 * NaN (no value, never 0); a client listed twice keeps its first row.
 */
export function valuesByClient(
  clients: ArrayLike<unknown>,
  keys: ArrayLike<unknown>,
  values: ArrayLike<unknown>,
): Float64Array {
  const byKey = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = values[i];
    if (k === null || k === undefined) continue;
    const id = String(k).trim();
    if (!byKey.has(id)) byKey.set(id, typeof v === 'number' ? v : NaN);
  }
  return Float64Array.from({ length: clients.length }, (_, r) => {
    const c = clients[r];
    return c === null || c === undefined ? NaN : (byKey.get(String(c).trim()) ?? NaN);
  });
}
