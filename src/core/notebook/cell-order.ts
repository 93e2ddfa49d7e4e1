import type { Cell } from './notebook.ts';

/** Cells with `cell` inserted at `index` (clamped to the list). */
export function insertCell(cells: readonly Cell[], cell: Cell, index = cells.length): Cell[] {
  const at = Math.max(0, Math.min(index, cells.length));
  return [...cells.slice(0, at), cell, ...cells.slice(at)];
}

/**
 * Cells with the cell `id` moved by `delta` places (−1 up, +1 down). Moving past either end
 * leaves the order unchanged.
 */
export function moveCell(cells: readonly Cell[], id: string, delta: number): Cell[] {
  const from = cells.findIndex((c) => c.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= cells.length || delta === 0) return [...cells];
  const next = [...cells];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** What `removeCell` took out, enough to put it back with `undoRemove`. */
export interface RemovedCell {
  cell: Cell;
  index: number;
}

/** Cells without the cell `id`, and what was removed (null when there was no such cell). */
export function removeCell(
  cells: readonly Cell[],
  id: string,
): { cells: Cell[]; removed: RemovedCell | null } {
  const index = cells.findIndex((c) => c.id === id);
  if (index < 0) return { cells: [...cells], removed: null };
  return { cells: cells.filter((c) => c.id !== id), removed: { cell: cells[index]!, index } };
}

/** Cells with a removed cell back at its former place (or at the end if the list shrank). */
export function undoRemove(cells: readonly Cell[], removed: RemovedCell): Cell[] {
  if (cells.some((c) => c.id === removed.cell.id)) return [...cells];
  return insertCell(cells, removed.cell, removed.index);
}

/** Cells with one cell's fields replaced. */
export function updateCell(
  cells: readonly Cell[],
  id: string,
  patch: Partial<Omit<Cell, 'id'>>,
): Cell[] {
  return cells.map((c) => (c.id === id ? { ...c, ...patch } : c));
}
