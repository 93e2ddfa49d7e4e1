/** What a client list shows of the client card: its columns, and their values as plain data. */
import type { LoadedDataset } from './loaded-dataset.ts';
import type { ColumnType } from '../storage/dataset-meta.ts';

/** A client-card column as a list shows it. */
export interface CardColumn {
  name: string;
  type: ColumnType;
}

/**
 * The client card's columns a list of clients shows: all but the key and the per-client
 * importance weights (model inputs, not facts about the client: the columns whose role is
 * `factor-weight`, or named `weight_*`), at most `max`.
 */
export function cardColumns(card: LoadedDataset, key: string, max: number): CardColumn[] {
  return Object.keys(card.columns)
    .filter((c) => c !== key && card.roles?.[c] !== 'factor-weight' && !/^weight_/i.test(c))
    .slice(0, max)
    .map((name) => ({ name, type: card.types[name] ?? 'string' }));
}

/** A card value as plain data: a number (dates as epoch ms), text or yes/no; null for blank. */
export function cardValue(v: unknown): string | number | boolean | null {
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  return typeof v === 'string' || typeof v === 'boolean' ? v : null;
}
