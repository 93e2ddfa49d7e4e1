import { describe, expect, it } from 'vitest';
import { createCell, type Cell } from '../../src/core/notebook/notebook.ts';
import {
  insertCell,
  moveCell,
  removeCell,
  undoRemove,
  updateCell,
} from '../../src/core/notebook/cell-order.ts';

const cells = (...names: string[]): Cell[] =>
  names.map((n) => ({ ...createCell('markdown', { source: n }), id: n }));
const ids = (cs: Cell[]) => cs.map((c) => c.id);

describe('cell ordering', () => {
  it('inserts at a position, clamped to the list', () => {
    const base = cells('a', 'b');
    const [x] = cells('x');
    expect(ids(insertCell(base, x!, 1))).toEqual(['a', 'x', 'b']);
    expect(ids(insertCell(base, x!))).toEqual(['a', 'b', 'x']);
    expect(ids(insertCell(base, x!, -5))).toEqual(['x', 'a', 'b']);
    expect(ids(insertCell(base, x!, 99))).toEqual(['a', 'b', 'x']);
    expect(ids(base)).toEqual(['a', 'b']);
  });

  it('moves a cell up and down and stops at the ends', () => {
    const base = cells('a', 'b', 'c');
    expect(ids(moveCell(base, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveCell(base, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveCell(base, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveCell(base, 'c', 1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveCell(base, 'nope', 1))).toEqual(['a', 'b', 'c']);
  });

  it('removes a cell and puts it back at its place on undo', () => {
    const base = cells('a', 'b', 'c');
    const { cells: after, removed } = removeCell(base, 'b');
    expect(ids(after)).toEqual(['a', 'c']);
    expect(removed?.index).toBe(1);
    expect(ids(undoRemove(after, removed!))).toEqual(['a', 'b', 'c']);
    // Undo twice does not duplicate the cell.
    expect(ids(undoRemove(undoRemove(after, removed!), removed!))).toEqual(['a', 'b', 'c']);
    expect(removeCell(base, 'zzz').removed).toBeNull();
  });

  it('puts a removed cell at the end when the list has shrunk below its old place', () => {
    const base = cells('a', 'b', 'c');
    const { removed } = removeCell(base, 'c');
    expect(ids(undoRemove(cells('a'), removed!))).toEqual(['a', 'c']);
  });

  it('updates one cell without touching the others', () => {
    const base = cells('a', 'b');
    const next = updateCell(base, 'b', { collapsed: true });
    expect(next.map((c) => c.collapsed)).toEqual([false, true]);
    expect(next[0]).toBe(base[0]);
  });
});
