/** A complaint-frequency cell's data: which comments, and what else each row tells. */
export interface FrequencyCellData {
  datasetId: string | null;
  /** The column of comments. */
  text: string | null;
  /** A factor or category column: each complaint's theme. */
  theme: string | null;
  /** Without a theme column: themes from the barriers of this stored service model. */
  themeModel: string | null;
  /** The value at risk behind each row (LTV, revenue), for the Pareto by value. */
  value: string | null;
  /** A 0–10 score column (NPS), for the words of detractors against promoters. */
  score: string | null;
  /** A date column, for the change since the previous period. */
  periodColumn: string | null;
  grain: 'month' | 'quarter';
  /** A column and one of its values: only that segment's rows. */
  segmentColumn: string | null;
  segment: string | null;
}

/** A new complaint-frequency cell with nothing chosen. */
export function createFrequencyCellData(): FrequencyCellData {
  return {
    datasetId: null,
    text: null,
    theme: null,
    themeModel: null,
    value: null,
    score: null,
    periodColumn: null,
    grain: 'quarter',
    segmentColumn: null,
    segment: null,
  };
}

/** Repairs stored complaint-frequency cell data. */
export function restoreFrequencyCellData(raw: unknown): FrequencyCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    datasetId: str(r.datasetId),
    text: str(r.text),
    theme: str(r.theme),
    themeModel: str(r.themeModel),
    value: str(r.value),
    score: str(r.score),
    periodColumn: str(r.periodColumn),
    grain: r.grain === 'month' ? 'month' : 'quarter',
    segmentColumn: str(r.segmentColumn),
    segment: str(r.segment),
  };
}
