import { describe, expect, it } from 'vitest';
import {
  createTransformCellData,
  restoreTransformCellData,
  transformInputs,
  madeBy,
  transformCellQuery,
  transformRecord,
} from '../../src/core/notebook/cell-data/transform-cell.ts';
import { restoreDatasetMeta, type DatasetMeta } from '../../src/core/storage/dataset-meta.ts';
import type { TransformStep } from '../../src/core/transform/transform-steps.ts';

const meta = (
  id: string,
  generation = 1,
  derivedFrom?: DatasetMeta['derivedFrom'],
): DatasetMeta => ({
  id,
  name: id,
  createdAt: 0,
  rowCount: 1,
  chunkCount: 1,
  columns: [{ name: 'a', type: 'number' }],
  generation,
  ...(derivedFrom ? { derivedFrom } : {}),
});

const steps: TransformStep[] = [
  { kind: 'filter', combine: 'and', conditions: [{ column: 'a', op: 'gt', value: 1 }] },
  { kind: 'join', dataset: 'cards', leftKey: 'a', rightKey: 'a', how: 'left' },
];

describe('a transform cell and the dataset it made', () => {
  it('reads the shaped dataset and each joined one, once', () => {
    expect(transformInputs('survey', [...steps, steps[1]!])).toEqual(['survey', 'cards']);
  });

  it('asks to store its result once a table and a name are given, reading every input', () => {
    const data = { ...createTransformCellData(), steps };
    expect(transformCellQuery(data, 'c1')).toBeNull();
    expect(transformCellQuery({ ...data, datasetId: 'survey', name: '  ' }, 'c1')).toBeNull();
    const q = transformCellQuery({ ...data, datasetId: 'survey', name: ' Low NPS ' }, 'c1')!;
    expect(q.worker).toBe('transform');
    expect(q.input).toMatchObject({ owner: 'c1', datasetId: 'survey', name: 'Low NPS', steps });
    // A refreshed card (a joined input) makes the stored result stale, as the survey does.
    expect(q.reads.datasets).toEqual(['survey', 'cards']);
    // Two cells with the same settings make two datasets: their results are kept apart.
    const other = transformCellQuery({ ...data, datasetId: 'survey', name: 'Low NPS' }, 'c2')!;
    expect(JSON.stringify(other.input)).not.toBe(JSON.stringify(q.input));
  });

  it('finds the dataset a cell made, to replace it on the next run', () => {
    const inputs = [meta('survey'), meta('cards')];
    const made = meta('out', 1, transformRecord('survey', steps, inputs, 'c1'));
    expect(madeBy('c1', [...inputs, made])?.id).toBe('out');
    expect(madeBy('c2', [...inputs, made])).toBeNull();
  });

  it('survives storage: the cell’s data and the made dataset’s record', () => {
    const restored = restoreTransformCellData({
      datasetId: 'survey',
      steps: [...steps, { kind: '?' }],
      name: 5,
    });
    expect(restored).toEqual({ datasetId: 'survey', steps, name: '' });
    const record = transformRecord('survey', steps, [meta('survey', 3), meta('cards')], 'c1');
    const back = restoreDatasetMeta(meta('out', 1, record))!;
    expect(back.derivedFrom).toEqual({
      kind: 'transform',
      owner: 'c1',
      inputs: ['survey', 'cards'],
      generations: { survey: 3, cards: 1 },
      steps,
    });
    // A join's record is read as before; a broken transform record is dropped.
    expect(
      restoreDatasetMeta(meta('j', 1, { left: 'a', right: 'b', leftKey: 'k', rightKey: 'k' }))!
        .derivedFrom,
    ).toEqual({
      left: 'a',
      right: 'b',
      leftKey: 'k',
      rightKey: 'k',
    });
    expect(
      restoreDatasetMeta({ ...meta('x'), derivedFrom: { kind: 'transform', inputs: [] } })!
        .derivedFrom,
    ).toBeUndefined();
  });
});
