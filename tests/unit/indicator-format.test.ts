import { describe, expect, it } from 'vitest';
import {
  formatIndicatorChange,
  formatIndicatorValue,
  unitKindOf,
} from '../../src/core/model/indicator-format.ts';

// Russian groups thousands with a no-break space and puts one before % and ₽.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const nps = { unit: 'points', scale: { min: -100, max: 100 }, binding: { aggregate: 'nps' } };
const churn = { unit: '%', scale: { min: 0, max: 0.5 }, binding: { aggregate: 'share' } };
const usage = { unit: '%', scale: { min: 0, max: 100 } };
const ltv = { unit: '₽', scale: { min: 0, max: 20_000_000 } };
const response = { unit: 'min', scale: { min: 0, max: 120 } };
const rating = { unit: 'points', scale: { min: 1, max: 5 } };
const tools = { unit: 'pcs', scale: { min: 0, max: 10 } };
const other = { unit: 'km', scale: { min: 0, max: 1000 } };

describe('indicator values for people', () => {
  it('tells the kind of each unit', () => {
    expect([nps, churn, usage, ltv, response, rating, tools, other].map(unitKindOf)).toEqual([
      'nps',
      'share',
      'share',
      'money',
      'duration',
      'points',
      'count',
      'other',
    ]);
  });

  it('writes NPS in points: a value with its sign, a gap in NPS points', () => {
    expect(formatIndicatorValue('en', nps, -80.896)).toBe('-80.9');
    expect(formatIndicatorValue('en', nps, 45.742)).toBe('+45.7');
    expect(formatIndicatorChange('en', nps, 4.1)).toBe('4.1 NPS points');
    expect(formatIndicatorChange('en', nps, 1)).toBe('1.0 NPS points');
    expect(formatIndicatorChange('en', nps, 2.5, { signed: true })).toBe('+2.5 NPS points');
    expect(plain(formatIndicatorValue('ru', nps, -80.896))).toBe('-80,9');
    expect(formatIndicatorChange('ru', nps, 4.1)).toBe('4,1 пункта NPS');
    expect(formatIndicatorChange('ru', nps, 126.6)).toBe('126,6 пункта NPS');
  });

  it('writes shares in %, from fractions or percents, and their changes in percentage points', () => {
    expect(formatIndicatorValue('en', churn, 0.145)).toBe('14.5%');
    expect(formatIndicatorValue('en', usage, 71)).toBe('71%');
    expect(formatIndicatorChange('en', churn, 0.035)).toBe('3.5 pp');
    expect(formatIndicatorChange('en', churn, -0.02, { signed: true })).toBe('-2.0 pp');
    // A change that rounds to nothing is not written as a loss.
    expect(formatIndicatorChange('en', churn, -0.0002)).toBe('0 pp');
    expect(formatIndicatorChange('en', nps, -0.04, { bare: true })).toBe('0.0');
    expect(plain(formatIndicatorValue('ru', churn, 0.145))).toBe('14,5 %');
    expect(plain(formatIndicatorChange('ru', churn, 0.035))).toBe('3,5 п. п.');
  });

  it('writes money with its currency', () => {
    expect(formatIndicatorValue('en', ltv, 7_080_256.4)).toBe('₽7,080,256');
    expect(plain(formatIndicatorValue('ru', ltv, 7_080_256.4))).toBe('7 080 256 ₽');
    expect(plain(formatIndicatorChange('ru', ltv, -125_000, { signed: true }))).toBe('-125 000 ₽');
    expect(formatIndicatorValue('en', { ...ltv, unit: '$' }, 12.5)).toBe('$12.50');
  });

  it('writes durations with their unit, in the plural the number takes', () => {
    expect(formatIndicatorValue('en', response, 12)).toBe('12 min');
    expect(formatIndicatorChange('en', response, 2.5, { signed: true })).toBe('+2.5 min');
    expect(plain(formatIndicatorValue('ru', response, 12))).toBe('12 мин');
    expect(formatIndicatorValue('en', { ...response, unit: 'h' }, 3.25)).toBe('3.3 hr');
    expect(plain(formatIndicatorValue('ru', { ...response, unit: 'days' }, 2))).toBe('2 дн.');
  });

  it('writes rating points, pieces and any other unit', () => {
    expect(formatIndicatorValue('en', rating, 4.25)).toBe('4.25 points');
    expect(formatIndicatorValue('en', rating, 1)).toBe('1 point');
    expect(formatIndicatorValue('ru', rating, 4)).toBe('4 балла');
    expect(formatIndicatorValue('ru', rating, 5)).toBe('5 баллов');
    expect(formatIndicatorValue('ru', rating, 1)).toBe('1 балл');
    expect(formatIndicatorValue('ru', rating, 4.5)).toBe('4,5 балла');
    expect(formatIndicatorValue('en', tools, 3)).toBe('3 pcs');
    expect(formatIndicatorValue('ru', tools, 3)).toBe('3 шт.');
    expect(formatIndicatorValue('en', other, 123.4)).toBe('123 km');
    expect(formatIndicatorValue('en', other, 1.234)).toBe('1.23 km');
  });
});
