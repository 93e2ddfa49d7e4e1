import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { inferFormat, profileColumn, readColumn } from '../../src/core/ingest/infer-types.ts';
import { realFile } from '../fixtures/real/real-files.ts';

/** `n` values made by `f(i)`. */
const make = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('inferFormat: numbers', () => {
  it('reads Russian decimals with a comma and English ones with a dot', () => {
    expect(inferFormat(['1 234,56', '7,5', '-0,5', '12'])).toEqual({
      type: 'decimal',
      decimal: ',',
    });
    expect(inferFormat(['1.234,56', '2.000,1', '3'])).toEqual({ type: 'decimal', decimal: ',' });
    expect(inferFormat(['1,234.56', '7.5', '12'])).toEqual({ type: 'decimal', decimal: '.' });
    expect(inferFormat(["1'234.5", '0.25'])).toEqual({ type: 'decimal', decimal: '.' });
  });

  it('lets the file separator decide only when the column is ambiguous', () => {
    const ambiguous = ['1,234', '5,678', '9,100'];
    expect(inferFormat(ambiguous)).toEqual({ type: 'integer', decimal: '.' });
    expect(inferFormat(ambiguous, { decimal: ',' })).toEqual({ type: 'decimal', decimal: ',' });
    // One unambiguous `7,5` settles the whole column, even against the file's hint.
    expect(inferFormat([...ambiguous, '7,5'], { decimal: '.' })).toEqual({
      type: 'decimal',
      decimal: ',',
    });
  });

  it('never mixes separators within a column: the minority does not fit', () => {
    const values = [...make(99, (i) => `${i},5`), '1.5'];
    const p = profileColumn('Сумма', values);
    expect(p.format).toEqual({ type: 'decimal', decimal: ',' });
    expect(p.invalid).toBe(1);
    expect(p.invalidExamples).toEqual([{ row: 100, value: '1.5' }]);
  });

  it('keeps whole numbers integer, but a column with some fractions decimal', () => {
    expect(inferFormat(['1', '2', '-3', '+4', '1 000']).type).toBe('integer');
    expect(inferFormat([...make(100, String), '2.5']).type).toBe('decimal');
    expect(inferFormat(['1e3', '2']).type).toBe('decimal');
  });

  it('does not read 0/1 columns as boolean', () => {
    expect(inferFormat(make(50, (i) => String(i % 2))).type).toBe('integer');
  });

  it('keeps codes with leading zeros and long digit strings as strings', () => {
    const postcodes = make(30, (i) => String(1000 + i * 7).padStart(6, '0'));
    expect(inferFormat(postcodes).type).toBe('id');
    const accounts = make(30, (i) => `4081781009${String(1e9 + i)}`);
    expect(inferFormat(accounts).type).toBe('id');
  });

  it('reads percent columns', () => {
    expect(inferFormat(['45%', '45 %', '-3.2%', '100%'])).toEqual({
      type: 'percent',
      decimal: '.',
    });
    expect(inferFormat(['45,5 %', '12 %'])).toEqual({ type: 'percent', decimal: ',' });
    expect(inferFormat(['45%', '0.45', '12%', '0.3']).type).toBe('text');
  });

  it('keeps a numeric column numeric despite one typo in 200, and reports it', () => {
    const values: (string | null)[] = make(200, (i) => `${(i * 37) % 1000},${i % 10}`);
    values[136] = 'n.a.';
    values[20] = 'N/A';
    values[50] = '';
    values[51] = null;
    const p = profileColumn('Выручка', values);
    expect(p.format.type).toBe('decimal');
    expect(p.format.decimal).toBe(',');
    expect(p.invalid).toBe(1);
    expect(p.invalidExamples).toEqual([{ row: 137, value: 'n.a.' }]);
    expect(p.nulls).toBe(3);
  });

  it('gives up on a number type when more than 2% of values do not fit', () => {
    const values = make(100, String);
    for (let i = 0; i < 3; i++) values[i * 10] = 'unknown';
    expect(inferFormat(values).type).not.toBe('integer');
    values[10] = '10';
    values[20] = '20';
    expect(inferFormat(values).type).toBe('integer');
  });
});

