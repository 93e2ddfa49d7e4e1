import { describe, expect, it } from 'vitest';
import dagre from '@dagrejs/dagre';
import {
  countCrossings,
  expandGraph,
  isWaypoint,
  layeredLayout,
  orderRows,
  placeInOrder,
  type Crossings,
  type LayeredDrawing,
  type LayoutLink,
  type LayoutNode,
} from '../../src/core/charts/model-layout.ts';
import { demoModel } from '../../src/core/demo/demo-model.ts';
import { LAYERS } from '../../src/core/model/model-types.ts';
import { Rng } from '../../src/core/random.ts';
import { SLOW } from './slow.ts';

/**
 * dagre's layout of the same graph, read back as a drawing for `countCrossings`.
 *
 * How the comparison is fair: dagre gets the same nodes in the same rows (its ranker is replaced
 * by one that puts each node at rank 2 × row: dagre doubles every edge's length itself to make
 * room for edge labels, so its own half-rank waypoints fall between our rows) and every link
 * between rows; the orders are read from its x-coordinates, a node's and, for a link that skips
 * rows, its bend point in each row between. Both drawings are then counted by the same function,
 * by order between consecutive fixed rows, which is what dagre's ordering minimises. Links within
 * one row are not given to dagre (its layout throws on a same-rank edge); they are counted on its
 * order too, but the between-row count is the one it competes on.
 */
function dagreDrawing(nodes: readonly LayoutNode[], links: readonly LayoutLink[]): LayeredDrawing {
  const expanded = expandGraph(nodes, links);
  const rowOf = new Map<string, number>();
  expanded.rows.forEach((row, r) => row.forEach((key) => rowOf.set(key, r)));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  const fixedRanks = (graph: typeof g) => {
    for (const v of graph.nodes()) graph.node(v).rank = 2 * (rowOf.get(v) ?? -1);
  };
  // dagre calls a function given as `ranker` instead of its own (its types list only the names).
  g.setGraph({ rankdir: 'TB', ranker: fixedRanks as unknown as 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: 20 });
  const edges = new Map<number, { v: string; w: string; name: string }>();
  expanded.routes.forEach((route, k) => {
    const [a, b] = [route.path[0]!, route.path.at(-1)!];
    if (rowOf.get(a) === rowOf.get(b)) return;
    const [v, w] = rowOf.get(a)! < rowOf.get(b)! ? [a, b] : [b, a];
    edges.set(k, { v, w, name: `e${k}` });
    g.setEdge(v, w, {}, `e${k}`);
  });
  dagre.layout(g);

  const rowY = new Map<number, number>();
  for (const n of nodes) {
    const y = g.node(n.id).y!;
    expect(rowY.get(n.row) ?? y, `dagre keeps ${n.id} in row ${n.row}`).toBe(y);
    rowY.set(n.row, y);
  }
  const ys = [...rowY.entries()].sort((a, b) => a[0] - b[0]).map(([, y]) => y);
  expect(ys, 'dagre keeps the rows in order, top down').toEqual([...ys].sort((a, b) => a - b));
  const x = new Map<string, number>(nodes.map((n) => [n.id, g.node(n.id).x!]));
  expanded.routes.forEach((route, k) => {
    const edge = edges.get(k);
    if (!edge) return;
    const bends = g.edge(edge).points ?? [];
    for (const key of route.path.filter(isWaypoint)) {
      const y = rowY.get(rowOf.get(key)!)!;
      const bend = bends.find((p: { x: number; y: number }) => Math.abs(p.y - y) < 1e-6);
      expect(bend, `dagre's bend of ${route.child} → ${route.parent} in its row`).toBeDefined();
      x.set(key, bend!.x);
    }
  });
  const rows = expanded.rows.map((row) => [...row].sort((a, b) => x.get(a)! - x.get(b)!));
  return { ...expanded, rows };
}

/** A service model as nodes (in rows by layer) and links. */
function modelGraph() {
  const model = demoModel();
  const nodes = model.indicators.map((i) => ({
    id: i.id,
    row: LAYERS.indexOf(i.layer),
    width: 100,
  }));
  return { nodes, links: model.links };
}

/**
 * A random layered graph: `rows` rows of 3–8 nodes; each node below the top feeds one to three
 * nodes, mostly in the row above, some two rows up, some in its own row (as ratings feed NPS).
 */
