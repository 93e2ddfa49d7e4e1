/**
 * What the ingest worker is asked and answers (its contract): the file to read, the preview, a failure.
 */
import type { SchemaDiff } from '../ingest/schema-diff.ts';
import type { SourceOptions } from '../ingest/read-source.ts';
import type { InspectReport } from '../ingest/inspect.ts';
import type { IngestError } from '../ingest/ingest-error.ts';
import type { PackedRows } from '../ingest/packed-rows.ts';

/** Where an import goes: a new dataset, or one already stored (its rows added or replaced). */
export type ImportTarget =
  /** A new dataset; `id` keeps the id it had elsewhere (a share), when no dataset has it. */
  { mode: 'new'; id?: string } | { mode: 'append' | 'replace'; datasetId: string };

/** A file and how to read it. */
export interface FileInput {
  file: File;
  options: SourceOptions;
  /** Where the rows go (a new dataset by default). */
  target?: ImportTarget;
}

/** Why a file cannot be previewed or imported, for the UI to put in words. */
export type IngestFailure =
  | { kind: 'refused'; code: IngestError['code']; detail: Record<string, string | number> }
  | { kind: 'storage-full'; usage: number | null; quota: number | null }
  | { kind: 'target-missing' };

/** The preview of a file: how it was read, its columns, problems and first rows. */
export interface Preview {
  report: InspectReport;
  /** With an existing dataset as the target: how the file's columns differ from it. */
  schemaDiff: SchemaDiff | null;
  names: string[];
  /** The first rows, their long cells cut for showing. */
  firstRows: PackedRows;
  /**
   * For a wide file, `report.columns` holds only the first batch of column profiles; the rest
   * are fetched with `previewColumns(token, from, to)` in batches, so that no single message
   * takes the page long to receive. Null when the report is whole.
   */
  moreColumns: { token: number; total: number } | null;
}

/** Column profiles sent with a preview, or per `previewColumns` call. */
export const PREVIEW_COLUMN_BATCH = 2000;
