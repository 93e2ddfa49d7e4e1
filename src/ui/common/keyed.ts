/**
 * Items with a key unique in their list, for keyed `{#each}` blocks: the item's id, with its
 * occurrence number when ids repeat. A hand-edited model file may repeat or omit ids —
 * validation reports that; the lists showing it must not crash on it.
 */
export function keyed<T>(items: readonly T[], id: (item: T) => string): { item: T; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = id(item);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { item, key: n === 0 ? base : `${base}\u0000${n}` };
  });
}
