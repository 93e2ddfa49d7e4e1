/**
 * Vega-Lite views of a key-drivers analysis: the ranking (SHAP importance beside relative
 * weights, each with its interval), the beeswarm summary, a dependence plot, one row's
 * waterfall and the calibration of the model. Inputs are small (the worker's sample).
 */
import type { TopLevelSpec } from 'vega-lite';
import { extent, ROWS } from './progressive.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Labels of the driver charts, in the user's language. */
export interface DriverChartLabels {
  driver: string;
  direction: string;
  shap: string;
  weight: string;
  share: string;
  method: string;
  value: string;
  shapValue: string;
  low: string;
  high: string;
  /** The ends of a 95% interval. */
  lower: string;
  upper: string;
  predicted: string;
  observed: string;
  rows: string;
}

/** One driver in the ranking: both methods' shares (0–1) with their intervals. */
export interface RankingRow {
  driver: string;
  /** Which way the driver pushes, in words (“higher → more often low”). */
  direction: string;
  shap: number;
  shapLow: number;
  shapHigh: number;
  weight: number;
  weightLow: number;
  weightHigh: number;
}

/**
 * Horizontal bars per driver, top first: the share of mean |SHAP| and the share of R² by
 * relative weights side by side, with 95% bootstrap intervals. Clicking a bar picks its driver.
 */
