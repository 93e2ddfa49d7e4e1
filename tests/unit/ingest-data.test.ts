import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { inspectFile, profileTable } from '../../src/core/ingest/inspect.ts';
import { encodeTypedChunks, storageType } from '../../src/core/ingest/typed-chunks.ts';
import { decodeChunkColumn } from '../../src/core/storage/column-chunk.ts';
import { realFile, type RealFile } from '../fixtures/real/real-files.ts';

const real = (name: RealFile) => new Uint8Array(readFileSync(realFile(name)));

describe('real exports written by others', () => {
  it('telco churn: 7,043 rows, TotalCharges decimal with 11 blanks, Churn yes/no', async () => {
    const r = await inspectFile(real('telco_customer_churn.csv'), 'telco_customer_churn.csv');
    expect(r.rows).toBe(7043);
    const col = (n: string) => r.columns.find((c) => c.name === n)!;
    expect(col('TotalCharges').format.type).toBe('decimal');
    expect(col('TotalCharges').nulls).toBe(11);
    expect(col('TotalCharges').invalid).toBe(0);
    expect(['boolean', 'category']).toContain(col('Churn').format.type);
    expect(col('tenure').format.type).toBe('integer');
    expect(col('customerID').format.type).toBe('id');
    expect(col('customerID').role).toBe('client-id');
  });

  it('skytrax reviews: ratings are numbers, content is free text', async () => {
    const files = ['skytrax_lounge_reviews_slice.csv', 'skytrax_seat_reviews_slice.csv'] as const;
    for (const file of files) {
      const r = await inspectFile(real(file), file);
      const ratings = r.columns.filter((c) => c.name.endsWith('_rating'));
      expect(ratings.length).toBeGreaterThan(4);
      for (const c of ratings)
        expect(['integer', 'decimal'], `${file} ${c.name}`).toContain(c.format.type);
      const content = r.columns.find((c) => c.name === 'content')!;
      expect(content.format.type).toBe('text');
      expect(content.role).toBe('comment');
    }
  });

  it('sentirueval: every row (570 in the slice) with Cyrillic text intact', async () => {
    const bytes = real('sentirueval2016_banks_slice.csv');
    const table = await readSource(bytes, 'banks.csv');
    expect(table.rows).toHaveLength(570);
    const text = table.names.indexOf('text');
    const expected = Papa.parse<string[]>(new TextDecoder().decode(bytes)).data[1]![text];
    expect(table.rows[0]![text]).toBe(expected);
    expect(table.rows[0]![text]).toMatch(/[а-яё]/i);
    expect(table.rows.some((r) => r[text]!.includes('ё') || r[text]!.includes('Ё'))).toBe(true);
  });
});

describe('round trip: typed table → CSV → import → stored values', () => {
  type Kind = 'integer' | 'decimal' | 'boolean' | 'date' | 'text';
  const kinds: Kind[] = ['integer', 'decimal', 'boolean', 'date', 'text'];
  const textPiece = fc.constantFrom(
    'a',
    'Я',
    'ё',
    '"',
    ',',
    ';',
    '\n',
    '\r\n',
    ' ',
    'é',
    '😀',
    'x',
    "'",
    '\t',
    'Z',
  );
  const textValue = fc
    .array(textPiece, { minLength: 1, maxLength: 10 })
    .map((p) => `w${p.join('')}`)
    .filter((s) => !/^\s|\s$/.test(s));
  const cellOf = (kind: Kind): fc.Arbitrary<unknown> => {
    switch (kind) {
      case 'integer':
        return fc.integer({ min: -1e9, max: 1e9 });
      case 'decimal':
        return fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100 + (n % 100 === 0 ? 0.01 : 0));
      case 'boolean':
        return fc.boolean();
      case 'date':
        return fc
          .integer({ min: Date.UTC(1990, 0, 1) / 864e5, max: Date.UTC(2040, 0, 1) / 864e5 })
          .map((d) => new Date(d * 864e5));
      case 'text':
        return textValue;
    }
  };
  const format = (v: unknown) =>
    v instanceof Date
      ? v.toISOString().slice(0, 10)
      : typeof v === 'number'
        ? String(v)
        : String(v);
  const table = fc.array(fc.constantFrom(...kinds), { minLength: 2, maxLength: 5 }).chain((cols) =>
    fc.record({
      cols: fc.constant(cols),
      rows: fc.array(fc.tuple(...cols.map(cellOf)), { minLength: 1, maxLength: 25 }),
    }),
  );

  it('keeps every value and its kind', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ cols, rows }) => {
        const names = cols.map((k, i) => `${k} ${i} «имя»`);
        const csv = Papa.unparse([names, ...rows.map((r) => r.map(format))], { newline: '\r\n' });
        const src = await readSource(new TextEncoder().encode(csv), 'p.csv', {
          headerRow: 0,
          delimiter: ',',
        });
        expect(src.names).toEqual(names);
        const report = profileTable(src);
        const [chunk] = [...encodeTypedChunks(src.rows, report.columns)];
        cols.forEach((kind, c) => {
          const profile = report.columns[c]!;
          const expectedKind =
            kind === 'integer' || kind === 'decimal' ? 'number' : kind === 'text' ? 'string' : kind;
          expect(storageType(profile.format.type), `${names[c]} as ${profile.format.type}`).toBe(
            expectedKind,
          );
          const stored = Array.from(decodeChunkColumn(chunk!.bytes, names[c]!));
          const want = rows.map((r) => r[c]);
          // Dates are stored and read back as epoch milliseconds.
          if (kind === 'date') expect(stored).toEqual(want.map((d) => (d as Date).getTime()));
          else expect(stored).toEqual(want);
        });
      }),
      { numRuns: 150 },
    );
  });
});
