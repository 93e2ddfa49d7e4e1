/**
 * The trace: from a population with low satisfaction, an honest decomposition of its gap in the
 * start indicator (NPS by default) down the service model — how much each indicator's own shift
 * carries through the fitted links, which part of it is persistent at which units, whether any
 * process, staff or IT cause is supported and material (the verdict), and what fixing it would
 * change (what-if). Uncertainty comes from a bootstrap that re-weighs units (for the links) and
 * unit × periods (for the shifts); see `trace-groups.ts`.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import type { LoadedDataset } from '../../index/loaded-dataset.ts';
import { normalCdf } from '../../metrics/normal.ts';
import { Rng, deriveSeed } from '../../random.ts';
import { readTraceData, type TraceData } from './trace-data.ts';
import { LEFT_OUT, POPULATION, REFERENCE, traceFrame, type TraceFrame } from './trace-frame.ts';
import { TraceGroups, drawWeights, unitWeights } from './trace-groups.ts';
import { buildFits, chooseWithinFits, type LinkFit } from './link-fits.ts';
import { contrastRows, frameGroups, shiftTable } from './frame-shifts.ts';
import {
  belowStart,
  startSign,
  strongestPaths,
  type DecompositionContext,
} from './decomposition.ts';
import { planWhatIf, type WhatIfPlan } from './what-if.ts';
import {
  CAUSE_LAYERS,
  benjaminiHochberg,
  isSupportedCause,
  traceVerdict,
} from './trace-verdict.ts';
import { jackknifeErrors, replicate, standardErrors, type Replicate } from './trace-replicates.ts';
import { causeUnits } from './cause-units.ts';
import { unitMeans } from './what-if.ts';
import { traceOutcomes } from './trace-outcomes.ts';
import { defaultPopulation, startIndicator } from './trace-start.ts';
import {
  TRACE_DEFAULTS,
  type Interval,
  type Population,
  type TraceAnalysis,
  type TraceCause,
  type TraceLinkFit,
  type TraceQuery,
  type TraceSettings,
  type WhatIfResult,
} from './trace-types.ts';

/** Fewer units than this behind an estimate is flagged. */
const FEW_UNITS = 8;
const Z95 = 1.959963984540054;

function emptyAnalysis(
  settings: TraceSettings,
  population: Population | null,
  problems: string[],
): TraceAnalysis {
  return {
    verdict: 'none',
    settings,
    population,
    missing: null,
    comparedWith:
      population?.kind === 'segment' || population?.kind === 'clients' ? 'clients' : 'answers',
    counts: { answers: 0, clients: 0, reference: 0 },
    periods: [],
    start: null,
    definedByStart: false,
    gap: { indicator: '', population: NaN, reference: NaN, value: NaN, ci: [NaN, NaN] },
    causes: [],
    unexplained: { contribution: NaN, share: NaN },
    links: [],
    whatIf: null,
    outcomes: [],
    estimator: { kind: 'unit-cluster-bootstrap', clusters: {} },
    problems,
  };
}

/** Traces `query` over a model's data; `prepared` reuses data read before for the same model. */
export function traceAnalysis(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  query: TraceQuery,
  prepared?: TraceData,
): TraceAnalysis {
  const settings = { ...TRACE_DEFAULTS, ...query.settings };
  const data = prepared ?? readTraceData(model, datasets);
  const problems = [...data.problems];
  const population = query.population ?? defaultPopulation(model);
  const empty = emptyAnalysis(settings, population, problems);
  if (!population) return empty;
  const start = startIndicator(model, data, population, query.start);
  const startData = start === null ? undefined : data.indicators.get(start);
  if (!startData || (startData.kind !== 'rows' && startData.kind !== 'cells')) {
    problems.push(
      `${start ?? query.start ?? 'NPS'}: no answers or client × period values to start from`,
    );
    return empty;
  }
  const frame = traceFrame(model, datasets, data, startData, population, query.period);
  if (frame.missing !== null) return { ...empty, start, missing: frame.missing };
  const ctx = prepareContext(model, data, frame, start!, settings.seed, problems);
  const rowClusters = ctx.rowGroups.map((g) => ctx.groups.cluster[g]!);
  const plan = query.whatIf ? planWhatIf(query.whatIf, data, ctx.fits, frame, rowClusters) : null;
  if (plan && 'problem' in plan) problems.push(`what-if: ${plan.problem} (${plan.indicator})`);
  const whatIf = plan && !('problem' in plan) ? plan : null;
  const linkOrder = fittedLinks(model, ctx.fits);
  const point = replicate(ctx, unitWeights(ctx.groups), linkOrder, whatIf, true);
  const rng = new Rng(settings.seed);
  const draws: Float64Array[] = [];
  for (let r = 0; r < settings.bootstrap; r++) {
    draws.push(replicate(ctx, drawWeights(ctx.groups, rng), linkOrder, whatIf, false).stats);
  }
  const se = standardErrors(draws, point.stats.length);
  if (whatIf) {
    // A what-if at a few units leans on them: its interval is the wider of the bootstrap's and
    // a leave-one-unit-out jackknife's (which sees a unit's leverage the bootstrap hides).
    const jack = jackknifeErrors(ctx, linkOrder, whatIf);
    const from = point.stats.length - whatIf.above.length;
    for (let j = from; j < se.length; j++) se[j] = Math.max(se[j]!, jack[j]!);
  }
  return assemble({
    model,
    data,
    frame,
    ctx,
    settings,
    population,
    problems,
    point,
    se,
    linkOrder,
    whatIf,
  });
}

