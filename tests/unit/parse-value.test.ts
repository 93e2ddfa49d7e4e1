import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  convertValue,
  isBlank,
  isBlankText,
  isNullToken,
  numericReader,
  parseBoolean,
  parseDate,
  parseDateParts,
  parseNumber,
  parsePercent,
  writesTwoDigitYear,
} from '../../src/core/ingest/parse-value.ts';
import type { ColumnFormat } from '../../src/core/ingest/types.ts';

const utc = (...a: [number, number, number, number?, number?, number?, number?]) =>
  new Date(Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0));

describe('blank cells and null markers', () => {
  it('treats null, empty and whitespace-only cells as blank', () => {
    expect([null, undefined, '', '   ', '\t\u00A0'].map(isBlank)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isBlank(' 0 ')).toBe(false);
  });

  it('recognises the null markers spreadsheets and databases leave, in any case', () => {
    for (const t of ['NA', 'n/a', 'N/A', '#N/A', 'NULL', 'null', 'None', 'nan', 'NaN', '-']) {
      expect(isNullToken(t), t).toBe(true);
    }
    for (const t of ['—', '–', ' - ', '#Н/Д', 'н/д']) expect(isNullToken(t), t).toBe(true);
    for (const t of ['0', 'No', 'Nan Goldin', '--5', 'нет', 'n/a typo']) {
      expect(isNullToken(t), t).toBe(false);
    }
  });
});

