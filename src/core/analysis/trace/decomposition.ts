/**
 * The additive split of the population's gap in the start indicator. Every indicator X below
 * the start has an own shift — its gap minus what its fitted children explain — carried up to
 * the start by the product of the fitted links along every route (its total effect T_X). The
 * contributions T_X · ownShift_X plus the start's own unexplained shift add up to the gap
 * exactly (the sums telescope). Each own shift splits into a persistent part — the units' (or,
 * at client grain, the clients') own level over the periods compared — and the rest, the
 * month-to-month part.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import type { TraceData } from './trace-data.ts';
import type { TraceFrame } from './trace-frame.ts';
import type { TraceGroups, GroupWeights } from './trace-groups.ts';
import type { LinkFit } from './link-fits.ts';
import {
  clientContrast,
  shiftsOf,
  type ContrastRows,
  type Shift,
  type ShiftTable,
  type UnitContrast,
} from './frame-shifts.ts';

/** What the decomposition works on: fixed for a trace, shared by every replicate. */
export interface DecompositionContext {
  start: string;
  /** −1 when higher is better for the start (a lower value is worse), else 1. */
  startSign: number;
  /** Indicators below the start, parents before children. */
  below: string[];
  /** For each indicator below the start, the parents (below or the start) whose fit holds it. */
  parents: Map<string, string[]>;
  fits: Map<string, LinkFit>;
  /** The shift sums of the start and of every indicator below it, in that order. */
  table: ShiftTable;
  /** The frame's population and reference rows, for the per-client contrast. */
  rows: ContrastRows;
  data: TraceData;
  frame: TraceFrame;
  groups: TraceGroups;
  rowGroups: Int32Array;
}

/** One replicate's decomposition. */
export interface Decomposition {
  gap: Shift;
  /** Per indicator of `below`: contribution, persistent part (start units, worse positive). */
  contribution: Float64Array;
  persistent: Float64Array;
  /** Per indicator of `below`: its own gap (pop − ref, natural units). */
  delta: Float64Array;
  /** Per indicator of `below`: its mean in the population and in the reference (natural units). */
  population: Float64Array;
  reference: Float64Array;
  /** The start's own unexplained shift (start units, worse positive). */
  unexplained: number;
  /** Per unit-level indicator of `below` (point estimate only): each unit's part of `persistent`. */
  unitParts?: Map<string, Float64Array>;
}

/** Indicators reachable down the fitted links from `start`, parents before children. */
export function belowStart(
  start: string,
  fits: Map<string, LinkFit>,
): { below: string[]; parents: Map<string, string[]> } {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const c of fits.get(id)?.children ?? []) visit(c);
    order.push(id);
  };
  visit(start);
  order.reverse();
  const below = order.filter((id) => id !== start);
  const parents = new Map<string, string[]>(below.map((id) => [id, []]));
  for (const id of order) for (const c of fits.get(id)?.children ?? []) parents.get(c)?.push(id);
  return { below, parents };
}

/** Total effects on the start of each indicator below it, from the fits' coefficients. */
export function totalEffects(
  ctx: DecompositionContext,
  coef: Map<string, Float64Array>,
): Map<string, number> {
  const total = new Map<string, number>([[ctx.start, 1]]);
  for (const id of ctx.below) {
    let t = 0;
    for (const p of ctx.parents.get(id)!) {
      const fit = ctx.fits.get(p)!;
      const b = coef.get(p)![1 + fit.children.indexOf(id)]!;
      t += Number.isFinite(b) ? b * (total.get(p) ?? 0) : 0;
    }
    total.set(id, t);
  }
  return total;
}

/** The decomposition under one replicate's coefficients and weights. */
export function decompose(
  ctx: DecompositionContext,
  coef: Map<string, Float64Array>,
  weights: GroupWeights,
  withUnits = false,
): Decomposition {
  const all = shiftsOf(ctx.table, weights.delta, ctx.groups);
  const shifts = new Map<string, Shift>(ctx.table.ids.map((id, x) => [id, all.shifts[x]!]));
  const contrasts = new Map(ctx.table.ids.map((id, x) => [id, all.units[x]!]));
  const gap = shifts.get(ctx.start)!;
  const own = (id: string) => {
    const fit = ctx.fits.get(id)!;
    const b = coef.get(id)!;
    let rest = shifts.get(id)!.delta;
    fit.children.forEach((c, j) => {
      const d = shifts.get(c)?.delta ?? NaN;
      if (Number.isFinite(b[1 + j]!) && Number.isFinite(d)) rest -= b[1 + j]! * d;
    });
    return rest;
  };
  const total = totalEffects(ctx, coef);
  const clients = clientContrast(ctx.rows, weights.delta, ctx.data.index.clients.length);
  const n = ctx.below.length;
  const out: Decomposition = {
    gap,
    contribution: new Float64Array(n),
    persistent: new Float64Array(n),
    delta: new Float64Array(n),
    population: new Float64Array(n),
    reference: new Float64Array(n),
    unexplained: ctx.startSign * own(ctx.start),
  };
  if (withUnits) out.unitParts = new Map();
  ctx.below.forEach((id, i) => {
    const t = ctx.startSign * (total.get(id) ?? 0);
    const shift = shifts.get(id)!;
    out.delta[i] = shift.delta;
    out.population[i] = shift.population;
    out.reference[i] = shift.reference;
    out.contribution[i] = t * own(id);
    const fit = ctx.fits.get(id)!;
    const b = coef.get(id)!;
    if (fit.unitRows) {
      const levels = unitLevels(ctx, fit, b, weights);
      const { parts, sum } = centredParts(levels, contrasts.get(id)!);
      out.persistent[i] = t * sum;
      if (withUnits)
        out.unitParts!.set(
          id,
          parts.map((p) => t * p),
        );
    } else if (fit.clientSums) {
      out.persistent[i] = t * clientPersistent(fit, b, clients);
    }
  });
  return out;
}

