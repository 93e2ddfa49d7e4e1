import { METRIC_KINDS, type MetricKind } from '../../metrics/metric-table.ts';
import type { MetricInput } from '../../worker-api/analysis-api.ts';
import type { CellRequest } from '../cell-query.ts';
import { restoreRowPopulation, type RowPopulation } from '../../transform/row-population.ts';

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
  /** Only these rows (a population pinned on a chart); null for every row. */
  population: RowPopulation | null;
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
    population: null,
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
    population: restoreRowPopulation(r.population),
  };
}

/** The cell's request, or null until a dataset and (but for a count) a column are chosen. */
export function metricCellQuery(data: MetricCellData): CellRequest | null {
  if (!data.datasetId || (data.metric !== 'count' && !data.column)) return null;
  const input: MetricInput = {
    datasetId: data.datasetId,
    metric: data.metric,
    column: data.metric === 'count' ? null : data.column,
    by: data.by,
    period: data.periodColumn ? { column: data.periodColumn, grain: data.grain } : null,
    ...(data.metric === 'csat'
      ? { csat: { scaleMax: data.scaleMax, ...(data.topBox ? { topBox: data.topBox } : {}) } }
      : {}),
    ...(data.population ? { rows: data.population } : {}),
  };
  return {
    worker: 'analysis',
    method: 'metricCell',
    input,
    reads: { datasets: [data.datasetId], models: [], cells: [] },
  };
}
