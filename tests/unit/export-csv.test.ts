import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import {
  CSV_BOM,
  csvField,
  csvHeader,
  csvPieces,
  isoDate,
  neutraliseFormula,
  toCsv,
  type CsvColumn,
} from '../../src/core/storage/export-csv.ts';

const text: CsvColumn = { name: 'text', type: 'string', valueType: 'text' };

/** Parses exported CSV back with papaparse, as a spreadsheet-less reader would. */
function parse(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const r = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' });
  expect(r.errors).toEqual([]);
  // The text ends with a line end, which papaparse reads as one more, empty record.
  expect(r.data.at(-1)).toEqual(['']);
  return r.data.slice(0, -1);
}

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark, a header, and CRLF line ends', () => {
    const csv = toCsv(
      [
        { name: 'client', type: 'string' },
        { name: 'nps', type: 'number' },
      ],
      [
        ['Иванов', 'Петров'],
        [9, 10],
      ],
    );
    expect(csv).toBe('\uFEFFclient,nps\r\nИванов,9\r\nПетров,10\r\n');
    // Encoded, the file starts with EF BB BF, which Excel takes for UTF-8.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180) and keeps the rest bare', () => {
    expect(csvField('a,b', text)).toBe('"a,b"');
    expect(csvField('say "hi"', text)).toBe('"say ""hi"""');
    expect(csvField('line\nbreak', text)).toBe('"line\nbreak"');
    expect(csvField('cr\r\nlf', text)).toBe('"cr\r\nlf"');
    expect(csvField('plain text; with semicolon', text)).toBe('plain text; with semicolon');
    expect(csvField(' spaced ', text)).toBe(' spaced ');
  });

  it('writes the dialect Excel opens directly where the decimal separator is a comma', () => {
    const columns: CsvColumn[] = [
      { name: 'Клиент; ФИО', type: 'string' },
      { name: 'Сумма', type: 'number', valueType: 'decimal' },
      { name: 'Дата', type: 'date', valueType: 'date' },
    ];
    const csv = toCsv(
      columns,
      [
        ['Иванов, И.', 'Петров; П.'],
        [1234.5, -0.25],
        [Date.UTC(2026, 2, 1), null],
      ],
      'excel-comma',
    );
    expect(csv).toBe(
      '\uFEFF"Клиент; ФИО";Сумма;Дата\r\nИванов, И.;1234,5;2026-03-01\r\n"Петров; П.";-0,25;\r\n',
    );
    const back = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' });
    expect(back.data.slice(0, 3)).toEqual([
      ['Клиент; ФИО', 'Сумма', 'Дата'],
      ['Иванов, И.', '1234,5', '2026-03-01'],
      ['Петров; П.', '-0,25', ''],
    ]);
  });

  it('tells a blank cell from an empty string', () => {
    expect(csvField(null, text)).toBe('');
    expect(csvField(undefined, text)).toBe('');
    expect(csvField('', text)).toBe('""');
    expect(parse(toCsv([text], [[null, '']]))).toEqual([['text'], [''], ['']]);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const bad of [
      '=1+1',
      '+7 999',
      '-2',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '=HYPERLINK("http://x")',
    ]) {
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    }
    expect(csvField('=cmd|" /C calc"!A0', text)).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvField('\t=1', text)).toBe("'\t=1");
    expect(csvField('\r=1', text)).toBe(`"'\r=1"`);
    for (const ok of ['a=b', 'x-1', "'quoted", ' =1', 'email@example.com']) {
      expect(neutraliseFormula(ok)).toBe(ok);
    }
    // Column names come from files too.
    expect(csvHeader([{ name: '=evil()', type: 'string' }])).toBe("'=evil()\r\n");
  });

  it('writes numbers with a dot, booleans as true/false, and typed numbers as they are', () => {
    const num: CsvColumn = { name: 'n', type: 'number' };
    expect(csvField(-3.25, num)).toBe('-3.25');
    expect(csvField(1234567.5, num)).toBe('1234567.5');
    expect(csvField(Number.NaN, num)).toBe('');
    expect(csvField(true, { name: 'b', type: 'boolean' })).toBe('true');
    expect(csvField(false, { name: 'b', type: 'boolean' })).toBe('false');
  });

  it('writes dates as ISO 8601: the day for a date column, the UTC date-time otherwise', () => {
    const day = new Date(Date.UTC(2026, 2, 1));
    const moment = new Date(Date.UTC(2026, 2, 1, 9, 30, 5));
    expect(csvField(day, { name: 'd', type: 'date', valueType: 'date' })).toBe('2026-03-01');
    expect(csvField(moment, { name: 'd', type: 'date', valueType: 'datetime' })).toBe(
      '2026-03-01T09:30:05Z',
    );
    expect(isoDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)), 'datetime')).toBe(
      '2026-01-02T03:04:05.678Z',
    );
    // Without the importer's type: midnight UTC is a day, anything else a moment.
    expect(isoDate(day)).toBe('2026-03-01');
    expect(isoDate(moment)).toBe('2026-03-01T09:30:05Z');
    const early = new Date(Date.UTC(2000, 0, 1));
    early.setUTCFullYear(99);
    expect(isoDate(early, 'date')).toBe('0099-01-01');
    expect(isoDate(new Date(Number.NaN))).toBe('');
  });

  it('streams the same text chunk by chunk as it writes at once', async () => {
    const columns: CsvColumn[] = [
      { name: 'id', type: 'number' },
      { name: 'comment', type: 'string' },
    ];
    const chunks = [
      [
        [1, 2],
        ['a', '=b'],
      ],
      [[3], ['c,"d"']],
    ];
    let streamed = '';
    for await (const piece of csvPieces(columns, chunks)) streamed += piece;
    expect(streamed).toBe(
      toCsv(columns, [
        [1, 2, 3],
        ['a', '=b', 'c,"d"'],
      ]),
    );
    expect(streamed).toBe('\uFEFFid,comment\r\n1,a\r\n2,\'=b\r\n3,"c,""d"""\r\n');
  });

  it('round-trips through papaparse: every text back exactly (formulas with their apostrophe)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        '"',
        ',',
        '\r\n',
        '\n',
        '\r',
        '""',
        '=1+2',
        '-5',
        '@x',
        '\tt',
        'Привет, "мир"',
      ),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (rows) => {
        const columns: CsvColumn[] = [
          { name: 'a', type: 'string' },
          { name: 'b "quoted", col', type: 'string' },
        ];
        const values = [rows.map((r) => r[0]), rows.map((r) => r[1])];
        const back = parse(toCsv(columns, values));
        const expected = rows.map((r) =>
          r.map((v) => (v === null || v === '' ? '' : neutraliseFormula(v))),
        );
        expect(back).toEqual([['a', 'b "quoted", col'], ...expected]);
      }),
    );
  });
});
