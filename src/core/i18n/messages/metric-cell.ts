import type { Message } from '../message-types.ts';

/** Messages of the metric cell (CSAT, churn, means, counts by group and period). */
export const metricCellEn = {
  'metric.metric': 'Metric',
  'metric.kind.nps': 'NPS (0–10 scores)',
  'metric.kind.csat': 'CSAT (share satisfied)',
  'metric.kind.churn': 'Churn rate (yes/no)',
  'metric.kind.mean': 'Mean (LTV, order value…)',
  'metric.kind.count': 'Count of rows',
  'metric.short.nps': 'NPS',
  'metric.short.csat': 'CSAT',
  'metric.short.churn': 'Churn rate',
  'metric.short.mean': 'Mean of {column}',
  'metric.short.count': 'Rows',
  'metric.column': 'Column',
  'metric.noColumn': '(rows are counted)',
  'metric.scaleMax': 'Answers from 1 to',
  'metric.topBox': 'Satisfied from',
  'metric.topTwo': 'the top two',
  'metric.run': 'Compute',
  'metric.population': 'Only the rows of “{name}” (pinned on a chart)',
  'metric.allRows': 'Use every row',
  'metric.value': 'Value',
  'metric.group': 'Group',
  'metric.period': 'Period',
  'metric.n': 'n',
  'metric.excluded': 'Left out',
  'metric.unreliable': 'Too few values',
  'metric.byGroup': '{group}',
  'metric.byGroupPeriod': '{group} and {period}',
  'metric.chartLabel': '{metric} by {by} with 95% intervals, chart',
  'metric.tableLabel': '{metric} by {by}',
  'metric.overall': 'All rows',
  'metric.ci': '95% interval: {low} to {high}',
  'metric.values': { one: '{count} value', other: '{count} values' },
  'metric.excludedNote': {
    one: '{count} value is blank or does not fit this metric: left out.',
    other: '{count} values are blank or do not fit this metric: left out.',
  },
  'metric.blank': {
    one: '{count} row has a blank group or period: it counts in “All rows”, in no group.',
    other: '{count} rows have a blank group or period: they count in “All rows”, in no group.',
  },
  'metric.howTo.nps':
    'How to read this: NPS is the share of promoters (9–10) minus the share of detractors (0–6), from −100 to +100. The bar or band is its 95% interval (adjusted Wald): the range the NPS of all such clients is likely in. Faint points rest on fewer than 30 answers. The axis spans the values and their intervals, not the whole −100…+100; a grey line marks NPS 0 when it is near.',
  'metric.howTo.csat':
    'How to read this: CSAT is the share of satisfied answers (the top two of the scale unless set otherwise). The bar or band is its 95% interval (Wilson): where the share of all such clients likely lies; overlapping intervals may differ by chance. Faint points rest on fewer than 30 answers.',
  'metric.howTo.churn':
    'How to read this: the churn rate is the share of clients marked as gone. The bar or band is its 95% interval (Wilson); overlapping intervals may differ by chance. Faint points rest on fewer than 30 clients.',
  'metric.howTo.mean':
    'How to read this: each point is the mean of the column for the group or period; the bar or band is its 95% interval (mean ± 1.96 standard errors). A few very large values can pull a mean up. Faint points rest on fewer than 30 values.',
  'metric.howTo.count':
    'How to read this: each point counts the rows of the group or period. A count has no sampling error, so it has no interval.',
} satisfies Record<string, Message>;
