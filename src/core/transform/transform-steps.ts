/**
 * The steps of a transform cell, as the analyst chooses them in a form: filter rows, derive a
 * column, group and aggregate, join another dataset, pivot. Each step is plain data — column
 * names and values are never code — and `restoreTransformSteps` repairs what was stored.
 */

/** How a condition compares a column with a value. */
export type ConditionOp =
  'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'contains' | 'blank' | 'notBlank';

/** The condition operators, in the order a form offers them. */
export const CONDITION_OPS: readonly ConditionOp[] = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'blank',
  'notBlank',
];

/** One condition on a row: `column op value` (no value for blank / not blank). */
export interface Condition {
  column: string;
  op: ConditionOp;
  value: string | number | null;
}

/** A number or a column's value: one side of a calculation. */
export type Operand = { column: string } | { number: number };

/** Arithmetic between two operands. */
export type ArithOp = '+' | '-' | '*' | '/';

/** How a derived column is computed, from building blocks. */
export type Derivation =
  | { kind: 'arith'; left: Operand; op: ArithOp; right: Operand }
  | { kind: 'datePart'; column: string; part: 'month' | 'quarter' | 'year' }
  /** Ranges by ascending edges: below the first, between each pair, from the last up. */
  | { kind: 'bucket'; column: string; edges: number[] }
  | {
      kind: 'ifElse';
      condition: Condition;
      then: Operand | { text: string };
      otherwise: Operand | { text: string };
    }
  | { kind: 'contains'; column: string; text: string };

/** The aggregates of a group step. */
export type AggregateOp = 'count' | 'share' | 'mean' | 'median' | 'sum' | 'min' | 'max' | 'nps';

/** The aggregates, in the order a form offers them. */
export const AGGREGATE_OPS: readonly AggregateOp[] = [
  'count',
  'share',
  'mean',
  'median',
  'sum',
  'min',
  'max',
  'nps',
];

/** One aggregate column of a group step (`count` and `share` need no column). */
export interface Aggregate {
  name: string;
  op: AggregateOp;
  column: string | null;
}

/** A step of a transform. */
export type TransformStep =
  | { kind: 'filter'; combine: 'and' | 'or'; conditions: Condition[] }
  | { kind: 'derive'; name: string; derivation: Derivation }
  | { kind: 'group'; by: string[]; aggregates: Aggregate[] }
  | {
      kind: 'join';
      /** The other stored dataset's id. */
      dataset: string;
      leftKey: string;
      rightKey: string;
      how: 'inner' | 'left';
    }
  | {
      kind: 'pivot';
      rows: string[];
      columns: string;
      value: string | null;
      op: AggregateOp;
    };

/** The step kinds, in the order a form offers them. */
export const STEP_KINDS: readonly TransformStep['kind'][] = [
  'filter',
  'derive',
  'group',
  'join',
  'pivot',
];

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw | null => (typeof v === 'object' && v !== null ? (v as Raw) : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(v as T) ? (v as T) : fallback;

function restoreCondition(raw: unknown): Condition | null {
  const r = obj(raw);
  const column = text(r?.column);
  if (!r || !column) return null;
  const value =
    typeof r.value === 'number' && Number.isFinite(r.value)
      ? r.value
      : typeof r.value === 'string'
        ? r.value
        : null;
  return { column, op: oneOf(r.op, CONDITION_OPS, 'eq'), value };
}

function restoreOperand(raw: unknown): Operand | null {
  const r = obj(raw);
  if (!r) return null;
  const column = text(r.column);
  if (column) return { column };
  return typeof r.number === 'number' && Number.isFinite(r.number) ? { number: r.number } : null;
}

function restoreBranch(raw: unknown): Operand | { text: string } | null {
  const r = obj(raw);
  if (r && typeof r.text === 'string') return { text: r.text };
  return restoreOperand(raw);
}

function restoreDerivation(raw: unknown): Derivation | null {
  const r = obj(raw);
  if (!r) return null;
  const column = text(r.column);
  switch (r.kind) {
    case 'arith': {
      const left = restoreOperand(r.left);
      const right = restoreOperand(r.right);
      const op = oneOf<ArithOp>(r.op, ['+', '-', '*', '/'], '+');
      return left && right ? { kind: 'arith', left, op, right } : null;
    }
    case 'datePart':
      return column
        ? { kind: 'datePart', column, part: oneOf(r.part, ['month', 'quarter', 'year'], 'month') }
        : null;
    case 'bucket': {
      const edges = Array.isArray(r.edges)
        ? r.edges.filter((e): e is number => typeof e === 'number' && Number.isFinite(e))
        : [];
      return column && edges.length > 0
        ? { kind: 'bucket', column, edges: [...new Set(edges)].sort((a, b) => a - b) }
        : null;
    }
    case 'ifElse': {
      const condition = restoreCondition(r.condition);
      const then = restoreBranch(r.then);
      const otherwise = restoreBranch(r.otherwise);
      return condition && then && otherwise ? { kind: 'ifElse', condition, then, otherwise } : null;
    }
    case 'contains':
      return column && typeof r.text === 'string'
        ? { kind: 'contains', column, text: r.text }
        : null;
    default:
      return null;
  }
}

function restoreAggregate(raw: unknown): Aggregate | null {
  const r = obj(raw);
  const name = text(r?.name);
  if (!r || !name) return null;
  const op = oneOf(r.op, AGGREGATE_OPS, 'count');
  const column = text(r.column);
  if (op !== 'count' && op !== 'share' && !column) return null;
  return { name, op, column: op === 'count' || op === 'share' ? null : column };
}

/** Repairs stored conditions, dropping the unusable ones. */
export function restoreConditions(raw: unknown): Condition[] {
  return (Array.isArray(raw) ? raw : [])
    .map(restoreCondition)
    .filter((c): c is Condition => c !== null);
}

/** Repairs one stored step, or null when it is unusable. */
export function restoreTransformStep(raw: unknown): TransformStep | null {
  const r = obj(raw);
  if (!r) return null;
  switch (r.kind) {
    case 'filter': {
      const conditions = restoreConditions(r.conditions);
      return { kind: 'filter', combine: r.combine === 'or' ? 'or' : 'and', conditions };
    }
    case 'derive': {
      const name = text(r.name);
      const derivation = restoreDerivation(r.derivation);
      return name && derivation ? { kind: 'derive', name, derivation } : null;
    }
    case 'group': {
      const aggregates = (Array.isArray(r.aggregates) ? r.aggregates : [])
        .map(restoreAggregate)
        .filter((a): a is Aggregate => a !== null);
      return { kind: 'group', by: names(r.by), aggregates };
    }
    case 'join': {
      const [dataset, leftKey, rightKey] = [text(r.dataset), text(r.leftKey), text(r.rightKey)];
      return dataset && leftKey && rightKey
        ? { kind: 'join', dataset, leftKey, rightKey, how: r.how === 'inner' ? 'inner' : 'left' }
        : null;
    }
    case 'pivot': {
      const columns = text(r.columns);
      const op = oneOf(r.op, AGGREGATE_OPS, 'count');
      return columns
        ? { kind: 'pivot', rows: names(r.rows), columns, value: text(r.value), op }
        : null;
    }
    default:
      return null;
  }
}

/** Repairs stored steps, dropping the unusable ones. */
export function restoreTransformSteps(raw: unknown): TransformStep[] {
  return (Array.isArray(raw) ? raw : [])
    .map(restoreTransformStep)
    .filter((s): s is TransformStep => s !== null);
}
