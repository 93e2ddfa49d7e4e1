/**
 * A layered layout for graphs whose rows are given (a service model's layers): the order of the
 * nodes within each row is chosen to keep edge crossings few, then x-coordinates that put each
 * node over the centre of what feeds it where the spacing allows. Pure: no DOM, deterministic.
 *
 * Crossings are counted the way layered layouts count them, by order: two straight pieces between
 * the same two adjacent rows cross when their ends are in opposite orders. A link that skips rows
 * runs through a waypoint in each row between (so it takes part in those rows' order), and a link
 * within one row is drawn as a bridge above the row: it crosses every piece coming down from the
 * row above into a node strictly between its ends, and every bridge of the same row it
 * interleaves with (nested bridges are drawn at different heights and do not cross).
 */
import { Rng } from '../random.ts';

/** A node to lay out: its row (0 = top) and how wide it is drawn. */
export interface LayoutNode {
  id: string;
  row: number;
  width: number;
}

/** A link from a node to the one it feeds, in any rows (usually the parent is higher up). */
export interface LayoutLink {
  child: string;
  parent: string;
}

/** A straight piece of a drawn link between adjacent rows: `upper` in row r, `lower` in r + 1. */
export interface RowSegment {
  upper: string;
  lower: string;
}

/** A layered drawing reduced to what decides its crossings. */
export interface LayeredDrawing {
  /** Each row's nodes left to right: real nodes and the waypoints of links that skip rows. */
  rows: readonly (readonly string[])[];
  segments: readonly RowSegment[];
  /** Links within one row (drawn as bridges above it). */
  bridges: readonly { a: string; b: string }[];
}

/** Edge crossings of a drawing: between adjacent rows, of bridges, and both. */
export interface Crossings {
  between: number;
  bridges: number;
  total: number;
}

/** One input link as drawn: the keys it passes from child to parent, and a bridge's height. */
export interface LinkRoute {
  child: string;
  parent: string;
  /** Child, the waypoints of the rows between (if any), parent. */
  path: string[];
  /** For a link within a row: 1 for the lowest bridge, higher for bridges over shorter ones. */
  level?: number;
}

/** The result of `layeredLayout`. */
export interface LayeredLayout {
  rows: string[][];
  /** The centre x of every node and waypoint (the leftmost edge of all is at 0). */
  x: Map<string, number>;
  width: number;
  /** The routes of the input links in input order (links to unknown nodes or to themselves left out). */
  routes: LinkRoute[];
  crossings: Crossings;
}

/** Spacing of `layeredLayout`. */
export interface LayoutOptions {
  /** The least horizontal room between two neighbours' boxes. */
  gap: number;
  /** How wide a waypoint is drawn. */
  waypointWidth: number;
}

/** A layered drawing with its links' routes, before any ordering. */
export interface ExpandedGraph extends LayeredDrawing {
  rows: string[][];
  routes: LinkRoute[];
}

/** The key of link `k`'s waypoint in `row` (no indicator id starts with a NUL). */
const waypoint = (k: number, row: number) => `\u0000${k}:${row}`;

/** Whether a key is a waypoint rather than a node. */
export const isWaypoint = (key: string): boolean => key.startsWith('\u0000');

/**
 * The drawing of a graph in its input order: each node in its row in the order given, a waypoint
 * in every row a link skips (appended in link order), each link's pieces between adjacent rows,
 * and links within one row as bridges. Nodes of no row (a negative or fractional one), links to
 * unknown nodes and self-links are left out.
 */
export function expandGraph(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
): ExpandedGraph {
  const placed = nodes.filter((n) => Number.isInteger(n.row) && n.row >= 0);
  const rowOf = new Map(placed.map((n) => [n.id, n.row]));
  const rowCount = Math.max(0, ...placed.map((n) => n.row + 1));
  const rows: string[][] = Array.from({ length: rowCount }, () => []);
  for (const n of placed) rows[n.row]!.push(n.id);
  const segments: RowSegment[] = [];
  const bridges: { a: string; b: string }[] = [];
  const routes: LinkRoute[] = [];
  links.forEach((link, k) => {
    const rc = rowOf.get(link.child);
    const rp = rowOf.get(link.parent);
    if (rc === undefined || rp === undefined || link.child === link.parent) return;
    if (rc === rp) {
      bridges.push({ a: link.child, b: link.parent });
      routes.push({ ...link, path: [link.child, link.parent] });
      return;
    }
    const step = rc > rp ? -1 : 1;
    const path = [link.child];
    for (let r = rc + step; r !== rp; r += step) {
      const key = waypoint(k, r);
      rows[r]!.push(key);
      path.push(key);
    }
    path.push(link.parent);
    for (let i = 1; i < path.length; i++) {
      const [a, b] = [path[i - 1]!, path[i]!];
      segments.push(step < 0 ? { upper: b, lower: a } : { upper: a, lower: b });
    }
    routes.push({ ...link, path });
  });
  return { rows, segments, bridges, routes };
}