describe('parseNumber', () => {
  it('reads Russian notation with space, no-break space, narrow space and dot groups', () => {
    expect(parseNumber('1 234,56', ',')).toBe(1234.56);
    expect(parseNumber('1\u00A0234,56', ',')).toBe(1234.56);
    expect(parseNumber('1\u202F234\u202F567', ',')).toBe(1234567);
    expect(parseNumber('1.234,56', ',')).toBe(1234.56);
    expect(parseNumber('1.234.567', ',')).toBe(1234567);
    expect(parseNumber('-0,5', ',')).toBe(-0.5);
    expect(parseNumber(' 7,5 ', ',')).toBe(7.5);
    expect(parseNumber('\u2212 3', ',')).toBeNull();
    expect(parseNumber('\u22123,25', ',')).toBe(-3.25);
  });

  it('reads English notation with comma and apostrophe groups and exponents', () => {
    expect(parseNumber('1,234.56', '.')).toBe(1234.56);
    expect(parseNumber("1'234.5", '.')).toBe(1234.5);
    expect(parseNumber('1’234’567', '.')).toBe(1234567);
    expect(parseNumber('+42', '.')).toBe(42);
    expect(parseNumber('.5', '.')).toBe(0.5);
    expect(parseNumber('1e-5', '.')).toBe(0.00001);
    expect(parseNumber('1.2E3', '.')).toBe(1200);
    expect(parseNumber('-1.5e2', '.')).toBe(-150);
  });

  it('does not read a separator of the other notation as a thousands group', () => {
    expect(parseNumber('1.5', ',')).toBeNull();
    expect(parseNumber('7,5', '.')).toBeNull();
    expect(parseNumber('1,234', '.')).toBe(1234);
    expect(parseNumber('1,234', ',')).toBe(1.234);
    expect(parseNumber('1.234', ',')).toBe(1234);
    expect(parseNumber('1,23', '.')).toBeNull();
    expect(parseNumber('1.23', ',')).toBeNull();
  });

  it('rejects text, broken groups, dates, phone numbers and blanks', () => {
    const notNumbers = [
      '',
      '   ',
      '12abc',
      'abc',
      '1 2 3 4',
      '12,34,567',
      '1 234.567,8',
      '01.02.2026',
      '2026-01-02',
      '+7 999 123-45-67',
      '8 (999) 123-45-67',
      '1.2.3',
      '--5',
      '+',
      '1e',
      'Infinity',
      'NaN',
      '1e999',
      '0x1F',
    ];
    for (const s of notNumbers) {
      expect(parseNumber(s, '.'), `${s} with '.'`).toBeNull();
      expect(parseNumber(s, ','), `${s} with ','`).toBeNull();
    }
  });

  it('round-trips any finite number written in either notation, never giving NaN', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const written = String(x);
        expect(parseNumber(written, '.')).toBe(x === 0 ? 0 : x);
        if (!/e/i.test(written)) {
          expect(parseNumber(written.replace('.', ','), ',')).toBe(x === 0 ? 0 : x);
        }
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = parseNumber(s, '.');
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
    );
  });

  it('reads grouped integers written with Intl in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (x) => {
        const ru = new Intl.NumberFormat('ru-RU').format(x);
        const en = new Intl.NumberFormat('en-US').format(x);
        expect(parseNumber(ru, ',')).toBe(x === 0 ? 0 : x);
        expect(parseNumber(en, '.')).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('parsePercent', () => {
  it('reads percent points with or without a space before the sign', () => {
    expect(parsePercent('45%', '.')).toBe(45);
    expect(parsePercent('45 %', ',')).toBe(45);
    expect(parsePercent('45,5 %', ',')).toBe(45.5);
    expect(parsePercent('45,5\u00A0%', ',')).toBe(45.5);
    expect(parsePercent('-3.2%', '.')).toBe(-3.2);
  });

  it('rejects values that are not a number followed by %', () => {
    for (const s of ['45', '%', '%45', 'abc%', '45%%', '4 5%']) {
      expect(parsePercent(s, '.'), s).toBeNull();
    }
  });
});

describe('parseBoolean', () => {
  it('reads English and Russian yes/no words in any case', () => {
    for (const t of ['true', 'TRUE', 'Yes', 'y', 'Y', 'да', 'Да', 'Д', 'ИСТИНА', 'истина']) {
      expect(parseBoolean(t), t).toBe(true);
    }
    for (const f of ['false', 'No', 'N', 'n', 'нет', 'НЕТ', 'н', 'ЛОЖЬ', ' no ']) {
      expect(parseBoolean(f), f).toBe(false);
    }
  });

  it('leaves 1/0 and other words alone', () => {
    for (const s of ['1', '0', 'maybe', 'No internet service', '', 'yess']) {
      expect(parseBoolean(s), s).toBeNull();
    }
  });
});

describe('parseDate', () => {
  it('reads ISO dates and date-times, honouring a written zone', () => {
    expect(parseDate('2026-04-25', 'dmy')).toEqual(utc(2026, 4, 25));
    expect(parseDate('2026-04-25T14:30', 'dmy')).toEqual(utc(2026, 4, 25, 14, 30));
    expect(parseDate('2026-04-25T14:30:15.250Z', 'dmy')).toEqual(utc(2026, 4, 25, 14, 30, 15, 250));
    expect(parseDate('2026-04-25T14:30:00+03:00', 'dmy')).toEqual(utc(2026, 4, 25, 11, 30));
    expect(parseDate('2026-04-25T01:00:00-0530', 'dmy')).toEqual(utc(2026, 4, 25, 6, 30));
    expect(parseDate('2026-04-25 09:05:07', 'dmy')).toEqual(utc(2026, 4, 25, 9, 5, 7));
  });

  it('reads Russian, European and American forms, with and without a time', () => {
    expect(parseDate('25.04.2026', 'dmy')).toEqual(utc(2026, 4, 25));
    expect(parseDate('25.04.26', 'dmy')).toEqual(utc(2026, 4, 25));
    expect(parseDate('5.4.2026', 'dmy')).toEqual(utc(2026, 4, 5));
    expect(parseDate('25.04.2026 14:30', 'dmy')).toEqual(utc(2026, 4, 25, 14, 30));
    expect(parseDate('25.04.2026, 14:30:05', 'dmy')).toEqual(utc(2026, 4, 25, 14, 30, 5));
    expect(parseDate('25/04/2026', 'dmy')).toEqual(utc(2026, 4, 25));
    expect(parseDate('04/25/2026', 'mdy')).toEqual(utc(2026, 4, 25));
    expect(parseDate('04/25/2026 3:05 PM', 'mdy')).toEqual(utc(2026, 4, 25, 15, 5));
    expect(parseDate('25-04-2026 23:59:59', 'dmy')).toEqual(utc(2026, 4, 25, 23, 59, 59));
    expect(parseDate('2026/04/25', 'ymd')).toEqual(utc(2026, 4, 25));
    expect(parseDate('01.01.99', 'dmy')).toEqual(utc(1999, 1, 1));
  });

  it('uses the order for slashes and dashes, and reads dotted dates day first', () => {
    expect(parseDate('03/04/2026', 'dmy')).toEqual(utc(2026, 4, 3));
    expect(parseDate('03/04/2026', 'mdy')).toEqual(utc(2026, 3, 4));
    expect(parseDate('03-04-2026', 'mdy')).toEqual(utc(2026, 3, 4));
    expect(parseDate('03.04.2026', 'mdy')).toEqual(utc(2026, 4, 3));
    expect(parseDate('25/04/2026', 'mdy')).toBeNull();
    expect(parseDate('04/25/2026', 'dmy')).toBeNull();
  });

  it('rejects impossible calendar dates and times', () => {
    const bad = [
      '31.02.2026',
      '29.02.2025',
      '31.04.2026',
      '2026-13-01',
      '2026-00-10',
      '00.01.2026',
      '2026-04-25T24:00',
      '2026-04-25 12:60',
      '25.04.2026 13:00 PM',
      '2026-04-25T10:00+15:00',
    ];
    for (const s of bad) expect(parseDate(s, 'dmy'), s).toBeNull();
    expect(parseDate('29.02.2024', 'dmy')).toEqual(utc(2024, 2, 29));
    expect(parseDate('29.02.2000', 'dmy')).toEqual(utc(2000, 2, 29));
    expect(parseDate('29.02.1900', 'dmy')).toBeNull();
  });

  it('rejects things that only look a little like dates', () => {
    for (const s of ['2026', '2026-04', '25.04', '1.5', '25.04.2026 14', 'April 25']) {
      expect(parseDate(s, 'dmy'), s).toBeNull();
    }
    expect(parseDate('2026-4-5', 'dmy')).toBeNull();
    expect(parseDate('25.04.2026 14:30 garbage', 'dmy')).toBeNull();
  });

  it('reads dd-mm-yy and mm-dd-yy by the order, to the same day as the four-digit year', () => {
    expect(parseDate('25-12-24', 'dmy')).toEqual(utc(2024, 12, 25));
    expect(parseDate('25-12-24', 'mdy')).toBeNull();
    expect(parseDate('12-25-24', 'mdy')).toEqual(utc(2024, 12, 25));
    expect(parseDate('12-25-24', 'dmy')).toBeNull();
    expect(parseDate('03-04-24', 'dmy')).toEqual(parseDate('03-04-2024', 'dmy'));
    expect(parseDate('03-04-24', 'mdy')).toEqual(parseDate('03-04-2024', 'mdy'));
    expect(parseDate('03-04-24', 'ymd')).toEqual(utc(2024, 4, 3));
    expect(parseDate('25-12-24 14:30', 'dmy')).toEqual(utc(2024, 12, 25, 14, 30));
    expect(parseDate('12-25-24 3:05 PM', 'mdy')).toEqual(utc(2024, 12, 25, 15, 5));
    expect(parseDate('29-02-24', 'dmy')).toEqual(utc(2024, 2, 29));
    expect(parseDate('29-02-25', 'dmy')).toBeNull();
  });

  it('reads two-digit years 00–29 as 2000–2029 and 30–99 as 1930–1999, in every form', () => {
    for (const [written, order] of [
      ['01-02-%', 'dmy'],
      ['02-01-%', 'mdy'],
      ['01.02.%', 'dmy'],
      ['01/02/%', 'dmy'],
      ['02/01/%', 'mdy'],
    ] as const) {
      const at = (yy: string) => parseDate(written.replace('%', yy), order);
      expect(at('29'), written).toEqual(utc(2029, 2, 1));
      expect(at('30'), written).toEqual(utc(1930, 2, 1));
      expect(at('00'), written).toEqual(utc(2000, 2, 1));
      expect(at('99'), written).toEqual(utc(1999, 2, 1));
    }
  });

  it('leaves versions, codes, phone fragments and numbers with dashes alone', () => {
    const notDates = [
      '1-2-3',
      '1-2-30',
      '2-10-15',
      '12-5-15',
      '12-05-77A',
      '12-05-77-1',
      '12-05-7',
      '12-05-777',
      '12-34-56',
      '495-123-45',
      '8-916-123-45-67',
      '-12-05-15',
      '123-45-67',
      '00-01-24',
      '31-04-24',
    ];
    for (const s of notDates) {
      expect(parseDate(s, 'dmy'), s).toBeNull();
      expect(parseDate(s, 'mdy'), s).toBeNull();
    }
  });

  it('tells which dates wrote the year with two digits', () => {
    for (const s of ['25-12-24', '25.12.24', ' 12/25/24 3:05 PM', '1.2.30']) {
      expect(writesTwoDigitYear(s), s).toBe(true);
    }
    for (const s of [
      '25-12-2024',
      '25.12.2024 14:30',
      '2024-12-25',
      '2024/12/25',
      '2024-12-25T10:00:00-05:00',
    ]) {
      expect(writesTwoDigitYear(s), s).toBe(false);
    }
  });

  it('tells whether a time of day was written (midnight padding does not count)', () => {
    expect(parseDateParts('25.04.2026', 'dmy')?.hasTime).toBe(false);
    expect(parseDateParts('25.04.2026 14:30', 'dmy')?.hasTime).toBe(true);
    expect(parseDateParts('2026-04-25 00:00:00', 'dmy')?.hasTime).toBe(false);
    expect(parseDateParts('2026-04-25T00:00:00Z', 'dmy')?.hasTime).toBe(true);
    expect(parseDateParts('nope', 'dmy')).toBeNull();
  });

  it('round-trips every ISO instant Date.toISOString writes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          fc.pre(!Number.isNaN(d.getTime()));
          expect(parseDate(d.toISOString(), 'dmy')).toEqual(d);
        },
      ),
    );
  });
});

