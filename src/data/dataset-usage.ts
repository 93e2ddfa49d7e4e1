import type { CxTraceDb } from './db.ts';
import { listNotebooks } from './notebooks-repo.ts';

/** A notebook cell that reads a dataset. */
export interface DatasetUse {
  notebookId: string;
  notebookTitle: string;
  /** The cell's position in its notebook, from 0. */
  cellIndex: number;
  /** The cell's kind, e.g. `import` or `nps`. */
  kind: string;
  cellId: string;
}

/**
 * Fields of a cell's data, by kind, that name datasets it reads besides `datasetId` (which
 * counts for every kind, including kinds this version does not know).
 */
const INPUT_FIELDS: Record<string, readonly string[]> = { join: ['left', 'right'] };

/** Whether a cell's stored data says it reads dataset `id`. */
export function cellUsesDataset(kind: string, data: unknown, id: string): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.datasetId === id || (INPUT_FIELDS[kind] ?? []).some((f) => d[f] === id);
}

/**
 * Every stored notebook cell that reads dataset `id`, by notebook (most recently changed first)
 * and cell position: what deleting the dataset would leave without its input.
 */
export async function findCellsUsingDataset(db: CxTraceDb, id: string): Promise<DatasetUse[]> {
  const out: DatasetUse[] = [];
  for (const nb of await listNotebooks(db)) {
    nb.cells.forEach((cell, cellIndex) => {
      if (cellUsesDataset(cell.kind, cell.data, id)) {
        out.push({
          notebookId: nb.id,
          notebookTitle: nb.title,
          cellIndex,
          kind: cell.kind,
          cellId: cell.id,
        });
      }
    });
  }
  return out;
}
