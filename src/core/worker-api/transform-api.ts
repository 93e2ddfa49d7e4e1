/**
 * What the transform worker is asked and answers (its contract): a dataset and the steps to
 * run on it; the first rows to preview, or the stored dataset made; or why a step cannot run.
 */
import type { DatasetMeta } from '../storage/dataset-meta.ts';
import type { TransformError } from '../transform/run-transform.ts';
import type { TransformStep } from '../transform/transform-steps.ts';
import type { RowValue } from './analysis-api.ts';

/** A transform to run on a stored dataset. */
export interface TransformInput {
  datasetId: string;
  steps: TransformStep[];
}

/** A transform's result to store as a dataset named `name`, replacing `replaces` if given. */
export interface TransformStoreInput extends TransformInput {
  name: string;
  replaces: string | null;
}

/** Why a transform did not run: an input is gone, or a step cannot run (which, on what). */
export type TransformFailure =
  | { kind: 'dataset-missing'; dataset: string }
  | { kind: 'step'; code: TransformError['code']; step: number; column: string };

/** The first rows of a transform's result, and how many rows and columns it has. */
export type TransformPreviewOutput =
  | { ok: true; names: string[]; rows: RowValue[][]; rowCount: number }
  | { ok: false; failure: TransformFailure };

/** The stored dataset a transform made. */
export type TransformStoreOutput =
  { ok: true; meta: DatasetMeta } | { ok: false; failure: TransformFailure };
