import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  inferFormat,
  profileColumn,
  profileFromTallies,
  readColumn,
  readColumns,
} from '../../src/core/ingest/infer-types.ts';
import { NumberSet } from '../../src/core/ingest/number-set.ts';
import type { ColumnFormat } from '../../src/core/ingest/types.ts';
import type { DictionaryValues } from '../../src/core/storage/column-chunk.ts';
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

  it('reads dd-mm-yy when a first part is above 12 and mm-dd-yy when a second one is', () => {
    const dayFirst = ['03-04-24', '11-05-24', '25-12-24', '01-02-29', '01-02-30'];
    const dmy = profileColumn('Order date', dayFirst);
    expect(dmy.format).toEqual({ type: 'date', decimal: '.', dateOrder: 'dmy' });
    expect(dmy.invalid).toBe(0);
    const monthFirst = ['03-04-24', '05-11-24', '12-25-24', '02-01-29', '02-01-30'];
    const mdy = readColumn('Order date', monthFirst);
    expect(mdy.profile.format).toEqual({ type: 'date', decimal: '.', dateOrder: 'mdy' });
    const days = [
      [2024, 3, 4],
      [2024, 5, 11],
      [2024, 12, 25],
      [2029, 2, 1],
      [1930, 2, 1],
    ].map(([y, m, d]) => Date.UTC(y!, m! - 1, d));
    expect(Array.from(mdy.typed as Float64Array)).toEqual(days);
    // The same days written day first, and with four digits, are stored the same.
    expect(readColumn('Order date', dayFirst).typed).toEqual(
      readColumn('Order date', [
        '03-04-2024',
        '11-05-2024',
        '25-12-2024',
        '01-02-2029',
        '01-02-1930',
      ]).typed,
    );
  });

  it('reads an ambiguous two-digit-year column day first, as a four-digit one', () => {
    for (const sep of ['-', '/']) {
      const short = ['03', '05', '12'].map((d) => `${d}${sep}04${sep}26`);
      const long = ['03', '05', '12'].map((d) => `${d}${sep}04${sep}2026`);
      expect(inferFormat(short), sep).toEqual(inferFormat(long));
      expect(inferFormat(short), sep).toMatchObject({ type: 'date', dateOrder: 'dmy' });
      expect(readColumn('d', short).typed).toEqual(readColumn('d', long).typed);
    }
    expect(inferFormat(['03-04-26 10:00', '05-06-26 11:30'])).toMatchObject({
      type: 'datetime',
      dateOrder: 'dmy',
    });
  });

  it('mixes two- and four-digit years when each value reads, counting the two-digit ones', () => {
    const p = profileColumn('Дата', ['25-12-24', '26-12-2024', '27.12.24', '2024-12-28', '']);
    expect(p.format).toMatchObject({ type: 'date', dateOrder: 'dmy' });
    expect(p.invalid).toBe(0);
    expect(p.twoDigitYears).toBe(2);
    expect(profileColumn('Дата', ['25-12-2024', '2024-12-28']).twoDigitYears).toBeUndefined();
    // A value that breaks the proven order is invalid, not read in the other order.
    const q = profileColumn('d', [
      ...make(60, (i) => `${String((i % 28) + 1).padStart(2, '0')}-04-24`),
      '04-25-24',
    ]);
    expect(q.format.dateOrder).toBe('dmy');
    expect(q.invalidExamples).toEqual([{ row: 61, value: '04-25-24' }]);
    expect(q.twoDigitYears).toBe(60);
    // A file read in two parts counts both parts' two-digit years.
    const format = q.format;
    const parts = [
      ['25-12-24', '26-12-2024'],
      ['27-12-24', '28-12-99'],
    ].map((values) => readColumn('d', values, { format }).tally);
    expect(profileFromTallies('d', format, parts).twoDigitYears).toBe(3);
  });

  it('keeps versions, product codes, phone fragments and numbers as they are', () => {
    const columns = [
      make(30, (i) => `1-${i % 3}-${i % 7}`),
      make(30, (i) => `${(i % 9) + 1}-${(i % 11) + 1}-${(i % 20) + 10}`),
      make(30, (i) => `12-05-${String(i + 10)}A`),
      make(30, (i) => `${String(i + 10)}-${String(i + 40)}-${String(i + 50)}`),
      make(30, (i) => `8-916-${String(i + 100)}-45-67`),
      make(30, (i) => String(120_524 + i)),
      make(30, (i) => `${i + 1}.${i % 9}`),
    ];
    for (const values of columns) {
      const p = profileColumn('code', values);
      expect(['date', 'datetime'], values[0]).not.toContain(p.format.type);
      expect(p.twoDigitYears, values[0]).toBeUndefined();
    }
    expect(inferFormat(['1.5', '2.25', '12.5']).type).toBe('decimal');
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

describe('readColumns', () => {
  it('reads columns in one pass exactly as readColumn reads each', () => {
    const rows = make(30_000, (i) =>
      [
        `${i % 7 === 0 ? '' : (i * 7919) % 20_011},${i % 100}`,
        i % 13 === 0
          ? 'н/д'
          : `${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.20${10 + (i % 17)}`,
        ['да', 'нет', 'x', ''][i % 4]!,
        i % 11 === 0 ? ' ' : `Город ${i % 40}`,
        `id-${i}`,
        i % 5 === 0 ? `${i % 97} %` : `${i}`,
      ].join('|'),
    ).map((r) => r.split('|'));
    const formats: ColumnFormat[] = [
      { type: 'decimal', decimal: ',' },
      { type: 'date', decimal: ',', dateOrder: 'dmy' },
      { type: 'boolean', decimal: '.' },
      { type: 'category', decimal: '.' },
      { type: 'id', decimal: '.' },
      { type: 'percent', decimal: '.' },
    ];
    const columns = formats.map((format, index) => ({ name: `c${index}`, index, format }));
    const together = readColumns(rows, columns.slice().reverse());
    columns
      .slice()
      .reverse()
      .forEach(({ name, index, format }, k) => {
        expect(together[k]).toEqual(readColumn(name, { rows, column: index }, { format }));
      });
  });
});

describe('reading repeated cells', () => {
  it('counts a repeated value on every row it appears, as if each were read alone', () => {
    const cells = ['01.02.2026', '01.02.26', 'вчера', '', 'н/д', '15.03.2025', '31.12.99'];
    // Repeats as the splitter hands them: the same string objects again and again, past the
    // number of distinct values a column remembers.
    const column = make(20_000, (i) =>
      i < 5000 ? `0${1 + (i % 9)}.01.${1000 + i}` : cells[i % 7]!,
    );
    const format: ColumnFormat = { type: 'date', decimal: ',', dateOrder: 'dmy' };
    const whole = readColumn('Дата', column, { format });
    const alone = column.map((c) => readColumn('Дата', [c], { format }));
    expect(Array.from(whole.typed as Float64Array)).toEqual(
      alone.map((a) => (a.typed as Float64Array)[0]),
    );
    const sum = (f: (t: (typeof alone)[number]['tally']) => number) =>
      alone.reduce((n, a) => n + f(a.tally), 0);
    expect(whole.tally).toMatchObject({
      nonBlank: sum((t) => t.nonBlank),
      nulls: sum((t) => t.nulls),
      invalid: sum((t) => t.invalid),
      twoDigitYears: sum((t) => t.twoDigitYears),
      totalLength: sum((t) => t.totalLength),
    });
    expect(whole.tally.twoDigitYears).toBe(
      column.filter((c) => c === '01.02.26' || c === '31.12.99').length,
    );
    expect(whole.tally.invalid).toBe(column.filter((c) => c === 'вчера').length);
  });
});

describe('text columns: dictionary or plain strings', () => {
  it('keeps repeating text as a dictionary and gives up early on nearly unique text', () => {
    const comments = make(5000, (i) => `Комментарий номер ${i}: курьер опоздал`);
    const channels = make(5000, (i) => ['сайт', 'звонок', 'офис'][i % 3]!);
    const text: ColumnFormat = { type: 'text', decimal: ',' };
    const category: ColumnFormat = { type: 'category', decimal: ',' };
    const free = readColumn('Комментарий', comments, { format: text });
    // Plain strings, every one as written; no distinct list kept past the probe.
    expect(free.typed).toEqual(comments);
    expect(free.tally.distinct).toBeNull();
    const coded = readColumn('Канал', channels, { format: category });
    expect(coded.typed).toEqual({
      codes: Int32Array.from(channels, (_, i) => i % 3),
      dictionary: ['сайт', 'звонок', 'офис'],
    });
    // A text column that repeats after a unique start is still coded once it has repeated.
    const mixed = [...make(500, (i) => `уникальный ${i}`), ...make(4500, (i) => `повтор ${i % 7}`)];
    const stillCoded = readColumn('Ответ', mixed, { format: text }).typed;
    expect((stillCoded as DictionaryValues).dictionary).toHaveLength(507);
  });
});

describe('NumberSet', () => {
  it('holds what a Set holds, in the order first added', () => {
    const values = make(50_000, (i) => String(i)).map(
      (_, i) =>
        [i % 1000, (i * 0.37) % 50, Date.UTC(2020, 0, 1) + (i % 3000) * 86_400_000, -0, 1e300][
          i % 5
        ]!,
    );
    const set = new NumberSet();
    for (const v of values) set.add(v);
    expect([...set.values()]).toEqual([...new Set(values)].map((v) => v + 0));
    expect(set.size).toBe(new Set(values).size);
  });
});