export function driverRankingSpec(
  rows: readonly RankingRow[],
  labels: DriverChartLabels,
  selected: string | null = null,
): TopLevelSpec {
  const values = rows.flatMap((r) => [
    {
      driver: r.driver,
      direction: r.direction,
      method: labels.shap,
      share: r.shap,
      low: r.shapLow,
      high: r.shapHigh,
      chosen: selected === null || r.driver === selected,
    },
    {
      driver: r.driver,
      direction: r.direction,
      method: labels.weight,
      share: r.weight,
      low: r.weightLow,
      high: r.weightHigh,
      chosen: selected === null || r.driver === selected,
    },
  ]);
  const order = rows.map((r) => r.driver);
  const y = {
    field: 'driver',
    type: 'nominal' as const,
    sort: order,
    title: labels.driver,
    axis: { labelLimit: 220 },
  };
  return {
    $schema: SCHEMA,
    width: 'container',
    height: Math.max(140, 34 * rows.length),
    data: { values },
    encoding: { y, yOffset: { field: 'method', sort: [labels.shap, labels.weight] } },
    layer: [
      {
        mark: { type: 'bar', cursor: 'pointer', tooltip: true },
        encoding: {
          x: { field: 'share', type: 'quantitative', title: labels.share, axis: { format: '.0%' } },
          color: {
            field: 'method',
            type: 'nominal',
            title: labels.method,
            sort: [labels.shap, labels.weight],
            scale: { range: ['#d62728', '#7f7f7f'] },
          },
          opacity: { condition: { test: 'datum.chosen', value: 1 }, value: 0.35 },
          tooltip: [
            { field: 'driver', type: 'nominal', title: labels.driver },
            { field: 'method', type: 'nominal', title: labels.method },
            { field: 'share', type: 'quantitative', title: labels.share, format: '.1%' },
            { field: 'low', type: 'quantitative', title: labels.lower, format: '.1%' },
            { field: 'high', type: 'quantitative', title: labels.upper, format: '.1%' },
            { field: 'direction', type: 'nominal', title: labels.direction },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#222' },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
  };
}

/** One sampled row's SHAP value for one driver, and where its value sits (0 low … 1 high). */
export interface SwarmPoint {
  driver: string;
  shap: number;
  /** The value's rank among the sample (0–1); null for a category or a blank. */
  level: number | null;
  value: string;
  jitter: number;
}

/**
 * The beeswarm summary: for each driver (top first) a dot per sampled row at its SHAP value,
 * coloured from blue (low value) to red (high value); categories and blanks are grey. Its scales
 * are fixed from all the points, so a dense swarm can be drawn part by part (`progressive.ts`).
 */
export function beeswarmSpec(
  points: readonly SwarmPoint[],
  order: readonly string[],
  labels: DriverChartLabels,
): TopLevelSpec {
  const shap = extent(points.map((p) => p.shap));
  return {
    $schema: SCHEMA,
    width: 'container',
    height: Math.max(140, 30 * order.length),
    data: { name: ROWS, values: points as SwarmPoint[] },
    mark: { type: 'circle', size: 14, opacity: 0.6, tooltip: true },
    encoding: {
      y: {
        field: 'driver',
        type: 'nominal',
        sort: order as string[],
        scale: { domain: order as string[] },
        title: labels.driver,
        axis: { labelLimit: 220 },
      },
      yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-1, 1] } },
      x: {
        field: 'shap',
        type: 'quantitative',
        title: labels.shapValue,
        ...(shap ? { scale: { domain: shap } } : {}),
      },
      color: {
        field: 'level',
        type: 'quantitative',
        title: `${labels.value}: ${labels.low} → ${labels.high}`,
        scale: { range: ['#1f77b4', '#d62728'], domain: [0, 1] },
        legend: { labelExpr: "''" },
      },
      tooltip: [
        { field: 'driver', type: 'nominal', title: labels.driver },
        { field: 'value', type: 'nominal', title: labels.value },
        { field: 'shap', type: 'quantitative', title: labels.shapValue, format: '+.3f' },
      ],
    },
  };
}

/** One sampled row in a dependence plot. */
export interface DependencePoint {
  x: number | string;
  shap: number;
  colour: number | string | null;
}

/**
 * A dependence plot: a driver's value (x) against its SHAP value (y), each dot a sampled row,
 * coloured by a second driver's value. A category is drawn as a strip per level. Its rows are
 * named `ROWS` and every scale's domain is fixed from all of them, so that a dense plot can be
 * drawn part by part (`isDense`).
 */
export function dependenceSpec(
  points: readonly DependencePoint[],
  labels: DriverChartLabels & { feature: string; colourBy: string | null },
  categorical: boolean,
  colourCategorical: boolean,
): TopLevelSpec {
  const shap = extent(points.map((p) => p.shap));
  const numbers = (pick: (p: DependencePoint) => unknown) =>
    extent(points.flatMap((p) => (typeof pick(p) === 'number' ? [pick(p) as number] : [])));
  const x = categorical ? levels(points.map((p) => p.x)) : numbers((p) => p.x);
  const colour = colourCategorical ? levels(points.map((p) => p.colour)) : numbers((p) => p.colour);
  const domain = <T>(d: T | null) => (d ? { domain: d } : {});
  return {
    $schema: SCHEMA,
    width: 'container',
    height: 280,
    data: { name: ROWS, values: points as DependencePoint[] },
    mark: { type: 'circle', size: 18, opacity: 0.6, tooltip: true },
    encoding: {
      x: categorical
        ? {
            field: 'x',
            type: 'nominal',
            title: labels.feature,
            axis: { labelLimit: 140 },
            scale: domain(x),
          }
        : {
            field: 'x',
            type: 'quantitative',
            title: labels.feature,
            scale: { zero: false, nice: true, ...domain(x) },
          },
      ...(categorical
        ? { xOffset: { field: 'shap', type: 'quantitative' as const, scale: domain(shap) } }
        : {}),
      // Rounded ends, as a domain drawn from the data would have.
      y: {
        field: 'shap',
        type: 'quantitative',
        title: labels.shapValue,
        scale: { nice: true, ...domain(shap) },
      },
      ...(labels.colourBy
        ? {
            color: colourCategorical
              ? {
                  field: 'colour',
                  type: 'nominal' as const,
                  title: labels.colourBy,
                  scale: domain(colour),
                }
              : {
                  field: 'colour',
                  type: 'quantitative' as const,
                  title: labels.colourBy,
                  scale: { range: ['#1f77b4', '#d62728'], ...domain(colour) },
                },
          }
        : {}),
      tooltip: [
        { field: 'x', title: labels.feature },
        { field: 'shap', type: 'quantitative', title: labels.shapValue, format: '+.3f' },
        ...(labels.colourBy ? [{ field: 'colour', title: labels.colourBy }] : []),
      ],
    },
  };
}

/**
 * The distinct levels among `values` (text, and a blank as null, which a nominal scale shows as
 * a level too), sorted as such a scale sorts them; null if there is none.
 */
function levels(values: readonly unknown[]): (string | null)[] | null {
  const text = [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort();
  const out: (string | null)[] = values.some((v) => v === null) ? [...text, null] : text;
  return out.length > 0 ? out : null;
}

/** One step of a waterfall: a driver's push on the log-odds, from `start` to `end`. */
export interface WaterfallStep {
  label: string;
  start: number;
  end: number;
}

/**
 * Why one row got its score: from the average (base) log-odds, each driver's SHAP value pushes
 * up (red, towards the low outcome) or down (blue), ending at the row's own log-odds.
 */
export function waterfallSpec(
  steps: readonly WaterfallStep[],
  labels: DriverChartLabels & { logOdds: string },
): TopLevelSpec {
  const values = steps.map((s, i) => ({
    ...s,
    order: i,
    push: s.end - s.start,
    up: s.end >= s.start,
  }));
  return {
    $schema: SCHEMA,
    width: 'container',
    height: Math.max(140, 26 * steps.length),
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: { field: 'order' },
        title: null,
        axis: { labelLimit: 260 },
      },
      x: { field: 'start', type: 'quantitative', title: labels.logOdds, scale: { zero: false } },
      x2: { field: 'end' },
      color: {
        field: 'up',
        type: 'nominal',
        legend: null,
        scale: { domain: [true, false], range: ['#d62728', '#1f77b4'] },
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: labels.driver },
        { field: 'push', type: 'quantitative', title: labels.shapValue, format: '+.3f' },
        { field: 'end', type: 'quantitative', title: labels.logOdds, format: '.3f' },
      ],
    },
  };
}

