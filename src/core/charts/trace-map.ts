/**
 * The trace as a Vega-Lite map: the model's layers as columns (TX … IT), each indicator a dot
 * sized and coloured by its share of the population's gap, the links as lines shaded by their
 * fitted effect, and the route to the main cause drawn thick. Clicking a dot picks its indicator.
 */
import type { TopLevelSpec } from 'vega-lite';
import { LAYERS, type Layer } from '../model/model-types.ts';

/** An indicator on the map. */
export interface TraceMapNode {
  id: string;
  name: string;
  layer: Layer;
  /** Its share of the gap (worse positive); null for the start. */
  share: number | null;
  onPath: boolean;
}

/** A link on the map. */
export interface TraceMapLink {
  child: string;
  parent: string;
  /** The fitted effect, in standard deviations of each. */
  r: number | null;
  onPath: boolean;
  /**
   * What the data says of the link: backed (its interval excludes 0, its sign as the model
   * expects), not backed (the interval includes 0), or backed with the opposite sign.
   */
  status: 'supported' | 'unsupported' | 'sign';
  /** The status in words, for the tooltip. */
  statusText: string;
}

/** Labels of the map, in the user's language. */
export interface TraceMapLabels {
  layer: string;
  indicator: string;
  share: string;
  r: string;
  status: string;
}

/** The map of a trace (see the module comment); `selected` is the picked indicator's id. */
export function traceMapSpec(
  nodes: readonly TraceMapNode[],
  links: readonly TraceMapLink[],
  labels: TraceMapLabels,
  selected: string | null = null,
): TopLevelSpec {
  const row = new Map<string, number>();
  const perLayer = new Map<Layer, number>();
  for (const n of nodes) {
    const k = perLayer.get(n.layer) ?? 0;
    row.set(n.id, k);
    perLayer.set(n.layer, k + 1);
  }
  const layerOf = new Map(nodes.map((n) => [n.id, n.layer]));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const tallest = Math.max(1, ...perLayer.values());
  const largest = Math.max(1e-9, ...nodes.map((n) => Math.abs(n.share ?? 0)));
  const points = nodes.map((n) => ({
    id: n.id,
    name: n.name,
    layer: n.layer,
    row: row.get(n.id)!,
    share: n.share,
    size: n.share === null ? 0 : Math.abs(n.share) / largest,
    onPath: n.onPath,
    chosen: n.id === selected,
  }));
  const segments = links
    .filter((l) => row.has(l.child) && row.has(l.parent))
    .flatMap((l) =>
      [l.child, l.parent].map((id, end) => ({
        link: `${l.child}→${l.parent}`,
        label: `${names.get(l.child)} → ${names.get(l.parent)}`,
        end,
        layer: layerOf.get(id)!,
        row: row.get(id)!,
        strength: l.r === null ? 0 : Math.abs(l.r),
        r: l.r,
        onPath: l.onPath,
        status: l.status,
        statusText: l.statusText,
      })),
    );
  const x = {
    field: 'layer',
    type: 'nominal' as const,
    sort: [...LAYERS],
    scale: { domain: [...LAYERS] },
    title: labels.layer,
    axis: { orient: 'top' as const, labelAngle: 0 },
  };
  const y = {
    field: 'row',
    type: 'quantitative' as const,
    axis: null,
    scale: { domain: [tallest - 0.5, -0.5] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: Math.max(160, 46 * tallest),
    layer: [
      {
        data: { values: segments },
        mark: { type: 'line', tooltip: true },
        encoding: {
          x,
          y,
          detail: { field: 'link', type: 'nominal' },
          order: { field: 'end', type: 'quantitative' },
          opacity: {
            field: 'strength',
            type: 'quantitative',
            scale: { domain: [0, 1], range: [0.08, 0.9] },
            legend: null,
          },
          strokeWidth: { condition: { test: 'datum.onPath', value: 4 }, value: 1.2 },
          // A link the data does not back is dashed; one backed with the opposite sign is orange.
          strokeDash: {
            condition: { test: "datum.status !== 'supported'", value: [5, 4] },
            value: [1, 0],
          },
          color: {
            condition: [
              { test: 'datum.onPath', value: '#b2182b' },
              { test: "datum.status === 'sign'", value: '#e08214' },
            ],
            value: '#555',
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: labels.indicator },
            { field: 'r', type: 'quantitative', title: labels.r, format: '+.2f' },
            { field: 'statusText', type: 'nominal', title: labels.status },
          ],
        },
      },
      {
        data: { values: points },
        mark: { type: 'circle', cursor: 'pointer', tooltip: true, stroke: '#222' },
        encoding: {
          x,
          y,
          size: {
            field: 'size',
            type: 'quantitative',
            scale: { domain: [0, 1], range: [60, 650] },
            legend: null,
          },
          color: {
            field: 'share',
            type: 'quantitative',
            title: labels.share,
            scale: { scheme: 'redblue', domain: [largest, -largest], clamp: true },
            legend: { format: '+.0%' },
          },
          strokeWidth: { condition: { test: 'datum.chosen', value: 3 }, value: 0 },
          tooltip: [
            { field: 'name', type: 'nominal', title: labels.indicator },
            { field: 'layer', type: 'nominal', title: labels.layer },
            { field: 'share', type: 'quantitative', title: labels.share, format: '+.1%' },
          ],
        },
      },
      {
        data: { values: points },
        mark: { type: 'text', dy: 16, fontSize: 10, limit: 150 },
        encoding: {
          x,
          y,
          text: { field: 'name' },
          color: { condition: { test: 'datum.onPath', value: '#b2182b' }, value: '#333' },
        },
      },
    ],
  };
}
