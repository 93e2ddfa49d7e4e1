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
 * The frame's sums, as the replicates need them. A unit-level indicator has one value per unit
 * and period, the same at every row of a group, so it needs only each group's counts of the
 * population's and the reference's rows; a client-level one keeps its own sums per group.
 */
export interface ShiftTable {
  ids: string[];
  groups: number;
  periods: number;
  /** Per group: the population's and the reference's rows (2 numbers per group). */
  counts: Float64Array;
  /** Per indicator: a unit-level one's kind and values (`unit × periods + period`), or null. */
  unitValues: ({ kind: number; values: Float64Array } | null)[];
  /**
   * Per client-level indicator (null for unit-level ones), per group: the population's count
   * and sum, the reference's count and sum (4 numbers per group).
   */
  sums: (Float64Array | null)[];
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

/** The sums of `ids` over the frame's population and reference rows (see `ShiftTable`). */
export function shiftTable(
  data: TraceData,
  frame: TraceFrame,
  rowGroups: Int32Array,
  groups: TraceGroups,
  ids: readonly string[],
): ShiftTable {
  const G = groups.count;
  const counts = new Float64Array(G * 2);
  for (let i = 0; i < frame.n; i++) {
    const side = frame.side[i];
    if (side === POPULATION) counts[2 * rowGroups[i]!]!++;
    else if (side === REFERENCE) counts[2 * rowGroups[i]! + 1]!++;
  }
  const unitValues = ids.map((id) => {
    const d = data.indicators.get(id)!;
    return d.kind === 'units' ? { kind: d.unitKind, values: d.value } : null;
  });
  const sums = ids.map((id, x) => {
    if (unitValues[x]) return null;
    const value = frameValue(data, frame, data.indicators.get(id)!);
    const out = new Float64Array(G * 4);
    for (let i = 0; i < frame.n; i++) {
      const side = frame.side[i];
      if (side !== POPULATION && side !== REFERENCE) continue;
      const v = value(i);
      if (Number.isNaN(v)) continue;
      const at = rowGroups[i]! * 4 + (side === POPULATION ? 0 : 2);
      out[at]!++;
      out[at + 1]! += v;
    }
    return out;
  });
  return { ids: [...ids], groups: G, periods: groups.periods, counts, unitValues, sums };
}

/**
 * Every indicator's shift under per-group weights, and each unit-level one's contrast by unit.
 * The population's and the reference's weighted rows are gathered per unit and period of each
 * kind once; a unit-level indicator then reads its values against them.
 */
export function shiftsOf(
  table: ShiftTable,
  weights: Float64Array,
  groups: TraceGroups,
): { shifts: Shift[]; units: (UnitContrast | null)[] } {
  const P = table.periods;
  // Per kind, per unit × period: the weighted rows of the population and of the reference.
  const cells = groups.kinds.map((k) => new Float64Array(k.units.length * P * 2));
  for (let g = 0; g < table.groups; g++) {
    const p = groups.period[g]!;
    const np = table.counts[2 * g]!;
    const nr = table.counts[2 * g + 1]!;
    if (p < 0 || (np === 0 && nr === 0)) continue;
    const w = weights[g]!;
    for (let k = 0; k < cells.length; k++) {
      const u = groups.unit[k]![g]!;
      if (u < 0) continue;
      const at = 2 * (u * P + p);
      cells[k]![at]! += w * np;
      cells[k]![at + 1]! += w * nr;
    }
  }
  const shifts: Shift[] = [];
  const contrasts: (UnitContrast | null)[] = [];
  table.ids.forEach((_, x) => {
    const unit = table.unitValues[x];
    if (unit) {
      const { shift, contrast } = unitShift(unit.values, cells[unit.kind]!, P);
      shifts.push(shift);
      contrasts.push(contrast);
    } else {
      shifts.push(clientShift(table.sums[x]!, weights, table.groups));
      contrasts.push(null);
    }
  });
  return { shifts, units: contrasts };
}

function toShift(np: number, sp: number, nr: number, sr: number): Shift {
  const population = np > 0 ? sp / np : NaN;
  const reference = nr > 0 ? sr / nr : NaN;
  return { population, reference, delta: population - reference, nPopulation: np, nReference: nr };
}

function clientShift(sums: Float64Array, weights: Float64Array, G: number): Shift {
  let np = 0;
  let sp = 0;
  let nr = 0;
  let sr = 0;
  for (let g = 0; g < G; g++) {
    const at = g * 4;
    if (sums[at] === 0 && sums[at + 2] === 0) continue;
    const w = weights[g]!;
    np += w * sums[at]!;
    sp += w * sums[at + 1]!;
    nr += w * sums[at + 2]!;
    sr += w * sums[at + 3]!;
  }
  return toShift(np, sp, nr, sr);
}

function unitShift(
  values: Float64Array,
  cells: Float64Array,
  P: number,
): { shift: Shift; contrast: UnitContrast } {
  const units = values.length / P;
  const popUnit = new Float64Array(units);
  const refUnit = new Float64Array(units);
  let np = 0;
  let sp = 0;
  let nr = 0;
  let sr = 0;
  for (let u = 0; u < units; u++) {
    for (let p = 0; p < P; p++) {
      const v = values[u * P + p]!;
      const a = cells[2 * (u * P + p)]!;
      const b = cells[2 * (u * P + p) + 1]!;
      if (Number.isNaN(v) || (a === 0 && b === 0)) continue;
      np += a;
      sp += a * v;
      nr += b;
      sr += b * v;
      popUnit[u]! += a;
      refUnit[u]! += b;
    }
  }
  const net = new Float64Array(units);
  const reference = new Float64Array(units);
  for (let u = 0; u < units; u++) {
    reference[u] = refUnit[u]! / nr;
    net[u] = popUnit[u]! / np - reference[u]!;
  }
  return { shift: toShift(np, sp, nr, sr), contrast: { net, reference } };
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
