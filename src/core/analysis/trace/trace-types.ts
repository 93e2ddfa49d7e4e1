/**
 * The trace's query and result: who is traced (the population), from which indicator, with
 * which settings, and what it found — the gap, the causes with their units, the links, the
 * verdict and an optional what-if. Every number is in the indicator's natural units; a gap or
 * contribution is positive when it is worse for the population (by each indicator's direction).
 */
import type { Layer } from '../../model/model-types.ts';

/** Which answers are low, for a population of answers. */
export type LowRule =
  | { kind: 'equals'; value: string }
  | { kind: 'below'; threshold: number }
  | { kind: 'at-most'; threshold: number };

/** Who the trace starts from. */
export type Population =
  /** Answers of NPS ≤ 6 in a dataset. */
  | { kind: 'detractors'; dataset: string; score: string; client: string; date: string | null }
  /** Every client whose client-card `column` is `value`. */
  | { kind: 'segment'; column: string; value: string }
  /** A list of clients (a complaint cluster), all their periods. */
  | { kind: 'clients'; ids: string[]; label: string }
  /** Answers with a low outcome of `target` (a value, or at or under a threshold). */
  | {
      kind: 'low';
      dataset: string;
      target: string;
      rule: LowRule;
      client: string;
      date: string | null;
    };

/** The settings of the statistics: visible in every result and changeable. */
export interface TraceSettings {
  /** The false-discovery rate a supported cause is held to (Benjamini–Hochberg). */
  q: number;
  /** The smallest share of the gap a cause must carry to be material. */
  materiality: number;
  /** Bootstrap replicates. */
  bootstrap: number;
  seed: number;
}

/** The default settings. */
export const TRACE_DEFAULTS: TraceSettings = {
  q: 0.05,
  materiality: 0.02,
  bootstrap: 200,
  seed: 1,
};

/** A what-if: set `indicator` to a value at some units (or everywhere). */
export interface WhatIfQuery {
  indicator: string;
  value: number | 'median' | 'target';
  /** Units of the indicator's unit kind; null for everywhere. */
  at: { unitKind: string; units: string[] } | null;
}

/** What to trace. */
export interface TraceQuery {
  /** Null for the detractors of the model's first NPS indicator. */
  population: Population | null;
  /** Only this period (at the model's grain), or all. */
  period: string | null;
  /** The indicator to start from; null for the one that defines the population, else the NPS. */
  start: string | null;
  whatIf?: WhatIfQuery | null;
  settings?: Partial<TraceSettings>;
}

/** A 95% interval. */
export type Interval = [number, number];

/** A unit that carries part of a cause's persistent contribution. */
export interface CauseUnit {
  unitKind: string;
  unit: string;
  /** The indicator's mean at this unit over the periods compared. */
  value: number;
  /** The mean over the other units (each unit once). */
  others: number;
  /** This unit's part of the cause's persistent contribution. */
  share: number;
}

/** One indicator below the start, with its contribution to the gap. */
export interface TraceCause {
  indicator: string;
  layer: Layer;
  /** The unit kind it is measured at; null at client grain. */
  unitKind: string | null;
  /** The population's gap in this indicator itself (natural units, worse positive). */
  ownGap: number;
  /** Its mean in the population and in the reference, over the periods compared (natural units). */
  populationValue: number;
  referenceValue: number;
  /** Its own shift carried up to the start (start units, worse positive). */
  contribution: number;
  /** contribution / gap. */
  share: number;
  /** 95% interval of `contribution`. */
  ci: Interval;
  /** The part of it that is persistent (between units, or between clients at client grain). */
  persistent: number;
  /** persistent / gap: what the verdict holds to the materiality floor. */
  persistentShare: number;
  /** 95% interval of `persistent`. */
  persistentCi: Interval;
  /** One-sided p-value of `persistent` > 0 (normal approximation on the bootstrap SE). */
  p: number;
  /** Its Benjamini–Hochberg q-value among the process, staff and IT candidates; null otherwise. */
  q: number | null;
  /** Statistically supported and material (process, staff and IT indicators only). */
  supported: boolean;
  /** The links from the start down to it (the strongest route). */
  path: string[];
  units: CauseUnit[];
  /**
   * Every unit of its kind with its mean over the periods compared (units without a value left
   * out), so that a cause's units can be set against all the others; empty at client grain.
   */
  unitValues: { unit: string; value: number }[];
  /** Fewer than 8 units (or 30 rows) behind its estimate. */
  fewUnits: boolean;
}

/** A fitted link. */
export interface TraceLinkFit {
  child: string;
  parent: string;
  /** Change of the parent per unit of the child, its siblings held (natural units). */
  effect: number;
  /** The same in standard deviations of each. */
  standardised: number;
  ci: Interval;
  /** Rows and distinct units (or clients) behind the fit. */
  rows: number;
  units: number;
  smallSample: boolean;
  /** The interval excludes 0. */
  supported: boolean;
  /** Its sign agrees with the two indicators' directions. */
  signMatches: boolean;
}

/** The expected change of one indicator under a what-if. */
export interface WhatIfEffect {
  indicator: string;
  change: number;
  ci: Interval;
}

/** A what-if's answer. */
export interface WhatIfResult {
  indicator: string;
  at: { unitKind: string; units: string[] } | null;
  value: number;
  effects: WhatIfEffect[];
}

/** A money indicator (TX) for the population against the reference (see `trace-outcomes.ts`). */
export interface TraceOutcome {
  indicator: string;
  population: number;
  reference: number;
  /** Rows behind each mean: population, reference. */
  n: [number, number];
}

/** The trace's verdict. */
export type Verdict = 'cause' | 'unexplained' | 'none';

/** The whole trace. */
export interface TraceAnalysis {
  verdict: Verdict;
  settings: TraceSettings;
  population: Population | null;
  /** A column the population needs that the data lacks; the rest is then empty. */
  missing: string | null;
  /** Whom the population is compared with: the other answers, or the other clients. */
  comparedWith: 'answers' | 'clients';
  /** The population's size in the periods compared. */
  counts: { answers: number; clients: number; reference: number };
  periods: string[];
  start: string | null;
  /** The population is defined by the start itself (its gap is not a finding). */
  definedByStart: boolean;
  gap: { indicator: string; population: number; reference: number; value: number; ci: Interval };
  /** Every indicator below the start, by contribution, largest first. */
  causes: TraceCause[];
  unexplained: { contribution: number; share: number };
  links: TraceLinkFit[];
  whatIf: WhatIfResult | null;
  /** Where the gap lands in money: the TX indicators on each side (a description, not an effect). */
  outcomes: TraceOutcome[];
  /** How the uncertainty was estimated, in a sentence key and its values. */
  estimator: { kind: 'unit-cluster-bootstrap'; clusters: Record<string, number> };
  problems: string[];
}
