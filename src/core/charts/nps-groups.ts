import type { TopLevelSpec } from 'vega-lite';
import type { GroupResult } from '../metrics/group-metrics.ts';
import type { NpsSummary } from '../metrics/nps.ts';
import { intervalChartSpec } from './interval-chart.ts';

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

/** NPS's own scale: the axis is fitted to the data within it, never beyond. */
export const NPS_LIMITS = [-100, 100] as const;

/**
 * A Vega-Lite spec of NPS by group with its 95% interval: by period, a line with the interval
 * as a band; by any other group, points with the interval as error bars (see
 * `intervalChartSpec`). The axis fits the values and intervals within −100…100, with a rule at
 * 0 when 0 is near (see `fittedDomain`). Small groups are drawn faint, not dropped.
 */
export function npsGroupsSpec(
  groups: readonly GroupResult<NpsSummary>[],
  kind: 'period' | 'group',
  labels: NpsGroupsLabels,
): TopLevelSpec {
  const points = groups.flatMap((g) =>
    g.summary.nps === null
      ? []
      : [
          {
            key: g.key,
            value: g.summary.nps,
            low: g.summary.ciLow,
            high: g.summary.ciHigh,
            n: g.summary.n,
            unreliable: g.unreliable,
          },
        ],
  );
  return intervalChartSpec(points, {
    kind,
    fitWithin: NPS_LIMITS,
    format: '+.1f',
    labels: { ...labels, key: labels.group, value: labels.nps },
  });
}