/** Replicates of the test that chooses within-unit fits. */
const HAUSMAN_REPLICATES = 60;

function prepareContext(
  model: ServiceModel,
  data: TraceData,
  frame: TraceFrame,
  start: string,
  seed: number,
  problems: string[],
): DecompositionContext {
  const groups = new TraceGroups(data.index);
  const rowGroups = frameGroups(frame, groups);
  const fits = buildFits(model, data, groups, frame.compared, problems);
  const rng = new Rng(deriveSeed(seed, 'within-units'));
  chooseWithinFits(
    fits,
    data,
    Array.from({ length: HAUSMAN_REPLICATES }, () => drawWeights(groups, rng).fit),
  );
  const { below, parents } = belowStart(start, fits);
  return {
    start,
    startSign: startSign(model, start),
    below,
    parents,
    fits,
    table: shiftTable(data, frame, rowGroups, groups, [start, ...below]),
    rows: contrastRows(frame, rowGroups),
    data,
    frame,
    groups,
    rowGroups,
  };
}

/** The fitted links in the model's order: (parent fit, child position). */
function fittedLinks(
  model: ServiceModel,
  fits: Map<string, LinkFit>,
): { fit: LinkFit; j: number }[] {
  const out: { fit: LinkFit; j: number }[] = [];
  for (const link of model.links ?? []) {
    const fit = fits.get(link.parent);
    const j = fit?.children.indexOf(link.child) ?? -1;
    if (fit && j >= 0 && !out.some((o) => o.fit === fit && o.j === j)) out.push({ fit, j });
  }
  return out;
}

const interval = (est: number, se: number): Interval => [est - Z95 * se, est + Z95 * se];
const oneSidedP = (est: number, se: number) => (se > 0 ? 1 - normalCdf(est / se) : est > 0 ? 0 : 1);

interface Parts {
  model: ServiceModel;
  data: TraceData;
  frame: TraceFrame;
  ctx: DecompositionContext;
  settings: TraceSettings;
  population: Population;
  problems: string[];
  point: Replicate;
  se: Float64Array;
  linkOrder: { fit: LinkFit; j: number }[];
  whatIf: WhatIfPlan | null;
}

function assemble(parts: Parts): TraceAnalysis {
  const { data, frame, ctx, settings, point, se } = parts;
  const gap = point.stats[0]!;
  const causes = buildCauses(parts);
  const candidates = causes.filter((c) => CAUSE_LAYERS.includes(c.layer));
  benjaminiHochberg(candidates.map((c) => c.p)).forEach((q, i) => {
    candidates[i]!.q = q;
    candidates[i]!.supported = isSupportedCause(candidates[i]!, settings);
  });
  causes.sort((a, b) => b.contribution - a.contribution || a.indicator.localeCompare(b.indicator));
  const n = ctx.below.length;
  const unexplained = point.stats[1 + 2 * n]!;
  const gapP = frame.definedByStart ? null : oneSidedP(gap, se[0]!);
  const counts = populationCounts(frame);
  return {
    verdict: traceVerdict(gapP, candidates, settings),
    settings,
    population: parts.population,
    missing: null,
    comparedWith: frame.comparedWith,
    counts,
    periods: data.index.periods.filter((_, p) => frame.compared[p]),
    start: ctx.start,
    definedByStart: frame.definedByStart,
    gap: {
      indicator: ctx.start,
      population: point.decomposition.gap.population,
      reference: point.decomposition.gap.reference,
      value: gap,
      ci: interval(gap, se[0]!),
    },
    causes,
    unexplained: { contribution: unexplained, share: unexplained / gap },
    links: buildLinks(parts),
    whatIf: buildWhatIf(parts),
    outcomes: traceOutcomes(parts.model, data, frame),
    estimator: {
      kind: 'unit-cluster-bootstrap',
      clusters: Object.fromEntries(ctx.groups.kinds.map((k) => [k.id, k.units.length])),
    },
    problems: [...new Set(parts.problems)],
  };
}

