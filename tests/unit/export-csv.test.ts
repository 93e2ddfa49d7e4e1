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
  type CsvDialect,
} from '../../src/core/storage/export-csv.ts';

const text: CsvColumn = { name: 'text', type: 'string', valueType: 'text' };
const DIALECTS: CsvDialect[] = ['standard', 'excel-comma'];
const separatorOf = (dialect: CsvDialect) => (dialect === 'standard' ? ',' : ';');

/**
 * What a text should read back as, worked out apart from the exporter: with `'` before it when
 * it starts with a tab or carriage return, or when any piece of it, split at line breaks, tabs
 * and either separator, starts with = + - @ after optional whitespace (Unicode spaces too).
 */
function withApostropheIfRisky(v: string): string {
  const pieces = v.split(/[\r\n\t\v\f\u0085\u2028\u2029,;]/);
  const risky =
    /^[\t\r]/.test(v) ||
    pieces.some((p) => /^[=+\-@]/.test(p.replace(/^[\s\u180E\u200B-\u200D\u2060]+/, '')));
  return risky ? `'${v}` : v;
}

/** Parses exported CSV back with papaparse, as a spreadsheet-less reader would. */
function parse(csv: string, delimiter = ','): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const r = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n' });
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

  it('quotes fields with either separator, quotes and line breaks (RFC 4180), in both dialects', () => {
    for (const dialect of DIALECTS) {
      expect(csvField('a,b', text, dialect)).toBe('"a,b"');
      expect(csvField('a;b', text, dialect)).toBe('"a;b"');
      expect(csvField('say "hi"', text, dialect)).toBe('"say ""hi"""');
      expect(csvField('line\nbreak', text, dialect)).toBe('"line\nbreak"');
      expect(csvField('cr\r\nlf', text, dialect)).toBe('"cr\r\nlf"');
      expect(csvField('plain text; with semicolon', text, dialect)).toBe(
        '"plain text; with semicolon"',
      );
      expect(csvField('Иванов, И.', text, dialect)).toBe('"Иванов, И."');
      expect(csvField(' spaced ', text, dialect)).toBe(' spaced ');
      expect(csvField('a=b', text, dialect)).toBe('a=b');
    }
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
      '\uFEFF"Клиент; ФИО";Сумма;Дата\r\n"Иванов, И.";1234,5;2026-03-01\r\n"Петров; П.";-0,25;\r\n',
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
    // A space before the formula does not let it through (spreadsheets may trim it).
    expect(neutraliseFormula(' =1')).toBe("' =1");
    expect(csvField(' =1', text)).toBe("' =1");
    for (const ok of ['a=b', 'x-1', "'quoted", 'email@example.com', 'a - b', 'x =1', 'a, b']) {
      expect(neutraliseFormula(ok)).toBe(ok);
    }
    // Column names come from files too.
    expect(csvHeader([{ name: '=evil()', type: 'string' }])).toBe("'=evil()\r\n");
    expect(csvHeader([{ name: ' =evil()', type: 'string' }])).toBe("' =evil()\r\n");
  });

  it('neutralises a formula behind leading whitespace, Unicode spaces included, in both dialects', () => {
    const spaces = [
      ' ',
      '  ',
      '\u00A0',
      '\u2000',
      '\u2007',
      '\u200A',
      '\u200B',
      '\u3000',
      '\uFEFF',
      ' \u00A0\u3000',
    ];
    for (const dialect of DIALECTS) {
      for (const space of spaces) {
        for (const start of ['=', '+', '-', '@']) {
          const value = `${space}${start}1`;
          expect(neutraliseFormula(value)).toBe(`'${value}`);
          expect(csvField(value, text, dialect)).toBe(`'${value}`);
        }
      }
      expect(csvField('  +1', text, dialect)).toBe("'  +1");
      expect(csvField('\u00A0=HYPERLINK("http://x")', text, dialect)).toBe(
        `"'\u00A0=HYPERLINK(""http://x"")"`,
      );
      expect(csvHeader([{ name: '\u00A0=evil()', type: 'string' }], dialect)).toBe(
        "'\u00A0=evil()\r\n",
      );
      const csv = toCsv([text], [[' =1', '\u00A0=1', '\u3000-1']], dialect);
      expect(parse(csv, separatorOf(dialect))).toEqual([
        ['text'],
        ["' =1"],
        ["'\u00A0=1"],
        ["'\u3000-1"],
      ]);
    }
  });

  it('neutralises a formula after an embedded line break or tab, in both dialects', () => {
    for (const dialect of DIALECTS) {
      expect(csvField('ok\n=1', text, dialect)).toBe(`"'ok\n=1"`);
      expect(csvField('a\r\n+cmd', text, dialect)).toBe(`"'a\r\n+cmd"`);
      expect(csvField('a\r-1', text, dialect)).toBe(`"'a\r-1"`);
      expect(csvField('a\n \u00A0@SUM(A1)', text, dialect)).toBe(`"'a\n \u00A0@SUM(A1)"`);
      expect(csvField('a\n\n=1', text, dialect)).toBe(`"'a\n\n=1"`);
      expect(csvField('a\t=1', text, dialect)).toBe("'a\t=1");
      // A line break before plain text is only quoted.
      expect(csvField('line\nbreak', text, dialect)).toBe('"line\nbreak"');
      expect(csvField('a\n b=1', text, dialect)).toBe('"a\n b=1"');
      const csv = toCsv([text], [['ok\n=1', 'a\r\n+cmd']], dialect);
      expect(parse(csv, separatorOf(dialect))).toEqual([['text'], ["'ok\n=1"], ["'a\r\n+cmd"]]);
    }
  });

  it('neutralises a formula after either separator, so the other dialect cannot split one out', () => {
    for (const dialect of DIALECTS) {
      expect(csvField('x;=1', text, dialect)).toBe(`"'x;=1"`);
      expect(csvField('x,=1', text, dialect)).toBe(`"'x,=1"`);
      expect(csvField('x, +1', text, dialect)).toBe(`"'x, +1"`);
      expect(csvField('x;\u00A0-1', text, dialect)).toBe(`"'x;\u00A0-1"`);
      expect(csvField('x,@SUM(1,1)', text, dialect)).toBe(`"'x,@SUM(1,1)"`);
      expect(csvField('a;b@c', text, dialect)).toBe('"a;b@c"');
      expect(csvHeader([{ name: 'x;=1', type: 'string' }], dialect)).toBe(`"'x;=1"\r\n`);
      // Read with either separator, the quoted value stays one cell with its apostrophe.
      const csv = toCsv([text], [['x;=1', 'x,=1']], dialect);
      for (const delimiter of [',', ';']) {
        expect(parse(csv, delimiter)).toEqual([['text'], ["'x;=1"], ["'x,=1"]]);
      }
    }
  });

  it('neutralises text but writes negative numbers as numbers, untouched, in both dialects', () => {
    const num: CsvColumn = { name: 'n', type: 'number' };
    for (const dialect of DIALECTS) {
      expect(csvField(-1, num, dialect)).toBe('-1');
      expect(csvField(' -1', text, dialect)).toBe("' -1");
    }
    expect(csvField(-0.25, num, 'excel-comma')).toBe('-0,25');
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

  it.each(DIALECTS)(
    'round-trips through papaparse (%s): every text back exactly (formulas with their apostrophe)',
    (dialect) => {
      const cell = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        // Text made of what matters here: spaces, separators, line breaks, formula starts.
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '\u00A0',
            '\u2003',
            '\u200B',
            '\u3000',
            '\uFEFF',
            ',',
            ';',
            '\n',
            '\r',
            '\t',
            '=',
            '+',
            '-',
            '@',
            '"',
            "'",
          ),
          maxLength: 8,
        }),
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
          ';',
          'a;b',
          ' =1',
          '\u00A0+1',
          '\u3000@x',
          'ok\n=1',
          'a\r\n-1',
          'x;=1',
          'x,=1',
        ),
        fc.constant(null),
      );
      fc.assert(
        fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (rows) => {
          const columns: CsvColumn[] = [
            { name: 'a', type: 'string' },
            { name: 'b "quoted", col; 2', type: 'string' },
          ];
          const values = [rows.map((r) => r[0]), rows.map((r) => r[1])];
          const back = parse(toCsv(columns, values, dialect), separatorOf(dialect));
          const expected = rows.map((r) =>
            r.map((v) => (v === null || v === '' ? '' : withApostropheIfRisky(v))),
          );
          expect(back).toEqual([['a', 'b "quoted", col; 2'], ...expected]);
        }),
      );
    },
  );
});
