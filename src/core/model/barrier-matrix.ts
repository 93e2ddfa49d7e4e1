import type { Locale } from '../i18n/locale.ts';
import type { Localized, ServiceModel } from './model-types.ts';

/** One column of the barrier matrix: a barrier (alike names at several touchpoints merged). */
export interface MatrixColumn {
  key: string;
  name: Localized;
  /** The factor the barrier damages (an id of `ServiceModel.factors`), or null. */
  factor: string | null;
  /** The barrier's id at each touchpoint that has it. */
  at: Record<string, string>;
}

/** One row of the barrier matrix: a touchpoint, in journey order. */
export interface MatrixRow {
  touchpoint: string;
  stage: string;
  name: Localized;
  momentOfTruth: boolean;
  /** Whether each column's barrier occurs at this touchpoint, in column order. */
  cells: boolean[];
}

/** Touchpoints × barriers of a model's journey. */
export interface BarrierMatrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/**
 * The barrier matrix of a model: rows are touchpoints in journey order (stage order, then
 * their order within the stage); columns are barriers grouped by the factor they damage (in
 * the model's factor order, barriers without a factor last), a barrier named alike (in
 * `locale`, ignoring case and spaces) at several touchpoints being one column.
 */
export function barrierMatrix(model: ServiceModel, locale: Locale): BarrierMatrix {
  const stageOrder = new Map(model.journey.stages.map((s, k) => [s.id, k]));
  const touchpoints = model.journey.touchpoints
    .map((tp, k) => ({ tp, k }))
    .sort(
      (a, b) =>
        (stageOrder.get(a.tp.stage) ?? Infinity) - (stageOrder.get(b.tp.stage) ?? Infinity) ||
        a.k - b.k,
    )
    .map(({ tp }) => tp);
  const factorOrder = new Map(model.factors.map((f, k) => [f.id, k]));
  const columns = new Map<string, MatrixColumn & { first: number }>();
  let seen = 0;
  for (const tp of touchpoints) {
    for (const b of tp.barriers) {
      const factor = b.factor && factorOrder.has(b.factor) ? b.factor : null;
      const key = `${factor ?? ''}\u0000${b.name[locale].trim().toLowerCase().replace(/\s+/g, ' ')}`;
      let col = columns.get(key);
      if (!col) {
        // No prototype: a touchpoint id such as `constructor` is a key like any other.
        const at = Object.create(null) as Record<string, string>;
        columns.set(key, (col = { key, name: b.name, factor, at, first: seen++ }));
      }
      col.at[tp.id] = b.id;
    }
  }
  const rank = (f: string | null) => (f === null ? Infinity : factorOrder.get(f)!);
  const ordered = [...columns.values()]
    .sort((a, b) => rank(a.factor) - rank(b.factor) || a.first - b.first)
    .map(({ first: _first, ...col }) => col);
  return {
    columns: ordered,
    rows: touchpoints.map((tp) => ({
      touchpoint: tp.id,
      stage: tp.stage,
      name: tp.name,
      momentOfTruth: tp.momentOfTruth,
      cells: ordered.map((c) => Object.hasOwn(c.at, tp.id)),
    })),
  };
}
