/**
 * Writing the demo's CSV files byte-stably: comma-delimited, `\n` line ends, RFC 4180 quotes
 * only where a field needs them, dot decimals with a fixed count per column, ISO dates,
 * `yes`/`no` booleans and an empty field for a missing value.
 */

/** A field as written: text quoted only if it holds a comma, quote or line break. */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number with exactly `decimals` decimals; empty for a missing or non-finite value. */
export function csvNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const s = value.toFixed(decimals);
  // `toFixed` writes tiny negatives as "-0.0"; a stable file has one zero.
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** `yes` or `no`; `да` or `нет` in a Russian file (the words its analysts would type). */
export function csvBoolean(value: boolean, lang: 'ru' | 'en' | 'mixed' = 'en'): string {
  if (lang === 'ru') return value ? 'да' : 'нет';
  return value ? 'yes' : 'no';
}

/** Collects the lines of one file and joins them once. */
export class CsvWriter {
  private readonly lines: string[];

  /** A file with these column names as its header row. */
  constructor(readonly columns: readonly string[]) {
    this.lines = [columns.join(',')];
  }

  /** Appends one row of already formatted fields (see `csvText`, `csvNumber`). */
  row(fields: readonly string[]): void {
    this.lines.push(fields.join(','));
  }

  /** Data rows written so far. */
  get rows(): number {
    return this.lines.length - 1;
  }

  /** The whole file, ending with a line break. */
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** The first day of the month `offset` months after `year`-`month` (1-based), as `YYYY-MM-01`. */
export function isoMonth(year: number, month: number, offset = 0): string {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}
