import type { TopLevelSpec } from 'vega-lite';
import { LAYERS, type ServiceModel } from '../model/model-types.ts';
import type { TargetStatus } from '../index/indicator-overview.ts';
import { layeredLayout } from './model-layout.ts';

/** What the graph shows of each indicator besides the model: its value and status. */
export interface GraphValue {
  id: string;
  label: string;
  value: string;
  status: TargetStatus;
}

/** Labels of the graph, in the user's language. */
export interface ModelGraphLabels {
  layer: string;
  indicator: string;
  value: string;
  status: Record<TargetStatus, string>;
}

/** A point of the drawing: x in pixels, y in rows (0 = TX; fractions between rows). */
export interface GraphPoint {
  x: number;
  y: number;
}

/** A straight piece of a drawn link. */
export interface Segment {
  x: number;
  y: number;
  x2: number;
  y2: number;
}

/** The size of the labels' text, in pixels. */
const FONT_PX = 10;
/** A character's mean advance at `FONT_PX` in a sans-serif face, a little over (Cyrillic is wider). */
const CHAR_PX = 6.2;
/** The height of a line of label text. */
const LINE_PX = 12;
/** The least room between two neighbours' labels. */
const GAP_PX = 14;
/** The horizontal spacing an indicator gets: its label is wrapped to fit it. */
const SPACING_PX = 124;
/** The longest line of a label, in characters (a longer single word keeps its own line). */
export const LABEL_CHARS = Math.floor((SPACING_PX - GAP_PX) / CHAR_PX);
/** From a point's centre to the top of its label. */
const LABEL_TOP_PX = 11;
/** How far the lowest bridge rises above its row, and each higher one above the one below. */
const BRIDGE_PX = 16;
const BRIDGE_STEP_PX = 7;
/** The least width of the chart (a model of few indicators). */
const MIN_WIDTH_PX = 240;
/** The least distance between rows. */
const MIN_ROW_PX = 96;
/** The drawn size of an indicator's point (Vega's area) and the room it takes across. */
const POINT_AREA = 220;
const POINT_PX = 18;

/** Status colours: on, near (neutral), off target, no target, no data. */
const STATUS_ORDER: readonly TargetStatus[] = ['on', 'near', 'off', 'no-target', 'no-data'];
const STATUS_COLOURS = ['#2e7d32', '#8d8d8d', '#c62828', '#5c6bc0', '#cdd2da'];

/**
 * A label wrapped over lines of at most `budget` characters at word breaks (spaces), never
 * cut: a single word longer than the budget keeps a line of its own. Joined with spaces, the
 * lines give back the label (runs of white space as one).
 */
export function wrapLabel(label: string, budget: number = LABEL_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter((w) => w.length > 0)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= budget) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** How wide an indicator is drawn: its point, its longest label line, its value (bold). */
function drawnWidth(lines: readonly string[], value: string): number {
  const longest = Math.max(...lines.map((l) => l.length));
  return Math.max(POINT_PX, longest * CHAR_PX, value.length * CHAR_PX * 1.08);
}

/**
 * The pieces of one drawn link, from its points child to parent: straight lines between rows,
 * bending at the waypoints of rows it skips; within a row (a rating feeding NPS, both CX) a
 * bridge `rise` rows above the row, up, across and down, so it does not run through the
 * indicators between its ends.
 */
export function linkSegments(points: readonly GraphPoint[], rise: number): Segment[] {
  const [from, to] = [points[0]!, points[points.length - 1]!];
  if (points.length === 2 && from.y === to.y) {
    const top = from.y - rise;
    return [
      { x: from.x, y: from.y, x2: from.x, y2: top },
      { x: from.x, y: top, x2: to.x, y2: top },
      { x: to.x, y: top, x2: to.x, y2: to.y },
    ];
  }
  return points.slice(1).map((p, i) => ({ x: points[i]!.x, y: points[i]!.y, x2: p.x, y2: p.y }));
}

