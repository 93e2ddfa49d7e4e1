/**
 * The vocabulary of a chart's data: its rows and their values, how each dimension was drawn,
 * and what was done to the dataset's rows to draw them (`chart-data.ts` makes it).
 */
import type { ColumnType, YesNoLabels } from '../storage/dataset-meta.ts';
import type { ChartAggregate, DateGrain } from './chart-settings.ts';

/** A value in a chart row. */
export type ChartValue = string | number | null;

/** A row of the chart's data, by field: `x`, `y`, `value`, `color`, `facet`, `n`… */
export type ChartRow = Record<string, ChartValue>;

/** How Vega-Lite reads a field. */
export type ChartFieldType = 'nominal' | 'ordinal' | 'quantitative' | 'temporal';

/** What was done to the rows to draw them. */
export type ChartReduction = 'none' | 'aggregated' | 'sampled' | 'binned';

/** A role a column plays in the chart's settings. */
export type ChartRole = 'x' | 'y' | 'value' | 'color' | 'facet';

/** A dimension's role in the chart's data (`y` is the heatmap's row dimension). */
export type DimensionRole = 'x' | 'y' | 'color' | 'facet';

/**
 * How a dimension's column became the chart's values: categories (rare ones `merged` into the
 * other category), periods at a grain, ranges between `edges`, or exact values (raw points).
 */
export type ChartDimension =
  | { column: string; kind: 'category'; type: ColumnType; merged: boolean; labels?: YesNoLabels }
  | { column: string; kind: 'period'; grain: DateGrain; merged: boolean }
  | { column: string; kind: 'bin'; edges: number[]; merged: false }
  | { column: string; kind: 'exact'; type: ColumnType; merged: false };

/** The rows a chart draws, and what was done to get them. */
export interface ChartData {
  /**
   * Fields: `x`, `y`, `value` (heatmap), `color`, `facet`, `x2`/`y2` (a range's upper edge), `n`
   * (rows behind an aggregated mark); a boxplot's `lower`, `q1`, `median`, `q3`, `upper`, `n`.
   */
  rows: ChartRow[];
  xType: ChartFieldType;
  /** The heatmap's row dimension's type; `quantitative` for every other chart. */
  yType: ChartFieldType;
  inputRows: number;
  marks: number;
  reduced: ChartReduction;
  /**
   * Rows left out for a blank dimension or measured value; categories merged into the other
   * category; marks left out beyond `maxMarks` (only when even merging cannot fit them).
   */
  dropped: { blank: number; otherCategories: number; marks: number };
  /** The aggregate applied: `none` for raw points and boxplots; `mean` for `none` elsewhere. */
  aggregate: ChartAggregate;
  /** How each dimension was drawn (its grain may be coarser than asked when periods overflow). */
  dimensions: Partial<Record<DimensionRole, ChartDimension>>;
  /** The measured column (y, or the heatmap's value); null when counting rows. */
  measure: string | null;
  otherLabel: string;
  /** Roles the chart needs but the settings leave empty or name an unusable column for. */
  missing: ChartRole[];
}
