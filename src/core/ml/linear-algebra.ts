/**
 * Small dense linear algebra for the linear key-driver models: a symmetric eigen-decomposition
 * (cyclic Jacobi) and Cholesky solves. Matrices are row-major `Float64Array`s of `n × n`; the
 * sizes here are the number of features (tens), so clarity wins over blocking.
 */

/** Eigenvalues (descending) and unit eigenvectors of a symmetric matrix. */
export interface SymmetricEigen {
  values: Float64Array;
  /** Row-major `n × n`; column `k` (`vectors[i * n + k]`) is the eigenvector of `values[k]`. */
  vectors: Float64Array;
}

/**
 * The eigen-decomposition `A = V diag(values) Vᵀ` of the symmetric `n × n` matrix `a` by cyclic
 * Jacobi rotations. Only the matrix's symmetric part is meaningful; `a` is not modified.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  const m = Float64Array.from({ length: n * n }, (_, i) => a[i]!);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += m[i]! * m[i]!;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    // Off-diagonal mass at rounding level of the whole matrix: further rotations only add noise.
    if (off <= 1e-32 * total) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        // The smaller rotation angle; for huge theta, theta² would overflow, and t ≈ 1/(2θ).
        const t =
          Math.abs(theta) > 1e150
            ? 1 / (2 * theta)
            : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = m[k * n + p]!;
          const akq = m[k * n + q]!;
          const newP = c * akp - s * akq;
          const newQ = s * akp + c * akq;
          m[k * n + p] = newP;
          m[p * n + k] = newP;
          m[k * n + q] = newQ;
          m[q * n + k] = newQ;
        }
        m[p * n + p] = app - t * apq;
        m[q * n + q] = aqq + t * apq;
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => m[j * n + j]! - m[i * n + i]!,
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src]!;
  });
  return { values, vectors };
}

/**
 * The lower-triangular Cholesky factor `L` (row-major, `A = L Lᵀ`) of the symmetric `n × n`
 * matrix `a` (its lower triangle is read), or null when `a` is not numerically positive definite.
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** Solves `L Lᵀ x = b` given the Cholesky factor `l` from {@link cholesky}. */
export function choleskySolve(l: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  const x = Float64Array.from({ length: n }, (_, i) => b[i]!);
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/**
 * Solves `A x = b` for a symmetric positive (semi-)definite `A` by Cholesky. When `A` is singular
 * to working precision a growing multiple of the identity is added until the factorisation
 * succeeds (the minimum-norm-leaning ridge solution), so the result is always finite.
 */
export function solveSymmetricPositive(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  n: number,
): Float64Array {
  let l = cholesky(a, n);
  if (l) return choleskySolve(l, b, n);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + i]!));
  const shifted = Float64Array.from({ length: n * n }, (_, i) => a[i]!);
  for (let jitter = 1e-12 * (scale || 1); ; jitter *= 10) {
    for (let i = 0; i < n; i++) shifted[i * n + i] = a[i * n + i]! + jitter;
    l = cholesky(shifted, n);
    if (l) return choleskySolve(l, b, n);
    if (jitter > 1e12 * (scale || 1)) return new Float64Array(n);
  }
}
