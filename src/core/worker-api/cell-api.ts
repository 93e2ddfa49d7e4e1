/**
 * How a worker answers a notebook cell (every cell-answering worker's contract): the cell's
 * request with where it is shown, and the answer as stored.
 */
import type { CellRequest, InputVersions } from '../notebook/cell-query.ts';

/** A cell's request, the notebook and cell that show it, and its source cells' result keys. */
export interface CellCall {
  request: CellRequest;
  notebookId: string;
  cellId: string;
  /** The current result key of each cell the request reads (null when it has none). */
  sources: Record<string, string | null>;
}

/** A cell's answer, as stored: its key, the versions of what it read, the result. */
export interface CellAnswer<R = unknown> {
  key: string;
  versions: InputVersions;
  createdAt: number;
  value: R;
}