/**
 * Pairs of pieces between the same two rows whose ends are in opposite orders: the pieces sorted
 * by their upper ends, then the inversions of their lower ends counted with a Fenwick tree.
 */
function crossingsOf(segments: readonly RowSegment[], pos: ReadonlyMap<string, number>): number {
  const ends = segments
    .map((s) => [pos.get(s.upper)!, pos.get(s.lower)!] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const size = Math.max(0, ...ends.map((e) => e[1] + 1));
  const tree = new Array<number>(size + 1).fill(0);
  let n = 0;
  ends.forEach(([, lower], seen) => {
    // Pieces seen so far whose lower end is at or left of this one's do not cross it.
    let atOrLeft = 0;
    for (let i = lower + 1; i > 0; i -= i & -i) atOrLeft += tree[i]!;
    n += seen - atOrLeft;
    for (let i = lower + 1; i <= size; i += i & -i) tree[i]!++;
  });
  return n;
}

/**
 * Crossings of the bridges of one row: with the pieces coming down into a node strictly between
 * a bridge's ends (`incoming[i]` is how many come down into the row's key at place i), and with
 * the bridges of the row they interleave with.
 */
function bridgeCrossingsOf(
  bridges: readonly { a: string; b: string }[],
  incoming: readonly number[],
  pos: ReadonlyMap<string, number>,
): number {
  const before = [0];
  for (const k of incoming) before.push(before[before.length - 1]! + k);
  const spans = bridges.map((b) => {
    const [pa, pb] = [pos.get(b.a)!, pos.get(b.b)!];
    return [Math.min(pa, pb), Math.max(pa, pb)] as const;
  });
  let n = 0;
  for (const [lo, hi] of spans) if (hi > lo + 1) n += before[hi]! - before[lo + 1]!;
  for (let i = 0; i < spans.length; i++) {
    const [lo, hi] = spans[i]!;
    for (let j = i + 1; j < spans.length; j++) {
      const [lo2, hi2] = spans[j]!;
      if ((lo < lo2 && lo2 < hi && hi < hi2) || (lo2 < lo && lo < hi2 && hi2 < hi)) n++;
    }
  }
  return n;
}

/** How many pieces come down into each key of a row (from the row above). */
function incomingOf(row: readonly string[], upCount: ReadonlyMap<string, number>): number[] {
  return row.map((key) => upCount.get(key) ?? 0);
}

/** How many pieces come down into each key from the row above. */
function upCounts(segments: readonly RowSegment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s.lower, (counts.get(s.lower) ?? 0) + 1);
  return counts;
}

/** The index of each key within its row. */
function positions(rows: readonly (readonly string[])[]): Map<string, number> {
  const pos = new Map<string, number>();
  for (const row of rows) row.forEach((key, i) => pos.set(key, i));
  return pos;
}

/** The row of each key. */
function rowIndex(rows: readonly (readonly string[])[]): Map<string, number> {
  const at = new Map<string, number>();
  rows.forEach((row, r) => row.forEach((key) => at.set(key, r)));
  return at;
}

/** The pieces and bridges of a drawing grouped by row (pieces by the row of their upper end). */
function byRow(d: LayeredDrawing) {
  const at = rowIndex(d.rows);
  const gaps: RowSegment[][] = d.rows.map(() => []);
  const bridges: { a: string; b: string }[][] = d.rows.map(() => []);
  for (const s of d.segments) gaps[at.get(s.upper)!]!.push(s);
  for (const b of d.bridges) bridges[at.get(b.a)!]!.push(b);
  return { gaps, bridges };
}