/** Round shares an axis of the calibration chart is marked at: 0%, 20% … 100%. */
export const CALIBRATION_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * A share axis of the calibration chart: six round labels whatever the width (Vega's own
 * count put a label every 5% on a wide chart and every 10% on a narrow one, crowding them),
 * the end labels kept inside the plot, and any label that would still touch another hidden.
 */
function shareAxis(title: string) {
  return {
    type: 'quantitative' as const,
    title,
    scale: { domain: [0, 1] },
    axis: {
      format: '.0%',
      values: CALIBRATION_TICKS,
      labelFlush: true,
      labelOverlap: true,
      labelSeparation: 6,
    },
  };
}

/**
 * The model's calibration on the holdout: predicted against observed share per bin, with the
 * diagonal of a perfect model dashed beneath.
 */
export function calibrationSpec(
  bins: readonly { meanPredicted: number; observedRate: number; n: number }[],
  labels: DriverChartLabels,
): TopLevelSpec {
  return {
    $schema: SCHEMA,
    width: 'container',
    height: 240,
    // One pair of axes for both layers: the diagonal is drawn on the bins' own fields.
    encoding: {
      x: { field: 'meanPredicted', ...shareAxis(labels.predicted) },
      y: { field: 'observedRate', ...shareAxis(labels.observed) },
    },
    layer: [
      {
        data: {
          values: [
            { meanPredicted: 0, observedRate: 0 },
            { meanPredicted: 1, observedRate: 1 },
          ],
        },
        mark: { type: 'line', color: '#999', strokeDash: [4, 4] },
      },
      {
        data: { values: bins as { meanPredicted: number; observedRate: number; n: number }[] },
        mark: { type: 'line', point: true, tooltip: true },
        encoding: {
          tooltip: [
            {
              field: 'meanPredicted',
              type: 'quantitative',
              title: labels.predicted,
              format: '.1%',
            },
            { field: 'observedRate', type: 'quantitative', title: labels.observed, format: '.1%' },
            { field: 'n', type: 'quantitative', title: labels.rows, format: ',d' },
          ],
        },
      },
    ],
  };
}
