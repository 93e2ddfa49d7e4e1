/**
 * A chart's dimensions encoded and fitted into its cap on marks: colour and facet capped at a
 * number of categories, the axes' numbers cut into ranges when they have more distinct values
 * than their share of the marks, the axes' dates at the chosen grain or a coarser one, rare
 * categories merged into the other category.
 */
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import { encodeDimension } from './chart-encoding.ts';
import { fitEach, fitLimits } from './chart-merge.ts';
import type { Plan } from './chart-plan.ts';
import {
  DATE_GRAINS,
  type ChartMark,
  type ChartSettings,
  type DateGrain,
} from './chart-settings.ts';

/** A colour dimension keeps at most this many categories, a facet dimension this many. */
const COLOR_LIMIT = 20;
const FACET_LIMIT = 25;
/** A number axis keeps its distinct values up to this many, else it is cut into ranges. */
const AXIS_VALUES: Record<ChartMark, number> = {
  bar: 100,
  boxplot: 100,
  heatmap: 100,
  line: 1000,
  point: 1000,
  area: 1000,
};

/** Colour and facet dimensions, encoded, each with its cap on categories. */
function groupDimensions(dataset: LoadedDataset, plan: Plan, grain: DateGrain) {
  return plan.dims
    .filter((d) => d.role === 'color' || d.role === 'facet')
    .map((d) => ({
      role: d.role,
      enc: encodeDimension(dataset, d.column, grain, null),
      cap: d.role === 'color' ? COLOR_LIMIT : FACET_LIMIT,
    }));
}

/** Mark-budget limits shared by the fitting functions. */
type FitOptions = { maxMarks: number; otherLabel: string };

/**
 * Colour and facet dimensions alone (beside raw points' exact x), encoded and fitted so that
 * their grid fits `maxMarks`.
 */
export function fitGroupDimensions(
  dataset: LoadedDataset,
  plan: Plan,
  grain: DateGrain,
  o: FitOptions,
) {
  const group = groupDimensions(dataset, plan, grain);
  return fitEach(group, fitLimits(group, o.maxMarks), o.otherLabel);
}

/**
 * Encodes and fits every dimension: the axes' numbers in ranges when they have more distinct
 * values than their share of the marks, the axes' dates at the chosen grain — or a coarser one
 * when even merging every reducible dimension leaves more than `maxMarks` periods.
 */
export function fitDimensions(
  dataset: LoadedDataset,
  settings: ChartSettings,
  plan: Plan,
  o: FitOptions,
) {
  const group = groupDimensions(dataset, plan, settings.dateGrain);
  const axes = plan.dims.filter((d) => d.role === 'x' || d.role === 'y');
  const others = group.reduce((p, g) => p * Math.max(1, Math.min(g.enc.freq.length, g.cap)), 1);
  const share = Math.floor((o.maxMarks / others) ** (1 / Math.max(1, axes.length)));
  const axisValues = Math.max(2, Math.min(AXIS_VALUES[plan.mark], share));
  let grain = settings.dateGrain;
  for (;;) {
    const axisDims = axes.map((d) => ({
      role: d.role,
      enc: encodeDimension(dataset, d.column, grain, axisValues),
      cap: Infinity,
    }));
    const all = [...axisDims, ...group];
    const limits = fitLimits(all, o.maxMarks);
    const product = limits.reduce((p, l) => p * Math.max(1, l), 1);
    const coarser = DATE_GRAINS[DATE_GRAINS.indexOf(grain) + 1];
    const periods = axisDims.some((a) => a.enc.info.kind === 'period');
    if (product <= o.maxMarks || !coarser || !periods) {
      return fitEach(all, limits, o.otherLabel);
    }
    grain = coarser;
  }
}