/**
 * The edge crossings of a layered drawing (see the module's comment for how they are counted):
 * the same count for any layout's order, ours or another tool's.
 */
export function countCrossings(d: LayeredDrawing): Crossings {
  const pos = positions(d.rows);
  const { gaps, bridges } = byRow(d);
  let between = 0;
  let bridged = 0;
  gaps.forEach((g) => (between += crossingsOf(g, pos)));
  const ups = upCounts(d.segments);
  bridges.forEach((b, r) => {
    if (b.length > 0) bridged += bridgeCrossingsOf(b, incomingOf(d.rows[r]!, ups), pos);
  });
  return { between, bridges: bridged, total: between + bridged };
}

/** Whether crossings `a` are fewer than `b` (all of them first, then those between rows). */
const better = (a: Crossings, b: Crossings) =>
  a.total < b.total || (a.total === b.total && a.between < b.between);

/**
 * The order of each row that keeps crossings few: from several starting orders (the input's, a
 * depth-first walk's, and a few seeded shuffles), barycenter and median sweeps down and up the
 * rows, each followed by swaps of neighbours that remove crossings; the best order seen is kept,
 * so it is never worse than the input's.
 */
export function orderRows(d: LayeredDrawing, iterations = 8): string[][] {
  const ctx = new OrderContext(d);
  let best = d.rows.map((r) => [...r]);
  let bestCost = countCrossings(d);
  const rng = new Rng(0x5eed);
  const starts = [best, depthFirstOrder(d)];
  for (let k = 0; k < 4; k++) starts.push(best.map((r) => rng.shuffle([...r])));
  for (const start of starts) {
    const rows = start.map((r) => [...r]);
    for (let it = 0; it < iterations && bestCost.total > 0; it++) {
      const median = it % 2 === 1;
      for (const down of [true, false]) {
        ctx.sweep(rows, down, median);
        ctx.transpose(rows);
        const cost = countCrossings({ ...d, rows });
        if (better(cost, bestCost)) {
          best = rows.map((r) => [...r]);
          bestCost = cost;
        }
      }
    }
  }
  return best;
}

/** A starting order: rows filled as a depth-first walk from the top row's nodes meets them. */
function depthFirstOrder(d: LayeredDrawing): string[][] {
  const neighbours = new Map<string, string[]>();
  for (const s of d.segments) {
    push(neighbours, s.upper, s.lower);
    push(neighbours, s.lower, s.upper);
  }
  for (const b of d.bridges) {
    push(neighbours, b.a, b.b);
    push(neighbours, b.b, b.a);
  }
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length > 0) {
      const key = stack.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      order.push(key);
      stack.push(...(neighbours.get(key) ?? []).slice().reverse());
    }
  };
  for (const row of d.rows) row.forEach(visit);
  const at = rowIndex(d.rows);
  const rows: string[][] = d.rows.map(() => []);
  for (const key of order) rows[at.get(key)!]!.push(key);
  return rows;
}

/** The neighbours of each key in the rows above and below, for the sweeps and swaps. */
class OrderContext {
  readonly up = new Map<string, string[]>();
  readonly down = new Map<string, string[]>();
  readonly upCount: Map<string, number>;
  readonly bridges: { a: string; b: string }[][];

  constructor(d: LayeredDrawing) {
    for (const s of d.segments) {
      push(this.up, s.lower, s.upper);
      push(this.down, s.upper, s.lower);
    }
    this.upCount = upCounts(d.segments);
    this.bridges = byRow(d).bridges;
  }

  /**
   * One sweep: each row (top to bottom, or bottom to top) sorted by the barycenter or median of
   * its neighbours' places in the row before; nodes without such neighbours keep their places.
   */
  sweep(rows: string[][], down: boolean, median: boolean): void {
    const pos = positions(rows);
    const order = rows.map((_, r) => r);
    if (!down) order.reverse();
    for (const r of order.slice(1)) {
      const row = rows[r]!;
      const keyed = row.map((key, i) => {
        const ps = ((down ? this.up : this.down).get(key) ?? []).map((n) => pos.get(n)!);
        return { key, i, value: ps.length === 0 ? null : centre(ps, median) };
      });
      const movable = keyed
        .filter((k) => k.value !== null)
        .sort((a, b) => a.value! - b.value! || a.i - b.i);
      let m = 0;
      rows[r] = keyed.map((k) => (k.value === null ? k.key : movable[m++]!.key));
      rows[r].forEach((key, i) => pos.set(key, i));
    }
  }

