import type { Locale } from '../../i18n/locale.ts';
import type { FrequencyInput } from '../../worker-api/text-api.ts';
import type { CellRequest } from '../cell-query.ts';
import {
  DEFAULT_POPULATION,
  restorePopulation,
  type CommentPopulation,
} from '../../text/complaint-population.ts';

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
  /**
   * When `value` is a column of a model's client card (each row's client's LTV): that model.
   * Null for a column of the dataset itself (and for cells stored before the choice existed).
   */
  valueModel: string | null;
  /**
   * A score column (NPS, or CSAT by its role): which comments are complaints, what promoters
   * praise, the words of detractors against promoters.
   */
  score: string | null;
  /**
   * Which comments are counted: the complaints (NPS 0–8, CSAT 1–3 of 5) by default, or all.
   * Cells stored before the choice existed are restored to the default.
   */
  population: CommentPopulation;
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
    valueModel: null,
    score: null,
    population: DEFAULT_POPULATION,
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
    valueModel: str(r.value) ? str(r.valueModel) : null,
    score: str(r.score),
    population: restorePopulation(r.population),
    periodColumn: str(r.periodColumn),
    grain: r.grain === 'month' ? 'month' : 'quarter',
    segmentColumn: str(r.segmentColumn),
    segment: str(r.segment),
  };
}

/** The theme source meaning "the comments' own clusters" (model ids are never this). */
export const CLUSTER_THEMES = '@clusters';

/**
 * The cell's request, or null until a dataset and a comment column are chosen. Themes from a
 * model's barriers are named in `locale`, so the request (and its stored result) depends on it.
 */
export function frequencyCellQuery(data: FrequencyCellData, locale: Locale): CellRequest | null {
  if (!data.datasetId || !data.text) return null;
  const fromModel = !data.theme && data.themeModel && data.themeModel !== CLUSTER_THEMES;
  const input: FrequencyInput = {
    datasetId: data.datasetId,
    text: data.text,
    theme: data.theme,
    themesFrom:
      data.theme || !data.themeModel
        ? null
        : fromModel
          ? { modelId: data.themeModel, locale }
          : { clusters: true },
    value: data.valueModel ? null : data.value,
    valueFrom:
      data.valueModel && data.value ? { modelId: data.valueModel, column: data.value } : null,
    score: data.score,
    population: data.population,
    period: data.periodColumn ? { column: data.periodColumn, grain: data.grain } : null,
    segment:
      data.segmentColumn && data.segment
        ? { column: data.segmentColumn, value: data.segment }
        : null,
  };
  return {
    worker: 'text',
    method: 'frequencyCell',
    input,
    reads: {
      datasets: [data.datasetId],
      models: [
        ...(fromModel && data.themeModel ? [data.themeModel] : []),
        ...(data.valueModel && data.value && data.valueModel !== data.themeModel
          ? [data.valueModel]
          : []),
      ],
      cells: [],
    },
  };
}