/** Each unit's mean residual over the periods compared, weighted by the replicate's periods. */
function unitLevels(
  ctx: DecompositionContext,
  fit: LinkFit,
  b: Float64Array,
  weights: GroupWeights,
): Float64Array {
  const rows = fit.unitRows!;
  const P = ctx.groups.periods;
  const units = ctx.groups.kinds[rows.kind]!.units.length;
  const sum = new Float64Array(units);
  const w = new Float64Array(units);
  const k = fit.m - 2;
  const unitPeriod = weights.unitPeriod[rows.kind]!;
  for (let r = 0; r < rows.unit.length; r++) {
    const u = rows.unit[r]!;
    let e = rows.z[r * (k + 1) + k]! - b[0]!;
    for (let j = 0; j < k; j++) e -= b[1 + j]! * rows.z[r * (k + 1) + j]!;
    const weight = unitPeriod[u * P + rows.period[r]!]!;
    sum[u]! += weight * e;
    w[u]! += weight;
  }
  return sum.map((s, u) => (w[u]! > 0 ? s / w[u]! : NaN));
}

/** Σ net · (level − the reference's mean level), over the entities with a level. */
function centredParts(
  levels: Float64Array,
  { net, reference }: UnitContrast,
): { parts: Float64Array; sum: number } {
  let refW = 0;
  let refSum = 0;
  for (let u = 0; u < levels.length; u++) {
    if (Number.isNaN(levels[u]!)) continue;
    refW += reference[u]!;
    refSum += reference[u]! * levels[u]!;
  }
  const centre = refW > 0 ? refSum / refW : 0;
  const parts = new Float64Array(levels.length);
  let sum = 0;
  for (let u = 0; u < levels.length; u++) {
    if (Number.isNaN(levels[u]!)) continue;
    parts[u] = net[u]! * (levels[u]! - centre);
    sum += parts[u]!;
  }
  return { parts, sum };
}

/** The persistent own shift of a client-level indicator: its clients' own levels. */
function clientPersistent(fit: LinkFit, b: Float64Array, contrast: UnitContrast): number {
  const s = fit.clientSums!;
  const k = fit.m - 2;
  const levels = new Float64Array(contrast.net.length).fill(NaN);
  for (let i = 0; i < s.client.length; i++) {
    const n = s.n[i]!;
    let e = s.sums[i * (k + 1) + k]! - b[0]! * n;
    for (let j = 0; j < k; j++) e -= b[1 + j]! * s.sums[i * (k + 1) + j]!;
    levels[s.client[i]!] = e / n;
  }
  return centredParts(levels, contrast).sum;
}

/**
 * The strongest route from the start down to each indicator: the one whose product of
 * standardised link effects is largest in size.
 */
export function strongestPaths(
  ctx: DecompositionContext,
  coef: Map<string, Float64Array>,
): Map<string, string[]> {
  const best = new Map<string, { score: number; from: string | null }>([
    [ctx.start, { score: 1, from: null }],
  ]);
  for (const id of ctx.below) {
    let top = { score: -1, from: null as string | null };
    for (const p of ctx.parents.get(id)!) {
      const fit = ctx.fits.get(p)!;
      const j = fit.children.indexOf(id);
      const b = coef.get(p)![1 + j]!;
      const sdParent = fit.sd[fit.m - 2]!;
      const std = sdParent > 0 ? Math.abs((b * fit.sd[j]!) / sdParent) : 0;
      const score = (best.get(p)?.score ?? 0) * (Number.isFinite(std) ? std : 0);
      if (score > top.score) top = { score, from: p };
    }
    best.set(id, top);
  }
  const paths = new Map<string, string[]>();
  for (const id of ctx.below) {
    const path = [id];
    for (let at = best.get(id)?.from; at; at = best.get(at)?.from ?? null) path.unshift(at);
    paths.set(id, path);
  }
  return paths;
}

/** The start's sign: −1 when a higher value is better (so a lower one is worse). */
export function startSign(model: ServiceModel, start: string): number {
  return model.indicators.find((i) => i.id === start)?.direction === 'lower' ? 1 : -1;
}
