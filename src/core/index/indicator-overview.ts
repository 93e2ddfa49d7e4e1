import type { Indicator, ServiceModel } from '../model/model-types.ts';
import { indicatorValues, splitCellKey } from './indicator-values.ts';
import type { LoadedDataset } from './loaded-dataset.ts';

/** How an indicator stands against its target. */
export type TargetStatus = 'on' | 'off' | 'no-target' | 'no-data';

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

/** Whether a value meets an indicator's target, by its direction. */
export function targetStatus(value: number | null, indicator: Indicator): TargetStatus {
  if (value === null) return 'no-data';
  if (typeof indicator.target !== 'number') return 'no-target';
  const met =
    indicator.direction === 'lower' ? value <= indicator.target : value >= indicator.target;
  return met ? 'on' : 'off';
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