function randomGraph(seed: number) {
  const rng = new Rng(seed);
  const rowCount = rng.int(4, 6);
  const rows = Array.from({ length: rowCount }, (_, r) =>
    Array.from({ length: rng.int(3, 8) }, (_, i) => `n${r}.${i}`),
  );
  const nodes = rows.flatMap((row, r) => row.map((id) => ({ id, row: r, width: 60 })));
  const links: LayoutLink[] = [];
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    if (r === 0) return;
    for (const child of row) {
      for (let k = rng.int(1, 3); k > 0; k--) {
        const u = rng.next();
        const target = u < 0.12 ? r : u < 0.27 && r >= 2 ? r - 2 : r - 1;
        const parent = rng.pick(rows[target]!);
        if (parent === child || seen.has(`${child}>${parent}`)) continue;
        seen.add(`${child}>${parent}`);
        links.push({ child, parent });
      }
    }
  });
  return { nodes, links };
}

const ours = (nodes: LayoutNode[], links: readonly LayoutLink[]): Crossings =>
  layeredLayout(nodes, links, { gap: 10, waypointWidth: 4 }).crossings;

describe('layered layout of a service model', () => {
  it('counts crossings by order between rows, through waypoints, and over bridges', () => {
    const drawing: LayeredDrawing = {
      rows: [
        ['a', 'b'],
        ['c', 'd', 'e'],
      ],
      // a–d and b–c cross; a–c and b–e do not cross anything but a–d/b–c's pairs.
      segments: [
        { upper: 'a', lower: 'd' },
        { upper: 'b', lower: 'c' },
      ],
      // c→e bridges over d, which a comes down into.
      bridges: [{ a: 'c', b: 'e' }],
    };
    expect(countCrossings(drawing)).toEqual({ between: 1, bridges: 1, total: 2 });
    // Two bridges crossing each other (interleaved); nested ones do not.
    const row = { rows: [['p', 'q', 'r', 's']], segments: [] };
    expect(
      countCrossings({
        ...row,
        bridges: [
          { a: 'p', b: 'r' },
          { a: 'q', b: 's' },
        ],
      }).bridges,
    ).toBe(1);
    expect(
      countCrossings({
        ...row,
        bridges: [
          { a: 'p', b: 's' },
          { a: 'q', b: 'r' },
        ],
      }).bridges,
    ).toBe(0);
  });

  it('counts as many crossings as a pair-by-pair count, on shuffled random graphs', () => {
    const rng = new Rng(11);
    for (let seed = 1; seed <= 10; seed++) {
      const g = expandGraph(randomGraph(seed).nodes, randomGraph(seed).links);
      const rows = g.rows.map((r) => rng.shuffle([...r]));
      const pos = new Map<string, number>();
      const rowOf = new Map<string, number>();
      rows.forEach((row, r) => row.forEach((k, i) => (pos.set(k, i), rowOf.set(k, r))));
      let between = 0;
      g.segments.forEach((a, i) =>
        g.segments.slice(i + 1).forEach((b) => {
          const sameGap = rowOf.get(a.upper) === rowOf.get(b.upper);
          const order =
            (pos.get(a.upper)! - pos.get(b.upper)!) * (pos.get(a.lower)! - pos.get(b.lower)!);
          if (sameGap && order < 0) between++;
        }),
      );
      let bridges = 0;
      for (const [i, b] of g.bridges.entries()) {
        const [lo, hi] = [pos.get(b.a)!, pos.get(b.b)!].sort((x, y) => x - y) as [number, number];
        const r = rowOf.get(b.a);
        for (const s of g.segments) {
          const p = pos.get(s.lower)!;
          if (rowOf.get(s.lower) === r && lo < p && p < hi) bridges++;
        }
        for (const c of g.bridges.slice(i + 1)) {
          if (rowOf.get(c.a) !== r) continue;
          const [lo2, hi2] = [pos.get(c.a)!, pos.get(c.b)!].sort((x, y) => x - y) as [
            number,
            number,
          ];
          if ((lo < lo2 && lo2 < hi && hi < hi2) || (lo2 < lo && lo < hi2 && hi2 < hi)) bridges++;
        }
      }
      expect(countCrossings({ ...g, rows }), `seed ${seed}`).toEqual({
        between,
        bridges,
        total: between + bridges,
      });
    }
  });

  it('routes a link that skips a row through a waypoint in that row', () => {
    const g = expandGraph(
      [
        { id: 'top', row: 0, width: 10 },
        { id: 'mid', row: 1, width: 10 },
        { id: 'low', row: 2, width: 10 },
      ],
      [
        { child: 'low', parent: 'top' },
        { child: 'mid', parent: 'mid' },
        { child: 'low', parent: 'gone' },
      ],
    );
    expect(g.routes).toHaveLength(1);
    const [route] = g.routes;
    expect(route!.path).toHaveLength(3);
    expect(g.rows[1]).toEqual(['mid', route!.path[1]]);
    expect(g.segments).toHaveLength(2);
  });

  it('places a row as near its targets as the room between neighbours allows', () => {
    expect(placeInOrder([0, 0, 0], [10, 10])).toEqual([-10, 0, 10]);
    expect(placeInOrder([0, 50, 100], [10, 10])).toEqual([0, 50, 100]);
    expect(placeInOrder([30, 0], [10])).toEqual([10, 20]);
  });

  it('crosses no more edges on the demo model than dagre, and puts parents over their children', () => {
    const { nodes, links } = modelGraph();
    const layout = layeredLayout(nodes, links, { gap: 10, waypointWidth: 4 });
    const theirs = countCrossings(dagreDrawing(nodes, links));
    const input = countCrossings(expandGraph(nodes, links));
    console.info(
      `demo model crossings — ours: ${JSON.stringify(layout.crossings)}, dagre: ${JSON.stringify(theirs)}, input order: ${JSON.stringify(input)}`,
    );
    expect(layout.crossings.between).toBeLessThanOrEqual(theirs.between);
    expect(layout.crossings.total).toBeLessThanOrEqual(theirs.total);
    expect(layout.crossings.total).toBeLessThanOrEqual(input.total);
    // Rows are the layers, TX on top.
    expect(layout.rows[0]).toEqual(expect.arrayContaining(['tx.churn', 'tx.ltv', 'tx.revenue']));
    expect(layout.rows[4]).toEqual(
      expect.arrayContaining(['it.scanner_coverage', 'it.qc_tools', 'it.crm_usage']),
    );
    // An only child sits right under its parent: CRM usage → manager response time (via EX).
    const x = layout.x;
    expect(Math.abs(x.get('ox.response_time')! - x.get('cx.communication_rating')!)).toBeLessThan(
      1,
    );
    // Neighbours never overlap.
    for (const row of layout.rows) {
      for (let i = 1; i < row.length; i++)
        expect(x.get(row[i]!)! - x.get(row[i - 1]!)!).toBeGreaterThan(0);
    }
  });

  it(
    'crosses no more edges than dagre on most random layered graphs, and never more than the input order',
    SLOW,
    () => {
      const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
      const results = seeds.map((seed) => {
        const { nodes, links } = randomGraph(seed);
        return {
          seed,
          ours: ours(nodes, links),
          dagre: countCrossings(dagreDrawing(nodes, links)),
          input: countCrossings(expandGraph(nodes, links)),
        };
      });
      const line = (k: keyof Crossings) =>
        results.map((r) => `${r.seed}:${r.ours[k]}/${r.dagre[k]}/${r.input[k]}`).join(' ');
      console.info(`random graphs (seed:ours/dagre/input) between rows — ${line('between')}`);
      console.info(`random graphs (seed:ours/dagre/input) all — ${line('total')}`);
      for (const r of results)
        expect(r.ours.total, `seed ${r.seed}`).toBeLessThanOrEqual(r.input.total);
      const atMostDagre = results.filter((r) => r.ours.between <= r.dagre.between).length;
      expect(atMostDagre / results.length).toBeGreaterThanOrEqual(0.9);
      const sum = (k: 'ours' | 'dagre') => results.reduce((s, r) => s + r[k].between, 0);
      expect(sum('ours')).toBeLessThanOrEqual(sum('dagre'));
    },
  );

  it('keeps the best order it sees, never the input order when that crosses more', () => {
    const { nodes, links } = randomGraph(7);
    const g = expandGraph(nodes, links);
    const ordered = orderRows(g);
    expect(ordered.map((r) => [...r].sort())).toEqual(g.rows.map((r) => [...r].sort()));
    expect(countCrossings({ ...g, rows: ordered }).total).toBeLessThanOrEqual(
      countCrossings(g).total,
    );
  });
});
