/**
 * The blocks the bootstrap weighs: every row of the trace (an answer, a client × period cell, a
 * unit × period cell) falls in one group — its units of every kind and its period — and a
 * replicate gives each unit and each unit × period its own random weight; a group's weight is
 * the product over its kinds (Owen's "pigeonhole" bootstrap for crossed factors). Sums over
 * groups are what a database `GROUP BY unit…, period` returns.
 */
import type { Rng } from '../../random.ts';
import type { TraceIndex, TraceKind } from './trace-data.ts';

/**
 * The groups met so far, with each one's unit per cluster kind and period (−1 for none), and
 * its cluster: the same units in any period. Link fits are weighed by cluster (a unit's weight
 * holds in every period), shifts by group.
 */
export class TraceGroups {
  readonly kinds: readonly TraceKind[];
  readonly periods: number;
  readonly unit: number[][];
  readonly period: number[] = [];
  readonly cluster: number[] = [];
  /** Each cluster's unit per kind (−1 for none). */
  readonly clusterUnit: number[][];
  private readonly ids = new Map<number, number>();
  private readonly clusterIds = new Map<number, number>();
  private readonly units: Int32Array;

  /**
   * Groups over the index's unit kinds; with none, every client is its own cluster (a unit kind
   * named `client`).
   */
  constructor(index: TraceIndex) {
    this.kinds =
      index.kinds.length > 0
        ? index.kinds
        : [
            {
              id: 'client',
              units: index.clients,
              unitIndex: index.clientIndex,
              clientUnit: Int32Array.from(index.clients, (_, i) => i),
            },
          ];
    this.periods = index.periods.length;
    this.unit = this.kinds.map(() => []);
    this.clusterUnit = this.kinds.map(() => []);
    this.units = new Int32Array(this.kinds.length);
  }

  get count(): number {
    return this.period.length;
  }

  get clusters(): number {
    return this.clusterUnit[0]?.length ?? 0;
  }

  /** The group of a client's row in `period` (−1 for a row of no period). */
  ofClient(client: number, period: number): number {
    for (let k = 0; k < this.kinds.length; k++) this.units[k] = this.kinds[k]!.clientUnit[client]!;
    return this.of(period);
  }

  /** The group of a unit × period cell of kind `kind` (an index into `kinds`). */
  ofUnit(kind: number, unit: number, period: number): number {
    this.units.fill(-1);
    this.units[kind] = unit;
    return this.of(period);
  }

  private of(period: number): number {
    let units = 0;
    for (let k = 0; k < this.kinds.length; k++) {
      units = units * (this.kinds[k]!.units.length + 1) + this.units[k]! + 1;
    }
    const key = units * (this.periods + 1) + period + 1;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.period.length;
      this.ids.set(key, id);
      for (let k = 0; k < this.kinds.length; k++) this.unit[k]!.push(this.units[k]!);
      this.period.push(period);
      let cluster = this.clusterIds.get(units);
      if (cluster === undefined) {
        cluster = this.clusters;
        this.clusterIds.set(units, cluster);
        for (let k = 0; k < this.kinds.length; k++) this.clusterUnit[k]!.push(this.units[k]!);
      }
      this.cluster.push(cluster);
    }
    return id;
  }
}

/** One replicate's weights: per group for the shifts (`delta`), per cluster for the link fits (`fit`). */
export interface GroupWeights {
  delta: Float64Array;
  fit: Float64Array;
  /** Each kind's weight per unit × period (`unit × periods + period`), for unit-level means. */
  unitPeriod: Float64Array[];
}

/** All weights 1: the point estimate. */
export function unitWeights(groups: TraceGroups): GroupWeights {
  return {
    delta: new Float64Array(groups.count).fill(1),
    fit: new Float64Array(groups.clusters).fill(1),
    unitPeriod: groups.kinds.map((k) => new Float64Array(k.units.length * groups.periods).fill(1)),
  };
}

const exponential = (rng: Rng) => -Math.log(1 - rng.next());

/**
 * A replicate's weights: an exponential(1) weight per unit for the link fits (units are the
 * clusters their evidence rests on: a Bayesian cluster bootstrap, which never drops a unit, so
 * a fit stays defined with six warehouses), and per unit × period for the shifts (which periods
 * and which answers; the units themselves are fixed — the question is about these warehouses).
 */
export function drawWeights(groups: TraceGroups, rng: Rng): GroupWeights {
  const P = groups.periods;
  const unitW = groups.kinds.map((k) => Float64Array.from(k.units, () => exponential(rng)));
  const unitPeriod = groups.kinds.map((k) =>
    Float64Array.from({ length: k.units.length * P }, () => exponential(rng)),
  );
  const delta = new Float64Array(groups.count);
  for (let g = 0; g < groups.count; g++) {
    let d = 1;
    const p = groups.period[g]!;
    for (let k = 0; p >= 0 && k < groups.kinds.length; k++) {
      const u = groups.unit[k]![g]!;
      if (u >= 0) d *= unitPeriod[k]![u * P + p]!;
    }
    delta[g] = d;
  }
  const fit = new Float64Array(groups.clusters);
  for (let c = 0; c < groups.clusters; c++) {
    let f = 1;
    for (let k = 0; k < groups.kinds.length; k++) {
      const u = groups.clusterUnit[k]![c]!;
      if (u >= 0) f *= unitW[k]![u]!;
    }
    fit[c] = f;
  }
  return { delta, fit, unitPeriod };
}
