import { describe, expect, it } from 'vitest';
import { formatDateValue, formatValue } from '../../src/ui/datasets/format-value.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const yesNo = { yes: 'да', no: 'нет' };

describe('preview values as text', () => {
  it('formats numbers for the locale and percent columns as percentages', () => {
    expect(plain(formatValue(1234.5, { type: 'number' }, 'ru', yesNo))).toBe('1 234,5');
    expect(formatValue(1234.5, { type: 'number' }, 'en', yesNo)).toBe('1,234.5');
    expect(formatValue(42.5, { type: 'number', valueType: 'percent' }, 'en', yesNo)).toBe('42.5%');
  });

  it('shows dates as written (UTC), with the time only for date-times', () => {
    const day = new Date(Date.UTC(2026, 2, 1));
    expect(formatValue(day, { type: 'date', valueType: 'date' }, 'en', yesNo)).toBe('Mar 1, 2026');
    expect(formatValue(day, { type: 'date', valueType: 'date' }, 'ru', yesNo)).toMatch(/^1 мар/);
    const at = Date.UTC(2026, 2, 1, 23, 30);
    expect(formatDateValue(at, { valueType: 'datetime' }, 'en')).toMatch(/Mar 1, 2026.*11:30:00/);
  });

  it('gives yes/no in words, blanks as empty text and text unchanged (never markup)', () => {
    expect(formatValue(true, { type: 'boolean' }, 'ru', yesNo)).toBe('да');
    expect(formatValue(null, { type: 'string' }, 'en', yesNo)).toBe('');
    expect(formatValue('<b>x</b>', { type: 'string' }, 'en', yesNo)).toBe('<b>x</b>');
  });
});
