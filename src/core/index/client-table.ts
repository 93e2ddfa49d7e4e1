import type { IndexClientRow } from './index-view.ts';

/** Columns the per-client table sorts by. */
export type ClientSortKey = 'client' | 'segment' | 'period' | 'index' | 'TX' | 'CX' | 'missing';

/** A sort of the per-client table. */
export interface ClientSort {
  key: ClientSortKey;
  descending: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The clients whose id or segment contains `search` (any case, spaces at the ends ignored),
 * sorted by `sort`: numbers by value, text in natural order (K2 before K10); blanks last either
 * way; ties by client id, so the order is always the same.
 */
export function filterAndSortClients(
  rows: readonly IndexClientRow[],
  search: string,
  sort: ClientSort,
): IndexClientRow[] {
  const needle = search.trim().toLocaleLowerCase();
  const kept = needle
    ? rows.filter(
        (r) =>
          r.client.toLocaleLowerCase().includes(needle) ||
          (r.segment ?? '').toLocaleLowerCase().includes(needle),
      )
    : rows.slice();
  const value = (r: IndexClientRow): string | number | null =>
    sort.key === 'missing' ? r.missing.length : r[sort.key];
  const sign = sort.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : collator.compare(String(x), String(y));
      if (c !== 0) return sign * c;
    }
    return collator.compare(a.client, b.client);
  });
}
