import { describe, expect, it } from 'vitest';
import { restoreNotebook } from '../../src/core/notebook/restore-notebook.ts';
import { restoreCellData } from '../../src/core/notebook/cell-kinds.ts';
import {
  createNotebook,
  duplicateNotebook,
  createCell,
  NOTEBOOK_VERSION,
} from '../../src/core/notebook/notebook.ts';

describe('restoreNotebook', () => {
  it('returns null for records that are not notebooks', () => {
    for (const raw of [null, undefined, 42, 'x', [], {}, { id: '' }, { id: 7 }]) {
      expect(restoreNotebook(raw, restoreCellData)).toBeNull();
    }
  });

  it('repairs a malformed record without losing recognisable work', () => {
    const raw = {
      id: 'nb1',
      title: 17,
      createdAt: 'yesterday',
      updatedAt: Number.NaN,
      cells: [
        { id: 'c1', kind: 'markdown', data: { source: '# Hi' }, collapsed: 'yes' },
        { id: 'c1', kind: 'markdown', data: null },
        { kind: '', data: {} },
        'garbage',
        { id: 'c3', kind: 'nps', data: { datasetId: 5, column: 'score' } },
        { id: 'c4', kind: 'future-kind', data: { anything: [1, 2] }, collapsed: true },
      ],
    };
    const nb = restoreNotebook(raw, restoreCellData, 1000)!;
    expect(nb.version).toBe(NOTEBOOK_VERSION);
    expect(nb.title).toBe('');
    expect(nb.createdAt).toBe(1000);
    expect(nb.updatedAt).toBe(1000);
    expect(nb.cells.map((c) => c.kind)).toEqual(['markdown', 'markdown', 'nps', 'future-kind']);
    const [first, second, nps, future] = nb.cells;
    expect(first).toMatchObject({ id: 'c1', collapsed: false, data: { source: '# Hi' } });
    // A duplicate id gets a fresh one, and missing data gets the kind's empty data.
    expect(second!.id).not.toBe('c1');
    expect(second!.data).toEqual({ source: '' });
    expect(nps!.data).toEqual({
      datasetId: null,
      column: 'score',
      by: null,
      periodColumn: null,
      grain: 'quarter',
      scale: 'detect',
    });
    // A kind from a newer version is kept unchanged, not dropped.
    expect(future).toMatchObject({ id: 'c4', collapsed: true, data: { anything: [1, 2] } });
  });

  it('round-trips a valid notebook unchanged', () => {
    const nb = createNotebook('Q3 complaints', 5);
    nb.cells = [
      createCell('markdown', { source: 'text' }),
      createCell('nps', {
        datasetId: 'd',
        column: 'nps',
        by: null,
        periodColumn: 'date',
        grain: 'month',
        scale: '0-10',
      }),
    ];
    expect(restoreNotebook(structuredClone(nb), restoreCellData)).toEqual(nb);
  });

  it('gives NPS cells saved before groups and the scale check existed no groups, scale detected', () => {
    const nb = createNotebook('Old', 1);
    nb.cells = [createCell('nps', { datasetId: 'd', column: 'nps' })];
    const restored = restoreNotebook(structuredClone(nb), restoreCellData);
    expect(restored?.cells[0]?.data).toEqual({
      datasetId: 'd',
      column: 'nps',
      by: null,
      periodColumn: null,
      grain: 'quarter',
      scale: 'detect',
    });
  });

  it('keeps an NPS cell’s 0–10 override and detects for any other stored scale', () => {
    const nb = createNotebook('Scales', 1);
    nb.cells = [
      createCell('nps', { datasetId: 'd', column: 'q1', scale: '0-10' }),
      createCell('nps', { datasetId: 'd', column: 'q1', scale: '1-5' }),
      createCell('nps', { datasetId: 'd', column: 'q1', scale: null }),
    ];
    const restored = restoreNotebook(structuredClone(nb), restoreCellData)!;
    expect(restored.cells.map((c) => (c.data as { scale: unknown }).scale)).toEqual([
      '0-10',
      'detect',
      'detect',
    ]);
  });

  it('duplicates with new ids and independent cells', () => {
    const nb = createNotebook('A', 1);
    nb.cells = [createCell('markdown', { source: 'x' })];
    const copy = duplicateNotebook(nb, 'A (copy)', 2);
    expect(copy.id).not.toBe(nb.id);
    expect(copy.cells[0]!.id).not.toBe(nb.cells[0]!.id);
    (copy.cells[0]!.data as { source: string }).source = 'changed';
    expect((nb.cells[0]!.data as { source: string }).source).toBe('x');
  });
});
