import Papa from 'papaparse';
import { IngestError } from './ingest-error.ts';
import type { IngestProblem } from './types.ts';
import { detectHeaderRow } from './detect-header.ts';
import { repairHeaderNames, type HeaderNames } from './header-names.ts';
import type { Delimiter } from './delimiters.ts';
import { mixesRecordEnds, unifyRecordEnds, type UnifiedRecordEnds } from './record-ends.ts';
import { splitWellFormed } from './split-well-formed.ts';
import { isBlankText } from './parse-value.ts';

/** What to do with records that have more or fewer fields than the header. */
export type RaggedRowPolicy = 'pad' | 'skip';

/** Options of `tableFromRecords`; what is not given is detected. */
export interface TableOptions {
  /** 0-based record index of the header; null for none; undefined to detect. */
  headerRow?: number | null;
  /** Short records are padded with blanks and long ones cut to the header ('pad'), or dropped. */
  ragged?: RaggedRowPolicy;
}

/** A delimited file split into named columns of raw text cells. */
export interface ParsedTable {
  /** 0-based record index of the header, or null. */
  header: number | null;
  names: string[];
  /** Data records, each exactly `names.length` raw cells long ('' where a record was short). */
  rows: string[][];
  problems: IngestProblem[];
  /** Records the text holds (title lines, header and blank records included). */
  recordCount?: number;
}

/**
 * The most columns a file may have. Wider tables are not analysable tables but a wrong delimiter,
 * a file of one line, or a transposed export; Excel itself stops at 16,384.
 */
export const MAX_COLUMNS = 50_000;

/** Refuses a table wider than `MAX_COLUMNS` columns. */
export function checkWidth(columns: number): void {
  if (columns > MAX_COLUMNS) {
    throw new IngestError('too-many-columns', { count: columns, limit: MAX_COLUMNS });
  }
}

/** A record with nothing but blanks. */
function isBlank(r: readonly string[]): boolean {
  for (let i = 0; i < r.length; i++) if (!isBlankText(r[i]!)) return false;
  return true;
}

/** At most this many problems of one kind are listed (the count is still given). */
const MAX_LISTED = 20;

/**
 * Splits decoded text into records as Papa Parse does (quotes and quoted newlines handled; well-
 * formed text by `splitWellFormed`, the rest by Papa Parse itself), any of
 * `\r\n`, `\n` and `\r` outside quotes ending a record (a file that mixes them says so).
 * Stray quotes become problems with their record number (1-based from the start of the file,
 * as a line number is when no field spans lines). A quote left open to the end of the file is
 * refused: everything after it would be one cell.
 */
export function splitRecords(
  text: string,
  delimiter: Delimiter,
): { records: string[][]; problems: IngestProblem[] } {
  const parse = (u: UnifiedRecordEnds) => {
    const records = splitWellFormed(u.text, delimiter, u.newline);
    if (records) return { data: records, errors: [] as Papa.ParseError[] };
    return Papa.parse<string[]>(u.text, { delimiter, newline: u.newline, skipEmptyLines: false });
  };
  let unified = unifyRecordEnds(text, delimiter, { keepCrlf: true });
  let result = parse(unified);
  // Kept with its `\r\n` record ends (no copy of the text), it splits as the unified text would
  // unless the quotes are odd: then it is split as unified, as the parser reports it.
  if (unified.kept && result.errors.length > 0) {
    unified = unifyRecordEnds(text, delimiter);
    result = parse(unified);
  }
  const unterminated = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unterminated) {
    throw new IngestError('unterminated-quote', { row: (unterminated.row ?? 0) + 1 });
  }
  const stray = result.errors.filter((e) => e.code === 'InvalidQuotes');
  const problems: IngestProblem[] = stray
    .slice(0, MAX_LISTED)
    .map((e) => ({ code: 'stray-quote', row: (e.row ?? 0) + 1 }));
  if (mixesRecordEnds(unified.counts)) {
    const { crlf, lf, cr } = unified.counts;
    problems.unshift({ code: 'mixed-line-ends', detail: { crlf, lf, cr } });
  }
  return { records: result.data, problems };
}

/** Splits delimited text into a table: `splitRecords`, then `tableFromRecords`. */
export function parseDelimited(
  text: string,
  options: TableOptions & { delimiter: Delimiter },
): ParsedTable {
  const { records, problems } = splitRecords(text, options.delimiter);
  const table = tableFromRecords(records, options);
  return {
    ...table,
    problems: [...problems, ...table.problems],
    recordCount: recordCount(records, text),
  };
}

