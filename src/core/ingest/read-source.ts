import { IngestError } from './ingest-error.ts';
import type { CellValue, DecimalSeparator, IngestProblem } from './types.ts';
import { decodeText, detectEncoding, type TextEncoding } from './decode-text.ts';
import { sniffDelimiter } from './sniff-delimiter.ts';
import type { Delimiter } from './delimiters.ts';
import {
  checkWidth,
  headerProblems,
  parseDelimited,
  tableFromRecords,
  type RaggedRowPolicy,
} from './parse-delimited.ts';
import { readJsonRecords } from './read-json.ts';
import { isLegacyXls, isZip, readSheet } from './read-xlsx.ts';
import { repairHeaderNames } from './header-names.ts';

/** Choices the user can make in the preview; anything not given is detected. */
export interface SourceOptions {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  /** 0-based record index of the header, or null for none. */
  headerRow?: number | null;
  sheet?: string | number;
  ragged?: RaggedRowPolicy;
}

/** A file read into named columns of raw text, with how it was read and what looked wrong. */
export interface SourceTable {
  kind: 'csv' | 'xlsx' | 'json';
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** The decimal separator most numbers in the file use. */
  decimal: DecimalSeparator;
  header: number | null;
  sheet: string | null;
  sheets: string[];
  names: string[];
  /** Data records of raw cells, each `names.length` long. */
  rows: string[][];
  problems: IngestProblem[];
  /** For delimited text: the records it holds (title lines, header and blank ones included). */
  recordCount?: number;
}

/** How many bytes are checked for NUL bytes, which text files do not contain. */
const BINARY_SNIFF_BYTES = 8192;

/** The start of a JSON file of records: an array of objects, or an object (a wrapper). */
const JSON_START = /^\s*(\[\s*[{\]]|\{\s*")/;

/**
 * Reads a file of any supported kind (CSV/TSV/TXT, XLSX, JSON) into a `SourceTable`. The kind is
 * decided by content first (a zip is a workbook, an OLE2 file a legacy .xls), then by the name.
 * Throws `IngestError` for a file that cannot be imported at all.
 */
export async function readSource(
  bytes: Uint8Array,
  fileName: string,
  options: SourceOptions = {},
): Promise<SourceTable> {
  const table = await readAnySource(bytes, fileName, options);
  checkWidth(table.names.length);
  return table;
}

async function readAnySource(
  bytes: Uint8Array,
  fileName: string,
  options: SourceOptions,
): Promise<SourceTable> {
  if (bytes.length === 0) throw new IngestError('empty-file', { file: fileName });
  if (isLegacyXls(bytes)) throw new IngestError('xls-legacy', { file: fileName });
  if (isZip(bytes) || /\.xlsx$/i.test(fileName)) return readWorkbook(bytes, options);

  const guess = detectEncoding(bytes);
  const encoding = options.encoding ?? guess.encoding;
  if (!encoding.startsWith('utf-16') && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw new IngestError('binary-file', { file: fileName });
  }
  const { text, replacements } = decodeText(bytes, encoding);
  if (text.trim() === '') throw new IngestError('empty-file', { file: fileName });
  const problems: IngestProblem[] = [];
  if (replacements > 0)
    problems.push({ code: 'replacement-chars', detail: { count: replacements, encoding } });

  if (/\.json$/i.test(fileName) || JSON_START.test(text.slice(0, 64))) {
    const json = readJsonRecords(text);
    const header = repairHeaderNames(json.names);
    problems.push(...json.problems);
    problems.push(...headerProblems(header));
    return {
      kind: 'json',
      encoding,
      delimiter: null,
      decimal: '.',
      header: null,
      sheet: null,
      sheets: [],
      names: header.names,
      rows: json.rows,
      problems,
    };
  }

  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const table = parseDelimited(text, {
    delimiter,
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    ...(options.ragged ? { ragged: options.ragged } : {}),
  });
  return {
    kind: 'csv',
    encoding,
    delimiter,
    decimal: delimiter === ',' ? '.' : detectDecimal(table.rows),
    header: table.header,
    sheet: null,
    sheets: [],
    names: table.names,
    rows: table.rows,
    problems: [...problems, ...table.problems],
    ...(table.recordCount !== undefined ? { recordCount: table.recordCount } : {}),
  };
}

/**
 * The encoding a file is read in as delimited text, or null when `readSource` reads it otherwise
 * (a workbook, a legacy .xls, JSON) or refuses it as empty: the same decisions, from the first
 * bytes.
 */
export function delimitedEncoding(
  bytes: Uint8Array,
  fileName: string,
  options: SourceOptions = {},
): TextEncoding | null {
  if (bytes.length === 0 || isLegacyXls(bytes) || isZip(bytes)) return null;
  if (/\.(xlsx|json)$/i.test(fileName)) return null;
  const encoding = options.encoding ?? detectEncoding(bytes).encoding;
  const { text } = decodeText(bytes.subarray(0, 64), encoding);
  return JSON_START.test(text) ? null : encoding;
}

/** The decimal separator most decimal-looking cells of the first rows use. */
function detectDecimal(rows: readonly (readonly string[])[]): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const row of rows.slice(0, 1000)) {
    for (const cell of row) {
      const c = cell.trim();
      if (/^[-+\u2212]?\d[\d\s\u00a0]*,\d+%?$/.test(c)) comma++;
      else if (/^[-+\u2212]?\d+\.\d+%?$/.test(c)) dot++;
    }
  }
  return comma > dot ? ',' : '.';
}

async function readWorkbook(bytes: Uint8Array, options: SourceOptions): Promise<SourceTable> {
  const { sheet, sheets, rows: cells } = await readSheet(bytes, options.sheet);
  const table = tableFromRecords(
    cells.map((r) => r.map(cellText)),
    {
      ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
      ...(options.ragged ? { ragged: options.ragged } : {}),
    },
  );
  return {
    kind: 'xlsx',
    encoding: null,
    delimiter: null,
    decimal: '.',
    header: table.header,
    sheet,
    sheets,
    names: table.names,
    rows: table.rows,
    problems: table.problems,
  };
}

/** A workbook cell as the text the type inference reads (ISO dates, dot decimals). */
function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return String(v);
}
