/**
 * The trace's replicates: one pass of fits and decomposition under a set of weights, laid out as
 * one vector of statistics; the bootstrap's standard errors over many; and a leave-one-unit-out
 * jackknife of the link fits, which sees a unit's leverage where the bootstrap does not.
 */
import { solveFit, type LinkFit } from './link-fits.ts';
import { decompose, type Decomposition, type DecompositionContext } from './decomposition.ts';
import { unitWeights, type GroupWeights } from './trace-groups.ts';
import { whatIfChanges, type WhatIfPlan } from './what-if.ts';

/** One replicate: its statistics, its coefficients and its decomposition. */
export interface Replicate {
  stats: Float64Array;
  coef: Map<string, Float64Array>;
  decomposition: Decomposition;
}

/**
 * One replicate's statistics, laid out as: the gap; each cause's contribution; each cause's
 * persistent part; the unexplained part; each fitted link's effect; each what-if change.
 */
export function replicate(
  ctx: DecompositionContext,
  weights: GroupWeights,
  links: readonly { fit: LinkFit; j: number }[],
  plan: WhatIfPlan | null,
  withUnits: boolean,
): Replicate {
  const coef = new Map<string, Float64Array>();
  for (const [id, fit] of ctx.fits) coef.set(id, solveFit(fit, weights.fit));
  const d = decompose(ctx, coef, weights, withUnits);
  const changes = plan ? whatIfChanges(plan, ctx.fits, coef, weights.fit) : new Float64Array(0);
  const n = ctx.below.length;
  const stats = new Float64Array(2 + 2 * n + links.length + changes.length);
  stats[0] = ctx.startSign * d.gap.delta;
  stats.set(d.contribution, 1);
  stats.set(d.persistent, 1 + n);
  stats[1 + 2 * n] = d.unexplained;
  links.forEach(({ fit, j }, i) => (stats[2 + 2 * n + i] = coef.get(fit.parent)![1 + j]!));
  stats.set(changes, 2 + 2 * n + links.length);
  return { stats, coef, decomposition: d };
}

/** The standard deviation of each statistic over the replicates (NaN draws skipped). */
export function standardErrors(draws: readonly Float64Array[], size: number): Float64Array {
  return Float64Array.from({ length: size }, (_, j) => {
    let n = 0;
    let sum = 0;
    let sq = 0;
    for (const d of draws) {
      const v = d[j]!;
      if (!Number.isFinite(v)) continue;
      n++;
      sum += v;
      sq += v * v;
    }
    if (n < 2) return NaN;
    const mean = sum / n;
    return Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
  });
}

/**
 * Leave-one-unit-out jackknife standard errors (links refitted without each unit of each kind in
 * turn; the shifts keep every unit), the kinds' variances added.
 */
export function jackknifeErrors(
  ctx: DecompositionContext,
  links: readonly { fit: LinkFit; j: number }[],
  plan: WhatIfPlan,
): Float64Array {
  const { groups } = ctx;
  let variance: Float64Array | null = null;
  groups.kinds.forEach((kind, k) => {
    if (kind.id === 'client' && ctx.data.index.kinds.length === 0) return;
    const G = kind.units.length;
    if (G < 2) return;
    const stats: Float64Array[] = [];
    for (let u = 0; u < G; u++) {
      const weights = unitWeights(groups);
      for (let c = 0; c < groups.clusters; c++)
        if (groups.clusterUnit[k]![c] === u) weights.fit[c] = 0;
      stats.push(replicate(ctx, weights, links, plan, false).stats);
    }
    const size = stats[0]!.length;
    variance ??= new Float64Array(size);
    for (let j = 0; j < size; j++) {
      const values = stats.map((s) => s[j]!).filter(Number.isFinite);
      if (values.length < 2) continue;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sq = values.reduce((a, b) => a + (b - mean) ** 2, 0);
      variance[j]! += ((values.length - 1) / values.length) * sq;
    }
  });
  const v = variance as Float64Array | null;
  return v ? v.map(Math.sqrt) : new Float64Array(0).fill(0);
}