describe('convertValue', () => {
  const f = (type: ColumnFormat['type'], decimal: ColumnFormat['decimal'] = '.'): ColumnFormat => ({
    type,
    decimal,
  });

  it('gives null for blanks in every type but free text, and for null markers in non-text types', () => {
    for (const t of [
      'integer',
      'decimal',
      'percent',
      'boolean',
      'date',
      'category',
      'id',
    ] as const) {
      expect(convertValue(null, f(t))).toEqual({ value: null, ok: true });
      expect(convertValue('  ', f(t))).toEqual({ value: null, ok: true });
    }
    // Free text keeps what was written, an empty or blank string included.
    expect(convertValue('', f('text'))).toEqual({ value: '', ok: true });
    expect(convertValue('  ', f('text'))).toEqual({ value: '  ', ok: true });
    expect(convertValue(null, f('text'))).toEqual({ value: null, ok: true });
    expect(convertValue('N/A', f('decimal'))).toEqual({ value: null, ok: true });
    expect(convertValue('-', f('date'))).toEqual({ value: null, ok: true });
    expect(convertValue('NULL', f('boolean'))).toEqual({ value: null, ok: true });
  });

  it('keeps null markers as text in text, category and id columns', () => {
    expect(convertValue('N/A', f('text'))).toEqual({ value: 'N/A', ok: true });
    expect(convertValue('-', f('category'))).toEqual({ value: '-', ok: true });
    expect(convertValue('NA', f('id'))).toEqual({ value: 'NA', ok: true });
  });

  it('keeps text exactly as written and trims ids and categories', () => {
    expect(convertValue('  Привет,  мир \n', f('text'))).toEqual({
      value: '  Привет,  мир \n',
      ok: true,
    });
    expect(convertValue(' 7590-VHVEG ', f('id')).value).toBe('7590-VHVEG');
    expect(convertValue('Month-to-month ', f('category')).value).toBe('Month-to-month');
  });

  it('reads numbers by the column separator and flags what does not fit', () => {
    expect(convertValue('1 234,5', f('decimal', ','))).toEqual({ value: 1234.5, ok: true });
    expect(convertValue('1 234,5', f('decimal', '.'))).toEqual({ value: null, ok: false });
    expect(convertValue('12', f('integer'))).toEqual({ value: 12, ok: true });
    expect(convertValue('1,5', f('integer', ','))).toEqual({ value: null, ok: false });
    expect(convertValue('12abc', f('integer'))).toEqual({ value: null, ok: false });
    expect(convertValue('45,5 %', f('percent', ','))).toEqual({ value: 45.5, ok: true });
    expect(convertValue('45', f('percent'))).toEqual({ value: null, ok: false });
    expect(convertValue('9007199254740993', f('integer'))).toEqual({ value: null, ok: false });
  });

  it('reads booleans and dates, keeping the written day for date columns', () => {
    expect(convertValue('Да', f('boolean'))).toEqual({ value: true, ok: true });
    expect(convertValue('1', f('boolean'))).toEqual({ value: null, ok: false });
    const date: ColumnFormat = { type: 'date', decimal: '.', dateOrder: 'mdy' };
    // Dates are read as epoch milliseconds, the form they are stored in.
    expect(convertValue('04/25/2026', date)).toEqual({
      value: utc(2026, 4, 25).getTime(),
      ok: true,
    });
    expect(convertValue('25/04/2026', date)).toEqual({ value: null, ok: false });
    expect(convertValue('2026-04-25T23:30:00-05:00', date).value).toBe(utc(2026, 4, 25).getTime());
    const datetime: ColumnFormat = { type: 'datetime', decimal: '.', dateOrder: 'dmy' };
    expect(convertValue('2026-04-25T23:30:00-05:00', datetime).value).toBe(
      utc(2026, 4, 26, 4, 30).getTime(),
    );
    expect(convertValue('31.02.2026', datetime)).toEqual({ value: null, ok: false });
  });

  it('stores a two-digit-year date exactly as the same date with four digits', () => {
    for (const type of ['date', 'datetime'] as const) {
      for (const dateOrder of ['dmy', 'mdy'] as const) {
        const format: ColumnFormat = { type, decimal: '.', dateOrder };
        for (const [short, long] of [
          ['03-04-24', '03-04-2024'],
          ['03/04/95', '03/04/1995'],
          ['03.04.29', '03.04.2029'],
          ['03-04-30 14:30', '03-04-1930 14:30'],
        ] as const) {
          const read = convertValue(short, format);
          expect(read.ok, short).toBe(true);
          expect(read, short).toEqual(convertValue(long, format));
        }
      }
    }
  });
});

