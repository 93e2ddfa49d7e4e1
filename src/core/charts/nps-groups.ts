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

/**
 * A Vega-Lite spec of NPS by group with its 95% interval on a fixed −100…100 axis: by period, a
 * line with the interval as a band; by any other group, points with the interval as error
 * bars (see `intervalChartSpec`). Small groups are drawn faint, not dropped.
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
    domain: [-100, 100],
    format: '+.1f',
    labels: { ...labels, key: labels.group, value: labels.nps },
  });
}
