/**
 * What the drivers worker is asked and answers (its contract): the table to explain, the analysis and what it hands to a trace.
 */
import type { Population } from '../analysis/trace/trace-types.ts';
import type { DriverColumnSource, DriverTable } from '../analysis/driver-table.ts';
import type { Exclusion, TargetRule } from '../analysis/driver-target.ts';
import type { DriversResult } from '../analysis/drivers.ts';
import type { DriverErrorInfo } from '../analysis/driver-messages.ts';
import type { FeatureKind } from '../ml/feature-matrix.ts';

/** Which table to explain: a stored dataset, joined with a model's client card and indicators. */
export interface DriverTableInput {
  datasetId: string;
  /** A stored service model whose client card and indicators join the dataset (optional). */
  modelId: string | null;
  /** The target column: indicators read from it are left out of the table. */
  target: string | null;
}

/** A column of the drivers table as a candidate feature. */
export interface DriverColumnInfo {
  name: string;
  kind: FeatureKind;
  excluded: Exclusion;
  source: DriverColumnSource;
}

/** The candidate targets and features of a table. */
export type DriverChoicesOutput =
  | {
      ok: true;
      columns: DriverColumnInfo[];
      /** Columns holding 0–10 scores (detractors can be taken from them). */
      npsColumns: string[];
      /**
       * A few values of each text or yes/no column (to choose the low value from); a yes/no
       * column's are its file's own words, yes first.
       */
      values: Record<string, string[]>;
      /** The yes/no columns (their yes is the outcome to explain by default). */
      yesNoColumns: string[];
      /** Why the model's client card or indicators could not be joined. */
      missing: DriverTable['missing'];
    }
  | { ok: false; reason: 'dataset-missing' };

/** One analysis. */
export interface DriversInput extends DriverTableInput {
  target: string;
  rule: TargetRule | null;
  /** The feature columns; null for the default choice. */
  features: string[] | null;
  seed: number;
}

/** The analysis, or why there is none. */
export type DriversOutput =
  | {
      ok: true;
      result: DriversResult;
      columns: DriverColumnInfo[];
      /** Each sampled row's client id (or row number when the table has no client column). */
      labels: string[];
      /** What a trace can start from: the low outcome's population, each driver's indicator. */
      handoff: DriverHandoff | null;
    }
  | { ok: false; reason: 'dataset-missing' }
  | { ok: false; reason: 'invalid'; error: DriverErrorInfo };

/** The low outcome as a population to trace, and the model indicator each driver is. */
export interface DriverHandoff {
  population: Population;
  /** Driver (column) → the id of the model indicator it is or is read from. */
  starts: Record<string, string>;
}

/** What a key-drivers cell shows: the analysis, with the input it answers. */
export interface DriversCellResult {
  input: DriversInput;
  output: DriversOutput;
}
