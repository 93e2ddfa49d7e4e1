/**
 * What the drivers analysis explains and with what: the low-outcome target (detractors of an
 * NPS column by default, or a value, or a threshold) and the default features (every column but
 * the target, identifiers, free text and dates).
 */
import { looksLikeIdHeader } from '../ingest/column-roles.ts';
import { parseBoolean } from '../ingest/parse-value.ts';
import type { ColumnType } from '../storage/dataset-meta.ts';
import {
  categoryValue,
  numericValue,
  type FeatureColumnInput,
  type FeatureKind,
} from '../ml/feature-matrix.ts';

/** Which rows are the low outcome. */
export type TargetRule =
  { kind: 'detractor' } | { kind: 'equals'; value: string } | { kind: 'below'; threshold: number };

/** A target that cannot be used, and why (a message key suffix and its values). */
export class TargetError extends Error {
  constructor(
    readonly code: 'not-nps' | 'no-column' | 'no-value' | 'not-number',
    readonly detail: { column: string; value?: string },
  ) {
    super(`${code}: ${detail.column}`);
  }
}

/** The 0/1 labels of the rows whose target is known, and those rows. */
export interface TargetLabels {
  rows: Int32Array;
  y: Uint8Array;
}

/**
 * True when a column holds NPS scores: numbers, all whole within 0–10, and either named like
 * NPS («рекомендовать», “recommend”) or spread over 0–10 (five values or more, some above 6) —
 * so that a 0/1 flag or a 1–5 rating is not taken for one.
 */
export function looksLikeNps(name: string, values: ArrayLike<unknown>): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') {
      if (categoryValue(v) !== null) return false;
      continue;
    }
    if (Number.isNaN(v)) continue;
    if (v < 0 || v > 10 || !Number.isInteger(v)) return false;
    seen.add(v);
  }
  if (seen.size === 0) return false;
  return /nps|рекоменд|recommend/i.test(name) || (seen.size >= 5 && Math.max(...seen) > 6);
}

/**
 * The labels of `values` under `rule` (1 = the low outcome). Without a rule an NPS-scored
 * column means detractors (≤ 6); any other column is a `TargetError('not-nps')`.
 */
export function targetLabels(
  column: string,
  values: ArrayLike<unknown>,
  rule: TargetRule | null,
): TargetLabels {
  const used = rule ?? { kind: 'detractor' };
  if (used.kind === 'detractor' && !looksLikeNps(column, values)) {
    throw new TargetError('not-nps', { column });
  }
  const rows: number[] = [];
  const y: number[] = [];
  let anyLow = false;
  for (let i = 0; i < values.length; i++) {
    let low: boolean;
    if (used.kind === 'equals') {
      const v = values[i];
      if (categoryValue(v) === null) continue;
      low = sameValue(v, used.value);
    } else {
      const v = numericValue(values[i]);
      if (Number.isNaN(v)) continue;
      low = used.kind === 'detractor' ? v <= 6 : v < used.threshold;
    }
    anyLow ||= low;
    rows.push(i);
    y.push(low ? 1 : 0);
  }
  if (used.kind === 'equals' && !anyLow) {
    throw new TargetError('no-value', { column, value: used.value });
  }
  if (used.kind === 'below' && rows.length === 0) throw new TargetError('not-number', { column });
  return { rows: Int32Array.from(rows), y: Uint8Array.from(y) };
}

/** True when a cell holds `value` (case-blind; a yes/no cell matches yes/no/true/false/да/нет). */
export function sameValue(cell: unknown, value: string): boolean {
  const wanted = value.trim();
  if (typeof cell === 'boolean') {
    // The importer's yes/no words, and 1/0 (a value typed into a threshold-like field).
    const word = wanted === '1' ? true : wanted === '0' ? false : parseBoolean(wanted);
    return word === cell;
  }
  const text = categoryValue(cell);
  if (text === null) return false;
  if (typeof cell === 'number' && wanted !== '' && Number(wanted) === cell) return true;
  return text.toLowerCase() === wanted.toLowerCase();
}

/** The model's inputs: the feature columns, the rows with a known target and their labels. */
export interface DriverInput {
  columns: FeatureColumnInput[];
  rows: Int32Array;
  y: Uint8Array;
  /** The columns left out by default, and why (empty when the features were named). */
  excluded: { name: string; reason: Exclude<Exclusion, null | 'target'> }[];
}

