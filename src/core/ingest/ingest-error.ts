/** Why a file cannot be imported at all; the UI and CLI turn the code into a sentence. */
export type IngestErrorCode =
  | 'empty-file'
  | 'binary-file'
  | 'no-structure'
  | 'unterminated-quote'
  | 'xls-legacy'
  | 'xlsx-too-large'
  | 'xlsx-corrupt'
  | 'xlsx-no-sheet'
  | 'json-invalid'
  | 'json-not-records'
  | 'json-not-array'
  | 'too-many-columns';

/**
 * A file the importer refuses, with where and why (`detail`: row, column, sizes, sheet names…).
 * Thrown by `src/core/ingest`; never for a file that can be imported with problems listed.
 */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly detail: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ''}`, options);
    this.name = 'IngestError';
  }
}
