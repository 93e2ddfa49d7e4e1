/**
 * Kinds of clients by the nature of their complaints: each client's profile is the share of its
 * comments in each comment cluster (theme); clients with alike profiles are grouped by
 * spherical k-means (k by silhouette), each group described by its typical profile, size,
 * NPS and segment mix.
 */
import { keyText } from '../index/indicator-values.ts';
import { silhouette, sphericalKMeans } from './spherical-kmeans.ts';
import type { SparseRows } from './tfidf.ts';

/** A group of clients who complain alike. */
export interface ClientGroup {
  id: number;
  clients: number;
  /** Its typical profile: the share of its clients' comments in each theme, largest first. */
  themes: { theme: number; share: number }[];
  /** NPS of its clients' answers with a score, and how many. */
  nps: number | null;
  npsN: number;
  segments: { key: string; share: number }[];
}

/** Clients grouped by their complaint profile. */
export interface ClientGroups {
  k: number;
  silhouette: number;
  groups: ClientGroup[];
  /** Clients with at least one clustered comment. */
  clients: number;
}

/**
 * Groups clients by the shares of their comments per theme (`assignments`: each row's comment
 * cluster, −1 for none; `clientIds`: each row's client). `scores` (0–10) and `segments` per row
 * describe the groups. Needs at least 3 clients with comments; null otherwise.
 */
export function clientGroups(
  clientIds: ArrayLike<unknown>,
  assignments: readonly number[],
  themes: number,
  options: {
    k?: number | 'auto';
    maxK?: number;
    seed?: number;
    scores?: ArrayLike<unknown> | null;
    segments?: ArrayLike<unknown> | null;
  } = {},
): ClientGroups | null {
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < assignments.length; i++) {
    if (assignments[i]! < 0) continue;
    const id = keyText(clientIds[i]);
    if (id === null) continue;
    let list = rowsOf.get(id);
    if (!list) rowsOf.set(id, (list = []));
    list.push(i);
  }
  const clients = [...rowsOf.keys()];
  if (clients.length < 3 || themes < 1) return null;

  // Each client a unit-length row of theme shares (cosine between profiles).
  const indptr = new Int32Array(clients.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  clients.forEach((c, r) => {
    const counts = new Float64Array(themes);
    for (const row of rowsOf.get(c)!) counts[assignments[row]!]!++;
    let norm = 0;
    for (const x of counts) norm += x * x;
    norm = Math.sqrt(norm);
    counts.forEach((x, t) => {
      if (x > 0) {
        indices.push(t);
        values.push(x / norm);
      }
    });
    indptr[r + 1] = values.length;
  });
  const matrix: SparseRows = {
    rows: clients.length,
    columns: themes,
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };

  const seed = options.seed ?? 1;
  let k: number;
  if (options.k === undefined || options.k === 'auto') {
    const top = Math.max(2, Math.min(options.maxK ?? 8, Math.floor(clients.length / 3)));
    let best = { k: 2, s: -Infinity };
    for (let kk = 2; kk <= top; kk++) {
      const r = sphericalKMeans(matrix, { k: kk, seed, restarts: 2 });
      const s = silhouette(matrix, r.assignments, r.k, 1000, seed);
      if (s > best.s) best = { k: kk, s };
    }
    k = best.k;
  } else k = options.k;
  const result = sphericalKMeans(matrix, { k, seed, restarts: 3 });

  const groups: ClientGroup[] = Array.from({ length: result.k }, (_, g) => {
    const shares = new Float64Array(themes);
    let comments = 0;
    let members = 0;
    const counts = { p: 0, d: 0, n: 0 };
    const mix = new Map<string, number>();
    clients.forEach((c, r) => {
      if (result.assignments[r] !== g) return;
      members++;
      const rows = rowsOf.get(c)!;
      for (const row of rows) {
        shares[assignments[row]!]!++;
        comments++;
        const s = options.scores?.[row];
        if (typeof s === 'number' && Number.isInteger(s) && s >= 0 && s <= 10) {
          counts.n++;
          if (s >= 9) counts.p++;
          else if (s <= 6) counts.d++;
        }
      }
      const seg = options.segments ? keyText(options.segments[rows[0]!]) : null;
      if (seg !== null) mix.set(seg, (mix.get(seg) ?? 0) + 1);
    });
    return {
      id: g,
      clients: members,
      themes: Array.from(shares, (n, theme) => ({ theme, share: comments > 0 ? n / comments : 0 }))
        .filter((t) => t.share > 0)
        .sort((a, b) => b.share - a.share),
      nps: counts.n > 0 ? (100 * (counts.p - counts.d)) / counts.n : null,
      npsN: counts.n,
      segments: [...mix.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([key, n]) => ({ key, share: n / Math.max(1, members) })),
    };
  });
  return {
    k: result.k,
    silhouette: silhouette(matrix, result.assignments, result.k, 1000, seed),
    groups: groups.sort((a, b) => b.clients - a.clients),
    clients: clients.length,
  };
}
