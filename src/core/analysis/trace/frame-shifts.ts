/**
 * Each indicator's gap over the frame — the mean at the population's rows minus the mean at
 * the reference's — from per-group sums, so that a replicate's weights re-weigh groups, not rows.
 */
import { valueAt, type IndicatorData, type TraceData } from './trace-data.ts';
import { POPULATION, REFERENCE, type TraceFrame } from './trace-frame.ts';
import type { TraceGroups } from './trace-groups.ts';

/** Per group: population count and sum, reference count and sum (4 numbers per group). */
export interface ShiftSums {
  id: string;
  /** Global group ids of the slots. */
  groups: Int32Array;
  sums: Float64Array;
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

/** The per-group sums of `x` over the frame's population and reference rows. */
export function shiftSums(
  data: TraceData,
  frame: TraceFrame,
  rowGroups: Int32Array,
  x: IndicatorData,
): ShiftSums {
  const value = frameValue(data, frame, x);
  const slots = new Map<number, number>();
  let sums = new Float64Array(4 * 256);
  for (let i = 0; i < frame.n; i++) {
    const side = frame.side[i];
    if (side !== POPULATION && side !== REFERENCE) continue;
    const v = value(i);
    if (Number.isNaN(v)) continue;
    const g = rowGroups[i]!;
    let slot = slots.get(g);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(g, slot);
      if (4 * (slot + 1) > sums.length) {
        const grown = new Float64Array(sums.length * 2);
        grown.set(sums);
        sums = grown;
      }
    }
    const at = 4 * slot + (side === POPULATION ? 0 : 2);
    sums[at]!++;
    sums[at + 1]! += v;
  }
  const ids = new Int32Array(slots.size);
  for (const [g, slot] of slots) ids[slot] = g;
  return { id: x.id, groups: ids, sums: sums.slice(0, 4 * slots.size) };
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

/** The shift of one indicator under per-group weights. */
export function shiftOf(s: ShiftSums, weights: Float64Array): Shift {
  let np = 0;
  let sp = 0;
  let nr = 0;
  let sr = 0;
  for (let slot = 0; slot < s.groups.length; slot++) {
    const w = weights[s.groups[slot]!]!;
    const at = 4 * slot;
    np += w * s.sums[at]!;
    sp += w * s.sums[at + 1]!;
    nr += w * s.sums[at + 2]!;
    sr += w * s.sums[at + 3]!;
  }
  const population = np > 0 ? sp / np : NaN;
  const reference = nr > 0 ? sr / nr : NaN;
  return { population, reference, delta: population - reference, nPopulation: np, nReference: nr };
}

/**
 * Per unit of `kind`: the population's share of the indicator's rows at that unit minus the
 * reference's (`net`), and the reference's share (`reference`), under per-group weights.
 */
export function unitContrast(
  s: ShiftSums,
  shift: Shift,
  weights: Float64Array,
  groups: TraceGroups,
  kind: number,
): { net: Float64Array; reference: Float64Array } {
  const units = groups.kinds[kind]!.units.length;
  const net = new Float64Array(units);
  const reference = new Float64Array(units);
  const unitOf = groups.unit[kind]!;
  for (let slot = 0; slot < s.groups.length; slot++) {
    const g = s.groups[slot]!;
    const u = unitOf[g]!;
    if (u < 0) continue;
    const w = weights[g]!;
    const r = (w * s.sums[4 * slot + 2]!) / shift.nReference;
    net[u]! += (w * s.sums[4 * slot]!) / shift.nPopulation - r;
    reference[u]! += r;
  }
  return { net, reference };
}

/**
 * Per client: the population's weight of the frame's rows of that client minus the
 * reference's (`net`), and the reference's (`reference`), under per-group weights.
 */
export function clientContrast(
  frame: TraceFrame,
  rowGroups: Int32Array,
  weights: Float64Array,
  clients: number,
): { net: Float64Array; reference: Float64Array } {
  let np = 0;
  let nr = 0;
  for (let i = 0; i < frame.n; i++) {
    const side = frame.side[i];
    if (side === POPULATION) np += weights[rowGroups[i]!]!;
    else if (side === REFERENCE) nr += weights[rowGroups[i]!]!;
  }
  const net = new Float64Array(clients);
  const reference = new Float64Array(clients);
  for (let i = 0; i < frame.n; i++) {
    const side = frame.side[i];
    const w = weights[rowGroups[i]!]!;
    if (side === POPULATION) net[frame.client[i]!]! += w / np;
    else if (side === REFERENCE) {
      net[frame.client[i]!]! -= w / nr;
      reference[frame.client[i]!]! += w / nr;
    }
  }
  return { net, reference };
}
