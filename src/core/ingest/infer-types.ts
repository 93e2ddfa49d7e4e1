/**
 * Deciding how a column's text is read (its ColumnFormat) from the evidence of all its values,
 * and profiling a column: type, role, nulls, values that do not fit, examples.
 */
import { looksLikeIdHeader, suggestRole, type RoleStats } from './column-roles.ts';
import {
  isBlankText,
  isNullToken,
  isNumericType,
  numericReader,
  isTextType,
  parseBoolean,
  parseDateParts,
  parseNumber,
  writesTwoDigitYear,
} from './parse-value.ts';
import { NumberSet } from './number-set.ts';
import type {
  ColumnFormat,
  ColumnProfile,
  DecimalSeparator,
  TypedValues,
  ValueType,
} from './types.ts';

/** Share of non-blank, non-null values a type must read for the column to get that type. */
export const TYPE_FIT_SHARE = 0.98;

/** What `inferFormat` may know besides the values. */
export interface InferHints {
  /** The file's decimal separator, used only when the column's own numbers are ambiguous. */
  decimal?: DecimalSeparator;
  /** The column header: identifier-like headers (`id`, `код`, `№`…) favour the `id` type. */
  header?: string;
}

const LEADING_ZERO = /^[+\-\u2212]?0\d/;
const PERCENT_SIGN = /\s*%$/;
const WHITESPACE = /\s/;
// Day and month may swap in `03/04/2026` and `03-04-2026`, never in `03.04.2026` or ISO dates.
const ORDER_SENSITIVE_DATE = /^\d{1,2}[/-]\d{1,2}[/-]/;
const YEAR_FIRST = /^\d{4}/;

/** 0: not a number; 1: a number with a fraction or exponent; 2: a whole number. */
function numberKind(core: string, decimal: DecimalSeparator): 0 | 1 | 2 {
  const n = parseNumber(core, decimal);
  // Leading zeros (`007`, `01234`) mark codes such as postcodes: reading them as numbers loses them.
  if (n === null || (core.length > 1 && LEADING_ZERO.test(core))) return 0;
  if (core.includes(decimal) || core.includes('e') || core.includes('E')) return 1;
  // Integers past 2^53 (long account numbers) cannot be held exactly; they are identifiers.
  return Number.isSafeInteger(n) ? 2 : 0;
}