function populationCounts(frame: TraceFrame): TraceAnalysis['counts'] {
  let answers = 0;
  let reference = 0;
  const clients = new Set<number>();
  for (let i = 0; i < frame.n; i++) {
    if (frame.side[i] === POPULATION) {
      answers++;
      clients.add(frame.client[i]!);
    } else if (frame.side[i] === REFERENCE) reference++;
    else if (frame.side[i] !== LEFT_OUT) throw new Error('unreachable');
  }
  return { answers, clients: clients.size, reference };
}

function buildCauses(parts: Parts): TraceCause[] {
  const { model, data, ctx, point, se } = parts;
  const gap = point.stats[0]!;
  const n = ctx.below.length;
  const paths = strongestPaths(ctx, point.coef);
  return ctx.below.map((id, i) => {
    const indicator = model.indicators.find((x) => x.id === id)!;
    const x = data.indicators.get(id)!;
    const persistent = point.stats[1 + n + i]!;
    const s = se[1 + n + i]!;
    const kind = x.kind === 'units' ? data.index.kinds[x.unitKind]! : null;
    const fit = ctx.fits.get(id)!;
    return {
      indicator: id,
      layer: indicator.layer,
      unitKind: kind?.id ?? null,
      ownGap: (indicator.direction === 'lower' ? 1 : -1) * point.decomposition.delta[i]!,
      populationValue: point.decomposition.population[i]!,
      referenceValue: point.decomposition.reference[i]!,
      contribution: point.stats[1 + i]!,
      share: point.stats[1 + i]! / gap,
      ci: interval(point.stats[1 + i]!, se[1 + i]!),
      persistent,
      persistentShare: persistent / gap,
      persistentCi: interval(persistent, s),
      p: oneSidedP(persistent, s),
      q: null,
      supported: false,
      path: paths.get(id) ?? [ctx.start, id],
      units:
        x.kind === 'units'
          ? causeUnits(
              data,
              parts.frame.compared,
              x,
              persistent,
              point.decomposition.unitParts?.get(id),
            )
          : [],
      unitValues:
        x.kind === 'units'
          ? [...unitMeans(x, data, parts.frame.compared)]
              .map((value, u) => ({ unit: kind!.units[u]!, value }))
              .filter((v) => !Number.isNaN(v.value))
          : [],
      fewUnits: kind ? kind.units.length < FEW_UNITS : fit.units < 30,
    };
  });
}

function buildLinks(parts: Parts): TraceLinkFit[] {
  const { model, ctx, point, se, linkOrder } = parts;
  const base = 2 + 2 * ctx.below.length;
  const direction = (id: string) =>
    model.indicators.find((i) => i.id === id)?.direction === 'lower' ? -1 : 1;
  return linkOrder.map(({ fit, j }, i) => {
    const child = fit.children[j]!;
    const effect = point.stats[base + i]!;
    const ci = interval(effect, se[base + i]!);
    const sdParent = fit.sd[fit.m - 2]!;
    return {
      child,
      parent: fit.parent,
      effect,
      standardised: sdParent > 0 ? (effect * fit.sd[j]!) / sdParent : NaN,
      ci,
      rows: fit.rows,
      units: fit.units,
      smallSample: fit.units < FEW_UNITS || fit.rows < 30,
      supported: ci[0] > 0 || ci[1] < 0,
      signMatches: Math.sign(effect) === direction(child) * direction(fit.parent),
    };
  });
}

function buildWhatIf(parts: Parts): WhatIfResult | null {
  const { ctx, point, se, linkOrder, whatIf } = parts;
  if (!whatIf) return null;
  const base = 2 + 2 * ctx.below.length + linkOrder.length;
  return {
    indicator: whatIf.indicator,
    at: whatIf.at,
    value: whatIf.value,
    effects: whatIf.above.map((id, i) => ({
      indicator: id,
      change: point.stats[base + i]!,
      ci: interval(point.stats[base + i]!, se[base + i]!),
    })),
  };
}
