import { periodKey as calendarPeriod } from '../index/period-key.ts';
/** A dataset held as columns of typed values (numbers, strings, booleans, null). */
export interface ColumnarTable {
  names: string[];
  columns: ArrayLike<unknown>[];
  /** Which columns hold dates, as epoch milliseconds (as stored datasets decode them). */
  dates?: readonly boolean[];
}

/** How period keys are compared: as they are, or by the month or quarter of a date. */
export type PeriodGrain = 'exact' | 'month' | 'quarter';

/** Which columns to link on: the key (e.g. client id) and, optionally, the period. */
export interface JoinSpec {
  leftKey: string;
  rightKey: string;
  period?: { left: string; right: string; grain: PeriodGrain };
}

/** A join of two stored datasets into a new one named `name`: `left` keeps all its rows. */
export type JoinRequest = JoinSpec & { name: string; left: string; right: string };

/** What the join matched and did not. */
export interface JoinReport {
  leftRows: number;
  rightRows: number;
  /** Rows of the result. */
  rows: number;
  /** Left rows that found at least one right row. */
  matchedLeftRows: number;
  /** Left rows whose key had no right row (kept, with blank right columns). */
  unmatchedLeftRows: number;
  /** Distinct left keys without a match, and up to 10 of them. */
  unmatchedLeftKeys: number;
  unmatchedLeftExamples: string[];
  /** Distinct right keys that no left row has, and up to 10 of them. */
  unmatchedRightKeys: number;
  unmatchedRightExamples: string[];
  /** Left rows that matched several right rows (each match becomes a row). */
  multiMatchedLeftRows: number;
  /** Left rows with a blank key (kept, unmatched). */
  blankKeyRows: number;
}

const EXAMPLES = 10;

/**
 * A period value as a comparable key at a grain: dates (and `2026-03…` text) by month
 * ("2026-03") or quarter ("2026-Q1"), as the rest of the app keys periods; at `exact`, a date
 * as its ISO instant. Other values are compared as their trimmed text.
 */
export function periodKey(value: unknown, grain: PeriodGrain): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return grain === 'exact' ? value.toISOString() : calendarPeriod(value, grain);
  }
  if (typeof value === 'string' && grain !== 'exact') {
    return calendarPeriod(value, grain) ?? value.trim();
  }
  return String(value).trim();
}

/** A key value as text: trimmed; numbers and strings with the same digits match ("7" = 7). */
function keyText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = value instanceof Date ? value.toISOString() : String(value).trim();
  return s === '' ? null : s;
}

/**
 * Links two tables by key (and optionally period), keeping every left row (a left join): each
 * matching right row adds its columns; unmatched left rows get blanks. Right columns whose
 * names the left already has are suffixed with `rightLabel`; the right key columns are dropped.
 * The report counts what matched and lists keys without a partner on either side.
 */
export function joinTables(
  left: ColumnarTable,
  right: ColumnarTable,
  spec: JoinSpec,
  rightLabel: string,
): { table: ColumnarTable; report: JoinReport } {
  const col = (t: ColumnarTable, name: string) => {
    const i = t.names.indexOf(name);
    if (i < 0) throw new Error(`Column “${name}” is not in the table`);
    return t.columns[i]!;
  };
  const lk = col(left, spec.leftKey);
  const rk = col(right, spec.rightKey);
  const lp = spec.period ? col(left, spec.period.left) : null;
  const rp = spec.period ? col(right, spec.period.right) : null;
  const isDate = (t: ColumnarTable, name: string) => t.dates?.[t.names.indexOf(name)] === true;
  // Dates stored as milliseconds are compared as dates (by month or quarter), not as numbers.
  const asDate = (t: ColumnarTable, name: string | undefined) =>
    name !== undefined && isDate(t, name)
      ? (v: unknown) => (typeof v === 'number' ? new Date(v) : v)
      : (v: unknown) => v;
  const lDate = asDate(left, spec.period?.left);
  const rDate = asDate(right, spec.period?.right);
  const lkDate = asDate(left, spec.leftKey);
  const rkDate = asDate(right, spec.rightKey);
  const grain = spec.period?.grain ?? 'exact';
  const keyOf = (
    k: ArrayLike<unknown>,
    p: ArrayLike<unknown> | null,
    i: number,
    side: 'left' | 'right',
  ): string | null => {
    const key = keyText((side === 'left' ? lkDate : rkDate)(k[i]));
    if (key === null) return null;
    if (!p) return key;
    const period = periodKey((side === 'left' ? lDate : rDate)(p[i]), grain);
    return period === null ? null : `${key}\u0000${period}`;
  };
  const display = (key: string) => key.replace('\u0000', ' · ');

  const rightRows = rk.length;
  const index = new Map<string, number[]>();
  for (let i = 0; i < rightRows; i++) {
    const key = keyOf(rk, rp, i, 'right');
    if (key === null) continue;
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  }

  const dropped = new Set([spec.rightKey, ...(spec.period ? [spec.period.right] : [])]);
  const rightKept = right.names.map((n, i) => ({ n, i })).filter(({ n }) => !dropped.has(n));
  const leftNames = new Set(left.names);
  const names = [
    ...left.names,
    ...rightKept.map(({ n }) => (leftNames.has(n) ? `${n} (${rightLabel})` : n)),
  ];
  const leftIdx: number[] = [];
  const rightIdx: number[] = [];
  const usedRight = new Set<string>();
  const unmatchedLeft = new Set<string>();
  const report: JoinReport = {
    leftRows: lk.length,
    rightRows,
    rows: 0,
    matchedLeftRows: 0,
    unmatchedLeftRows: 0,
    unmatchedLeftKeys: 0,
    unmatchedLeftExamples: [],
    unmatchedRightKeys: 0,
    unmatchedRightExamples: [],
    multiMatchedLeftRows: 0,
    blankKeyRows: 0,
  };
  for (let i = 0; i < lk.length; i++) {
    const key = keyOf(lk, lp, i, 'left');
    const matches = key === null ? undefined : index.get(key);
    if (!matches) {
      if (key === null) report.blankKeyRows++;
      else unmatchedLeft.add(key);
      report.unmatchedLeftRows++;
      leftIdx.push(i);
      rightIdx.push(-1);
      continue;
    }
    usedRight.add(key!);
    report.matchedLeftRows++;
    if (matches.length > 1) report.multiMatchedLeftRows++;
    for (const j of matches) {
      leftIdx.push(i);
      rightIdx.push(j);
    }
  }
  report.rows = leftIdx.length;
  report.unmatchedLeftKeys = unmatchedLeft.size;
  report.unmatchedLeftExamples = [...unmatchedLeft].slice(0, EXAMPLES).map(display);
  const unmatchedRight = [...index.keys()].filter((k) => !usedRight.has(k));
  report.unmatchedRightKeys = unmatchedRight.length;
  report.unmatchedRightExamples = unmatchedRight.slice(0, EXAMPLES).map(display);

  const columns = [
    ...left.columns.map((c) => leftIdx.map((i) => c[i] ?? null)),
    ...rightKept.map(({ i: ci }) => {
      const c = right.columns[ci]!;
      return rightIdx.map((j) => (j < 0 ? null : (c[j] ?? null)));
    }),
  ];
  const dates = [
    ...left.names.map((n) => isDate(left, n)),
    ...rightKept.map(({ n }) => isDate(right, n)),
  ];
  return { table: { names, columns, dates }, report };
}
