/**
 * Runs a transform's steps with Arquero (in a worker: Arquero compiles its queries). Names and
 * values from the form reach Arquero only as data: filters and derivations are escaped
 * JavaScript closures (`row-functions.ts`), aggregates take column names as field arguments,
 * and helper columns the transform adds have fixed names of its own.
 */
import * as aq from 'arquero';
import type { ColumnType } from '../storage/dataset-meta.ts';
import { deriveFunction, derivedType, rowFilter, type Row } from './row-functions.ts';
import type { Aggregate, TransformStep } from './transform-steps.ts';

/** A table the transform reads or makes: its columns by name, and each column's kind. */
export interface TransformTable {
  columns: Record<string, ArrayLike<unknown>>;
  types: Record<string, ColumnType>;
}

/** A transform's result: a table, with its columns' order (an object's keys cannot keep it). */
export interface TransformResult extends TransformTable {
  names: string[];
  rows: number;
}

/** Why a step cannot run, and where: a message key suffix, the step (0-based), the column. */
export class TransformError extends Error {
  constructor(
    readonly code: 'no-column' | 'no-dataset' | 'name-taken' | 'not-number' | 'no-group',
    readonly step: number,
    readonly column: string,
  ) {
    super(`step ${step + 1}: ${code} ${column}`);
  }
}

type Table = ReturnType<typeof aq.table>;
type Lookup = (dataset: string) => TransformTable | null;

// Helper columns of the transform's own: a NUL start keeps them apart from any real header.
const helper = (role: string, k: number) => `\u0000${role}${k}`;

/** The NPS parts of a 0–10 score as helper columns `k`: promoter, detractor, answered. */
function npsParts(t: Table, column: string, k: number): Table {
  const score = (row: Row): number | null => {
    const v = row[column];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? v : null;
  };
  const part = (test: (v: number) => boolean) =>
    aq.escape((row: Row) => {
      const v = score(row);
      return v !== null && test(v) ? 1 : 0;
    });
  return t.derive({
    [helper('p', k)]: part((v) => v >= 9),
    [helper('d', k)]: part((v) => v <= 6),
    [helper('n', k)]: part(() => true),
  });
}

/** An aggregate as an Arquero rollup value (share and NPS are finished after the rollup). */
function rollupValue(a: Aggregate, k: number): object | string {
  const op = aq.op as unknown as Record<string, (field?: string) => object>;
  switch (a.op) {
    case 'count':
    case 'share':
      return op.count!();
    case 'nps':
      // Only helper names, made here from a number, are ever written into expression text.
      return `(d) => op.sum(d[${JSON.stringify(helper('p', k))}]) - op.sum(d[${JSON.stringify(helper('d', k))}])`;
    default:
      return op[a.op]!(a.column!);
  }
}

/** The aggregates finished: NPS in points from its parts, a share of the total count. */
function finish(out: Table, aggregates: readonly Aggregate[]): Table {
  let t = out;
  aggregates.forEach((a, k) => {
    const name = a.name;
    if (a.op === 'nps') {
      const n = helper('n', k);
      t = t.derive({
        [name]: aq.escape((row: Row) => {
          const answers = row[n] as number;
          return answers > 0 ? ((row[name] as number) / answers) * 100 : null;
        }),
      });
    } else if (a.op === 'share') {
      const counts = t.array(name) as ArrayLike<number>;
      let total = 0;
      for (let i = 0; i < counts.length; i++) total += counts[i]!;
      t = t.derive({
        [name]: aq.escape((row: Row) => (total > 0 ? (row[name] as number) / total : null)),
      });
    }
  });
  const helpers = aggregates.flatMap((a, k) => (a.op === 'nps' ? [helper('n', k)] : []));
  return helpers.length > 0 ? t.select(aq.not(...helpers)) : t;
}

/** Group by `by` (none: the whole table) and aggregate. */
function group(t: Table, by: readonly string[], aggregates: readonly Aggregate[]): Table {
  let source = t;
  const values: Record<string, object | string> = {};
  aggregates.forEach((a, k) => {
    if (a.op === 'nps') {
      source = npsParts(source, a.column!, k);
      values[helper('n', k)] = aq.op.sum(helper('n', k)) as unknown as object;
    }
    values[a.name] = rollupValue(a, k);
  });
  const grouped = by.length > 0 ? source.groupby(...by) : source;
  return finish(grouped.rollup(values) as Table, aggregates);
}

/** A join on keys compared as trimmed text (a number key meets the same digits as text). */
function join(t: Table, other: Table, step: Extract<TransformStep, { kind: 'join' }>): Table {
  const asKey = (column: string) =>
    aq.escape((row: Row) => {
      const v = row[column];
      return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))
        ? null
        : String(v).trim();
    });
  const left = t.derive({ [helper('k', 0)]: asKey(step.leftKey) });
  const right = other
    .derive({ [helper('k', 0)]: asKey(step.rightKey) })
    .select(aq.not(step.rightKey));
  const keys = [helper('k', 0), helper('k', 0)] as [string, string];
  const joined = step.how === 'inner' ? left.join(right, keys) : left.join_left(right, keys);
  return (joined as Table).select(aq.not(helper('k', 0)));
}

