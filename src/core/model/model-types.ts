/**
 * The service model: a development of the customer journey map into layers of indicators that
 * feed each other (IT → EX → OX → CX → TX), bound to the columns of stored datasets. Pure
 * types; the JSON format is exactly these objects (`format`/`version` mark it).
 * See docs/architecture.md, “What the app works with”.
 */
import type { ColumnType } from '../storage/dataset-meta.ts';

/** The format marker of a service-model JSON document. */
export const MODEL_FORMAT = 'cx-trace-model';

/** The current version of the format (`restoreModel` migrates older ones to it). */
export const MODEL_VERSION = 1;

/** Layers of indicators, top (financial) to bottom (IT stack). */
export type Layer = 'TX' | 'CX' | 'OX' | 'EX' | 'IT';

/** The layers in order from top to bottom: a link's child is never above its parent. */
export const LAYERS: readonly Layer[] = ['TX', 'CX', 'OX', 'EX', 'IT'];

/** A name in both UI languages. */
export interface Localized {
  en: string;
  ru: string;
}

/** A stage of the customer journey (e.g. ordering, delivery, invoicing). */
export interface JourneyStage {
  id: string;
  name: Localized;
}

/** What moves a client on at a touchpoint. */
export interface Driver {
  id: string;
  name: Localized;
}

/**
 * What hurts at a touchpoint. `keywords` (stems or words, any language) tie complaints to it
 * in the barrier matrix; `factor` is the satisfaction factor it damages.
 */
export interface Barrier {
  id: string;
  name: Localized;
  factor?: string;
  keywords?: string[];
}

/** A point where the client meets the company. */
export interface Touchpoint {
  id: string;
  /** The id of its journey stage. */
  stage: string;
  name: Localized;
  /** e.g. `phone`, `email`, `portal`, `warehouse`, `field`. */
  channel: string;
  /** Who in the company answers for it, e.g. `logistics`. */
  owner: string;
  /** A moment of truth: a touchpoint that decides the outcome for the client. */
  momentOfTruth: boolean;
  drivers: Driver[];
  barriers: Barrier[];
}

/** The journey: its stages in order and the touchpoints of each. */
export interface Journey {
  stages: JourneyStage[];
  touchpoints: Touchpoint[];
}

/**
 * A rated aspect of service ("block of satisfaction"): quality, delivery discipline,
 * communication, documents, price… Each client weighs the factors with its own importance
 * weights; frequency analysis groups complaints by factor.
 */
export interface Factor {
  id: string;
  name: Localized;
}

/**
 * A kind of organisational unit that serves a client (warehouse, account manager, region):
 * `column` is the client card's column that names the client's unit of this kind.
 */
export interface UnitKind {
  id: string;
  name: Localized;
  column: string;
}

/** Which stored dataset holds the client card, and its client-id column. */
export interface ClientCard {
  dataset: string;
  key: string;
}

/**
 * The key columns of one dataset: the client id, the date or period, and the unit (with its
 * kind) its rows belong to. A binding's grain needs the matching keys.
 */
export interface DatasetKeys {
  client?: string;
  /** A date column (mapped to a month or quarter) or a period column such as `2026-03`. */
  period?: string;
  unit?: string;
  /** The unit kind of `unit` (an id of `ServiceModel.unitKinds`), when all rows have one. */
  unitKind?: string;
  /**
   * For a long file holding several unit kinds (warehouses and managers in one report): the
   * column naming each row's kind (values are unit-kind ids); a unit-period binding of kind K
   * reads only the rows of kind K.
   */
  unitKindColumn?: string;
}

/** How an indicator's values are aggregated over the rows of a grain cell. */
export type Aggregate = 'mean' | 'share' | 'sum' | 'count' | 'rate' | 'nps';

/**
 * The level an indicator is computed at: per client, per client and period, or per unit of a
 * kind and period (e.g. warehouse × month).
 */
export type Grain =
  { kind: 'client' } | { kind: 'client-period' } | { kind: 'unit-period'; unitKind: string };

/** A comparison on a column, to keep some rows (a filter) or count some (a share). */
export interface Condition {
  column: string;
  op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in';
  value: string | number | boolean | (string | number)[];
}

/**
 * Where an indicator's values come from: a dataset (by name as imported, or by id) and column,
 * aggregated at a grain, optionally over the rows a filter keeps. `share` counts the rows that
 * meet `shareOf` (or, without it, the true values of a boolean column); `rate` is the sum of
 * `column` over the sum of `per`; `nps` reads 0–10 scores.
 */
export interface Binding {
  dataset: string;
  column: string;
  aggregate: Aggregate;
  grain: Grain;
  filter?: Condition;
  shareOf?: Omit<Condition, 'column'>;
  per?: string;
}

/** Whether higher or lower values are better. */
export type Direction = 'higher' | 'lower';

/** One measured indicator of the service model. */
export interface Indicator {
  id: string;
  name: Localized;
  layer: Layer;
  /** The satisfaction factor it belongs to (an id of `ServiceModel.factors`). */
  factor?: string;
  /** Unit of measure as shown, e.g. `%`, `days`, `points`, `h`. */
  unit: string;
  /** The range mapped to 0–100 for the satisfaction index and comparisons. */
  scale: { min: number; max: number };
  direction: Direction;
  target?: number;
  /** The touchpoint it is measured at (an id of `Journey.touchpoints`). */
  touchpoint?: string;
  /** Without a binding the indicator is drawn but has no values. */
  binding?: Binding;
  description?: Localized;
}

/** A lower indicator feeding a higher one (skipping layers allowed; many parents allowed). */
export interface Link {
  child: string;
  parent: string;
}

/** How dates map to periods. */
export interface PeriodSettings {
  grain: 'month' | 'quarter';
}

/** One block of the satisfaction index (TX or CX): its member indicators and its weight. */
export interface IndexBlock {
  layer: 'TX' | 'CX';
  weight: number;
  /** Indicator ids. */
  members: string[];
}

/**
 * Satisfaction-index settings: the blocks, and where each client's importance weight of each
 * factor comes from (columns of the client card, by factor id); equal weights without them.
 */
export interface IndexSettings {
  blocks: IndexBlock[];
  factorWeights?: Record<string, string>;
}

/** A whole service model, as stored and as exchanged in JSON. */
export interface ServiceModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  id: string;
  name: Localized;
  journey: Journey;
  factors: Factor[];
  unitKinds: UnitKind[];
  clientCard?: ClientCard;
  /** Key columns per dataset (by dataset name as imported). */
  datasets: Record<string, DatasetKeys>;
  period: PeriodSettings;
  indicators: Indicator[];
  links: Link[];
  index: IndexSettings;
}

/** What validation knows of a stored dataset: its name, id and columns. */
export interface DatasetSchema {
  id?: string;
  name: string;
  columns: { name: string; type: ColumnType; valueType?: string }[];
}

/** Kinds of problems `validateModel` reports. */
export type ModelProblemCode =
  | 'duplicate-id'
  | 'unknown-reference'
  | 'cycle'
  | 'link-down'
  | 'unknown-dataset'
  | 'unknown-column'
  | 'type-mismatch'
  | 'missing-key'
  | 'orphan-indicator'
  | 'invalid-value';

/**
 * One problem of a model, at a path into it (e.g. `['indicators', 3, 'binding', 'column']`),
 * with details for the message. Errors make the model unusable where they are; warnings do not.
 */
export interface ModelProblem {
  code: ModelProblemCode;
  severity: 'error' | 'warning';
  path: (string | number)[];
  detail?: Record<string, string | number>;
}