/**
 * The inputs of a drivers analysis of `target` under `rule` over a table; `features` names the
 * feature columns (the default choices when absent). Throws `TargetError` for an unusable
 * target or an unknown column.
 */
export function driverInput(
  table: {
    columns: Record<string, ArrayLike<unknown>>;
    types: Record<string, ColumnType>;
    roles?: Record<string, string | undefined>;
    outcomes?: readonly string[];
  },
  target: string,
  rule: TargetRule | null,
  features?: readonly string[],
): DriverInput {
  const values = table.columns[target];
  if (!values) throw new TargetError('no-column', { column: target });
  for (const name of features ?? []) {
    if (!table.columns[name]) throw new TargetError('no-column', { column: name });
  }
  const choices = featureChoices(table.columns, table.types, target, table.roles, table.outcomes);
  const chosen = features
    ? choices.filter((c) => features.includes(c.name) && c.name !== target)
    : choices.filter((c) => c.excluded === null);
  const { rows, y } = targetLabels(target, values, rule);
  const excluded = features
    ? []
    : choices.flatMap((c) =>
        c.excluded === null || c.excluded === 'target'
          ? []
          : [{ name: c.name, reason: c.excluded }],
      );
  return {
    columns: chosen.map((c) => ({ name: c.name, kind: c.kind, values: table.columns[c.name]! })),
    rows,
    y,
    excluded,
  };
}

/** Why a column is not a default feature (null when it is one). */
export type Exclusion =
  'target' | 'id' | 'text' | 'date' | 'constant' | 'outcome' | 'levels' | 'weight' | null;

/**
 * Whether a column counts its rows: 0, 1, 2… or 1, 2, 3… on every row, as pandas writes its
 * index to a CSV under a blank header. Such a column orders the file, it says nothing of a client.
 */
export function isRowNumber(values: ArrayLike<unknown>): boolean {
  if (values.length < 10) return false;
  const first = values[0];
  if (first !== 0 && first !== 1) return false;
  for (let i = 1; i < values.length; i++) if (values[i] !== first + i) return false;
  return true;
}

/** A text column with more distinct values than this is a name, not a category to learn from. */
export const MANY_LEVELS = 50;

/** How a column would enter the model by default, or why it stays out. */
export interface FeatureChoice {
  name: string;
  kind: FeatureKind;
  excluded: Exclusion;
}

/**
 * The columns of a table as candidate features: text becomes a category, everything else a
 * number; the target, identifiers (an id-like header or text unique on most rows), long free
 * text, text with more than `MANY_LEVELS` values, dates, columns with one value, `outcomes`
 * (results of satisfaction rather than its causes) and the client card's importance weights
 * (role `factor-weight`: the index's inputs for weighing a client's factors, which say how the
 * client was asked to rank them, not what happened to the client) are excluded by default.
 */
export function featureChoices(
  columns: Record<string, ArrayLike<unknown>>,
  types: Record<string, ColumnType>,
  target: string,
  roles: Record<string, string | undefined> = {},
  outcomes: readonly string[] = [],
): FeatureChoice[] {
  return Object.keys(columns).map((name) => {
    const values = columns[name]!;
    const type = types[name] ?? 'string';
    const kind: FeatureKind = type === 'string' ? 'categorical' : 'numeric';
    const choice = (excluded: Exclusion): FeatureChoice => ({ name, kind, excluded });
    if (name === target) return choice('target');
    if (outcomes.includes(name)) return choice('outcome');
    if (type === 'date' || roles[name] === 'date' || roles[name] === 'period') {
      return choice('date');
    }
    if (roles[name] === 'comment') return choice('text');
    if (roles[name] === 'factor-weight') return choice('weight');
    const distinct = new Set<string>();
    let textLength = 0;
    let nonBlank = 0;
    for (let i = 0; i < values.length; i++) {
      const v = categoryValue(values[i]);
      if (v === null) continue;
      nonBlank++;
      textLength += v.length;
      if (distinct.size <= values.length) distinct.add(v);
    }
    if (distinct.size <= 1) return choice('constant');
    if (roles[name] === 'client-id' || (looksLikeIdHeader(name) && type !== 'boolean')) {
      return choice('id');
    }
    if (type === 'number' && isRowNumber(values)) return choice('id');
    if (type === 'string') {
      if (nonBlank > 0 && textLength / nonBlank > 40) return choice('text');
      if (distinct.size > 50 && distinct.size > 0.5 * nonBlank) return choice('id');
      if (distinct.size > MANY_LEVELS) return choice('levels');
    }
    return choice(null);
  });
}
