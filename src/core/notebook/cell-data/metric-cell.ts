import { METRIC_KINDS, type MetricKind } from '../../metrics/metric-table.ts';

/** A metric cell's data: which metric of which dataset column, split by what. */
export interface MetricCellData {
  datasetId: string | null;
  metric: MetricKind;
  /** The column the metric reads (none for a count of rows). */
  column: string | null;
  /** A column whose values split the rows into groups (segment, grade, region, team…). */
  by: string | null;
  /** A date column whose periods split the rows, at `grain` (with `by`: a line per group). */
  periodColumn: string | null;
  grain: 'month' | 'quarter';
  /** CSAT: the highest answer of the scale (5 or 10) and the lowest satisfied answer. */
  scaleMax: number;
  topBox: number | null;
}

/** A new metric cell: CSAT with nothing chosen. */
export function createMetricCellData(): MetricCellData {
  return {
    datasetId: null,
    metric: 'csat',
    column: null,
    by: null,
    periodColumn: null,
    grain: 'quarter',
    scaleMax: 5,
    topBox: null,
  };
}

/** Repairs stored metric-cell data. */
export function restoreMetricCellData(raw: unknown): MetricCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const metric = METRIC_KINDS.includes(r.metric as MetricKind) ? (r.metric as MetricKind) : 'csat';
  const scaleMax =
    typeof r.scaleMax === 'number' && Number.isInteger(r.scaleMax) && r.scaleMax > 1
      ? r.scaleMax
      : 5;
  const topBox =
    typeof r.topBox === 'number' && Number.isInteger(r.topBox) && r.topBox <= scaleMax
      ? r.topBox
      : null;
  return {
    datasetId: str(r.datasetId),
    metric,
    column: str(r.column),
    by: str(r.by),
    periodColumn: str(r.periodColumn),
    grain: r.grain === 'month' ? 'month' : 'quarter',
    scaleMax,
    topBox,
  };
}
