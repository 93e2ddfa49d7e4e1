import type { TopLevelSpec } from 'vega-lite';
import { extent, ROWS } from './progressive.ts';

/** Labels of the cluster charts, in the user's language. */
export interface ClusterChartLabels {
  cluster: string;
  comments: string;
  nps: string;
  x: string;
  y: string;
}

/** Characters per line of a cluster's name on the sizes chart's axis. */
const LABEL_LINE = 26;

/**
 * A cluster's name broken into lines of at most `width` characters at spaces (a word longer
 * than a line keeps its own line), for an axis label that wraps instead of being cut.
 */
export function wrapLabel(name: string, width = LABEL_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * A Vega-Lite map of comments: each a dot on the plane of the clusters' two main axes, coloured
 * by its cluster; close dots say similar things. The chosen cluster stays bright, the others
 * fade. Clicking a dot picks its cluster. Its scales are fixed from all the points, so a dense
 * map can be drawn part by part (see `progressive.ts`).
 */
export function clusterMapSpec(
  points: readonly { x: number; y: number; cluster: string }[],
  labels: ClusterChartLabels,
  selected: string | null = null,
): TopLevelSpec {
  const domain = (v: (p: (typeof points)[number]) => number) => {
    const e = extent(points.map(v));
    return e ? { domain: e } : {};
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 300,
    data: {
      name: ROWS,
      values: points.map((p) => ({ ...p, chosen: selected === null || p.cluster === selected })),
    },
    mark: { type: 'circle', size: 18, cursor: 'pointer', tooltip: true },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: labels.x,
        axis: { labels: false, ticks: false },
        scale: domain((p) => p.x),
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: labels.y,
        axis: { labels: false, ticks: false },
        scale: domain((p) => p.y),
      },
      color: {
        field: 'cluster',
        type: 'nominal',
        title: labels.cluster,
        scale: { scheme: 'tableau20', domain: [...new Set(points.map((p) => p.cluster))].sort() },
        // Below the map, in two columns: room for whole names rather than cut ones.
        legend: { orient: 'bottom', columns: 2, labelLimit: 320 },
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
  const lines = clusters.map((c) => wrapLabel(c.name));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: Math.max(
      120,
      lines.reduce((h, l) => h + 14 + 12 * l.length, 0),
    ),
    data: {
      values: clusters.map((c, i) => ({
        cluster: c.name,
        // The axis label: the name in lines joined by a line break, split again by the axis.
        label: lines[i]!.join('\n'),
        size: c.size,
        nps: c.nps,
        chosen: selected === null || c.name === selected,
      })),
    },
    mark: { type: 'bar', cursor: 'pointer', tooltip: true },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: null,
        title: labels.cluster,
        // Wrapped, never cut: the whole name is also in the tooltip.
        axis: { labelExpr: "split(datum.label, '\\n')", labelLimit: 0 },
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