/** The graph's geometry: nodes and link pieces in chart units, and the chart's size. */
function graphGeometry(model: ServiceModel, values: readonly GraphValue[]) {
  const byId = new Map(values.map((v) => [v.id, v]));
  // An indicator of no known layer (an imported model's mistake, listed with its problems) has
  // no row to be drawn in.
  const drawable = model.indicators.filter((ind) => LAYERS.includes(ind.layer));
  const shown = drawable.map((ind) => {
    const v = byId.get(ind.id);
    const label = v?.label ?? ind.id;
    const value = v?.value ?? '—';
    const lines = wrapLabel(label);
    return {
      ind,
      label,
      value,
      lines,
      status: v?.status ?? 'no-data',
      width: drawnWidth(lines, value),
    };
  });
  const layout = layeredLayout(
    shown.map((s) => ({ id: s.ind.id, row: LAYERS.indexOf(s.ind.layer), width: s.width })),
    model.links,
    { gap: GAP_PX, waypointWidth: 6 },
  );
  const maxLines = Math.max(1, ...shown.map((s) => s.lines.length));
  const maxLevel = Math.max(1, ...layout.routes.map((r) => r.level ?? 1));
  const riseOf = (level: number) => BRIDGE_PX + (level - 1) * BRIDGE_STEP_PX;
  // Below a point: its label and value; above: the bridges of its row, clear of the row above.
  const below = LABEL_TOP_PX + (maxLines + 1) * LINE_PX + 4;
  const above = riseOf(maxLevel) + 8;
  const rowPx = Math.max(MIN_ROW_PX, below + above + 8);
  const rowAt = new Map<string, number>();
  layout.rows.forEach((row, r) => row.forEach((key) => rowAt.set(key, r)));
  const at = (key: string): GraphPoint => ({ x: layout.x.get(key)!, y: rowAt.get(key)! });
  const linesOf = new Map(shown.map((s) => [s.ind.id, s.lines.length]));
  // A link leaves a node above it from under its label and value, not through them.
  const port = (key: string, other: string): GraphPoint => {
    const p = at(key);
    const lines = linesOf.get(key);
    if (lines === undefined || p.y >= rowAt.get(other)!) return p;
    return { x: p.x, y: p.y + (LABEL_TOP_PX + (lines + 1) * LINE_PX + 2) / rowPx };
  };
  const nodes = shown.map((s) => ({
    id: s.ind.id,
    layer: s.ind.layer,
    ...at(s.ind.id),
    valueY: rowAt.get(s.ind.id)! + (LABEL_TOP_PX + s.lines.length * LINE_PX) / rowPx,
    label: s.label,
    lines: s.lines,
    value: s.value,
    width: s.width,
    statusKey: s.status,
  }));
  const edges = layout.routes.flatMap((r) => {
    const points = r.path.map(at);
    if (r.level === undefined) {
      points[0] = port(r.path[0]!, r.path[1]!);
      points[points.length - 1] = port(r.path.at(-1)!, r.path.at(-2)!);
    }
    return linkSegments(points, riseOf(r.level ?? 1) / rowPx);
  });
  const rows = LAYERS.length;
  return {
    nodes,
    edges,
    width: Math.max(MIN_WIDTH_PX, Math.ceil(layout.width)),
    height: Math.ceil(rowPx * (rows - 1) + above + below),
    yDomain: [rows - 1 + below / rowPx, -above / rowPx],
  };
}

/**
 * A Vega-Lite spec of a service model as a layered graph: one row per layer, TX on top and IT at
 * the bottom, the indicators of each row in the order that keeps links from crossing (see
 * `layeredLayout`), each a point coloured by its status against target (on, near, off, no
 * target, no data) with its full name wrapped over lines and its current value under it, and
 * each link a line from child to parent (see `linkSegments`). The chart is as wide as the graph
 * needs for its labels not to overlap. A pickable graph shows a pointer over its indicators.
 */
export function modelGraphSpec(
  model: ServiceModel,
  values: readonly GraphValue[],
  labels: ModelGraphLabels,
  options: { pickable?: boolean } = {},
): TopLevelSpec {
  const g = graphGeometry(model, values);
  const nodes = g.nodes.map((n) => ({ ...n, status: labels.status[n.statusKey] }));
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    axis: null,
    scale: { domain: [0, g.width], nice: false, zero: false },
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    scale: { domain: g.yDomain, nice: false, zero: false },
    axis: {
      title: labels.layer,
      values: LAYERS.map((_, i) => i),
      labelExpr: `[${LAYERS.map((l) => `'${l}'`).join(',')}][datum.value]`,
      grid: false,
    },
  };
  const text = { type: 'text' as const, align: 'center' as const, baseline: 'top' as const };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: g.width,
    height: g.height,
    layer: [
      {
        data: { values: g.edges },
        mark: { type: 'rule', color: '#9aa4b2', opacity: 0.6 },
        encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: nodes },
        mark: {
          type: 'point',
          filled: true,
          size: POINT_AREA,
          tooltip: true,
          ...(options.pickable ? { cursor: 'pointer' as const } : {}),
        },
        encoding: {
          x,
          y,
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: STATUS_ORDER.map((s) => labels.status[s]), range: STATUS_COLOURS },
            legend: { orient: 'top', labelLimit: 320 },
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: labels.indicator },
            { field: 'value', type: 'nominal', title: labels.value },
            { field: 'status', type: 'nominal', title: ' ' },
          ],
        },
      },
      {
        data: { values: nodes },
        mark: { ...text, dy: LABEL_TOP_PX, fontSize: FONT_PX, lineHeight: LINE_PX },
        encoding: { x, y, text: { field: 'lines' } },
      },
      {
        data: { values: nodes },
        mark: { ...text, fontSize: FONT_PX, fontWeight: 'bold' },
        encoding: { x, y: { ...y, field: 'valueY' }, text: { field: 'value' } },
      },
    ],
  } as TopLevelSpec;
}
