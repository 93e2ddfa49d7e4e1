import { newId } from '../ids.ts';

/** The current version of the stored notebook record; `restoreNotebook` migrates older ones. */
export const NOTEBOOK_VERSION = 1;

/** One cell of a notebook. `data` belongs to the cell kind and is restored by it. */
export interface Cell<D = unknown> {
  id: string;
  /** Cell kind id from the cell-kind registry, e.g. `markdown`. */
  kind: string;
  collapsed: boolean;
  data: D;
}

import type { Audience } from '../report/audience.ts';

/** A notebook's own settings. */
export interface NotebookSettings {
  /** Run a cell whose result is missing or stale at once, rather than when asked (default). */
  autoRun: boolean;
  /** The audience the notebook's report was last made for. */
  reportAudience?: Audience;
}

/** A notebook: an ordered list of cells with a title. */
export interface Notebook {
  version: number;
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  cells: Cell[];
  settings?: NotebookSettings;
}

/** A new empty notebook. */
export function createNotebook(title: string, now = Date.now()): Notebook {
  return {
    version: NOTEBOOK_VERSION,
    id: newId(),
    title,
    createdAt: now,
    updatedAt: now,
    cells: [],
    settings: { autoRun: false },
  };
}

/** A new cell of a kind with that kind's initial data. */
export function createCell<D>(kind: string, data: D): Cell<D> {
  return { id: newId(), kind, collapsed: false, data };
}

/**
 * A copy of a notebook under a new id and title, with fresh cell ids, so that the copy and the
 * original can be edited independently.
 */
export function duplicateNotebook(source: Notebook, title: string, now = Date.now()): Notebook {
  return {
    ...structuredClone(source),
    id: newId(),
    title,
    createdAt: now,
    updatedAt: now,
    cells: source.cells.map((c) => ({ ...structuredClone(c), id: newId() })),
  };
}
