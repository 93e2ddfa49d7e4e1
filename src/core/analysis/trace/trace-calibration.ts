/**
 * How the trace fares on a generated world whose truth is known: is the planted root the first
 * process, staff or IT cause, at its planted units; is the verdict right; is a decoy named; does
 * the what-if's interval hold the true effect; do the parts add up. Shared by the calibration
 * test (a subset of worlds) and the long suite in the benchmark.
 */
import type { TraceWorld } from '../../demo/trace-worlds.ts';
import { traceAnalysis } from './trace-analysis.ts';
import { CAUSE_LAYERS } from './trace-verdict.ts';
import type { TraceAnalysis } from './trace-types.ts';

/** One world's outcome. */
export interface CalibrationOutcome {
  seed: number;
  variant: string;
  verdict: TraceAnalysis['verdict'];
  /** The first process, staff or IT cause, and its role in the truth. */
  first: { indicator: string; role: string; share: number; supported: boolean } | null;
  /** The planted root is the first cause / among the first three. */
  rootFirst: boolean;
  rootTopThree: boolean;
  /** The root's first k units (k = planted units) are the planted ones. */
  unitsRight: boolean;
  /** A decoy is the first cause named (supported), or first with a material share. */
  decoyNamed: boolean;
  /** The what-if's 95% interval of the start's change holds the true effect (null: no what-if). */
  whatIfCovers: boolean | null;
  /** |Σ contributions + unexplained − gap|. */
  additivityError: number;
  truePlantedShare: number;
  estimatedRootShare: number | null;
  seconds: number;
}

/** Traces the detractors of a generated world, with the what-if of fixing its root. */
export function calibrate(world: TraceWorld): CalibrationOutcome {
  const { truth } = world;
  const root = truth.root;
  const inModel = root !== null && world.model.indicators.some((i) => i.id === root.id);
  const started = performance.now();
  const r = traceAnalysis(world.model, world.datasets, {
    population: null,
    period: null,
    start: null,
    whatIf:
      root && inModel
        ? {
            indicator: root.id,
            value: 'median',
            at: { unitKind: root.unitKind, units: root.units },
          }
        : null,
  });
  const seconds = (performance.now() - started) / 1000;
  const roles = new Map(truth.indicators.map((i) => [i.id, i.role as string]));
  const candidates = r.causes.filter((c) => CAUSE_LAYERS.includes(c.layer));
  const first = candidates[0] ?? null;
  const rootCause = root ? candidates.find((c) => c.indicator === root.id) : undefined;
  const isDecoy = (id: string) => (roles.get(id) ?? '').includes('decoy');
  const named = candidates.find((c) => c.supported);
  const nps = r.whatIf?.effects.find((e) => e.indicator === truth.nps.id);
  const sum = r.causes.reduce((s, c) => s + c.contribution, 0) + r.unexplained.contribution;
  return {
    seed: truth.seed,
    variant: truth.variant,
    verdict: r.verdict,
    first: first && {
      indicator: first.indicator,
      role: roles.get(first.indicator) ?? 'other',
      share: first.persistentShare,
      supported: first.supported,
    },
    rootFirst: !!root && first?.indicator === root.id,
    rootTopThree: !!root && candidates.slice(0, 3).some((c) => c.indicator === root.id),
    unitsRight:
      !!root &&
      !!rootCause &&
      rootCause.units
        .slice(0, root.units.length)
        .map((u) => u.unit)
        .sort()
        .join() === [...root.units].sort().join(),
    decoyNamed:
      (!!named && isDecoy(named.indicator)) ||
      (!!first && isDecoy(first.indicator) && first.persistentShare >= r.settings.materiality),
    whatIfCovers:
      nps && truth.whatIf
        ? nps.ci[0] <= truth.whatIf.npsChange && truth.whatIf.npsChange <= nps.ci[1]
        : null,
    additivityError: Math.abs(sum - r.gap.value),
    truePlantedShare: truth.plantedShare,
    estimatedRootShare: rootCause?.persistentShare ?? null,
    seconds,
  };
}
