/**
 * Reading Excel workbooks (.xlsx) into rows of typed cells, with the checks that come first:
 * empty input, legacy .xls, not a zip, and a zip that would unpack to more than is sane.
 * Pure: runs in Node and in a Web Worker.
 */
import { unzipSync } from 'fflate';
import { readSheet as readSheetData } from 'read-excel-file/universal';
import { IngestError } from './ingest-error.ts';
import type { CellValue } from './types.ts';

/**
 * Most the declared uncompressed sizes of a workbook's zip entries may add up to: 400 MiB.
 *
 * The reader inflates every XML part into memory, decodes it to a string (UTF-16, about twice
 * the bytes) and then builds a JavaScript value per cell, so peak memory is several times this
 * figure; 400 MiB keeps that within what a browser tab can hold. A real export at Excel's own
 * limit (1,048,576 rows × ~15 short columns) unpacks to roughly 200–350 MB of XML, so no
 * workbook Excel can produce of that shape is refused, while a zip bomb (kilobytes that
 * declare gigabytes) is refused before anything is inflated.
 */
export const WORKBOOK_UNCOMPRESSED_LIMIT = 400 * 1024 * 1024;

/**
 * Most entries a workbook's zip may list. A workbook has a few parts per sheet plus styles,
 * themes and media; tens of thousands of entries only come from a crafted archive, whose
 * per-entry overhead alone can exhaust memory.
 */
const MAX_ZIP_ENTRIES = 10_000;

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;

/** Where the workbook part lives; read-excel-file reads only this path too. */
const WORKBOOK_PART = 'xl/workbook.xml';

/**
 * Whether bytes are a legacy Excel 97–2003 workbook (.xls): an OLE2 compound document,
 * signature D0 CF 11 E0 A1 B1 1A E1.
 */
export function isLegacyXls(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE2_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Whether bytes start like a zip archive (a local file header, or the end record of an
 * empty archive) — what every .xlsx is.
 */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/**
 * Refuses a zip whose entries declare more than `limit` bytes uncompressed in total, reading
 * only the central directory (ZIP64 included) and inflating nothing, so a zip bomb costs
 * nothing to refuse.
 *
 * @param bytes the whole file
 * @param limit most total uncompressed bytes allowed
 * @throws IngestError `xlsx-too-large` with `{ declared, limit }` in bytes, or with
 *   `{ entries, maxEntries }` when the archive lists too many entries; `xlsx-corrupt` when the
 *   bytes are not a readable zip.
 */
export function checkWorkbookSize(
  bytes: Uint8Array,
  limit: number = WORKBOOK_UNCOMPRESSED_LIMIT,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries, cdOffset, cdSize } = readEndOfCentralDirectory(view);
  if (entries > MAX_ZIP_ENTRIES) {
    throw new IngestError('xlsx-too-large', { entries, maxEntries: MAX_ZIP_ENTRIES });
  }
  if (cdOffset + cdSize > view.byteLength || entries * CENTRAL_HEADER_SIZE > cdSize) {
    throw corrupt('central directory out of bounds');
  }
  let declared = 0;
  let at = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (at + CENTRAL_HEADER_SIZE > view.byteLength) throw corrupt('truncated central directory');
    if (view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) {
      throw corrupt('bad central directory entry');
    }
    const size32 = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const extraStart = at + CENTRAL_HEADER_SIZE + nameLength;
    at = extraStart + extraLength + commentLength;
    if (at > view.byteLength) throw corrupt('truncated central directory');
    declared +=
      size32 === 0xffffffff ? zip64UncompressedSize(view, extraStart, extraLength) : size32;
  }
  if (declared > limit) throw new IngestError('xlsx-too-large', { declared, limit });
}

/**
 * Sheet names of a workbook, in workbook order (hidden sheets included).
 *
 * @throws IngestError `empty-file`, `xls-legacy`, `xlsx-corrupt` or `xlsx-too-large`.
 */
export async function listSheets(bytes: Uint8Array): Promise<string[]> {
  preflight(bytes);
  return sheetNames(bytes);
}

/**
 * Reads one sheet of a workbook as rows of cells: numbers, strings (trimmed; blank → null),
 * booleans, Dates (UTC; a date-formatted whole day is UTC midnight) and null for empty cells.
 * Empty rows and columns at the bottom and right are dropped; every row has the same length.
 *
 * @param bytes the whole .xlsx file
 * @param sheet sheet name, or 0-based index; the first sheet by default
 * @returns the sheet's name, all sheet names in workbook order, and the rows
 * @throws IngestError `empty-file`, `xls-legacy`, `xlsx-corrupt` (with the library's error as
 *   `cause`), `xlsx-too-large`, or `xlsx-no-sheet` with `{ sheet, available }` (names joined
 *   by ", ").
 */