describe('inferFormat: null markers, booleans, strings', () => {
  it('ignores null markers when choosing a type, and counts them as nulls', () => {
    const values = ['5', 'NA', '7', '-', '#N/A', '9', 'NULL', '—'];
    expect(inferFormat(values).type).toBe('integer');
    const p = profileColumn('Оценка', values);
    expect(p.nulls).toBe(5);
    expect(p.invalid).toBe(0);
    expect(p.examples).toEqual(['5', '7', '9']);
  });

  it('keeps null markers as text values in text columns', () => {
    const p = profileColumn('Комментарий', ['Всё хорошо', '-', 'N/A', 'Долго ждали доставку']);
    expect(p.format.type).toBe('text');
    expect(p.nulls).toBe(0);
    expect(p.examples).toContain('N/A');
  });

  it('reads Russian and English yes/no columns as boolean', () => {
    expect(inferFormat(['Да', 'нет', 'ДА', '', 'Нет']).type).toBe('boolean');
    expect(inferFormat(['Yes', 'No', 'y', 'n', 'TRUE', 'false']).type).toBe('boolean');
    const services = make(30, (i) => ['Yes', 'No', 'No internet service'][i % 3]!);
    expect(inferFormat(services).type).toBe('category');
  });

  it('tells ids, categories and text apart', () => {
    const codes = make(25, (i) => `CL-${1000 + i}`);
    expect(inferFormat(codes).type).toBe('id');
    // Too few values to call distinct codes an id without an identifier header.
    expect(inferFormat(codes.slice(0, 10)).type).toBe('text');
    expect(inferFormat(codes.slice(0, 10), { header: 'Номер заказа' }).type).toBe('id');
    expect(inferFormat(codes.slice(0, 10), { header: '№' }).type).toBe('id');
    const segments = make(60, (i) => ['Ключевой', 'Средний', 'Малый'][i % 3]!);
    expect(inferFormat(segments).type).toBe('category');
    const comments = make(30, (i) => `Доставка задержалась на ${i} дней, менеджер не ответил`);
    expect(inferFormat(comments).type).toBe('text');
    const names = make(30, (i) => `Client ${i}`);
    expect(inferFormat(names).type).toBe('text');
  });

  it('reads distinct integers under an identifier header as an id', () => {
    const numbers = make(30, (i) => String(5000 + i));
    expect(inferFormat(numbers, { header: 'client_id' }).type).toBe('id');
    expect(inferFormat(numbers, { header: 'Код клиента' }).type).toBe('id');
    expect(inferFormat(numbers, { header: 'Выручка' }).type).toBe('integer');
    const repeated = [...numbers, '5000'];
    expect(inferFormat(repeated, { header: 'client_id' }).type).toBe('integer');
  });

  it('calls a column without values text', () => {
    expect(inferFormat([])).toEqual({ type: 'text', decimal: '.' });
    expect(inferFormat(['', '  ', null])).toEqual({ type: 'text', decimal: '.' });
  });
});

describe('inferFormat: dates', () => {
  it('takes day-first when a first part is above 12, month-first when a second one is', () => {
    expect(inferFormat(['03/04/2026', '25/04/2026'])).toMatchObject({
      type: 'date',
      dateOrder: 'dmy',
    });
    expect(inferFormat(['03/04/2026', '04/25/2026'])).toMatchObject({
      type: 'date',
      dateOrder: 'mdy',
    });
    expect(inferFormat(['03/04/2026', '05/06/2026'])).toMatchObject({ dateOrder: 'dmy' });
    expect(inferFormat(['03.04.2026', '05.06.26', '12.11.2026'])).toMatchObject({
      type: 'date',
      dateOrder: 'dmy',
    });
    expect(inferFormat(['2026-04-03', '2026-12-31'])).toMatchObject({
      type: 'date',
      dateOrder: 'ymd',
    });
  });

  it('reads values that break the chosen order as invalid, not as another order', () => {
    const values = [...make(99, (i) => `${String((i % 28) + 1).padStart(2, '0')}/04/2026`)];
    values.push('04/25/2026');
    values.push('26/04/2026');
    const p = profileColumn('Дата опроса', values);
    expect(p.format).toMatchObject({ type: 'date', dateOrder: 'dmy' });
    expect(p.invalidExamples).toEqual([{ row: 100, value: '04/25/2026' }]);
  });

  it('calls a column datetime when any value has a time of day', () => {
    expect(inferFormat(['25.04.2026', '26.04.2026 14:30']).type).toBe('datetime');
    expect(inferFormat(['2026-04-25T10:00:00Z', '2026-04-26']).type).toBe('datetime');
    expect(inferFormat(['04/25/2026 3:05 PM', '04/26/2026 9:00 AM'])).toMatchObject({
      type: 'datetime',
      dateOrder: 'mdy',
    });
    // Exports often pad plain dates with midnight.
    expect(inferFormat(['2026-04-25 00:00:00', '2026-04-26 00:00:00']).type).toBe('date');
  });

  it('does not count impossible dates as dates', () => {
    const values = make(10, (i) => `${i + 20}.02.2026`);
    expect(inferFormat(values).type).toBe('text');
    expect(profileColumn('Дата', values.slice(0, 9).concat('28.02.2026')).invalid).toBe(0);
  });
});

