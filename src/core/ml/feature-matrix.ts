/**
 * Table columns as a numeric feature matrix for the trees and the linear models: numbers,
 * yes/no and dates as they are, text categories one-hot (the most frequent levels, the rest as
 * "other"), blank as NaN. Every expanded feature remembers the column it came from, so that
 * importance is reported per original column.
 */
import { isBlankValue } from '../analysis/blank-value.ts';
import type { FeatureMatrix } from './tree-model.ts';

/** How a column enters the model. */
export type FeatureKind = 'numeric' | 'categorical';

/** One source column. */
export interface FeatureColumnInput {
  name: string;
  values: ArrayLike<unknown>;
  kind: FeatureKind;
}

/** A source column as the model saw it. */
export interface FeatureColumn {
  name: string;
  kind: FeatureKind;
  /** A categorical column's levels, most frequent first (the last may be `OTHER_LEVEL`). */
  levels: string[];
}

/** The level that collects a categorical column's rarer values. */
export const OTHER_LEVEL = '\u0000other';

/** The expanded features and where each came from. */
export interface ExpandedFeatures {
  matrix: FeatureMatrix;
  columns: FeatureColumn[];
  /** Feature index → index in `columns`. */
  groups: Int32Array;
  /** A categorical feature's level (for numeric features, null). */
  levels: (string | null)[];
  /**
   * The features the linear models use: every numeric one, and every level but the most
   * frequent (the reference) of each category, so that the one-hot columns are not collinear.
   */
  linear: Int32Array;
}

/** The most levels a category is expanded into (the rest become one "other" level). */
export const MAX_LEVELS = 20;
/** A level needs this many rows, and this share of them, to stand on its own. */
export const MIN_LEVEL_ROWS = 10;
export const MIN_LEVEL_SHARE = 0.005;

/** A value as a number: numbers, dates (ms), yes/no as 1/0; NaN for blank or text. */
export function numericValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : NaN;
  }
  return NaN;
}

/** A category value as text; null for blank. */
export function categoryValue(v: unknown): string | null {
  if (isBlankValue(v)) return null;
  const text = typeof v === 'string' ? v.trim() : String(v);
  return text === '' ? null : text;
}

/**
 * The feature matrix of `rows` (all rows when absent) of `columns`. A category's levels are
 * counted on those rows; `maxLevels` caps the one-hot width.
 */
export function expandFeatures(
  columns: readonly FeatureColumnInput[],
  rows?: ArrayLike<number>,
  maxLevels = MAX_LEVELS,
): ExpandedFeatures {
  const nRows = rows ? rows.length : (columns[0]?.values.length ?? 0);
  const rowAt = rows ? (i: number) => rows[i]! : (i: number) => i;
  const names: string[] = [];
  const groups: number[] = [];
  const levels: (string | null)[] = [];
  const linear: number[] = [];
  const outColumns: FeatureColumn[] = [];
  const blocks: Float64Array[] = [];
  columns.forEach((col, c) => {
    if (col.kind === 'numeric') {
      const block = new Float64Array(nRows);
      for (let i = 0; i < nRows; i++) block[i] = numericValue(col.values[rowAt(i)]);
      linear.push(names.length);
      names.push(col.name);
      groups.push(c);
      levels.push(null);
      blocks.push(block);
      outColumns.push({ name: col.name, kind: 'numeric', levels: [] });
      return;
    }
    const text: (string | null)[] = new Array<string | null>(nRows);
    const counts = new Map<string, number>();
    for (let i = 0; i < nRows; i++) {
      const v = categoryValue(col.values[rowAt(i)]);
      text[i] = v;
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const ranked = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([level]) => level);
    // Rare levels are pooled: a level on a handful of rows would be fitted to those rows alone.
    const minCount = Math.max(MIN_LEVEL_ROWS, MIN_LEVEL_SHARE * nRows);
    const common = ranked.filter((level) => counts.get(level)! >= minCount);
    const pooled = common.length < ranked.length || common.length > maxLevels;
    const kept = pooled ? common.slice(0, maxLevels - 1) : common;
    const colLevels = pooled ? [...kept, OTHER_LEVEL] : kept;
    const index = new Map(kept.map((level, k) => [level, k]));
    const first = names.length;
    colLevels.forEach((level, k) => {
      const block = new Float64Array(nRows);
      for (let i = 0; i < nRows; i++) {
        const v = text[i] ?? null;
        block[i] = v === null ? NaN : (index.get(v) ?? colLevels.length - 1) === k ? 1 : 0;
      }
      if (k > 0) linear.push(first + k);
      names.push(`${col.name}=${level === OTHER_LEVEL ? '…' : level}`);
      groups.push(c);
      levels.push(level);
      blocks.push(block);
    });
    outColumns.push({ name: col.name, kind: 'categorical', levels: colLevels });
  });
  const values = new Float64Array(nRows * blocks.length);
  blocks.forEach((block, f) => values.set(block, f * nRows));
  return {
    matrix: { nRows, nFeatures: blocks.length, values, names },
    columns: outColumns,
    groups: Int32Array.from(groups),
    levels,
    linear: Int32Array.from(linear),
  };
}

/** The matrix of only `features` (in that order) of `x`. */
export function selectFeatures(x: FeatureMatrix, features: ArrayLike<number>): FeatureMatrix {
  const values = new Float64Array(x.nRows * features.length);
  const names: string[] = [];
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    values.set(x.values.subarray(f * x.nRows, (f + 1) * x.nRows), k * x.nRows);
    names.push(x.names[f]!);
  }
  return { nRows: x.nRows, nFeatures: features.length, values, names };
}

/** The matrix of only `rows` (in that order) of `x`. */
export function selectRows(x: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const n = rows.length;
  const values = new Float64Array(n * x.nFeatures);
  for (let f = 0; f < x.nFeatures; f++) {
    const from = f * x.nRows;
    const to = f * n;
    for (let i = 0; i < n; i++) values[to + i] = x.values[from + rows[i]!]!;
  }
  return { nRows: n, nFeatures: x.nFeatures, values, names: x.names };
}
