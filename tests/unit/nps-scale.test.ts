import { describe, expect, it } from 'vitest';
import {
  SHORT_SCALE_MIN_N,
  addScoreRange,
  checkNpsScale,
  emptyScoreRange,
  parseNpsScaleMode,
  shortScaleOf,
  topTwoBox,
} from '../../src/core/metrics/nps-scale.ts';
import { describeShortScale } from '../../src/core/metrics/describe-nps-scale.ts';
import { npsOf } from '../../src/core/metrics/nps.ts';

/** `n` scores cycling through `values`. */
const cycle = (values: number[], n: number) =>
  Array.from({ length: n }, (_, i) => values[i % values.length]!);

describe('NPS scale check', () => {
  it('refuses a 1–5 column of 30 or more scores, saying what it found', () => {
    const scores = cycle([1, 2, 3, 4, 5], 412);
    expect(checkNpsScale(scores)).toEqual({ code: 'short-scale', n: 412, min: 1, max: 5, top: 5 });
    // Blanks, words and out-of-range numbers are not scores and do not hide the scale.
    const messy = [...cycle([1, 2, 3, 4, 5], 30), null, Number.NaN, 'n/a', 99, 4.5];
    expect(checkNpsScale(messy)).toMatchObject({ n: 30, min: 1, max: 5 });
  });

  it('refuses a 1–7 column as a 1–7 scale', () => {
    const scale = checkNpsScale(cycle([1, 2, 3, 4, 5, 6, 7], 50))!;
    expect(scale).toMatchObject({ min: 1, max: 7, top: 7 });
    expect(topTwoBox(scale)).toBe('6–7');
    expect(topTwoBox(checkNpsScale(cycle([2, 3, 4], 40))!)).toBe('4–5');
  });

  it('does not refuse a real 0–10 column that has only 1–5 values but fewer than 30', () => {
    expect(checkNpsScale(cycle([1, 2, 3, 4, 5], SHORT_SCALE_MIN_N - 1))).toBeNull();
    expect(checkNpsScale(cycle([1, 2, 3, 4, 5], SHORT_SCALE_MIN_N))).not.toBeNull();
  });

  it('does not refuse a column with a 0 or any 8–10 among many 1–5 scores', () => {
    const low = cycle([1, 2, 3, 4, 5], 200);
    expect(checkNpsScale([...low, 0])).toBeNull();
    for (const high of [8, 9, 10]) expect(checkNpsScale([...low, high])).toBeNull();
    expect(checkNpsScale(cycle([0, 3, 6, 8, 10], 500))).toBeNull();
    expect(checkNpsScale([])).toBeNull();
  });

  it('computes as 0–10 when overridden', () => {
    const scores = cycle([1, 2, 3, 4, 5], 100);
    expect(checkNpsScale(scores, '0-10')).toBeNull();
    expect(npsOf(scores).nps).toBe(-100);
  });

  it('counts the range chunk by chunk as over the whole column', () => {
    const range = emptyScoreRange();
    addScoreRange(range, cycle([2, 3], 20));
    expect(shortScaleOf(range)).toBeNull();
    addScoreRange(range, Float64Array.from(cycle([1, 5], 20)));
    expect(shortScaleOf(range)).toEqual({ code: 'short-scale', n: 40, min: 1, max: 5, top: 5 });
    expect(shortScaleOf(range, '0-10')).toBeNull();
  });

  it('reads the scale option as typed or stored', () => {
    expect(parseNpsScaleMode('0-10')).toBe('0-10');
    expect(parseNpsScaleMode(' 0–10 ')).toBe('0-10');
    expect(parseNpsScaleMode('detect')).toBe('detect');
    for (const bad of ['1-5', '', 10, null, undefined]) expect(parseNpsScaleMode(bad)).toBeNull();
  });

  it('says what it found in English and Russian, with Russian plural forms', () => {
    const scale = (n: number) => ({
      code: 'short-scale' as const,
      n,
      min: 1,
      max: 5,
      top: 5 as const,
    });
    expect(describeShortScale('en', scale(412), 'q1')).toBe(
      'All 412 scores in “q1” are between 1 and 5: this looks like a 1–5 scale, and NPS needs 0–10 ratings.',
    );
    expect(describeShortScale('en', scale(1234), null)).toMatch(/^All 1,234 scores are between 1/);
    expect(describeShortScale('ru', scale(31), 'q1')).toBe(
      'В столбце «q1» 31 оценка, и все они от 1 до 5: похоже на шкалу 1–5, а для NPS нужны оценки 0–10.',
    );
    expect(describeShortScale('ru', scale(32), 'q1')).toMatch(/ 32 оценки, /);
    expect(describeShortScale('ru', scale(412), null)).toMatch(/^412 оценок, и все они от 1 до 5/);
  });
});
