import { describe, expect, it } from 'vitest';
import { SLOW } from './slow.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { MAX_COLUMNS } from '../../src/core/ingest/parse-delimited.ts';
import { profileTable } from '../../src/core/ingest/inspect.ts';
import { encodeTypedChunks } from '../../src/core/ingest/typed-chunks.ts';
import { decodeChunkColumn } from '../../src/core/storage/column-chunk.ts';
import { detectEncoding, decodeText } from '../../src/core/ingest/decode-text.ts';
import { sniffDelimiter } from '../../src/core/ingest/sniff-delimiter.ts';
import { IngestError } from '../../src/core/ingest/ingest-error.ts';
import { describeIngestError, describeProblem } from '../../src/core/ingest/describe-ingest.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/csv/${name}`));

async function refusal(input: Uint8Array, name = 'file.csv'): Promise<IngestError> {
  const e = await readSource(input, name).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IngestError);
  return e as IngestError;
}

describe('encodings', () => {
  it('reads a windows-1251 export with semicolons, decimal commas, title lines and a multi-line quoted comment', async () => {
    const t = await readSource(fixture('ru-1251-semicolon.csv'), 'обращения.csv');
    expect(t).toMatchObject({
      kind: 'csv',
      encoding: 'windows-1251',
      delimiter: ';',
      decimal: ',',
      header: 3,
    });
    expect(t.names).toEqual(['Код клиента', 'Дата', 'Оценка NPS', 'Сумма заказа', 'Комментарий']);
    expect(t.rows).toHaveLength(5);
    expect(t.rows[1]).toEqual([
      'К-002',
      '15.01.2026',
      '4',
      '980,00',
      'Доставка опоздала на 3 дня;\r\nменеджер не отвечал',
    ]);
    expect(t.rows[2]![4]).toBe('Цена "кусается"');
    expect(t.problems).toContainEqual({
      code: 'title-lines-skipped',
      row: 4,
      detail: { count: 2 },
    });
    expect(
      describeProblem(
        'ru',
        t.problems.find((p) => p.code === 'title-lines-skipped')!,
      ),
    ).toBe('Пропущены 2 строки заголовка отчёта над шапкой таблицы (строка 4).');
  });

  it('strips a UTF-8 byte-order mark so the first header is exactly its name', async () => {
    const t = await readSource(fixture('utf8-bom.csv'), 'bom.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.names[0]).toBe('Client ID');
    expect(t.names[0]!.charCodeAt(0)).toBe(0x43);
    expect(t.rows[1]).toEqual(['2', '6', 'Late, again']);
  });

  it('reads UTF-16 with either byte order', async () => {
    const text = 'Имя\tОценка\nАнна\t9\n';
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const be = new Uint8Array(le.length);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 2; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    for (const [input, enc] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const t = await readSource(input, 'u16.txt');
      expect(t.encoding).toBe(enc);
      expect(t.delimiter).toBe('\t');
      expect(t.names).toEqual(['Имя', 'Оценка']);
      expect(t.rows).toEqual([['Анна', '9']]);
    }
  });

  it('tells windows-1252 from windows-1251 and flags undecodable bytes', () => {
    const latin = new Uint8Array([
      ...bytes('name;city\nJos'),
      0xe9,
      ...bytes(';M'),
      0xfc,
      ...bytes('nchen\n'),
    ]);
    expect(detectEncoding(latin).encoding).toBe('windows-1252');
    expect(decodeText(latin, 'windows-1252').text).toContain('José;München');
    const utf8WithGarbage = decodeText(new Uint8Array([0x61, 0xff, 0x62]), 'utf-8');
    expect(utf8WithGarbage.replacements).toBe(1);
  });

  it('warns when the chosen encoding leaves replacement characters', async () => {
    const t = await readSource(fixture('ru-1251-semicolon.csv'), 'x.csv', { encoding: 'utf-8' });
    const p = t.problems.find((x) => x.code === 'replacement-chars')!;
    expect(Number(p.detail!.count)).toBeGreaterThan(50);
    expect(describeProblem('en', p)).toMatch(
      /characters could not be read as utf-8: try another encoding/,
    );
  });
});

describe('delimiters and structure', () => {
  it('does not mistake decimal commas for the delimiter', () => {
    expect(sniffDelimiter('Имя;Сумма\nА;1,5\nБ;2,75\nВ;3\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(sniffDelimiter('a\tb\n1,5\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(sniffDelimiter('name,comment\nA,"x; y; z"\nB,"p; q"\n')).toBe(',');
  });

  it('reads any mix of \\r\\n, \\n and \\r as record ends, keeps them in quotes, and says so', async () => {
    const windowsHeader = await readSource(
      bytes('id,score,comment\r\n1,9,ok\n2,3,bad\n3,10,fine\n4,7,meh\n'),
      'mixed.csv',
    );
    expect(windowsHeader.names).toEqual(['id', 'score', 'comment']);
    expect(windowsHeader.rows).toEqual([
      ['1', '9', 'ok'],
      ['2', '3', 'bad'],
      ['3', '10', 'fine'],
      ['4', '7', 'meh'],
    ]);
    expect(windowsHeader.recordCount).toBe(5);
    expect(windowsHeader.problems).toEqual([
      { code: 'mixed-line-ends', detail: { crlf: 1, lf: 4, cr: 0 } },
    ]);
    expect(describeProblem('en', windowsHeader.problems[0]!)).toBe(
      'The file mixes line ends (Windows: 1, Unix: 4, old Mac: 0); each was read as the end of a row.',
    );
    expect(describeProblem('ru', windowsHeader.problems[0]!)).toMatch(
      /^В файле смешаны концы строк/,
    );

    // A Unix header above Windows rows: no `\r` is left at the end of the last column.
    const unixHeader = await readSource(bytes('id,comment\n1,ok\r\n2,bad\r\n'), 'u.csv');
    expect(unixHeader.rows).toEqual([
      ['1', 'ok'],
      ['2', 'bad'],
    ]);

    // Lone `\r` ends a record too; line breaks inside quotes stay as they were.
    const oldMac = await readSource(bytes('id;comment\r1;"two\r\nlines"\r2;"a\nb"\n3;x'), 'm.csv');
    expect(oldMac.delimiter).toBe(';');
    expect(oldMac.rows).toEqual([
      ['1', 'two\r\nlines'],
      ['2', 'a\nb'],
      ['3', 'x'],
    ]);
    expect(oldMac.problems.map((p) => p.code)).toEqual(['mixed-line-ends']);

    // One kind throughout, even with other kinds inside quotes, is not a mix.
    const excel = await readSource(bytes('id,comment\r\n1,"a\nb"\r\n2,c\r\n'), 'e.csv');
    expect(excel.rows).toEqual([
      ['1', 'a\nb'],
      ['2', 'c'],
    ]);
    expect(excel.problems).toEqual([]);
  });

  it('says in the preview when dates were written with two-digit years, with the rule', async () => {
    const csv =
      'Order date;Shipped;Code\n25-12-24;25-12-2024;12-05-77A\n01-02-29;01-02-2029;1-2-3\n01-02-30;01-02-1930;12-10-15B\n';
    const report = profileTable(await readSource(bytes(csv), 'orders.csv'));
    expect(report.columns.map((c) => c.format.type)).toEqual(['date', 'date', 'id']);
    const notices = report.problems.filter((p) => p.code === 'two-digit-years');
    expect(notices).toEqual([
      { code: 'two-digit-years', column: 'Order date', detail: { count: 3 } },
    ]);
    expect(describeProblem('en', notices[0]!)).toBe(
      'Column “Order date”: 3 dates have two-digit years, read as spreadsheets do: 00–29 as 2000–2029, 30–99 as 1930–1999.',
    );
    expect(describeProblem('en', { ...notices[0]!, detail: { count: 1 } })).toMatch(
      /^Column “Order date”: 1 date has a two-digit year/,
    );
    expect(describeProblem('ru', notices[0]!)).toBe(
      'Столбец «Order date»: в 3 датах год записан двумя цифрами и прочитан, как в электронных таблицах: 00–29 — это 2000–2029, 30–99 — 1930–1999.',
    );
    expect(describeProblem('ru', { ...notices[0]!, detail: { count: 21 } })).toMatch(
      /^Столбец «Order date»: в 21 дате год/,
    );
  });

  it('makes duplicate and blank header names unique and says so', async () => {
    const t = await readSource(bytes('Score,,Score,Comment\n1,2,3,x\n'), 'dup.csv');
    expect(t.names).toEqual(['Score', 'Column 2', 'Score (2)', 'Comment']);
    expect(t.problems.map((p) => p.code)).toEqual(['blank-header', 'duplicate-header']);
    expect(describeProblem('en', t.problems[1]!)).toBe(
      'The column name “Score” repeats; the copy is named “Score (2)”.',
    );
  });

  it('reports ragged rows with their row numbers, and pads or skips them', async () => {
    const csv = bytes('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    const padded = await readSource(csv, 'r.csv');
    expect(padded.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', ''],
      ['6', '7', '8'],
      ['10', '11', '12'],
    ]);
    expect(padded.problems).toEqual([
      { code: 'ragged-row', row: 3, detail: { expected: 3, found: 2 } },
      { code: 'ragged-row', row: 4, detail: { expected: 3, found: 4 } },
    ]);
    const skipped = await readSource(csv, 'r.csv', { ragged: 'skip' });
    expect(skipped.rows).toEqual([
      ['1', '2', '3'],
      ['10', '11', '12'],
    ]);
    expect(describeProblem('ru', padded.problems[0]!)).toBe('В строке 3 полей 2 вместо 3.');
  });

  it('takes the header row the user sets, or none', async () => {
    const csv = bytes('x,y\n1,2\n3,4\n');
    expect((await readSource(csv, 'h.csv', { headerRow: null })).names).toEqual([
      'Column 1',
      'Column 2',
    ]);
    expect((await readSource(csv, 'h.csv', { headerRow: null })).rows).toHaveLength(3);
    expect((await readSource(bytes('1,2\n3,4\n'), 'n.csv')).header).toBeNull();
  });

  it('reads a JSON array of records', async () => {
    const t = await readSource(
      bytes('[{"id":1,"name":"Анна","tags":["a"]},{"id":2,"score":null,"name":"Bob"}]'),
      'r.json',
    );
    expect(t.kind).toBe('json');
    expect(t.names).toEqual(['id', 'name', 'tags', 'score']);
    expect(t.rows).toEqual([
      ['1', 'Анна', '["a"]', ''],
      ['2', 'Bob', '', ''],
    ]);
  });
});

describe('files that are refused, with what and where', () => {
  it('refuses empty, binary, unterminated and structureless files with a clear sentence', async () => {
    expect((await refusal(new Uint8Array(), 'empty.csv')).code).toBe('empty-file');
    expect((await refusal(bytes('  \n\n'), 'blank.csv')).code).toBe('empty-file');
    const bin = await refusal(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]),
      'photo.csv',
    );
    expect(bin.code).toBe('binary-file');
    expect(describeIngestError('en', bin)).toContain('“photo.csv” is not a text table');
    const open = await refusal(bytes('a,b\n1,2\n3,"never closed\n4,5\n'), 'q.csv');
    expect(open.code).toBe('unterminated-quote');
    expect(describeIngestError('ru', open)).toMatch(
      /^Кавычка, открытая в строке 3, нигде не закрыта/,
    );
    const mess = await refusal(bytes('a,b,c\n1\n2,3,4,5,6\n7\n8,9\n10,11,12,13\n'), 'm.csv');
    expect(mess.code).toBe('no-structure');
    expect((await refusal(bytes('{"a":1}'), 'o.json')).code).toBe('json-not-array');
    expect((await refusal(bytes('[{"a":1},'), 'bad.json')).code).toBe('json-invalid');
    const xls = await refusal(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'old.xls',
    );
    expect(describeIngestError('en', xls)).toMatch(/save it as “Excel Workbook \(\.xlsx\)”/);
  });

  it(
    'refuses a file wider than the column ceiling before naming its columns, saying why',
    SLOW,
    async () => {
      // One long line of a million fields: refused quickly, not after a million header repairs.
      const line = Array.from({ length: 1_000_000 }, (_, i) => `w${i % 100}`).join(',');
      const wide = await refusal(bytes(line), 'one-line.csv');
      expect(wide.code).toBe('too-many-columns');
      expect(wide.detail).toEqual({ count: 1_000_000, limit: MAX_COLUMNS });
      expect(describeIngestError('en', wide)).toBe(
        'This file has 1,000,000 columns; CX Trace reads at most 50,000. A file this wide is usually one long line or split by the wrong delimiter: check how it was exported.',
      );
      expect(describeIngestError('ru', wide)).toMatch(
        /^В этом файле 1\s000\s000 столбцов; CX Trace/,
      );
      // At the ceiling a file is read.
      const header = Array.from({ length: MAX_COLUMNS }, (_, i) => `c${i}`).join(',');
      const cells = Array.from({ length: MAX_COLUMNS }, () => '1').join(',');
      const t = await readSource(bytes(`${header}\n${cells}\n`), 'ok.csv');
      expect(t.names).toHaveLength(MAX_COLUMNS);
    },
  );

  it('lists the first repaired header names and counts the rest; repeats get distinct names', async () => {
    const header = Array.from({ length: 3000 }, () => 'Q').join(',') + ',,,';
    const t = await readSource(bytes(`${header}\n${'1,'.repeat(3002)}1\n`), 'many.csv');
    expect(t.names.slice(0, 3)).toEqual(['Q', 'Q (2)', 'Q (3)']);
    expect(t.names[2999]).toBe('Q (3000)');
    expect(new Set(t.names.map((n) => n.toLowerCase())).size).toBe(3003);
    const codes = t.problems.map((p) => p.code);
    expect(codes.filter((c) => c === 'blank-header')).toHaveLength(3);
    expect(codes.filter((c) => c === 'duplicate-header')).toHaveLength(20);
    const more = t.problems.find((p) => p.code === 'header-repairs-more')!;
    expect(more.detail).toEqual({ count: 2979 });
    expect(describeProblem('en', more)).toBe(
      '2,979 more column names were blank or repeated and were repaired the same way.',
    );
    expect(describeProblem('ru', more)).toMatch(
      /^Ещё 2\s979 названий столбцов были пустыми или повторялись и исправлены так же\.$/,
    );
  });

  it('has a message in both languages for every refusal and problem code', () => {
    const src = readFileSync('src/core/ingest/ingest-error.ts', 'utf8');
    const codes = [...src.matchAll(/\| '([a-z0-9-]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(8);
    for (const code of codes) {
      for (const locale of ['en', 'ru'] as const) {
        expect(
          describeIngestError(locale, new IngestError(code as never, { file: 'f', row: 1 })),
        ).not.toMatch(/ingest\./);
      }
    }
  });
});

describe('csv-spectrum, imported with every column as text', () => {
  const dir = 'node_modules/csv-spectrum';
  const names = readdirSync(`${dir}/csvs`)
    .map((f) => f.replace(/\.csv$/, ''))
    // Its JSON disagrees with its own CSV (a known fixture bug of the package).
    .filter((n) => n !== 'location_coordinates');

  it.each(names)('%s reads to exactly the expected strings', async (name) => {
    const expected = JSON.parse(readFileSync(`${dir}/json/${name}.json`, 'utf8')) as Record<
      string,
      string
    >[];
    const t = await readSource(
      new Uint8Array(readFileSync(`${dir}/csvs/${name}.csv`)),
      `${name}.csv`,
      { headerRow: 0 },
    );
    // Imported with every column kept as text: typed, encoded as a stored chunk, read back.
    const text = Object.fromEntries(
      t.names.map((n) => [n, { type: 'text' as const, decimal: '.' as const }]),
    );
    const report = profileTable(t, text);
    const [chunk] = [...encodeTypedChunks(t.rows, report.columns)];
    const columns = t.names.map((n) => Array.from(decodeChunkColumn(chunk!.bytes, n)));
    const records = t.rows.map((_, r) =>
      Object.fromEntries(t.names.map((n, c) => [n, columns[c]![r]])),
    );
    expect(records).toEqual(expected);
  });
});
