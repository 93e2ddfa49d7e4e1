/**
 * What the ingest worker is asked and answers (its contract): the file to read, the preview, a failure.
 */
import type { SchemaDiff } from '../ingest/schema-diff.ts';
import type { SourceOptions } from '../ingest/read-source.ts';
import type { InspectReport } from '../ingest/inspect.ts';
import type { IngestError } from '../ingest/ingest-error.ts';

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
  firstRows: string[][];
}