describe('fast paths agree with the general readers', () => {
  it('reads any finite number written plainly, with either decimal separator', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom('', '+', '-', '\u2212'),
        fc.boolean(),
        (x, sign, comma) => {
          const text = String(Math.abs(x));
          const written = sign + (comma ? text.replace('.', ',') : text);
          const expected = sign === '-' || sign === '\u2212' ? -Math.abs(x) : Math.abs(x);
          const read = parseNumber(written, comma ? ',' : '.');
          expect(read).toBe(expected === 0 ? 0 : expected);
          // The same text read with the wrong separator is not a different number.
          if (comma && text.includes('.')) expect(parseNumber(written, '.')).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads up to 15 digits with a separator anywhere exactly as Number() does', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,15}$/),
        fc.nat({ max: 15 }),
        fc.boolean(),
        (digits, cut, comma) => {
          const at = Math.min(cut, digits.length - 1);
          const dotted = at > 0 ? `${digits.slice(0, at)}.${digits.slice(at)}` : digits;
          const written = comma ? dotted.replace('.', ',') : dotted;
          expect(parseNumber(written, comma ? ',' : '.')).toBe(Number(dotted));
          expect(parseNumber(`-${written}`, comma ? ',' : '.')).toBe(-Number(dotted) || 0);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('takes years 0–99 literally', () => {
    expect(parseDate('0045-03-01', 'dmy')?.toISOString()).toBe('0045-03-01T00:00:00.000Z');
  });
});

describe('fast paths agree with the general readers', () => {
  it('isBlankText is `trim() === ""` for every UTF-16 code unit, alone and around text', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, ` ${ch}\u3000`, `${ch}x`]) {
        if (isBlankText(s) !== (s.trim() === '')) throw new Error(`differs at U+${c.toString(16)}`);
      }
    }
    expect(isBlankText('')).toBe(true);
  });

  it('reads DD.MM.YYYY and YYYY-MM-DD cells exactly as the general date reader', () => {
    const day = fc
      .tuple(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9999 }),
      )
      .map(([d, m, y]) => {
        const p2 = (n: number) => String(n).padStart(2, '0');
        const p4 = String(y).padStart(4, '0');
        return [`${p2(d)}.${p2(m)}.${p4}`, `${p4}-${p2(m)}-${p2(d)}`];
      });
    const noise = fc
      .array(fc.constantFrom('0', '1', '2', '9', '.', '-', '/', ' ', 'x', '٣'), {
        minLength: 8,
        maxLength: 12,
      })
      .map((cs) => [cs.join('')]);
    fc.assert(
      fc.property(
        fc.oneof(day, noise),
        fc.constantFrom<'dmy' | 'mdy' | 'ymd'>('dmy', 'mdy', 'ymd'),
        (cells, dateOrder) => {
          for (const raw of cells) {
            const general = parseDateParts(raw, dateOrder);
            const date = numericReader({ type: 'date', decimal: '.', dateOrder })(raw);
            const datetime = numericReader({ type: 'datetime', decimal: '.', dateOrder })(raw);
            const expected = general ? general.date.getTime() : NaN;
            expect(date).toBe(expected);
            expect(datetime).toBe(expected);
          }
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
