/**
 * Which stored columns a chooser offers for a purpose, by what the importer made of them (type,
 * inferred value type, role) — so that no chooser offers an id, a comment or a date where a
 * grouping is asked for, or a rating where an amount of money is.
 */
import type { ColumnInfo } from '../storage/dataset-meta.ts';
import { looksLikeIdHeader } from './column-roles.ts';

/**
 * What a column is chosen for:
 * - `group`: splits rows into groups (by column, segment): text categories and yes/no;
 * - `value`: an amount at risk behind each row (LTV, revenue): plain numbers, not scores,
 *   weights, shares or ids.
 */
export type ColumnPurpose = 'group' | 'value';

/** Roles that never group rows: one value per row or per client, or free text, or time. */
const NOT_GROUPS = new Set(['client-id', 'comment', 'date']);
/** Roles of numbers that are not amounts: scores, weights, time, ids. */
const NOT_VALUES = new Set([
  'client-id',
  'nps',
  'csat',
  'factor-rating',
  'factor-weight',
  'date',
  'period',
]);

/** Whether `column` can serve `purpose` (see `ColumnPurpose`). */
export function fitsPurpose(column: ColumnInfo, purpose: ColumnPurpose): boolean {
  if (column.valueType === 'id' || looksLikeIdHeader(column.name)) return false;
  if (purpose === 'group') {
    if (column.type !== 'string' && column.type !== 'boolean') return false;
    return column.valueType !== 'text' && !NOT_GROUPS.has(column.role ?? '');
  }
  if (column.type !== 'number') return false;
  return column.valueType !== 'percent' && !NOT_VALUES.has(column.role ?? '');
}

/** The columns of `columns` that can serve `purpose`, in their order. */
export function columnsFor(columns: readonly ColumnInfo[], purpose: ColumnPurpose): ColumnInfo[] {
  return columns.filter((c) => fitsPurpose(c, purpose));
}
