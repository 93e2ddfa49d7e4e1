import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../src/core/ingest/packed-rows.ts';

describe('packed preview rows', () => {
  it('gives back every cell, by column range, with short rows padded', () => {
    const rows = [
      ['a', '', 'Привет, мир', '=1'],
      ['b', 'x'],
      ['', '', '', ''],
    ];
    const packed = packRows(rows, 4);
    expect(packed.text).toBe('aПривет, мир=1bx');
    expect(unpackRows(packed)).toEqual([
      ['a', '', 'Привет, мир', '=1'],
      ['b', 'x', '', ''],
      ['', '', '', ''],
    ]);
    expect(unpackRows(packed, 1, 3)).toEqual([
      ['', 'Привет, мир'],
      ['x', ''],
      ['', ''],
    ]);
    expect(unpackRows(packed, 3, 99)).toEqual([['=1'], [''], ['']]);
    expect(unpackRows(packRows([], 3))).toEqual([]);
  });
});
