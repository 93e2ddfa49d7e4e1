/**
 * The transform's conditions and derivations as plain JavaScript functions of a row object:
 * column names and values chosen in the form are data these closures hold, never text of an
 * expression, so a hostile name or value stays a name or a value.
 */
import { parseBoolean } from '../ingest/parse-value.ts';
import { periodKey } from '../index/period-key.ts';
import type { ColumnType } from '../storage/dataset-meta.ts';
import type { Condition, Derivation, Operand } from './transform-steps.ts';

/** A row as the transform sees it: each column's value by name. */
export type Row = Record<string, unknown>;

const isBlank = (v: unknown) =>
  v === null ||
  v === undefined ||
  (typeof v === 'number' && Number.isNaN(v)) ||
  (typeof v === 'string' && v.trim() === '');

/** A form's value as the column's kind: a number, a date's epoch ms, yes/no, or text. */
function typedValue(raw: string | number | null, type: ColumnType | undefined): unknown {
  if (raw === null) return null;
  if (type === 'number') {
    // A decimal comma, as Russian analysts write it, is a decimal point.
    return typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'));
  }
  if (type === 'date') return typeof raw === 'number' ? raw : Date.parse(String(raw).trim());
  if (type === 'boolean') return typeof raw === 'boolean' ? raw : parseBoolean(String(raw));
  return String(raw).trim().toLocaleLowerCase();
}

/** A cell as compared: numbers and dates as numbers, yes/no as booleans, text in lower case. */
function comparable(v: unknown, type: ColumnType | undefined): unknown {
  if (type === 'string') return String(v).trim().toLocaleLowerCase();
  return v;
}

/** A condition as a predicate of a row; `types` tells how to read the form's value. */
export function conditionTest(
  condition: Condition,
  types: Readonly<Record<string, ColumnType>>,
): (row: Row) => boolean {
  const { column, op } = condition;
  const type = types[column];
  if (op === 'blank') return (row) => isBlank(row[column]);
  if (op === 'notBlank') return (row) => !isBlank(row[column]);
  if (op === 'contains') {
    const needle = String(condition.value ?? '').toLocaleLowerCase();
    return (row) =>
      !isBlank(row[column]) && String(row[column]).toLocaleLowerCase().includes(needle);
  }
  const wanted = typedValue(condition.value, type);
  const compare = (row: Row): number | null => {
    const v = row[column];
    if (isBlank(v) || wanted === null || Number.isNaN(wanted)) return null;
    const a = comparable(v, type);
    if (typeof a === 'number' && typeof wanted === 'number') return a - wanted;
    if (typeof a === 'boolean' || typeof wanted === 'boolean') return a === wanted ? 0 : NaN;
    const [x, y] = [String(a), String(wanted)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const holds: Record<typeof op, (c: number) => boolean> = {
    eq: (c) => c === 0,
    ne: (c) => c !== 0,
    lt: (c) => c < 0,
    le: (c) => c <= 0,
    gt: (c) => c > 0,
    ge: (c) => c >= 0,
  };
  // A blank cell meets no comparison, except "not equal": it is not the value.
  return (row) => {
    const c = compare(row);
    if (c === null) return op === 'ne';
    return holds[op](c);
  };
}

/** Several conditions joined by `and` / `or`; none keeps every row. */
export function rowFilter(
  conditions: readonly Condition[],
  combine: 'and' | 'or',
  types: Readonly<Record<string, ColumnType>>,
): (row: Row) => boolean {
  const tests = conditions.map((c) => conditionTest(c, types));
  if (tests.length === 0) return () => true;
  return combine === 'and'
    ? (row) => tests.every((t) => t(row))
    : (row) => tests.some((t) => t(row));
}

const numberOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

function operandOf(operand: Operand): (row: Row) => number | null {
  return 'column' in operand ? (row) => numberOf(row[operand.column]) : () => operand.number;
}

function branchOf(b: Operand | { text: string }): (row: Row) => unknown {
  if ('text' in b) return () => b.text;
  if ('column' in b) return (row) => (isBlank(row[b.column]) ? null : row[b.column]);
  return () => b.number;
}

/** A bucket's label: `< 10`, `10–20`, `≥ 30` (ranges include their lower edge). */
function bucketOf(edges: readonly number[]): (v: number) => string {
  const fmt = (x: number) => String(x);
  return (v) => {
    if (v < edges[0]!) return `< ${fmt(edges[0]!)}`;
    for (let i = 1; i < edges.length; i++) {
      if (v < edges[i]!) return `${fmt(edges[i - 1]!)}–${fmt(edges[i]!)}`;
    }
    return `≥ ${fmt(edges[edges.length - 1]!)}`;
  };
}

/** The kind of value a derivation makes, for the stored column. */
export function derivedType(
  d: Derivation,
  types: Readonly<Record<string, ColumnType>>,
): ColumnType {
  switch (d.kind) {
    case 'arith':
      return 'number';
    case 'datePart':
      return d.part === 'year' ? 'number' : 'string';
    case 'bucket':
      return 'string';
    case 'contains':
      return 'boolean';
    case 'ifElse': {
      const kinds = [d.then, d.otherwise].map((b) =>
        'text' in b ? 'string' : 'number' in b ? 'number' : (types[b.column] ?? 'string'),
      );
      return kinds[0] === kinds[1] ? kinds[0]! : 'string';
    }
  }
}

/** A derivation as a function of a row (null where an input is blank or not a number). */
export function deriveFunction(
  d: Derivation,
  types: Readonly<Record<string, ColumnType>>,
): (row: Row) => unknown {
  switch (d.kind) {
    case 'arith': {
      const [left, right] = [operandOf(d.left), operandOf(d.right)];
      const apply = {
        '+': (a: number, b: number) => a + b,
        '-': (a: number, b: number) => a - b,
        '*': (a: number, b: number) => a * b,
        '/': (a: number, b: number) => (b === 0 ? null : a / b),
      }[d.op];
      return (row) => {
        const [a, b] = [left(row), right(row)];
        return a === null || b === null ? null : apply(a, b);
      };
    }
    case 'datePart':
      return (row) => {
        const v = row[d.column];
        if (isBlank(v)) return null;
        if (d.part === 'year') {
          const key = periodKey(v, 'month');
          return key ? Number(key.slice(0, 4)) : null;
        }
        return periodKey(v, d.part);
      };
    case 'bucket': {
      const label = bucketOf(d.edges);
      return (row) => {
        const v = numberOf(row[d.column]);
        return v === null ? null : label(v);
      };
    }
    case 'contains': {
      const needle = d.text.toLocaleLowerCase();
      return (row) =>
        isBlank(row[d.column]) ? null : String(row[d.column]).toLocaleLowerCase().includes(needle);
    }
    case 'ifElse': {
      const test = conditionTest(d.condition, types);
      const [then, otherwise] = [branchOf(d.then), branchOf(d.otherwise)];
      return (row) => (test(row) ? then(row) : otherwise(row));
    }
  }
}