  /** Swaps neighbours in each row while a swap removes crossings (a few passes at most). */
  transpose(rows: string[][]): void {
    const pos = positions(rows);
    for (let pass = 0, improved = true; improved && pass < 8; pass++) {
      improved = false;
      rows.forEach((row, r) => {
        for (let i = 0; i + 1 < row.length; i++) {
          const [u, v] = [row[i]!, row[i + 1]!];
          const before = this.pairCrossings(u, v, pos) + this.bridgeCost(row, r, pos);
          swap(row, i, pos);
          const after = this.pairCrossings(v, u, pos) + this.bridgeCost(row, r, pos);
          if (after < before) improved = true;
          else swap(row, i, pos);
        }
      });
    }
  }

  /** Crossings between the pieces of `u` and of `v` when `u` is left of `v`. */
  private pairCrossings(u: string, v: string, pos: ReadonlyMap<string, number>): number {
    let n = 0;
    for (const side of [this.up, this.down]) {
      for (const a of side.get(u) ?? []) {
        for (const b of side.get(v) ?? []) if (pos.get(a)! > pos.get(b)!) n++;
      }
    }
    return n;
  }

  /** The crossings of the bridges of `row` (row `r`). */
  private bridgeCost(row: readonly string[], r: number, pos: ReadonlyMap<string, number>): number {
    const bridges = this.bridges[r]!;
    return bridges.length === 0
      ? 0
      : bridgeCrossingsOf(bridges, incomingOf(row, this.upCount), pos);
  }
}

/** Adds `value` to the list of `key`. */
function push(lists: Map<string, string[]>, key: string, value: string): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** Swaps a row's keys at `i` and `i + 1`, keeping their places up to date. */
function swap(row: string[], i: number, pos: Map<string, number>): void {
  [row[i], row[i + 1]] = [row[i + 1]!, row[i]!];
  pos.set(row[i]!, i);
  pos.set(row[i + 1]!, i + 1);
}

/** The mean of some places, or their median (the mean of the middle two for an even count). */
function centre(ps: number[], median: boolean): number {
  if (!median) return ps.reduce((s, p) => s + p, 0) / ps.length;
  const sorted = [...ps].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

/**
 * A layered layout of nodes in given rows: the order of each row chosen by `orderRows`, then
 * x-coordinates from alternating passes down and up the rows, each row placed as near as its
 * spacing allows to the mean x of its neighbours in the row before (least squares, keeping the
 * order and the room between neighbours); the last pass goes up, so each parent sits over the
 * centre of its children where it can. Bridges get heights so that overlapping ones differ.
 */
export function layeredLayout(
  nodes: readonly LayoutNode[],
  links: readonly LayoutLink[],
  options: LayoutOptions,
): LayeredLayout {
  const graph = expandGraph(nodes, links);
  const rows = orderRows(graph);
  const widths = new Map(nodes.map((n) => [n.id, n.width]));
  const widthOf = (key: string) => widths.get(key) ?? options.waypointWidth;
  const x = placeRows(rows, graph.segments, widthOf, options);
  let width = 0;
  for (const [key, at] of x) width = Math.max(width, at + widthOf(key) / 2);
  const routes = withBridgeLevels(graph.routes, rows);
  return { rows, x, width, routes, crossings: countCrossings({ ...graph, rows }) };
}

/** Passes of `placeRows` (each a pass down and a pass up); a few settle small graphs. */
const PLACE_PASSES = 6;

/** The weight of a key's wish to stay put, against 1 for a wish to be near its neighbours. */
const LOOSE = 0.01;

/** The x of every key: rows packed and centred, then moved towards their neighbours. */
function placeRows(
  rows: readonly (readonly string[])[],
  segments: readonly RowSegment[],
  widthOf: (key: string) => number,
  options: LayoutOptions,
): Map<string, number> {
  const room = (a: string, b: string) =>
    (widthOf(a) + widthOf(b)) / 2 +
    (isWaypoint(a) || isWaypoint(b) ? options.gap / 2 : options.gap);
  const seps = rows.map((row) => row.slice(1).map((key, i) => room(row[i]!, key)));
  const spans = seps.map((s) => s.reduce((a, b) => a + b, 0));
  const widest = Math.max(0, ...spans);
  const x = new Map<string, number>();
  rows.forEach((row, r) => {
    let at = (widest - spans[r]!) / 2;
    row.forEach((key, i) => x.set(key, (at += i === 0 ? 0 : seps[r]![i - 1]!)));
  });
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const s of segments) {
    push(up, s.lower, s.upper);
    push(down, s.upper, s.lower);
  }
  const place = (r: number, toward: Map<string, string[]>) => {
    const row = rows[r]!;
    const near = row.map((key) => [
      ...(toward.get(key) ?? []),
      // A waypoint is pulled both ways, so that a long link runs as straight as it can.
      ...(isWaypoint(key) ? [...(up.get(key) ?? []), ...(down.get(key) ?? [])] : []),
    ]);
    const desired = near.map((ns, i) =>
      ns.length === 0 ? x.get(row[i]!)! : ns.reduce((s, n) => s + x.get(n)!, 0) / ns.length,
    );
    // A key with nothing to be near in this pass gives way to those that have.
    const weights = near.map((ns) => (ns.length === 0 ? LOOSE : 1));
    placeInOrder(desired, seps[r]!, weights).forEach((at, i) => x.set(row[i]!, at));
  };
  for (let pass = 0; pass < PLACE_PASSES; pass++) {
    for (let r = 1; r < rows.length; r++) place(r, up);
    for (let r = rows.length - 2; r >= 0; r--) place(r, down);
  }
  let left = Infinity;
  for (const [key, at] of x) left = Math.min(left, at - widthOf(key) / 2);
  for (const [key, at] of x) x.set(key, at - left);
  return x;
}

