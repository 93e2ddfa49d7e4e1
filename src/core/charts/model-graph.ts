import type { TopLevelSpec } from 'vega-lite';
import { LAYERS, type Layer, type ServiceModel } from '../model/model-types.ts';
import type { TargetStatus } from '../index/indicator-overview.ts';

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

/** A straight piece of a drawn link. */
interface Segment {
  x: number;
  y: number;
  x2: number;
  y2: number;
}

/**
 * The pieces of one drawn link: a straight line between layers; within a layer (a rating
 * feeding NPS, both CX) a bridge above the row, up, across and down, so it does not run
 * through the indicators between its ends. Bridges step in height so they can be told apart.
 */
export function linkSegments(
  from: { x: number; y: number },
  to: { x: number; y: number },
  k: number,
): Segment[] {
  if (from.y !== to.y) return [{ x: from.x, y: from.y, x2: to.x, y2: to.y }];
  const top = from.y - (0.22 + 0.06 * (k % 3));
  return [
    { x: from.x, y: from.y, x2: from.x, y2: top },
    { x: from.x, y: top, x2: to.x, y2: top },
    { x: to.x, y: top, x2: to.x, y2: to.y },
  ];
}

/**
 * A Vega-Lite spec of a service model as a layered graph: one row per layer, TX on top and IT at
 * the bottom, each indicator a point coloured by its status against target (on, off, no
 * target, no data) with its name and current value, and each link a line from child to parent
 * (see `linkSegments`). A pickable graph shows a pointer over its indicators (they open on click).
 */
export function modelGraphSpec(
  model: ServiceModel,
  values: readonly GraphValue[],
  labels: ModelGraphLabels,
  options: { pickable?: boolean } = {},
): TopLevelSpec {
  const byId = new Map(values.map((v) => [v.id, v]));
  const position = new Map<string, { x: number; y: number }>();
  const perLayer = new Map<Layer, string[]>();
  for (const ind of model.indicators) {
    const list = perLayer.get(ind.layer) ?? [];
    list.push(ind.id);
    perLayer.set(ind.layer, list);
  }
  const widest = Math.max(1, ...[...perLayer.values()].map((l) => l.length));
  for (const [layer, ids] of perLayer) {
    const y = LAYERS.indexOf(layer);
    // Each layer's indicators spread evenly across the same width, centred.
    ids.forEach((id, k) => position.set(id, { x: ((k + 0.5) * widest) / ids.length, y }));
  }
  const nodes = model.indicators.map((ind) => {
    const v = byId.get(ind.id);
    return {
      id: ind.id,
      x: position.get(ind.id)!.x,
      y: position.get(ind.id)!.y,
      layer: ind.layer,
      label: v?.label ?? ind.id,
      value: v?.value ?? '—',
      status: labels.status[v?.status ?? 'no-data'],
    };
  });
  const edges = model.links
    .filter((l) => position.has(l.child) && position.has(l.parent))
    .flatMap((l, k) => linkSegments(position.get(l.child)!, position.get(l.parent)!, k));
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    axis: null,
    scale: { domain: [0, widest] },
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    scale: { domain: [LAYERS.length - 0.5, -0.5] },
    axis: {
      title: labels.layer,
      values: LAYERS.map((_, i) => i),
      labelExpr: `[${LAYERS.map((l) => `'${l}'`).join(',')}][datum.value]`,
      grid: false,
    },
  };
  const statusOrder = (['on', 'off', 'no-target', 'no-data'] as const).map((s) => labels.status[s]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 90 * LAYERS.length,
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', color: '#9aa4b2', opacity: 0.6 },
        encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: nodes },
        mark: {
          type: 'point',
          filled: true,
          size: 220,
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
            scale: { domain: statusOrder, range: ['#2e7d32', '#c62828', '#5c6bc0', '#b0b7c3'] },
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
        mark: { type: 'text', dy: 16, fontSize: 10, limit: 110 },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}