/** Non-blank values of a column kept as strings, trimmed, with how often each occurs. */
function tally(values: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of values) {
    if (raw === null || raw === undefined) continue;
    const v = raw.trim();
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/** id, category or text for a column kept as strings. */
function stringType(values: readonly (string | null)[], idHeader: boolean): ValueType {
  const counts = tally(values);
  let nonBlank = 0;
  for (const n of counts.values()) nonBlank += n;
  const distinct = counts.size;
  const nearlyUnique = distinct >= 0.95 * nonBlank;
  if (nearlyUnique && idHeader) return 'id';
  if (nearlyUnique && nonBlank >= 20) {
    let compact = true;
    for (const v of counts.keys()) {
      if (v.length > 40 || WHITESPACE.test(v)) {
        compact = false;
        break;
      }
    }
    if (compact) return 'id';
  }
  if (distinct <= 50 && distinct * 2 <= nonBlank) return 'category';
  return 'text';
}

/** True when every non-blank, non-null-marker value occurs once. */
function allDistinct(values: readonly (string | null)[]): boolean {
  const seen = new Set<string>();
  for (const raw of values) {
    if (raw === null || raw === undefined) continue;
    const v = raw.trim();
    if (v === '' || isNullToken(v)) continue;
    if (seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/**
 * Infers how a column is read, from all its non-blank values. The most specific type that reads
 * at least 98% of the non-blank, non-null-marker values wins, tried in the order boolean,
 * integer, decimal, percent, date, datetime (the rest become `invalid` in the profile); other
 * columns are `id` (nearly all distinct, compact, or under an identifier header), `category`
 * (≤ 50 distinct values, each seen twice on average) or `text`. The decimal separator and date
 * order follow the column's own unambiguous values (`7,5`, `25/04/2026`), else `hints.decimal`
 * (default '.') and day-first; `ymd` when every date is written year first.
 */
export function inferFormat(
  values: readonly (string | null)[],
  hints: InferHints = {},
): ColumnFormat {
  const fallbackDecimal = hints.decimal ?? '.';
  const idHeader = hints.header !== undefined && looksLikeIdHeader(hints.header);
  // A type family stops being tried once it failed more values than 2% of all cells; the
  // verdict below uses the exact number of values considered, which is never larger.
  const cap = Math.floor(values.length * (1 - TYPE_FIT_SHARE) + 1e-9);
  let nonBlank = 0;
  let considered = 0;
  let boolFail = 0;
  const numFail = [0, 0];
  const intFail = [0, 0];
  const pctFail = [0, 0];
  const fractions = [0, 0];
  let dotEvidence = 0;
  let commaEvidence = 0;
  let dmyFail = 0;
  let mdyFail = 0;
  let dmyEvidence = 0;
  let mdyEvidence = 0;
  let dmyTime = false;
  let mdyTime = false;
  let yearFirstOnly = true;
  let alive = true;

  for (const raw of values) {
    if (raw === null || raw === undefined) continue;
    const v = raw.trim();
    if (v === '') continue;
    nonBlank++;
    if (isNullToken(v)) continue;
    considered++;
    if (!alive) continue;
    const boolAlive = boolFail <= cap;
    const numbersAlive = Math.min(numFail[0]!, numFail[1]!, pctFail[0]!, pctFail[1]!) <= cap;
    const datesAlive = Math.min(dmyFail, mdyFail) <= cap;
    alive = boolAlive || numbersAlive || datesAlive;

    if (boolAlive && parseBoolean(v) === null) boolFail++;

    if (numbersAlive) {
      const percent = v.endsWith('%');
      const core = percent ? v.replace(PERCENT_SIGN, '') : v;
      const dot = numberKind(core, '.');
      // Without either separator both readings agree; skip the second parse.
      const comma = core.includes(',') || core.includes('.') ? numberKind(core, ',') : dot;
      for (let i = 0; i < 2; i++) {
        const kind = i === 0 ? dot : comma;
        if (percent) {
          numFail[i]!++;
          intFail[i]!++;
          if (kind === 0) pctFail[i]!++;
        } else {
          pctFail[i]!++;
          if (kind === 0) numFail[i]!++;
          if (kind !== 2) intFail[i]!++;
          if (kind === 1) fractions[i]!++;
        }
      }
      // `7,5` reads only with ','; `1,234.5` only with '.'; `1,234` either way (no evidence).
      if (dot !== 0 && comma === 0) dotEvidence++;
      else if (comma !== 0 && dot === 0) commaEvidence++;
    }

    if (datesAlive) {
      const dmy = parseDateParts(v, 'dmy');
      const mdy = ORDER_SENSITIVE_DATE.test(v) ? parseDateParts(v, 'mdy') : dmy;
      if (dmy === null) dmyFail++;
      else if (dmy.hasTime) dmyTime = true;
      if (mdy === null) mdyFail++;
      else if (mdy.hasTime) mdyTime = true;
      if (dmy !== null && mdy === null) dmyEvidence++;
      else if (mdy !== null && dmy === null) mdyEvidence++;
      if ((dmy !== null || mdy !== null) && !YEAR_FIRST.test(v)) yearFirstOnly = false;
    }
  }

  if (nonBlank === 0) return { type: 'text', decimal: fallbackDecimal };
  const allowed = Math.floor(considered * (1 - TYPE_FIT_SHARE) + 1e-9);
  if (considered > 0) {
    if (boolFail <= allowed) return { type: 'boolean', decimal: fallbackDecimal };

    const decimal: DecimalSeparator =
      dotEvidence > commaEvidence ? '.' : commaEvidence > dotEvidence ? ',' : fallbackDecimal;
    const i = decimal === '.' ? 0 : 1;
    // A few 2.5s make the column decimal (every value still reads), not integer with invalids.
    if (intFail[i]! <= allowed && fractions[i] === 0) {
      return { type: idHeader && allDistinct(values) ? 'id' : 'integer', decimal };
    }
    if (numFail[i]! <= allowed) return { type: 'decimal', decimal };
    if (pctFail[i]! <= allowed) return { type: 'percent', decimal };

    const mdy = mdyEvidence > dmyEvidence;
    if ((mdy ? mdyFail : dmyFail) <= allowed) {
      return {
        type: (mdy ? mdyTime : dmyTime) ? 'datetime' : 'date',
        decimal: fallbackDecimal,
        dateOrder: yearFirstOnly ? 'ymd' : mdy ? 'mdy' : 'dmy',
      };
    }
  }
  return { type: stringType(values, idHeader), decimal: fallbackDecimal };
}

/**
 * How many values type inference reads at most; the full column is still counted. As many rows
 * as DuckDB's CSV sniffer samples by default (20,480): plenty to decide a type, and values the
 * type does not fit are still counted and shown.
 */
export const INFERENCE_SAMPLE = 20_480;

/** Distinct values tracked per column for the role heuristics. */
const DISTINCT_CAP = 10_000;

/**
 * A column's raw cells: an array of them, or one column of a table's rows (read in place, so a
 * million-row column is not copied out first).
 */
export type CellSource =
  readonly (string | null)[] | { rows: readonly (readonly (string | null)[])[]; column: number };

/** The number of cells and the reader of cell `r` of a cell source. */
function cellsOf(source: CellSource): [number, (r: number) => string | null | undefined] {
  if (Array.isArray(source)) {
    const values = source as readonly (string | null)[];
    return [values.length, (r) => values[r]];
  }
  const { rows, column } = source as Exclude<CellSource, readonly (string | null)[]>;
  return [rows.length, (r) => rows[r]![column]];
}

/**
 * Up to `INFERENCE_SAMPLE` values spread evenly over the column (the first ones included), so
 * inference costs the same for a million rows as for fifty thousand. Values the sampled type does
 * not fit are still found and counted by the full pass in `profileColumn`.
 */
export function sampleForInference(
  source: CellSource,
  size = INFERENCE_SAMPLE,
): readonly (string | null)[] {
  const [n, cell] = cellsOf(source);
  if (Array.isArray(source) && n <= size) return source as readonly (string | null)[];
  const take = Math.min(n, size);
  const head = Math.min(1000, size / 10, take);
  const out = new Array<string | null>(take);
  for (let k = 0; k < head; k++) out[k] = cell(k) ?? null;
  const step = take > head ? (n - head) / (take - head) : 0;
  for (let k = 0; k < take - head; k++) out[head + k] = cell(head + Math.floor(k * step)) ?? null;
  return out;
}

/** Blank: empty or whitespace only. */
const blank = isBlankText;

/**
 * Distinct strings a column may have and still be stored as a dictionary built while reading it
 * (past this, as plain strings).
 */
const DICTIONARY_CAP = 65_536;

/**
 * Kept values after which a column whose values are still nearly all different (comments,
 * identifiers) stops building its dictionary: it would end as plain strings anyway, and hashing
 * tens of thousands of long comments costs more than reading them.
 */
const DICTIONARY_PROBE = 1024;

/** The longest example kept for the preview: a 50 MB cell must not travel and render whole. */
export const EXAMPLE_CHARS = 200;

/** A value cut to `max` characters for showing, with an ellipsis where it was cut. */
export function clipExample(text: string, max = EXAMPLE_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Profiles one column: its format (inferred unless `options.format` is given; `options.decimal`
 * is the file's separator, a hint), suggested role, null count (blank cells, plus null markers
 * outside text/category/id), values that do not fit with up to 5 examples (1-based row numbers
 * of `values`), and up to 5 distinct non-blank values for the preview.
 */
export function profileColumn(
  name: string,
  values: CellSource,
  options: { format?: ColumnFormat; decimal?: DecimalSeparator } = {},
): ColumnProfile {
  return readColumn(name, values, { ...options, collect: false }).profile;
}

/** How a column is read: as `options.format` says, else as inferred from a sample of it. */
export function columnFormat(
  name: string,
  values: CellSource,
  options: { format?: ColumnFormat; decimal?: DecimalSeparator } = {},
): ColumnFormat {
  return (
    options.format ??
    inferFormat(sampleForInference(values), { header: name, decimal: options.decimal })
  );
}

/** A column as read: its profile, its typed values (when collected) and its tally. */
export interface ReadColumn {
  profile: ColumnProfile;
  typed: TypedValues | null;
  tally: ColumnTally;
}

/**
 * Profiles one column as `profileColumn` does and, in the same pass, reads every cell into the
 * typed values that are stored (see `TypedValues`; a cell that does not fit is blank there, and
 * counted in the profile). Text columns whose values repeat come back as a dictionary.
 */
export function readColumn(
  name: string,
  values: CellSource,
  options: { format?: ColumnFormat; decimal?: DecimalSeparator; collect?: boolean } = {},
): ReadColumn {
  const [n, cell] = cellsOf(values);
  const reader = new ColumnReader(columnFormat(name, values, options), n, options.collect ?? true);
  for (let r = 0; r < n; r++) reader.add(r, cell(r));
  return reader.finish(name);
}

/** Distinct cells a number or date column remembers having read (see `ColumnReader`). */
const READ_VALUES_CAP = 4096;

/** Rows read at a time by `readColumns` (fewer when rows are wide), between progress reports. */
const ROWS_CELLS = 1 << 20;

/**
 * Reads several columns of a table's rows as `readColumn` reads each, in one pass over the rows
 * (same results). A million rows of cell strings are laid out in memory row by row: a pass per
 * column reads one string of every row, which costs mostly waiting for memory, while a pass over
 * the rows reads each row's strings together. `onRows` hears how many rows were read so far.
 */
export function readColumns(
  rows: readonly (readonly (string | null)[])[],
  columns: readonly { name: string; index: number; format: ColumnFormat }[],
  options: { collect?: boolean; onRows?: (done: number, total: number) => void } = {},
): ReadColumn[] {
  const n = rows.length;
  const collect = options.collect ?? true;
  const readers = columns.map((c) => new ColumnReader(c.format, n, collect));
  const at = columns.map((c) => c.index);
  const width = readers.length;
  const step = Math.max(1, Math.floor(ROWS_CELLS / Math.max(1, width)));
  for (let from = 0; from < n; from += step) {
    const to = Math.min(n, from + step);
    for (let r = from; r < to; r++) {
      const row = rows[r]!;
      for (let c = 0; c < width; c++) readers[c]!.add(r, row[at[c]!]);
    }
    options.onRows?.(to, n);
  }
  return readers.map((reader, c) => reader.finish(columns[c]!.name));
}

/**
 * Reads the cells of one column, given one at a time in row order (`add`), into its tally and,
 * when collecting, its typed values; `finish` gives the result (see `readColumn`).
 */
class ColumnReader {
  private readonly type: ValueType;
  private readonly keepsText: boolean;
  private readonly read: ((raw: string) => number) | null;
  private readonly isNumber: boolean;
  private readonly isDate: boolean;
  private readonly numbers: Float64Array | null;
  private readonly others: (string | boolean | null)[] | null;
  // Text columns: their distinct values (which also count them for the role heuristics) and,
  // when collecting, a code per row into them, for as long as there are few enough.
  private codes: Int32Array | null;
  private readonly words = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private wordsFull = false;
  /** Text cells kept so far (see `DICTIONARY_PROBE`). */
  private kept = 0;
  private nulls = 0;
  private invalid = 0;
  private nonBlank = 0;
  private totalLength = 0;
  private twoDigitYears = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly invalidExamples: { row: number; value: string }[] = [];
  private readonly examples: string[] = [];
  // Distinct values (see `add`): numbers unboxed, and the text of cells that did not read.
  private readonly distinctNumbers = new NumberSet();
  private readonly distinct = new Set<string>();
  /**
   * Number and date cells already read, by their text: a column's repeated values (dates,
   * counts, scores) come from the splitter as the same string, whose hash the engine keeps, so
   * a repeat is one lookup instead of a parse. Null for other types and once too many values
   * were different to be worth it.
   */
  private readValues: Map<string, number> | null;

  constructor(
    private readonly format: ColumnFormat,
    private readonly rows: number,
    collect: boolean,
  ) {
    const type = format.type;
    this.type = type;
    this.keepsText = isTextType(type);
    const numeric = isNumericType(type);
    this.read = numeric ? numericReader(format) : null;
    this.isNumber = type === 'integer' || type === 'decimal' || type === 'percent';
    this.isDate = type === 'date' || type === 'datetime';
    this.numbers = collect && numeric ? new Float64Array(rows) : null;
    this.others = collect && !numeric ? new Array<string | boolean | null>(rows).fill(null) : null;
    this.codes = collect && this.keepsText ? new Int32Array(rows).fill(-1) : null;
    this.readValues = numeric ? new Map() : null;
  }

  /** Reads cell `r`. */
  add(r: number, raw: string | null | undefined): void {
    if (raw === null || raw === undefined) return this.null(r);
    const known = this.readValues?.get(raw);
    if (known !== undefined) {
      // Read before, valid: its example, distinct value and extremes are counted already.
      this.nonBlank++;
      this.totalLength += raw.length;
      if (this.numbers) this.numbers[r] = known;
      return;
    }
    if (blank(raw)) {
      // Free text keeps even an empty or blank answer exactly as written.
      if (this.type === 'text') this.keep(r, raw);
      return this.null(r);
    }
    if (!this.keepsText && isNullToken(raw)) return this.null(r);
    this.nonBlank++;
    this.totalLength += raw.length;
    if (this.examples.length < 5) {
      const example = clipExample(raw);
      if (!this.examples.includes(example)) this.examples.push(example);
    }
    // Past DISTINCT_CAP, "many distinct values" is all the role heuristics need to know. Numbers
    // and dates are told apart by value (cheaper to hash than text), the rest as written.
    const counting = this.distinct.size + this.distinctNumbers.size < DISTINCT_CAP;
    if (this.read) {
      const x = this.read(raw);
      if (this.numbers) this.numbers[r] = x;
      if (x !== x) {
        this.fail(r, raw);
        if (counting) this.distinct.add(raw.trim());
      } else {
        if (counting) this.distinctNumbers.add(x);
        if (this.isNumber) {
          if (x < this.min) this.min = x;
          if (x > this.max) this.max = x;
        }
        // Two-digit years are counted per cell, so those cells are read each time.
        if (this.isDate && writesTwoDigitYear(raw)) this.twoDigitYears++;
        else this.remember(raw, x);
      }
    } else if (this.keepsText) {
      this.keep(r, this.type === 'text' ? raw : raw.trim());
    } else {
      const b = parseBoolean(raw);
      if (this.others) this.others[r] = b;
      if (b === null) this.fail(r, raw);
      if (counting) this.distinct.add(raw.trim());
    }
  }

  private remember(raw: string, x: number): void {
    const values = this.readValues;
    if (!values) return;
    if (values.size === READ_VALUES_CAP) this.readValues = null;
    else values.set(raw, x);
  }

  /** A blank or null cell (a blank text cell is also kept, by `add`). */
  private null(r: number): void {
    this.nulls++;
    if (this.numbers) this.numbers[r] = NaN;
  }

  private fail(r: number, raw: string): void {
    this.invalid++;
    if (this.invalidExamples.length < 5) {
      this.invalidExamples.push({ row: r + 1, value: clipExample(raw) });
    }
  }

  private keep(r: number, text: string): void {
    if (this.others) this.others[r] = text;
    if (this.wordsFull) return;
    if (++this.kept === DICTIONARY_PROBE && this.dictionary.length > 0.9 * DICTIONARY_PROBE) {
      this.wordsFull = true;
      this.codes = null;
      return;
    }
    let code = this.words.get(text);
    if (code === undefined) {
      if (this.dictionary.length >= DICTIONARY_CAP) {
        this.wordsFull = true;
        this.codes = null;
        return;
      }
      code = this.dictionary.length;
      this.words.set(text, code);
      this.dictionary.push(text);
    }
    if (this.codes) this.codes[r] = code;
  }

  /** The column as read, under the name `name`. */
  finish(name: string): ReadColumn {
    // Text is counted as written (id and category trimmed), blank answers apart.
    const seen = this.keepsText
      ? this.wordsFull
        ? null
        : this.dictionary.filter((w) => !blank(w)).slice(0, DISTINCT_CAP)
      : [...Array.from(this.distinctNumbers.values(), String), ...this.distinct];
    const tally: ColumnTally = {
      rows: this.rows,
      nulls: this.nulls,
      invalid: this.invalid,
      nonBlank: this.nonBlank,
      totalLength: this.totalLength,
      twoDigitYears: this.twoDigitYears,
      min: this.min,
      max: this.max,
      invalidExamples: this.invalidExamples,
      examples: this.examples,
      distinct: seen,
    };
    const typed =
      this.numbers ??
      (this.codes
        ? { codes: this.codes, dictionary: this.dictionary }
        : (this.others as TypedValues | null));
    return { profile: profileFromTallies(name, this.format, [tally]), tally, typed };
  }
}

/**
 * What reading (part of) a column found, in a form that adds up across parts of a file read
 * apart: counts, extremes, the first examples, and the distinct values seen (up to
 * `DISTINCT_CAP`; null when there were more).
 */
export interface ColumnTally {
  rows: number;
  nulls: number;
  invalid: number;
  nonBlank: number;
  totalLength: number;
  /** Date cells read with a two-digit year (see `writesTwoDigitYear`). */
  twoDigitYears: number;
  min: number;
  max: number;
  /** 1-based data-row numbers within the part. */
  invalidExamples: { row: number; value: string }[];
  examples: string[];
  distinct: string[] | null;
}

/**
 * The profile of a column from the tallies of its parts, in row order: counts summed, the first
 * examples kept (row numbers counted across the parts), distinct values united, and the role
 * suggested from all of it.
 */
export function profileFromTallies(
  name: string,
  format: ColumnFormat,
  tallies: readonly ColumnTally[],
): ColumnProfile {
  let nulls = 0;
  let invalid = 0;
  let nonBlank = 0;
  let totalLength = 0;
  let twoDigitYears = 0;
  let min = Infinity;
  let max = -Infinity;
  let before = 0;
  const invalidExamples: { row: number; value: string }[] = [];
  const examples: string[] = [];
  const distinct = new Set<string>();
  let manyDistinct = false;
  for (const t of tallies) {
    nulls += t.nulls;
    invalid += t.invalid;
    nonBlank += t.nonBlank;
    totalLength += t.totalLength;
    twoDigitYears += t.twoDigitYears;
    min = Math.min(min, t.min);
    max = Math.max(max, t.max);
    for (const e of t.invalidExamples) {
      if (invalidExamples.length < 5) invalidExamples.push({ row: before + e.row, value: e.value });
    }
    for (const e of t.examples) if (examples.length < 5 && !examples.includes(e)) examples.push(e);
    if (t.distinct === null) manyDistinct = true;
    else for (const v of t.distinct) if (distinct.size < DISTINCT_CAP) distinct.add(v);
    before += t.rows;
  }
  const stats: RoleStats = { distinct: manyDistinct ? DISTINCT_CAP : distinct.size, nonBlank };
  if (nonBlank > 0) stats.meanLength = totalLength / nonBlank;
  if (min <= max) {
    stats.min = min;
    stats.max = max;
  }
  const { role, factor } = suggestRole(name, format, stats);
  return {
    name,
    format,
    role,
    ...(factor ? { factor } : {}),
    nulls,
    invalid,
    invalidExamples,
    examples,
    ...(twoDigitYears > 0 ? { twoDigitYears } : {}),
  };
}
