/**
 * Pearson's correlation of two equally long series over the positions where both are finite
 * numbers (a blank in either leaves the pair out). Null with fewer than 3 such pairs, or when
 * either side is constant over them.
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    if (!Number.isFinite(ai) || !Number.isFinite(bi)) continue;
    n++;
    sa += ai;
    sb += bi;
  }
  if (n < 3) return null;
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    if (!Number.isFinite(ai) || !Number.isFinite(bi)) continue;
    cov += (ai - ma) * (bi - mb);
    va += (ai - ma) ** 2;
    vb += (bi - mb) ** 2;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : null;
}
