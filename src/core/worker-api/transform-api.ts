/**
 * What the transform worker is asked and answers (its contract): a dataset and the steps to
 * run on it; the first rows to preview, or the stored dataset made; or why a step cannot run.
 */
import type { ColumnType } from '../storage/dataset-meta.ts';
import type { TransformError } from '../transform/run-transform.ts';
import type { TransformStep } from '../transform/transform-steps.ts';
import type { RowValue } from './analysis-api.ts';

/** A transform to run on a stored dataset. */
export interface TransformInput {
  datasetId: string;
  steps: TransformStep[];
}

/**
 * A transform cell's request: its result stored as a dataset named `name`, replacing the one
 * the cell `owner` stored before (see `TransformedFrom.owner`).
 */
export interface TransformCellInput extends TransformInput {
  owner: string;
  name: string;
}

/** Why a transform did not run: an input is gone, or a step cannot run (which, on what). */
export type TransformFailure =
  | { kind: 'dataset-missing'; dataset: string }
  | { kind: 'step'; code: TransformError['code']; step: number; column: string };

/** A result's first rows, its columns with their types and how many rows it has. */
export interface TransformPreview {
  names: string[];
  types: ColumnType[];
  rows: RowValue[][];
  rowCount: number;
}

/** The first rows of a transform's result (not stored), or why it did not run. */
export type TransformPreviewOutput =
  ({ ok: true } & TransformPreview) | { ok: false; failure: TransformFailure };

/** A transform cell's stored result: the dataset it made and its first rows, or why not. */
export type TransformCellResult =
  | ({ ok: true; datasetId: string; name: string } & TransformPreview)
  | { ok: false; failure: TransformFailure };