/** Rows × the values of one column, each cell an aggregate (`pivot` step). */
function pivot(t: Table, step: Extract<TransformStep, { kind: 'pivot' }>): Table {
  const value: Aggregate = { name: 'value', op: step.op, column: step.value };
  if (value.op === 'share') value.op = 'count';
  let source = t;
  let expr: object | string = rollupValue(value, 0);
  if (value.op === 'nps') {
    source = npsParts(source, value.column!, 0);
    const [p, d, n] = ['p', 'd', 'n'].map((r) => JSON.stringify(helper(r, 0)));
    expr = `(d) => op.sum(d[${n}]) > 0 ? (op.sum(d[${p}]) - op.sum(d[${d}])) / op.sum(d[${n}]) * 100 : null`;
  }
  const grouped = step.rows.length > 0 ? source.groupby(...step.rows) : source;
  const out = grouped.pivot([step.columns], { value: expr }) as Table;
  // The row keys first, as in a spreadsheet's pivot table.
  const rest = out.columnNames().filter((n) => !step.rows.includes(n));
  return step.rows.length > 0 && rest.length > 0
    ? (out.relocate(step.rows, { before: rest[0]! }) as Table)
    : out;
}

/** The kind of each column of `t`: known ones kept, new ones read from their values. */
function typesOf(
  t: Table,
  known: Readonly<Record<string, ColumnType>>,
): Record<string, ColumnType> {
  const out: Record<string, ColumnType> = {};
  for (const name of t.columnNames()) {
    if (known[name]) {
      out[name] = known[name];
      continue;
    }
    const values = t.array(name) as ArrayLike<unknown>;
    let kind: ColumnType | null = null;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
      const k: ColumnType =
        typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
      if (kind !== null && kind !== k) {
        kind = 'string';
        break;
      }
      kind = k;
    }
    out[name] = kind ?? 'string';
  }
  return out;
}

/** The columns a step reads, to check they exist before it runs. */
function stepColumns(step: TransformStep): string[] {
  switch (step.kind) {
    case 'filter':
      return step.conditions.map((c) => c.column);
    case 'derive': {
      const d = step.derivation;
      const ops = (o: object) => ('column' in o ? [(o as { column: string }).column] : []);
      if (d.kind === 'arith') return [...ops(d.left), ...ops(d.right)];
      if (d.kind === 'ifElse') return [d.condition.column, ...ops(d.then), ...ops(d.otherwise)];
      return [d.column];
    }
    case 'group':
      return [...step.by, ...step.aggregates.flatMap((a) => (a.column ? [a.column] : []))];
    case 'join':
      return [step.leftKey];
    case 'pivot':
      return [...step.rows, step.columns, ...(step.value ? [step.value] : [])];
  }
}

/** One step applied; `types` are the kinds of `t`'s columns, updated for the result. */
function applyStep(
  t: Table,
  step: TransformStep,
  k: number,
  types: Record<string, ColumnType>,
  lookup: Lookup,
): { table: Table; types: Record<string, ColumnType> } {
  const missing = stepColumns(step).find((c) => !t.columnNames().includes(c));
  if (missing !== undefined) throw new TransformError('no-column', k, missing);
  switch (step.kind) {
    case 'filter': {
      const keep = rowFilter(step.conditions, step.combine, types);
      return { table: t.filter(aq.escape((row: Row) => keep(row))), types };
    }
    case 'derive': {
      if (t.columnNames().includes(step.name)) throw new TransformError('name-taken', k, step.name);
      const f = deriveFunction(step.derivation, types);
      const table = t.derive({ [step.name]: aq.escape((row: Row) => f(row)) });
      return { table, types: { ...types, [step.name]: derivedType(step.derivation, types) } };
    }
    case 'group': {
      if (step.aggregates.length === 0) throw new TransformError('no-group', k, '');
      for (const a of step.aggregates) {
        if (a.column && !['min', 'max'].includes(a.op) && types[a.column] !== 'number')
          throw new TransformError('not-number', k, a.column);
      }
      const kept = Object.fromEntries(step.by.map((b) => [b, types[b]!]));
      const table = group(t, step.by, step.aggregates);
      return { table, types: typesOf(table, kept) };
    }
    case 'join': {
      const other = lookup(step.dataset);
      if (!other) throw new TransformError('no-dataset', k, step.dataset);
      if (!(step.rightKey in other.columns))
        throw new TransformError('no-column', k, step.rightKey);
      const table = join(t, aq.table(other.columns), step);
      const rightTypes = Object.fromEntries(
        Object.entries(other.types).filter(([n]) => n !== step.rightKey),
      );
      return { table, types: typesOf(table, { ...rightTypes, ...types }) };
    }
    case 'pivot': {
      const kept = Object.fromEntries(step.rows.map((b) => [b, types[b]!]));
      const table = pivot(t, step);
      return { table, types: typesOf(table, kept) };
    }
  }
}

/**
 * `input` with `steps` applied in order; `lookup` gives another dataset a join step names.
 * Throws `TransformError` for a step that cannot run (an unknown column, a taken name…).
 */
export function runTransform(
  input: TransformTable,
  steps: readonly TransformStep[],
  lookup: Lookup = () => null,
): TransformResult {
  let table = aq.table(input.columns) as Table;
  let types: Record<string, ColumnType> = { ...input.types };
  steps.forEach((step, k) => {
    ({ table, types } = applyStep(table, step, k, types, lookup));
  });
  const names = table.columnNames();
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const name of names) columns[name] = table.array(name) as ArrayLike<unknown>;
  return { names, columns, types, rows: table.numRows() };
}