export async function readSheet(
  bytes: Uint8Array,
  sheet: string | number = 0,
): Promise<{ sheet: string; sheets: string[]; rows: CellValue[][] }> {
  preflight(bytes);
  const sheets = sheetNames(bytes);
  const index =
    typeof sheet === 'number'
      ? Number.isInteger(sheet) && sheet >= 0 && sheet < sheets.length
        ? sheet
        : -1
      : sheets.indexOf(sheet);
  if (index < 0) {
    throw new IngestError('xlsx-no-sheet', { sheet, available: sheets.join(', ') });
  }
  let data: unknown[][];
  try {
    // By 1-based number rather than name: the order of <sheet> elements is unambiguous,
    // whereas names would have to be unescaped exactly as the library does.
    data = (await readSheetData(toArrayBuffer(bytes), index + 1)) as unknown[][];
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('xlsx-corrupt', {}, { cause: error });
  }
  return { sheet: sheets[index]!, sheets, rows: normaliseRows(data) };
}

/** The checks before any parsing, cheapest first. */
function preflight(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new IngestError('empty-file');
  if (isLegacyXls(bytes)) throw new IngestError('xls-legacy');
  if (!isZip(bytes)) throw new IngestError('xlsx-corrupt');
  checkWorkbookSize(bytes);
}

/** Reads sheet names from xl/workbook.xml, inflating only that part. */
function sheetNames(bytes: Uint8Array): string[] {
  let part: Uint8Array | undefined;
  try {
    part = unzipSync(bytes, { filter: (file) => file.name === WORKBOOK_PART })[WORKBOOK_PART];
  } catch (error) {
    throw new IngestError('xlsx-corrupt', {}, { cause: error });
  }
  if (!part) throw corrupt(`${WORKBOOK_PART} missing`);
  const xml = new TextDecoder().decode(part).replace(/<!--[\s\S]*?-->/g, '');
  const names: string[] = [];
  for (const tag of xml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const name = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag[0]);
    // read-excel-file skips <sheet> elements without a name, so numbering must too.
    if (name) names.push(unescapeXlsx(decodeXmlEntities(name[1] ?? name[2] ?? '')));
  }
  return names;
}

/** Pads rows to one length and repairs date values (see `repairDate`). */
function normaliseRows(data: unknown[][]): CellValue[][] {
  const width = data.reduce((max, row) => Math.max(max, row.length), 0);
  return data.map((row) => {
    const out: CellValue[] = new Array<CellValue>(width).fill(null);
    row.forEach((value, i) => {
      out[i] = value instanceof Date ? repairDate(value) : ((value ?? null) as CellValue);
    });
    return out;
  });
}

/**
 * read-excel-file converts a date-formatted serial with `Math.floor((serial - 25569) × 86400000)`
 * (UTC, so whole days land on UTC midnight); floating-point error then puts times such as
 * 10:00 (serial 46023.416666666664) at 09:59:59.999. Within a millisecond of a whole second,
 * the whole second is what the sheet holds.
 */
function repairDate(date: Date): Date {
  const t = date.getTime();
  const second = Math.round(t / 1000) * 1000;
  return Math.abs(second - t) <= 1 && second !== t ? new Date(second) : date;
}

/** Finds the End Of Central Directory record, following the ZIP64 locator when present. */
function readEndOfCentralDirectory(view: DataView): {
  entries: number;
  cdOffset: number;
  cdSize: number;
} {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - 0xffff);
  let eocd = -1;
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  const locator = eocd - ZIP64_LOCATOR_SIZE;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR_SIGNATURE) {
    const at = getUint64(view, locator + 8);
    if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD_SIGNATURE) {
      throw corrupt('bad ZIP64 end of central directory');
    }
    return {
      entries: getUint64(view, at + 32),
      cdSize: getUint64(view, at + 40),
      cdOffset: getUint64(view, at + 48),
    };
  }
  return {
    entries: view.getUint16(eocd + 10, true),
    cdSize: view.getUint32(eocd + 12, true),
    cdOffset: view.getUint32(eocd + 16, true),
  };
}

/** The 64-bit uncompressed size from an entry's ZIP64 extra field (always its first value). */
function zip64UncompressedSize(view: DataView, start: number, length: number): number {
  let at = start;
  while (at + 4 <= start + length) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA_ID && size >= 8 && at + 12 <= start + length) {
      return getUint64(view, at + 4);
    }
    at += 4 + size;
  }
  throw corrupt('ZIP64 size missing');
}

/** A little-endian unsigned 64-bit integer as a number (exact up to 2^53, plenty for sizes). */
function getUint64(view: DataView, at: number): number {
  return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}

function corrupt(reason: string): IngestError {
  return new IngestError('xlsx-corrupt', {}, { cause: new Error(reason) });
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : +body.slice(1);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[body.toLowerCase()] ?? entity;
  });
}

/** OOXML's `_xHHHH_` escapes of characters XML 1.0 cannot hold (ECMA-376 §22.9.2.19). */
function unescapeXlsx(text: string): string {
  return text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength
    ? buffer
    : bytes.slice().buffer;
}
