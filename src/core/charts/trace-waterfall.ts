/**
 * The trace's waterfall: from the reference's value of the start indicator to the population's,
 * one bar per cause (the largest few, the rest together) and one for the unexplained part, each
 * in the start indicator's units; the two ends are drawn as totals.
 */
import type { TopLevelSpec } from 'vega-lite';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** One step of the waterfall: its name and how much it moves the value (signed, start units). */
export interface WaterfallStep {
  label: string;
  /** The change it makes, in the start indicator's units (negative lowers the value). */
  change: number;
}

/** Labels of the waterfall, in the user's language, and how its values are written. */
export interface WaterfallLabels {
  step: string;
  value: string;
  change: string;
  reference: string;
  population: string;
  /** Writes a value and a change of the start indicator for the tooltip. */
  formatValue: (v: number) => string;
  formatChange: (v: number) => string;
}

/** One drawn bar. */
export interface WaterfallBar {
  order: number;
  label: string;
  from: number;
  to: number;
  kind: 'total' | 'down' | 'up';
  value: string;
  change: string;
}

/**
 * The bars: the reference's total, each step from where the last ended, the population's total.
 * The steps are expected to add up to `population − reference`.
 */
export function waterfallBars(
  reference: number,
  population: number,
  steps: readonly WaterfallStep[],
  labels: WaterfallLabels,
): WaterfallBar[] {
  const bars: WaterfallBar[] = [
    {
      order: 0,
      label: labels.reference,
      from: 0,
      to: reference,
      kind: 'total',
      value: labels.formatValue(reference),
      change: '',
    },
  ];
  let level = reference;
  steps.forEach((s, k) => {
    bars.push({
      order: k + 1,
      label: s.label,
      from: level,
      to: level + s.change,
      kind: s.change < 0 ? 'down' : 'up',
      value: labels.formatValue(level + s.change),
      change: labels.formatChange(s.change),
    });
    level += s.change;
  });
  bars.push({
    order: steps.length + 1,
    label: labels.population,
    from: 0,
    to: population,
    kind: 'total',
    value: labels.formatValue(population),
    change: '',
  });
  return bars;
}

/** The waterfall (see the module comment), horizontal so that long names stay readable. */
export function waterfallSpec(
  bars: readonly WaterfallBar[],
  labels: WaterfallLabels,
): TopLevelSpec {
  return {
    $schema: SCHEMA,
    width: 'container',
    height: Math.max(160, 26 * bars.length),
    data: { values: bars as WaterfallBar[] },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: { field: 'order' },
        title: labels.step,
        axis: { labelLimit: 260 },
      },
      x: { field: 'from', type: 'quantitative', title: labels.value },
      x2: { field: 'to' },
      color: {
        field: 'kind',
        type: 'nominal',
        legend: null,
        scale: { domain: ['total', 'down', 'up'], range: ['#5b6770', '#d62728', '#2ca02c'] },
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: labels.step },
        { field: 'change', type: 'nominal', title: labels.change },
        { field: 'value', type: 'nominal', title: labels.value },
      ],
    },
  };
}