/**
 * Makes a table of records: blank records skipped, the header found (or taken from options),
 * header names repaired, ragged records padded/cut or skipped, each oddity a problem.
 * A table where most records disagree with the header's width has no structure and is refused.
 */
export function tableFromRecords(
  records: readonly string[][],
  options: TableOptions = {},
): ParsedTable {
  const problems: IngestProblem[] = [];
  // Before anything per column: a file of one 50 MB line would otherwise name millions of them.
  for (let i = 0; i < Math.min(records.length, 200); i++) checkWidth(records[i]!.length);
  const headerRow = options.headerRow === undefined ? detectHeaderRow(records) : options.headerRow;
  const firstData = headerRow === null ? 0 : headerRow + 1;
  const skippedTitles = records.slice(0, headerRow ?? 0).filter((r) => !isBlank(r)).length;
  if (skippedTitles > 0) {
    problems.push({
      code: 'title-lines-skipped',
      row: headerRow! + 1,
      detail: { count: skippedTitles },
    });
  }

  const width =
    headerRow !== null
      ? records[headerRow]!.length
      : Math.max(0, ...records.slice(0, 200).map((r) => (isBlank(r) ? 0 : r.length)));
  const rawNames =
    headerRow !== null ? records[headerRow]! : Array.from({ length: width }, () => '');
  const header = repairHeaderNames(rawNames);
  if (headerRow !== null) problems.push(...headerProblems(header));

  const data = dataRows(records, firstData, width, options.ragged);
  problems.push(...data.problems);
  if (data.ragged / Math.max(1, data.records) > 0.5) {
    throw new IngestError('no-structure', { ragged: data.ragged, rows: data.records });
  }
  const rows = data.rows;
  return { header: headerRow, names: header.names, rows, problems };
}

/**
 * The repairs of header names as problems: the first few blank and repeated names listed, the
 * rest counted (a header of thousands of blank names must not become thousands of lines).
 */
export function headerProblems(header: HeaderNames): IngestProblem[] {
  const problems: IngestProblem[] = [];
  for (const b of header.blank.slice(0, MAX_LISTED)) {
    problems.push({ code: 'blank-header', column: b.name, detail: { position: b.index + 1 } });
  }
  for (const r of header.renamed.slice(0, MAX_LISTED)) {
    problems.push({ code: 'duplicate-header', column: r.name, detail: { original: r.original } });
  }
  const more =
    Math.max(0, header.blank.length - MAX_LISTED) + Math.max(0, header.renamed.length - MAX_LISTED);
  if (more > 0) problems.push({ code: 'header-repairs-more', detail: { count: more } });
  return problems;
}

/** The data rows of records and what was odd about them (see `dataRows`). */
export interface DataRows {
  rows: string[][];
  problems: IngestProblem[];
  /** Non-blank records read, and how many of them had the wrong width. */
  records: number;
  ragged: number;
}

/**
 * The data rows of `records` from index `from`: blank records skipped, records of another
 * width than `width` padded/cut or dropped (by `policy`) and listed as problems with their
 * 1-based record number, counted from `recordOffset` (records before this part of a file).
 */
export function dataRows(
  records: readonly string[][],
  from: number,
  width: number,
  policy: RaggedRowPolicy = 'pad',
  recordOffset = 0,
): DataRows {
  const problems: IngestProblem[] = [];
  const rows: string[][] = [];
  let ragged = 0;
  let dataRecords = 0;
  for (let i = from; i < records.length; i++) {
    const r = records[i]!;
    if (isBlank(r)) continue;
    dataRecords++;
    if (r.length !== width) {
      ragged++;
      if (ragged <= MAX_LISTED) {
        problems.push({
          code: 'ragged-row',
          row: recordOffset + i + 1,
          detail: { expected: width, found: r.length },
        });
      }
      if (policy === 'skip') continue;
    }
    // The parser's own arrays are handed on, not copied: a million rows make this matter.
    if (r.length === width) rows.push(r);
    else rows.push(Array.from({ length: width }, (_, c) => r[c] ?? ''));
  }
  if (ragged > MAX_LISTED) {
    problems.push({ code: 'ragged-row', detail: { more: ragged - MAX_LISTED, total: ragged } });
  }
  return { rows, problems, records: dataRecords, ragged };
}

/**
 * The records in parsed text: the parser's records, less the empty one it gives after a final
 * line break (so that the records of a later part of the same file number on from here).
 */
export function recordCount(records: readonly string[][], text: string): number {
  const last = records[records.length - 1];
  const trailing = /[\r\n]$/.test(text) && last?.length === 1 && last[0] === '';
  return records.length - (trailing ? 1 : 0);
}