/**
 * The x of a row's keys nearest to `desired` (least squares, each key's error times its weight)
 * that keep their order and at least `seps[i]` between key i and i + 1: pool-adjacent-violators
 * on `desired` less the least offsets.
 */
export function placeInOrder(
  desired: readonly number[],
  seps: readonly number[],
  weights: readonly number[] = desired.map(() => 1),
): number[] {
  const offset = [0];
  for (let i = 1; i < desired.length; i++) offset.push(offset[i - 1]! + seps[i - 1]!);
  const blocks: { sum: number; weight: number; n: number }[] = [];
  desired.forEach((d, i) => {
    const w = weights[i]!;
    blocks.push({ sum: w * (d - offset[i]!), weight: w, n: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.weight <= last.sum / last.weight) break;
      prev.sum += last.sum;
      prev.weight += last.weight;
      prev.n += last.n;
      blocks.pop();
    }
  });
  const out: number[] = [];
  for (const b of blocks) {
    for (let k = 0; k < b.n; k++) out.push(b.sum / b.weight + offset[out.length]!);
  }
  return out;
}

/**
 * Routes with a height for each bridge: shorter bridges first, each one level above the highest
 * bridge of its row it overlaps or touches, so that no two share a stretch of line.
 */
function withBridgeLevels(
  routes: readonly LinkRoute[],
  rows: readonly (readonly string[])[],
): LinkRoute[] {
  const pos = positions(rows);
  const at = rowIndex(rows);
  const bridges = routes.flatMap((route, k) => {
    const [a, b] = route.path as [string, string];
    if (route.path.length !== 2 || at.get(a) !== at.get(b)) return [];
    const [pa, pb] = [pos.get(a)!, pos.get(b)!];
    return [{ k, row: at.get(a)!, lo: Math.min(pa, pb), hi: Math.max(pa, pb) }];
  });
  const level = new Map<number, number>();
  const done: typeof bridges = [];
  for (const b of bridges.sort((p, q) => p.hi - p.lo - (q.hi - q.lo))) {
    let top = 0;
    for (const o of done) {
      if (o.row === b.row && o.lo <= b.hi && b.lo <= o.hi) top = Math.max(top, level.get(o.k)!);
    }
    level.set(b.k, top + 1);
    done.push(b);
  }
  return routes.map((route, k) => (level.has(k) ? { ...route, level: level.get(k)! } : route));
}
