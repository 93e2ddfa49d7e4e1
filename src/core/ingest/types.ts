/**
 * Shared vocabulary of the importer (`src/core/ingest`): what a column holds, what it means,
 * and what went wrong where. Pure types, used by the ingest worker, the UI and the CLI.
 */
import type { DictionaryValues } from '../storage/column-chunk.ts';

/** The value kind inferred for a column (as printed by `cx-trace inspect`). */
export type ValueType =
  'integer' | 'decimal' | 'percent' | 'date' | 'datetime' | 'boolean' | 'category' | 'text' | 'id';

/** What a column means for CX analysis; suggested from its header and values, editable. */
export type ColumnRole =
  | 'client-id'
  | 'date'
  | 'period'
  | 'nps'
  | 'csat'
  | 'factor-rating'
  | 'comment'
  | 'touchpoint'
  | 'segment'
  | 'unit'
  | 'factor-weight'
  | 'target'
  | 'other';

/** Decimal separator of numbers in a file. */
export type DecimalSeparator = '.' | ',';

/** Day/month order of ambiguous numeric dates such as 03/04/2026. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * How one column's text is read into values: the chosen type and the parsing details the
 * evidence decided (decimal separator, date order…).
 */
export interface ColumnFormat {
  type: ValueType;
  decimal: DecimalSeparator;
  /** Only for date/datetime. */
  dateOrder?: DateOrder;
}

/** What the importer found out about one column. */
export interface ColumnProfile {
  name: string;
  format: ColumnFormat;
  role: ColumnRole;
  /** For a factor-rating or factor-weight role: which factor, e.g. `delivery`. */
  factor?: string;
  /** Blank cells (→ null). */
  nulls: number;
  /** Non-blank cells that do not fit the chosen type (kept visible, never zeroed). */
  invalid: number;
  /** Up to 5 raw values that do not fit the type, with their 1-based data-row numbers. */
  invalidExamples: { row: number; value: string }[];
  /** Up to 5 distinct non-blank raw values, for the preview. */
  examples: string[];
  /**
   * For a date/datetime column: how many values wrote the year with two digits (their century
   * chosen as spreadsheets do); absent when none did.
   */
  twoDigitYears?: number;
}

/** A problem found in a file: a code for the UI to translate, and where it is. */
export interface IngestProblem {
  code:
    | 'ragged-row'
    | 'stray-quote'
    | 'duplicate-header'
    | 'blank-header'
    | 'replacement-chars'
    | 'invalid-values'
    | 'json-unwrapped'
    | 'json-flattened'
    | 'title-lines-skipped'
    | 'mixed-line-ends'
    | 'two-digit-years'
    | 'header-repairs-more';
  /** 1-based line/row in the file where it applies (data rows count from the header). */
  row?: number;
  column?: string;
  /** Details for the message: expected/found field counts, renamed header, counts… */
  detail?: Record<string, string | number>;
}

/** A typed cell value after reading: null for blank or invalid. */
export type CellValue = number | string | boolean | Date | null;

/**
 * A column's values once read by its format, ready to store: for numeric types (numbers, and
 * dates as epoch milliseconds) a `Float64Array` with NaN for blank or invalid cells; booleans and
 * strings in arrays with null for blank or invalid cells; strings that repeat as a dictionary.
 */
export type TypedValues = Float64Array | (string | null)[] | (boolean | null)[] | DictionaryValues;
