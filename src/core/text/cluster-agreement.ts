/**
 * Normalised mutual information between two labellings of the same items (clusters against
 * gold classes): 0 when one tells nothing of the other, 1 when they are the same partition.
 * Normalised by the arithmetic mean of the entropies (as scikit-learn's default).
 */
export function normalizedMutualInformation(
  a: ArrayLike<number | string>,
  b: ArrayLike<number | string>,
): number {
  if (a.length !== b.length) throw new RangeError(`${a.length} labels against ${b.length}`);
  const n = a.length;
  if (n === 0) return 0;
  const joint = new Map<string, number>();
  const ca = new Map<number | string, number>();
  const cb = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
    const key = JSON.stringify([x, y]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const entropy = (counts: Map<unknown, number>) => {
    let h = 0;
    for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mi = 0;
  for (const [key, c] of joint) {
    const [x, y] = JSON.parse(key) as [number | string, number | string];
    mi += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  }
  const ha = entropy(ca);
  const hb = entropy(cb);
  if (ha === 0 && hb === 0) return 1;
  const denom = (ha + hb) / 2;
  return denom > 0 ? Math.max(0, Math.min(1, mi / denom)) : 0;
}
