import type { TopLevelSpec } from 'vega-lite';
import type { GroupResult } from '../metrics/group-metrics.ts';
import type { NpsSummary } from '../metrics/nps.ts';

/** Labels of the NPS-by-group chart, in the user's language. */
export interface NpsGroupsLabels {
  group: string;
  nps: string;
  low: string;
  high: string;
  n: string;
  unreliable: string;
  yes: string;
  no: string;
}

/**
 * A Vega-Lite spec of NPS by group with its 95% interval: by period, a line with the interval
 * as a band; by any other group, points with the interval as error bars. Groups flagged
 * unreliable (too few answers) are drawn faint and say so in the tooltip: shown, not hidden.
 */
export function npsGroupsSpec(
  groups: readonly GroupResult<NpsSummary>[],
  kind: 'period' | 'group',
  labels: NpsGroupsLabels,
): TopLevelSpec {
  const values = groups
    .filter((g) => g.summary.nps !== null)
    .map((g) => ({
      key: g.key,
      nps: g.summary.nps,
      low: g.summary.ciLow,
      high: g.summary.ciHigh,
      n: g.summary.n,
      unreliable: g.unreliable ? labels.yes : labels.no,
      reliable: !g.unreliable,
    }));
  const x = { field: 'key', type: 'ordinal' as const, sort: null, title: labels.group };
  const y = {
    field: 'nps',
    type: 'quantitative' as const,
    title: labels.nps,
    scale: { domain: [-100, 100] },
  };
  const tooltip = [
    { field: 'key', type: 'ordinal' as const, title: labels.group },
    { field: 'nps', type: 'quantitative' as const, title: labels.nps, format: '+.1f' },
    { field: 'low', type: 'quantitative' as const, title: labels.low, format: '+.1f' },
    { field: 'high', type: 'quantitative' as const, title: labels.high, format: '+.1f' },
    { field: 'n', type: 'quantitative' as const, title: labels.n, format: ',d' },
    { field: 'unreliable', type: 'nominal' as const, title: labels.unreliable },
  ];
  const interval =
    kind === 'period'
      ? {
          mark: { type: 'area' as const, opacity: 0.2 },
          encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
        }
      : {
          mark: { type: 'rule' as const },
          encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
        };
  const point = {
    mark: {
      type: kind === 'period' ? ('line' as const) : ('point' as const),
      point: kind === 'period',
      tooltip: true,
    },
    encoding: {
      x,
      y,
      tooltip,
      // Too few answers: drawn faint, and the tooltip says why.
      opacity: { condition: { test: 'datum.reliable', value: 1 }, value: 0.35 },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 240,
    data: { values },
    layer: [interval, point],
  } as TopLevelSpec;
}
