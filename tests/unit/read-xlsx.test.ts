import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { IngestError } from '../../src/core/ingest/ingest-error.ts';
import {
  checkWorkbookSize,
  isLegacyXls,
  isZip,
  listSheets,
  readSheet,
} from '../../src/core/ingest/read-xlsx.ts';
import { SLOW } from './slow.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url)));

const survey = fixture('survey.xlsx');
const cyrillic = fixture('cyrillic-sheet.xlsx');

/** The IngestError a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

function thrown(run: () => void): IngestError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
}

/** A real zip whose one entry claims 0xFFFFFFF0 bytes in both its local and central headers. */
function zipBomb(): Uint8Array {
  const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }, { level: 0 });
  const view = new DataView(bytes.buffer);
  view.setUint32(22, 0xfffffff0, true);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, 0xfffffff0, true);
      break;
    }
  }
  return bytes;
}

describe('reading .xlsx workbooks', () => {
  const timeZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = timeZone;
  });

  it('lists sheets in workbook order, Cyrillic names included', async () => {
    expect(await listSheets(survey)).toEqual(['Responses', 'Notes']);
    expect(await listSheets(cyrillic)).toEqual(['Итоги', 'Ответы 2026']);
  });

  it('reads the first sheet by default with numbers, blanks and Cyrillic text intact', async () => {
    const { sheet, sheets, rows } = await readSheet(survey);
    expect(sheet).toBe('Responses');
    expect(sheets).toEqual(['Responses', 'Notes']);
    expect(rows[0]).toEqual(['Client', 'Date', 'NPS', 'Comment']);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[2])).toEqual(['NPS', 9, 6, 10, 3, 8]);
    expect(rows[1]![3]).toBe('Отличный сервис, спасибо!');
    // C-003 left the comment blank: null, and the row keeps the full width.
    expect(rows[3]).toHaveLength(4);
    expect(rows[3]![3]).toBeNull();
    expect(rows.every((r) => r.length === 4)).toBe(true);
  });

  it('turns date-formatted serials into UTC days whatever the machine time zone', async () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Vladivostok']) {
      process.env.TZ = tz;
      const { rows } = await readSheet(survey, 'Responses');
      const dates = rows.slice(1).map((r) => r[1]);
      expect(dates.every((d) => d instanceof Date)).toBe(true);
      // 46023 is 2026-01-01; the last one uses a custom dd.mm.yyyy format.
      expect(dates.map((d) => (d as Date).toISOString())).toEqual([
        '2026-01-01T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
        '2026-02-28T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        '2026-03-31T00:00:00.000Z',
      ]);
    }
  });

  it('reads a sheet by index, with date-times on the exact second and booleans', async () => {
    const { sheet, rows } = await readSheet(survey, 1);
    expect(sheet).toBe('Notes');
    // Excel stores 10:00 as 46023.416666666664; it must not come back as 09:59:59.999.
    expect((rows[1]![1] as Date).toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(rows[2]).toEqual(['Ответов', 5]);
    expect(rows[3]).toEqual(['Проверено', true]);
  });

  it('reads a sheet by its Cyrillic name', async () => {
    const { sheet, rows } = await readSheet(cyrillic, 'Ответы 2026');
    expect(sheet).toBe('Ответы 2026');
    expect(rows).toEqual([
      ['Клиент', 'Оценка'],
      ['Иванов', 10],
      ['Петрова', 7],
    ]);
  });

  it('reads bytes that are a view into a larger buffer', async () => {
    const padded = new Uint8Array(survey.length + 16);
    padded.set(survey, 8);
    const { rows } = await readSheet(padded.subarray(8, 8 + survey.length), 'Notes');
    expect(rows[0]).toEqual(['Note', 'Value']);
  });

  it('names the available sheets when the asked one does not exist', async () => {
    for (const wanted of ['Answers', 2, -1]) {
      const error = await rejection(readSheet(survey, wanted));
      expect(error.code).toBe('xlsx-no-sheet');
      expect(error.detail).toEqual({ sheet: wanted, available: 'Responses, Notes' });
    }
  });

  it('refuses empty, legacy .xls and non-zip input before parsing', async () => {
    expect((await rejection(readSheet(new Uint8Array(0)))).code).toBe('empty-file');

    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(isLegacyXls(xls)).toBe(true);
    expect((await rejection(readSheet(xls))).code).toBe('xls-legacy');
    expect((await rejection(listSheets(xls))).code).toBe('xls-legacy');

    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(isZip(random)).toBe(false);
    expect((await rejection(readSheet(random))).code).toBe('xlsx-corrupt');
  });

  it('reports a zip that is not a workbook, or is truncated, as corrupt', async () => {
    const notWorkbook = zipSync({ 'hello.txt': strToU8('hi') });
    expect(isZip(notWorkbook)).toBe(true);
    expect((await rejection(readSheet(notWorkbook))).code).toBe('xlsx-corrupt');

    const truncated = survey.slice(0, survey.length - 40);
    expect(thrown(() => checkWorkbookSize(truncated)).code).toBe('xlsx-corrupt');
    expect((await rejection(readSheet(truncated))).code).toBe('xlsx-corrupt');
  });

  it('attaches the library failure as the cause of a corrupt sheet', async () => {
    // Cells out of order (B1 before A1) are invalid OOXML that the zip check cannot see.
    const parts = {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData></worksheet>',
      ),
    };
    const error = await rejection(readSheet(zipSync(parts)));
    expect(error.code).toBe('xlsx-corrupt');
    expect((error.cause as Error).name).toBe('InvalidSpreadsheetError');
  });

  it('refuses a zip bomb from its declared sizes, without inflating it', async () => {
    const bomb = zipBomb();
    const before = process.memoryUsage().arrayBuffers;
    const error = await rejection(readSheet(bomb));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    expect(error.code).toBe('xlsx-too-large');
    expect(error.detail).toEqual({ declared: 0xfffffff0, limit: 400 * 1024 * 1024 });
  });

  it('refuses a genuinely compressible workbook over a lowered limit', SLOW, () => {
    const zeros = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024) });
    expect(zeros.length).toBeLessThan(1024 * 1024);
    const error = thrown(() => checkWorkbookSize(zeros, 10 * 1024 * 1024));
    expect(error.code).toBe('xlsx-too-large');
    expect(error.detail).toEqual({ declared: 50 * 1024 * 1024, limit: 10 * 1024 * 1024 });
    expect(() => checkWorkbookSize(zeros)).not.toThrow();
  });

  it('refuses an archive listing tens of thousands of entries', () => {
    const files = Object.fromEntries(
      Array.from({ length: 10_001 }, (_, i) => [`x/${i}.xml`, new Uint8Array(0)]),
    );
    const error = thrown(() => checkWorkbookSize(zipSync(files, { level: 0 })));
    expect(error.code).toBe('xlsx-too-large');
    expect(error.detail).toMatchObject({ entries: 10_001 });
  });

  it('passes the fixtures through the size check', () => {
    expect(() => checkWorkbookSize(survey)).not.toThrow();
    expect(() => checkWorkbookSize(cyrillic)).not.toThrow();
  });
});
