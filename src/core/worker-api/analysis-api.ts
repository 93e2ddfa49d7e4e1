/**
 * What the analysis worker is asked and answers (its contract): the inputs and results of its calls.
 */
import type { RowPopulation } from '../transform/row-population.ts';
import type { ByGroup, CsatOptions } from '../metrics/group-metrics.ts';
import type { MetricKind, MetricTable } from '../metrics/metric-table.ts';
import type { NpsSummary } from '../metrics/nps.ts';
import type { NpsScaleMode, ShortScale } from '../metrics/nps-scale.ts';
import type { ColumnProfile } from '../analysis/column-profile.ts';
import type { ClientRecords } from '../index/client-records.ts';
import type { ColumnInfo } from '../storage/dataset-meta.ts';
import type { TraceAnalysis } from '../analysis/trace/trace-types.ts';
import type { IndexView } from '../index/index-view.ts';
import type { Audience, MissingPart } from '../report/audience.ts';
import type { FrontLineList } from '../report/front-line.ts';
import type { Locale } from '../i18n/locale.ts';

/** Which column of which stored dataset to summarise. */
export interface NpsInput {
  datasetId: string;
  column: string;
  /** Refuse scores that look like a 1–5 / 1–7 scale (`'detect'`, the default) or not. */
  scale?: NpsScaleMode;
}

/**
 * An NPS summary, or why there is none (shown to the user in their language): the dataset or
 * column is gone, or the scores look like a short scale (`short-scale`, with what was found).
 */
export type NpsResult =
  | { ok: true; summary: NpsSummary; rows: number }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' }
  | { ok: false; reason: 'short-scale'; scale: ShortScale };

/** NPS of a score column by the values of another column, or by the periods of a date column. */
export interface NpsGroupsInput {
  datasetId: string;
  column: string;
  by?: string | null;
  period?: { column: string; grain: 'month' | 'quarter' } | null;
}

/** NPS by group, or why there is none. */
export type NpsGroupsResult =
  | { ok: true; result: ByGroup<NpsSummary> }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' };

/** A metric of a dataset column, split by a column, by period, or both. */
export interface MetricInput {
  datasetId: string;
  metric: MetricKind;
  /** The column the metric reads; null for a count of rows. */
  column: string | null;
  by?: string | null;
  period?: { column: string; grain: 'month' | 'quarter' } | null;
  csat?: CsatOptions;
  /** Only the rows that meet every condition (a population pinned on a chart). */
  rows?: RowPopulation;
}

/** A metric table, or why there is none. */
export type MetricResult =
  | { ok: true; table: MetricTable }
  | { ok: false; reason: 'dataset-missing' | 'column-missing' }
  /** An NPS of scores that look like a 1–5 or 1–7 scale (see `nps-scale.ts`). */
  | { ok: false; reason: 'short-scale'; scale: ShortScale };

/** A stored value as it reaches the page: numbers, text, yes/no, dates; null for blank. */
export type RowValue = number | string | boolean | Date | null;

/** Rows of a dataset for the preview, or why there are none. */
export type RowsResult =
  | { ok: true; offset: number; total: number; rows: RowValue[][] }
  | { ok: false; reason: 'dataset-missing' };

/** The profile of every column of a dataset, or why there is none. */
export type ProfileResult =
  { ok: true; rows: number; columns: ColumnProfile[] } | { ok: false; reason: 'dataset-missing' };

/** A dataset exported as CSV, or why it was not. */
export type ExportResult =
  { ok: true; blob: Blob; rows: number } | { ok: false; reason: 'dataset-missing' };

/** Rows wanted for the preview: `limit` rows from row `offset` (0-based). */
export interface RowsInput {
  datasetId: string;
  offset: number;
  limit: number;
}

/** A client's rows in each dataset, with the columns' types and formats to show them. */
export type ClientRecordsResult = (Omit<ClientRecords, 'columns' | 'rows'> & {
  columns: ColumnInfo[];
  rows: RowValue[][];
})[];

/** A stored model by id, or a model as it is being edited (not yet stored). */
export type ModelInput = { modelId: string } | { model: unknown };

/** What an NPS-summary cell shows: the summary, and NPS by group or period when asked. */
export interface NpsCellResult {
  summary: NpsResult;
  groups: NpsGroupsResult | null;
}

/** What a metric cell shows: the table, and the input it answers. */
export interface MetricCellResult {
  input: MetricInput;
  result: MetricResult;
}

/**
 * What a trace cell shows: the trace, and the client-card columns a segment can be taken from;
 * or why there is none (the model is gone, or a hand-off's source result holds no population).
 */
export type TraceCellResult =
  | { ok: true; result: TraceAnalysis; segments: string[] }
  | { ok: false; reason: 'model-missing' | 'source-missing' };

/**
 * What a front-line cell shows: the clients to recover (null when the model has no NPS answers
 * with dates or no client card), and whether a trace gave their causes; or why there is none.
 */
export type FrontLineCellResult =
  | {
      ok: true;
      list: FrontLineList | null;
      traced: boolean;
      /** A share left the list out (it is client rows). */
      withheld?: boolean;
    }
  | { ok: false; reason: 'model-missing' | 'source-missing' };

/** The linked views of a model's satisfaction index for one query, or why there are none. */
export type IndexViewOutput =
  | {
      ok: true;
      view: IndexView;
      problems: string[];
      clientPeriods: number;
      /** A share left the client table out (it is client rows). */
      withheld?: boolean;
    }
  | { ok: false; reason: 'model-missing' };

/**
 * A notebook's report for an audience, made in the worker from the stored results the notebook
 * shows (by their keys; null where the notebook has no such result).
 */
export interface NotebookReportInput {
  audience: Audience;
  locale: Locale;
  pseudonymise: boolean;
  /** When it is made and what it comes from, as the title page says them. */
  made: string;
  source: string;
  keys: {
    trace: string | null;
    nps: string | null;
    index: string | null;
    drivers: string | null;
    frequency: string | null;
    frontline: string | null;
  };
}

/** The report as HTML, and what it lacks. */
export interface NotebookReportOutput {
  html: string;
  missing: MissingPart[];
}
