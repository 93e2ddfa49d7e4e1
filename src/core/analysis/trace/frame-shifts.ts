/**
 * Each indicator's gap over the frame — the mean at the population's rows minus the mean at
 * the reference's — from per-group sums, so that a replicate's weights re-weigh groups, not
 * rows: one pass over the groups gives every indicator's shift, and each unit's share of the
 * population and of the reference (for the persistent split).
 */
import { valueAt, type IndicatorData, type TraceData } from './trace-data.ts';
import { POPULATION, REFERENCE, type TraceFrame } from './trace-frame.ts';
import type { TraceGroups } from './trace-groups.ts';

/**
 * Per indicator and group: the population's count and sum, the reference's count and sum, at
 * `(indicator × groups + group) × 4`.
 */
export interface ShiftTable {
  ids: string[];
  /** Each indicator's unit per group (−1: none), or null at client grain. */
  unitOf: (Int32Array | null)[];
  /** Each indicator's count of units (0 at client grain). */
  units: Int32Array;
  groups: number;
  sums: Float64Array;
}

/** The weighted means of the two sides, and their difference (population − reference). */
export interface Shift {
  population: number;
  reference: number;
  delta: number;
  /** Weighted row counts of the two sides. */
  nPopulation: number;
  nReference: number;
}

/** A unit-level indicator's contrast: per unit, population share − reference share; reference share. */
export interface UnitContrast {
  net: Float64Array;
  reference: Float64Array;
}

/** The frame rows' groups. */
export function frameGroups(frame: TraceFrame, groups: TraceGroups): Int32Array {
  return Int32Array.from({ length: frame.n }, (_, i) =>
    groups.ofClient(frame.client[i]!, frame.period[i]!),
  );
}

/** An indicator's value at each frame row: the answer's own value when it lines up with the start. */
function frameValue(data: TraceData, frame: TraceFrame, x: IndicatorData): (i: number) => number {
  const start = frame.start;
  if (
    x.kind === 'rows' &&
    start.kind === 'rows' &&
    x.dataset === start.dataset &&
    x.filter === start.filter
  ) {
    return (i) => x.byRow[frame.datasetRow![i]!]!;
  }
  return (i) => valueAt(x, data.index, frame.client[i]!, frame.period[i]!);
}

/** The per-group sums of `ids` over the frame's population and reference rows. */
export function shiftTable(
  data: TraceData,
  frame: TraceFrame,
  rowGroups: Int32Array,
  groups: TraceGroups,
  ids: readonly string[],
): ShiftTable {
  const X = ids.length;
  const G = groups.count;
  const sums = new Float64Array(G * X * 4);
  ids.forEach((id, x) => {
    const value = frameValue(data, frame, data.indicators.get(id)!);
    for (let i = 0; i < frame.n; i++) {
      const side = frame.side[i];
      if (side !== POPULATION && side !== REFERENCE) continue;
      const v = value(i);
      if (Number.isNaN(v)) continue;
      const at = (x * G + rowGroups[i]!) * 4 + (side === POPULATION ? 0 : 2);
      sums[at]!++;
      sums[at + 1]! += v;
    }
  });
  const kinds = ids.map((id) => {
    const d = data.indicators.get(id)!;
    return d.kind === 'units' ? d.unitKind : -1;
  });
  return {
    ids: [...ids],
    unitOf: kinds.map((k) => (k < 0 ? null : Int32Array.from(groups.unit[k]!.slice(0, G)))),
    units: Int32Array.from(kinds, (k) => (k < 0 ? 0 : groups.kinds[k]!.units.length)),
    groups: G,
    sums,
  };
}

/**
 * Every indicator's shift under per-group weights, and each unit-level one's contrast by unit:
 * one pass over the groups.
 */
export function shiftsOf(
  table: ShiftTable,
  weights: Float64Array,
): { shifts: Shift[]; units: (UnitContrast | null)[] } {
  const X = table.ids.length;
  const G = table.groups;
  const { sums } = table;
  const shifts: Shift[] = [];
  const contrasts: (UnitContrast | null)[] = [];
  for (let x = 0; x < X; x++) {
    let np = 0;
    let sp = 0;
    let nr = 0;
    let sr = 0;
    const unitOf = table.unitOf[x];
    const perUnit = unitOf ? new Float64Array(table.units[x]! * 2) : null;
    const base = x * G * 4;
    for (let g = 0; g < G; g++) {
      const at = base + g * 4;
      const p = sums[at]!;
      const r = sums[at + 2]!;
      if (p === 0 && r === 0) continue;
      const w = weights[g]!;
      np += w * p;
      sp += w * sums[at + 1]!;
      nr += w * r;
      sr += w * sums[at + 3]!;
      if (perUnit) {
        const u = unitOf![g]!;
        if (u >= 0) {
          perUnit[2 * u]! += w * p;
          perUnit[2 * u + 1]! += w * r;
        }
      }
    }
    const population = np > 0 ? sp / np : NaN;
    const reference = nr > 0 ? sr / nr : NaN;
    shifts.push({
      population,
      reference,
      delta: population - reference,
      nPopulation: np,
      nReference: nr,
    });
    if (!perUnit) {
      contrasts.push(null);
      continue;
    }
    const n = perUnit.length / 2;
    const net = new Float64Array(n);
    const ref = new Float64Array(n);
    for (let u = 0; u < n; u++) {
      ref[u] = perUnit[2 * u + 1]! / nr;
      net[u] = perUnit[2 * u]! / np - ref[u]!;
    }
    contrasts.push({ net, reference: ref });
  }
  return { shifts, units: contrasts };
}

/** The frame's rows on either side, compactly: client, group, and whether in the population. */
export interface ContrastRows {
  client: Int32Array;
  group: Int32Array;
  population: Uint8Array;
}

/** The frame's population and reference rows, for the per-client contrast. */
export function contrastRows(frame: TraceFrame, rowGroups: Int32Array): ContrastRows {
  const keep: number[] = [];
  for (let i = 0; i < frame.n; i++) {
    if (frame.side[i] === POPULATION || frame.side[i] === REFERENCE) keep.push(i);
  }
  return {
    client: Int32Array.from(keep, (i) => frame.client[i]!),
    group: Int32Array.from(keep, (i) => rowGroups[i]!),
    population: Uint8Array.from(keep, (i) => (frame.side[i] === POPULATION ? 1 : 0)),
  };
}

/**
 * Per client: the population's weight of the frame's rows of that client minus the
 * reference's (`net`), and the reference's (`reference`), under per-group weights.
 */
export function clientContrast(
  rows: ContrastRows,
  weights: Float64Array,
  clients: number,
): UnitContrast {
  let np = 0;
  let nr = 0;
  const n = rows.client.length;
  for (let i = 0; i < n; i++) {
    if (rows.population[i]) np += weights[rows.group[i]!]!;
    else nr += weights[rows.group[i]!]!;
  }
  const net = new Float64Array(clients);
  const reference = new Float64Array(clients);
  for (let i = 0; i < n; i++) {
    const w = weights[rows.group[i]!]!;
    const c = rows.client[i]!;
    if (rows.population[i]) net[c]! += w / np;
    else {
      net[c]! -= w / nr;
      reference[c]! += w / nr;
    }
  }
  return { net, reference };
}
