/**
 * The analyst's edits of comment clusters — names, merges, pins — kept by each cluster's
 * signature (its top terms), so they survive a re-run on the same data, and applied to a
 * fresh clustering to give the clusters as the analyst sees them.
 */

/** A cluster as computed (see the text worker's `ClusterView`). */
export interface ComputedCluster {
  id: number;
  signature: string;
  size: number;
  terms: { term: string; name: string; weight: number }[];
  examples: string[];
  nps: number | null;
  npsN: number;
  segments: { key: string; share: number }[];
}

/** What the analyst changed, by signature. */
export interface ClusterEdits {
  names: Record<string, string>;
  /** Groups of signatures shown as one cluster. */
  merged: string[][];
  pinned: string[];
}

/** A cluster as shown: one computed cluster, or several merged. */
export interface ShownCluster {
  /** Computed cluster ids it holds. */
  ids: number[];
  /** The signature its name and pin are kept under (its first member's). */
  signature: string;
  /** The signatures of all its members. */
  members: string[];
  name: string;
  named: boolean;
  pinned: boolean;
  size: number;
  nps: number | null;
  npsN: number;
  terms: { term: string; name: string }[];
  examples: string[];
  segments: { key: string; share: number }[];
}

/** No edits. */
export const NO_EDITS: ClusterEdits = { names: {}, merged: [], pinned: [] };

/**
 * Terms to show, without saying a word twice: a phrase takes the place of the words in it
 * already listed ("устраивает" then "целом устраивает" → "целом устраивает"), and a word or
 * phrase whose words are all listed already is left out.
 */
export function readableTerms<T extends { name: string }>(terms: readonly T[]): T[] {
  const out: T[] = [];
  const words = (t: { name: string }) => t.name.toLowerCase().split(/\s+/);
  for (const t of terms) {
    const mine = words(t);
    const within = out.findIndex((o) => words(o).every((w) => mine.includes(w)));
    if (within >= 0) {
      if (mine.length === words(out[within]!).length) continue;
      out[within] = t;
      // Any other listed term now inside this one goes too.
      for (let k = out.length - 1; k >= 0; k--) {
        if (k !== within && words(out[k]!).every((w) => mine.includes(w))) out.splice(k, 1);
      }
      continue;
    }
    const covered = new Set(out.flatMap(words));
    if (!mine.every((w) => covered.has(w))) out.push(t);
  }
  return out;
}

/** A cluster's default name: its first three readable terms, in people's words. */
export function defaultName(c: Pick<ComputedCluster, 'terms'>): string {
  return readableTerms(c.terms)
    .slice(0, 3)
    .map((t) => t.name)
    .join(' · ');
}

/**
 * The clusters as shown: merged groups combined (sizes and NPS answers added, terms and
 * examples interleaved), named by the analyst's name or the default, pinned first, then by
 * size. Edits naming clusters that are gone are ignored.
 */
export function shownClusters(
  clusters: readonly ComputedCluster[],
  edits: ClusterEdits = NO_EDITS,
): ShownCluster[] {
  const bySignature = new Map(clusters.map((c) => [c.signature, c]));
  const groupOf = new Map<string, string[]>();
  for (const group of edits.merged) {
    const present = group.filter((s) => bySignature.has(s));
    if (present.length > 1) for (const s of present) groupOf.set(s, present);
  }
  const done = new Set<string>();
  const out: ShownCluster[] = [];
  for (const c of clusters) {
    if (done.has(c.signature)) continue;
    const members = (groupOf.get(c.signature) ?? [c.signature]).map((s) => bySignature.get(s)!);
    for (const m of members) done.add(m.signature);
    const signature = members[0]!.signature;
    const size = members.reduce((s, m) => s + m.size, 0);
    const npsN = members.reduce((s, m) => s + m.npsN, 0);
    const npsSum = members.reduce((s, m) => s + (m.nps ?? 0) * m.npsN, 0);
    const terms = interleave(members.map((m) => m.terms)).filter(
      (t, k, all) => all.findIndex((x) => x.term === t.term) === k,
    );
    const segmentSums = new Map<string, number>();
    for (const m of members) {
      for (const s of m.segments)
        segmentSums.set(s.key, (segmentSums.get(s.key) ?? 0) + s.share * m.size);
    }
    const name = members.map((m) => edits.names[m.signature]).find((n) => n && n.trim() !== '');
    out.push({
      ids: members.map((m) => m.id),
      signature,
      members: members.map((m) => m.signature),
      name: name ?? defaultName({ terms }),
      named: name !== undefined,
      pinned: members.some((m) => edits.pinned.includes(m.signature)),
      size,
      nps: npsN > 0 ? npsSum / npsN : null,
      npsN,
      terms: readableTerms(terms)
        .slice(0, 8)
        .map(({ term, name: n }) => ({ term, name: n })),
      examples: interleave(members.map((m) => m.examples)).slice(0, 5),
      segments: [...segmentSums.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([key, v]) => ({ key, share: v / size })),
    });
  }
  // Names tell clusters apart in the charts and lists: a repeated one gets a number.
  const seen = new Map<string, number>();
  for (const c of out) {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    if (n > 1) c.name = `${c.name} (${n})`;
  }
  return out.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.size - a.size);
}

/** The items of several lists taken in turn (first of each, then second of each…). */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

/** Edits with `signature` renamed (an empty name goes back to the default). */
export function renameCluster(edits: ClusterEdits, signature: string, name: string): ClusterEdits {
  const names = { ...edits.names };
  if (name.trim() === '') delete names[signature];
  else names[signature] = name.trim();
  return { ...edits, names };
}

/** Edits with the clusters of two shown clusters merged into one. */
export function mergeClusters(
  edits: ClusterEdits,
  a: readonly string[],
  b: readonly string[],
): ClusterEdits {
  const joined = [...new Set([...a, ...b])];
  const rest = edits.merged.filter((g) => !g.some((s) => joined.includes(s)));
  return { ...edits, merged: [...rest, joined] };
}

/** Edits with a shown cluster split back into its computed clusters. */
export function unmergeCluster(edits: ClusterEdits, members: readonly string[]): ClusterEdits {
  return { ...edits, merged: edits.merged.filter((g) => !g.some((s) => members.includes(s))) };
}

/** Edits with a cluster pinned (kept first) or unpinned. */
export function pinCluster(edits: ClusterEdits, signature: string, pinned: boolean): ClusterEdits {
  const rest = edits.pinned.filter((s) => s !== signature);
  return { ...edits, pinned: pinned ? [...rest, signature] : rest };
}
