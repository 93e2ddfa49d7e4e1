import { describe, expect, it } from 'vitest';
import {
  DISTINCT_CAP,
  DatasetProfiler,
  addColumnValues,
  finishColumnProfile,
  startColumnProfile,
} from '../../src/core/analysis/column-profile.ts';
import type { ColumnInfo } from '../../src/core/storage/dataset-meta.ts';

const profileOf = (column: ColumnInfo, ...chunks: ArrayLike<unknown>[]) => {
  const acc = startColumnProfile(column);
  for (const c of chunks) addColumnValues(acc, c);
  return finishColumnProfile(acc);
};

describe('column profile', () => {
  it('counts blanks, distinct values, range and mean of a number column across chunks', () => {
    const p = profileOf(
      { name: 'score', type: 'number', valueType: 'integer', role: 'nps' },
      [9, null, 3, 9],
      new Float64Array([10, Number.NaN, -1]),
      [],
    );
    expect(p).toEqual({
      name: 'score',
      type: 'number',
      valueType: 'integer',
      role: 'nps',
      rows: 7,
      nulls: 2,
      distinct: 4,
      distinctCapped: false,
      min: -1,
      max: 10,
      mean: 6,
      top: [],
    });
  });

  it('lists the most frequent text values (ties by value) and counts blank text as blank', () => {
    const p = profileOf(
      { name: 'region', type: 'string', valueType: 'category' },
      ['Москва', 'Казань', '', 'Москва', null],
      ['  ', 'Омск', 'Казань', 'Москва', 'Астана', 'Уфа', 'Тверь'],
    );
    expect(p.rows).toBe(12);
    expect(p.nulls).toBe(3);
    expect(p.distinct).toBe(6);
    expect(p.min).toBeNull();
    expect(p.mean).toBeNull();
    expect(p.top).toEqual([
      { value: 'Москва', count: 3 },
      { value: 'Казань', count: 2 },
      { value: 'Астана', count: 1 },
      { value: 'Омск', count: 1 },
      { value: 'Тверь', count: 1 },
    ]);
  });

  it('gives yes/no counts and the date range in epoch milliseconds', () => {
    const b = profileOf({ name: 'churned', type: 'boolean' }, [true, false, true, null]);
    expect(b.top).toEqual([
      { value: true, count: 2 },
      { value: false, count: 1 },
    ]);
    expect(b.distinct).toBe(2);
    const jan = Date.UTC(2026, 0, 31);
    const mar = Date.UTC(2026, 2, 1);
    const d = profileOf({ name: 'when', type: 'date', valueType: 'date' }, [
      new Date(mar),
      null,
      new Date(jan),
      new Date(Number.NaN),
      new Date(mar),
    ]);
    expect(d).toMatchObject({ nulls: 2, distinct: 2, min: jan, max: mar, top: [] });
  });

  it('stops counting distinct values exactly at the cap and says so', () => {
    const acc = startColumnProfile({ name: 'id', type: 'string' }, 100);
    const ids = Array.from({ length: 250 }, (_, i) => `C${i}`);
    addColumnValues(acc, ids);
    addColumnValues(acc, ['C0', 'C0']);
    const p = finishColumnProfile(acc);
    expect(p).toMatchObject({ distinct: 100, distinctCapped: true, rows: 252 });
    // Values seen before the cap are still counted exactly.
    expect(p.top[0]).toEqual({ value: 'C0', count: 3 });
    expect(DISTINCT_CAP).toBe(10_000);
  });

  it('keeps memory bounded and the range exact on a million distinct numbers', () => {
    const acc = startColumnProfile({ name: 'amount', type: 'number' });
    for (let chunk = 0; chunk < 16; chunk++) {
      const values = new Float64Array(65_536);
      for (let i = 0; i < values.length; i++) values[i] = chunk * 65_536 + i;
      addColumnValues(acc, values);
    }
    expect(acc.counts.size).toBe(DISTINCT_CAP);
    const p = finishColumnProfile(acc);
    expect(p).toMatchObject({ distinct: DISTINCT_CAP, distinctCapped: true, min: 0 });
    expect(p.max).toBe(16 * 65_536 - 1);
    expect(p.mean).toBeCloseTo((16 * 65_536 - 1) / 2, 6);
  });

  it('profiles every column of a dataset chunk by chunk', () => {
    const profiler = new DatasetProfiler([
      { name: 'score', type: 'number' },
      { name: 'segment', type: 'string' },
    ]);
    profiler.add([
      [1, 2],
      ['B2B', 'B2C'],
    ]);
    profiler.add([[null], ['B2B']]);
    const [score, segment] = profiler.finish();
    expect(score).toMatchObject({ rows: 3, nulls: 1, min: 1, max: 2, distinct: 2 });
    expect(segment!.top).toEqual([
      { value: 'B2B', count: 2 },
      { value: 'B2C', count: 1 },
    ]);
  });
});
