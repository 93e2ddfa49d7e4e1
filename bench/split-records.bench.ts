import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, bench, describe } from 'vitest';
import { writeCrmCsv, writeFeedbackCsv } from './generate.ts';
import { splitRecords, dataRows } from '../src/core/ingest/parse-delimited.ts';
import { columnFormat, readColumn, readColumns } from '../src/core/ingest/infer-types.ts';
import type { Delimiter } from '../src/core/ingest/delimiters.ts';

// Splitting decoded text into records (what the import does before typing), against a baseline
// measured in the same run: Papa.parse of the same text, which `splitRecords` used alone before
// (and still uses for text whose quotes do not pair up). Then split + typing every column, as
// the import did it (Papa.parse, then each column read in a pass of its own) and as it does it
// now (`splitRecords`, then every column read in one pass over the rows). Files as the import
// benchmark's (bench/generate.ts), smaller. Read the ratio, not the absolute times.
const dir = mkdtempSync(join(tmpdir(), 'cx-split-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (path: string) => new TextDecoder().decode(readFileSync(path));
// Large enough that a table no longer fits in the CPU's caches, as a real import's does not.
const CRM_ROWS = 300_000;
const FEEDBACK_ROWS = 100_000;
await writeCrmCsv(join(dir, 'crm.csv'), CRM_ROWS);
await writeFeedbackCsv(join(dir, 'feedback.csv'), FEEDBACK_ROWS);
const files: { name: string; text: string; delimiter: Delimiter; decimal: ',' | '.' }[] = [
  {
    name: `${CRM_ROWS.toLocaleString('en-US')} CRM rows (;, CRLF, Cyrillic)`,
    text: read(join(dir, 'crm.csv')),
    delimiter: ';',
    decimal: ',',
  },
  {
    name: `${FEEDBACK_ROWS.toLocaleString('en-US')} feedback rows (long quoted comments)`,
    text: read(join(dir, 'feedback.csv')),
    delimiter: ',',
    decimal: '.',
  },
];

const papa = (text: string, delimiter: Delimiter) =>
  Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: false }).data;

for (const { name, text, delimiter, decimal } of files) {
  // The columns' formats, decided once: both sides type the same way.
  const { records } = splitRecords(text, delimiter);
  const header = records[0]!;
  const sample = dataRows(records, 1, header.length).rows;
  const columns = header.map((column, index) => ({
    name: column,
    index,
    format: columnFormat(column, { rows: sample, column: index }, { decimal }),
  }));

  describe(`split ${name}`, () => {
    bench('baseline: Papa.parse', () => {
      papa(text, delimiter);
    });
    bench('splitRecords', () => {
      splitRecords(text, delimiter);
    });
  });

  describe(`split + type every column, ${name}`, () => {
    bench('baseline: Papa.parse, then readColumn column by column', () => {
      const rows = dataRows(papa(text, delimiter), 1, header.length).rows;
      for (const c of columns) readColumn(c.name, { rows, column: c.index }, { format: c.format });
    });
    bench('splitRecords, then readColumns in one pass', () => {
      const rows = dataRows(splitRecords(text, delimiter).records, 1, header.length).rows;
      readColumns(rows, columns);
    });
  });
}
