import { describe, expect, it } from 'vitest';
import {
  createTransformCellData,
  restoreTransformCellData,
  transformInputs,
  transformRecord,
  transformState,
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

  it('is current until its steps change or an input is refreshed or deleted', () => {
    const inputs = [meta('survey'), meta('cards')];
    const made = meta('out', 1, transformRecord('survey', steps, inputs));
    const data = { ...createTransformCellData(), datasetId: 'survey', steps, resultId: 'out' };
    expect(transformState(data, [...inputs, made])).toBe('current');
    expect(transformState({ ...data, resultId: null }, [...inputs, made])).toBe('none');
    // The steps edited: the stored result answers other settings.
    const edited = { ...data, steps: steps.slice(0, 1) };
    expect(transformState(edited, [...inputs, made])).toBe('steps-changed');
    // The card's rows replaced (its generation moves on): stale until run again.
    expect(transformState(data, [meta('survey'), meta('cards', 2), made])).toBe('inputs-changed');
    expect(transformState(data, [meta('survey'), made])).toBe('input-missing');
  });

  it('survives storage: the cell’s data and the made dataset’s record', () => {
    const restored = restoreTransformCellData({
      datasetId: 'survey',
      steps: [...steps, { kind: '?' }],
      name: 5,
    });
    expect(restored).toEqual({ datasetId: 'survey', steps, name: '', resultId: null });
    const record = transformRecord('survey', steps, [meta('survey', 3), meta('cards')]);
    const back = restoreDatasetMeta(meta('out', 1, record))!;
    expect(back.derivedFrom).toEqual({
      kind: 'transform',
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
