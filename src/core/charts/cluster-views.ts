import type { TopLevelSpec } from 'vega-lite';

/** Labels of the cluster charts, in the user's language. */
export interface ClusterChartLabels {
  cluster: string;
  comments: string;
  nps: string;
  x: string;
  y: string;
}

/**
 * A Vega-Lite map of comments: each a dot on the plane of the clusters' two main axes, coloured
 * by its cluster; close dots say similar things. The chosen cluster stays bright, the others
 * fade. Clicking a dot picks its cluster.
 */
export function clusterMapSpec(
  points: readonly { x: number; y: number; cluster: string }[],
  labels: ClusterChartLabels,
  selected: string | null = null,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 300,
    data: {
      values: points.map((p) => ({ ...p, chosen: selected === null || p.cluster === selected })),
    },
    mark: { type: 'circle', size: 18, cursor: 'pointer', tooltip: true },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: labels.x,
        axis: { labels: false, ticks: false },
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: labels.y,
        axis: { labels: false, ticks: false },
      },
      color: {
        field: 'cluster',
        type: 'nominal',
        title: labels.cluster,
        scale: { scheme: 'tableau20' },
      },
      opacity: { condition: { test: 'datum.chosen', value: 0.8 }, value: 0.12 },
      tooltip: [{ field: 'cluster', type: 'nominal', title: labels.cluster }],
    },
  };
}

/**
 * A Vega-Lite bar chart of cluster sizes, biggest first, each bar coloured by the cluster's NPS
 * (red below zero, green above) with the NPS in the tooltip. Clicking a bar picks its cluster.
 */
export function clusterSizesSpec(
  clusters: readonly { name: string; size: number; nps: number | null }[],
  labels: ClusterChartLabels,
  selected: string | null = null,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: Math.max(120, 26 * clusters.length),
    data: {
      values: clusters.map((c) => ({
        cluster: c.name,
        size: c.size,
        nps: c.nps,
        chosen: selected === null || c.name === selected,
      })),
    },
    mark: { type: 'bar', cursor: 'pointer', tooltip: true },
    encoding: {
      y: {
        field: 'cluster',
        type: 'nominal',
        sort: null,
        title: labels.cluster,
        axis: { labelLimit: 220 },
      },
      x: { field: 'size', type: 'quantitative', title: labels.comments },
      color: {
        field: 'nps',
        type: 'quantitative',
        title: labels.nps,
        scale: { scheme: 'redyellowgreen', domain: [-100, 100] },
      },
      opacity: { condition: { test: 'datum.chosen', value: 1 }, value: 0.35 },
      tooltip: [
        { field: 'cluster', type: 'nominal', title: labels.cluster },
        { field: 'size', type: 'quantitative', title: labels.comments, format: ',d' },
        { field: 'nps', type: 'quantitative', title: labels.nps, format: '+.1f' },
      ],
    },
  };
}
