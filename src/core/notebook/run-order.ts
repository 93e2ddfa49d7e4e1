/** The order Run all takes a notebook's cells in. */

/** `order` with each id after the ids it reads (as far as they are in `order`); stable otherwise. */
export function dependencyOrder(
  order: readonly string[],
  readsOf: (id: string) => readonly string[],
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string, path: Set<string>) => {
    if (seen.has(id) || path.has(id) || !order.includes(id)) return;
    path.add(id);
    for (const r of readsOf(id)) visit(r, path);
    path.delete(id);
    seen.add(id);
    out.push(id);
  };
  for (const id of order) visit(id, new Set());
  return out;
}
