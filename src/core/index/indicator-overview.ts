import type { Indicator, ServiceModel } from '../model/model-types.ts';
import { indicatorValues, splitCellKey } from './indicator-values.ts';
import type { LoadedDataset } from './loaded-dataset.ts';

/**
 * How an indicator stands against its target: within the tolerance of it (`near`), beyond it on
 * the better side (`on`) or on the worse side (`off`), without a target, or without a value.
 */
export type TargetStatus = 'on' | 'near' | 'off' | 'no-target' | 'no-data';

/** The share of an indicator's scale (max − min) within which a value counts as at its target. */
export const TARGET_TOLERANCE = 0.05;

/** One indicator at a glance: its latest value, its trend, and whether it is on target. */
export interface IndicatorOverview {
  id: string;
  /** The mean over the entities (clients or units) of the latest period; of all, at client grain. */
  latest: number | null;
  latestPeriod: string | null;
  /** Mean over the entities per period, in order (empty at client grain). */
  byPeriod: { period: string; value: number; n: number }[];
  status: TargetStatus;
  problems: string[];
}

/**
 * How a value stands against an indicator's target, by its direction: within 5% of its scale of
 * the target (0.5 points on a 0–10 scale, 5 points on 0–100%) it is `near`, so that a hair's
 * breadth over or under does not flip the colour; beyond that, `on` on the better side and `off`
 * on the worse. A scale that is not a range (max = min) has no tolerance.
 */
export function targetStatus(value: number | null, indicator: Indicator): TargetStatus {
  if (value === null) return 'no-data';
  if (typeof indicator.target !== 'number') return 'no-target';
  const range = Math.abs(indicator.scale.max - indicator.scale.min);
  const tolerance = Number.isFinite(range) && range > 0 ? TARGET_TOLERANCE * range : 0;
  const ahead =
    indicator.direction === 'lower' ? indicator.target - value : value - indicator.target;
  // A hair over for floating point: 0.13 − 0.1 must count as within 5% of a 0–0.6 scale.
  if (Math.abs(ahead) <= tolerance * (1 + 1e-9) + Number.EPSILON) return 'near';
  return ahead > 0 ? 'on' : 'off';
}

/**
 * Every indicator of a model at a glance, computed from the datasets: each bound indicator's
 * values at its grain averaged over clients or units per period (each entity counts once),
 * the latest period's mean as its current value, and its status against the target.
 */
export function indicatorOverview(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
): IndicatorOverview[] {
  return model.indicators.map((indicator) => {
    if (!indicator.binding) {
      return {
        id: indicator.id,
        latest: null,
        latestPeriod: null,
        byPeriod: [],
        status: 'no-data',
        problems: [],
      };
    }
    const series = indicatorValues(model, indicator.id, datasets);
    const perPeriod = new Map<string, { sum: number; n: number }>();
    let sum = 0;
    let n = 0;
    const hasPeriod = series.grain.kind !== 'client';
    for (const [key, cell] of series.cells) {
      if (!Number.isFinite(cell.value)) continue;
      sum += cell.value;
      n++;
      if (!hasPeriod) continue;
      const period = splitCellKey(key)[1];
      const acc = perPeriod.get(period) ?? { sum: 0, n: 0 };
      acc.sum += cell.value;
      acc.n++;
      perPeriod.set(period, acc);
    }
    const byPeriod = [...perPeriod.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([period, acc]) => ({ period, value: acc.sum / acc.n, n: acc.n }));
    const last = byPeriod[byPeriod.length - 1];
    const latest = hasPeriod ? (last?.value ?? null) : n > 0 ? sum / n : null;
    return {
      id: indicator.id,
      latest,
      latestPeriod: last?.period ?? null,
      byPeriod,
      status: targetStatus(latest, indicator),
      problems: series.problems,
    };
  });
}
