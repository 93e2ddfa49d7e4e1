/**
 * What a transform's form needs to know before anything runs: the columns there are at each
 * step (to offer them in that step's choices), and the first step not filled in yet.
 */
import type { ColumnType } from '../storage/dataset-meta.ts';
import { derivedType } from './row-functions.ts';
import type { Operand, TransformStep } from './transform-steps.ts';

/** A column at some step: its name and kind. */
export interface StepColumn {
  name: string;
  type: ColumnType;
}

/** The columns before one step; `partial` after a pivot (its columns come from the data). */
export interface ColumnsAt {
  columns: StepColumn[];
  partial: boolean;
}

const AGGREGATE_TYPE = (op: string, type: ColumnType | undefined): ColumnType =>
  op === 'min' || op === 'max' ? (type ?? 'number') : 'number';

/** The columns after one step, from those before it. */
function after(
  at: ColumnsAt,
  step: TransformStep,
  columnsOf: (dataset: string) => readonly StepColumn[] | null,
): ColumnsAt {
  const types = Object.fromEntries(at.columns.map((c) => [c.name, c.type]));
  switch (step.kind) {
    case 'filter':
      return at;
    case 'derive':
      if (types[step.name]) return at;
      return {
        ...at,
        columns: [...at.columns, { name: step.name, type: derivedType(step.derivation, types) }],
      };
    case 'group':
      return {
        partial: false,
        columns: [
          ...step.by.map((name) => ({ name, type: types[name] ?? 'string' })),
          ...step.aggregates.map((a) => ({
            name: a.name,
            type: AGGREGATE_TYPE(a.op, a.column ? types[a.column] : undefined),
          })),
        ],
      };
    case 'join': {
      const other = (columnsOf(step.dataset) ?? []).filter((c) => c.name !== step.rightKey);
      const taken = new Set(at.columns.map((c) => c.name));
      // Arquero suffixes a name both sides have: `_1` here, `_2` for the added one.
      const clash = new Set(other.filter((c) => taken.has(c.name)).map((c) => c.name));
      const mark = (c: StepColumn, suffix: string) =>
        clash.has(c.name) ? { ...c, name: `${c.name}${suffix}` } : c;
      return {
        ...at,
        columns: [...at.columns.map((c) => mark(c, '_1')), ...other.map((c) => mark(c, '_2'))],
      };
    }
    case 'pivot':
      return {
        partial: true,
        columns: step.rows.map((name) => ({ name, type: types[name] ?? 'string' })),
      };
  }
}

/**
 * The columns there are before each step (index `k`), and after the last (index
 * `steps.length`); `columnsOf` gives the columns of a dataset a join step adds.
 */
export function columnsBeforeSteps(
  input: readonly StepColumn[],
  steps: readonly TransformStep[],
  columnsOf: (dataset: string) => readonly StepColumn[] | null,
): ColumnsAt[] {
  const out: ColumnsAt[] = [{ columns: [...input], partial: false }];
  for (const step of steps) out.push(after(out[out.length - 1]!, step, columnsOf));
  return out;
}

/** What a step still needs before it can run. */
export type StepNeed = 'column' | 'name' | 'edges' | 'dataset' | 'aggregate';

const operandReady = (o: Operand | { text: string }) =>
  'text' in o || ('number' in o ? Number.isFinite(o.number) : o.column !== '');

/** What one step still needs, or null when it is complete. */
export function stepNeed(step: TransformStep): StepNeed | null {
  switch (step.kind) {
    case 'filter':
      return step.conditions.some((c) => c.column === '') ? 'column' : null;
    case 'derive': {
      if (step.name.trim() === '') return 'name';
      const d = step.derivation;
      if (d.kind === 'arith')
        return operandReady(d.left) && operandReady(d.right) ? null : 'column';
      if (d.kind === 'ifElse') {
        const ready = [d.then, d.otherwise].every(operandReady) && d.condition.column !== '';
        return ready ? null : 'column';
      }
      if (d.column === '') return 'column';
      return d.kind === 'bucket' && d.edges.length === 0 ? 'edges' : null;
    }
    case 'group':
      if (step.aggregates.length === 0 || step.aggregates.some((a) => a.name.trim() === ''))
        return 'aggregate';
      return step.aggregates.some((a) => a.op !== 'count' && a.op !== 'share' && !a.column)
        ? 'column'
        : null;
    case 'join':
      return step.dataset === '' || step.leftKey === '' || step.rightKey === '' ? 'dataset' : null;
    case 'pivot':
      if (step.columns === '') return 'column';
      return step.op !== 'count' && step.op !== 'share' && !step.value ? 'column' : null;
  }
}

/** The first step that is not complete (0-based) and what it needs, or null. */
export function incompleteStep(
  steps: readonly TransformStep[],
): { step: number; need: StepNeed } | null {
  for (let k = 0; k < steps.length; k++) {
    const need = stepNeed(steps[k]!);
    if (need) return { step: k, need };
  }
  return null;
}

/** A new step of `kind`, empty, as the form adds it. */
export function newStep(kind: TransformStep['kind']): TransformStep {
  switch (kind) {
    case 'filter':
      return { kind, combine: 'and', conditions: [{ column: '', op: 'eq', value: '' }] };
    case 'derive':
      return { kind, name: '', derivation: { kind: 'datePart', column: '', part: 'month' } };
    case 'group':
      return { kind, by: [], aggregates: [{ name: 'n', op: 'count', column: null }] };
    case 'join':
      return { kind, dataset: '', leftKey: '', rightKey: '', how: 'left' };
    case 'pivot':
      return { kind, rows: [], columns: '', value: null, op: 'count' };
  }
}