describe('profileColumn', () => {
  it('uses a given format instead of inferring one', () => {
    const p = profileColumn('x', ['1', '2.5', '3'], { format: { type: 'integer', decimal: '.' } });
    expect(p.format.type).toBe('integer');
    expect(p.invalid).toBe(1);
    expect(p.invalidExamples).toEqual([{ row: 2, value: '2.5' }]);
  });

  it('keeps at most 5 examples of each kind', () => {
    const values = make(40, (i) => (i % 2 ? `bad${i}` : String(i)));
    const p = profileColumn('x', values, { format: { type: 'integer', decimal: '.' } });
    expect(p.invalid).toBe(20);
    expect(p.invalidExamples.map((e) => e.row)).toEqual([2, 4, 6, 8, 10]);
    expect(p.examples).toHaveLength(5);
    expect(new Set(p.examples).size).toBe(5);
  });

  it('suggests a role from the header and the values', () => {
    const scores = make(100, (i) => String(i % 11));
    expect(profileColumn('Оценка NPS', scores)).toMatchObject({
      role: 'nps',
      format: { type: 'integer' },
    });
    const ratings = make(100, (i) => String((i % 5) + 1));
    expect(profileColumn('Оценка качества продукции', ratings)).toMatchObject({
      role: 'factor-rating',
      factor: 'quality',
    });
    expect(profileColumn('Выручка', ratings).factor).toBeUndefined();
  });

  it('profiles the columns of a real churn export', () => {
    const text = readFileSync(realFile('telco_customer_churn.csv'), 'utf8');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const column = (name: string) => {
      const i = header!.indexOf(name);
      return profileColumn(
        name,
        rows.map((r) => r[i] ?? null),
      );
    };
    expect(column('TotalCharges')).toMatchObject({
      format: { type: 'decimal', decimal: '.' },
      nulls: 11,
      invalid: 0,
    });
    expect(column('tenure')).toMatchObject({ format: { type: 'integer' }, invalid: 0 });
    expect(column('SeniorCitizen').format.type).toBe('integer');
    expect(column('Churn')).toMatchObject({ format: { type: 'boolean' }, role: 'target' });
    expect(column('customerID')).toMatchObject({ format: { type: 'id' }, role: 'client-id' });
    expect(column('Contract')).toMatchObject({ format: { type: 'category' }, role: 'segment' });
    expect(column('OnlineSecurity').format.type).toBe('category');
    expect(column('PaymentMethod').format.type).toBe('category');
  });
});

describe('readColumn', () => {
  it('reads repeating text as a dictionary, numbers and dates as numbers, from rows in place', () => {
    const rows = [
      ['Москва', '1 234,5', '01.02.2026'],
      [' Томск ', '', '02.02.2026'],
      ['Москва', 'н/д', 'вчера'],
      ['', '7', '03.02.2026'],
    ];
    const city = readColumn(
      'Город',
      { rows, column: 0 },
      { format: { type: 'category', decimal: ',' } },
    );
    expect(city.typed).toEqual({
      codes: Int32Array.from([0, 1, 0, -1]),
      dictionary: ['Москва', 'Томск'],
    });
    const sum = readColumn(
      'Сумма',
      { rows, column: 1 },
      { format: { type: 'decimal', decimal: ',' } },
    );
    expect(Array.from(sum.typed as Float64Array)).toEqual([1234.5, NaN, NaN, 7]);
    expect(sum.profile).toMatchObject({ nulls: 2, invalid: 0 });
    const when = readColumn(
      'Дата',
      { rows, column: 2 },
      { format: { type: 'date', decimal: ',', dateOrder: 'dmy' } },
    );
    expect(Array.from(when.typed as Float64Array)).toEqual([
      Date.UTC(2026, 1, 1),
      Date.UTC(2026, 1, 2),
      NaN,
      Date.UTC(2026, 1, 3),
    ]);
    expect(when.profile.invalidExamples).toEqual([{ row: 3, value: 'вчера' }]);
  });
});
