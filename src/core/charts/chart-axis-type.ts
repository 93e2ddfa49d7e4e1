/** How Vega-Lite reads a chart dimension drawn on an axis. */
import type { ChartDimension, ChartFieldType } from './chart-types.ts';
import type { ChartMark } from './chart-settings.ts';

/**
 * How Vega-Lite should read a dimension drawn on an axis of `mark`. Periods are `temporal` for
 * lines, points and areas, `ordinal` (one band per period, by its time unit) for bars, boxes
 * and heatmap cells.
 */
export function axisType(info: ChartDimension | undefined, mark: ChartMark): ChartFieldType {
  if (!info) return 'nominal';
  const continuous = mark === 'line' || mark === 'point' || mark === 'area';
  switch (info.kind) {
    case 'period':
      return continuous ? 'temporal' : 'ordinal';
    case 'bin':
      return mark === 'heatmap' || mark === 'boxplot' ? 'ordinal' : 'quantitative';
    case 'exact':
      return info.type === 'date' ? 'temporal' : 'quantitative';
    case 'category':
      if (info.type !== 'number') return 'nominal';
      return continuous && !info.merged ? 'quantitative' : 'ordinal';
  }
}
