/**
 * The CX managers' standard analyses for a report made without a notebook (`cx-trace report`):
 * the key drivers of the model's detractors, with the client card and the model's indicators
 * joined, and the complaint themes of their survey's comments by the model's barriers — each
 * with the settings the demo notebook's cells use, shaped as those cells' stored results.
 */
import { driverColumnInfos } from '../analysis/driver-columns.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ServiceModel } from '../model/model-types.ts';
import type { LoadedDataset } from '../index/loaded-dataset.ts';
import { findDataset } from '../index/indicator-values.ts';
import { defaultPopulation } from '../analysis/trace/trace-start.ts';
import { driverTable } from '../analysis/driver-table.ts';
import { driverInput } from '../analysis/driver-target.ts';
import { keyDrivers } from '../analysis/drivers.ts';
import { driverErrorInfo } from '../analysis/driver-messages.ts';
import { termsOfEach } from '../text/tokenize.ts';
import { barrierHits, barrierThemes } from '../text/barrier-match.ts';
import { frequencyAnalysis } from '../text/frequency-analysis.ts';
import { DEFAULT_POPULATION, scoreScaleOf } from '../text/complaint-population.ts';
import type { DriversCellResult, DriversInput } from '../worker-api/drivers-api.ts';
import type { FrequencyCellResult, FrequencyInput } from '../worker-api/text-api.ts';

/** The answers the model's NPS indicator reads, with its score and date columns; or null. */
function surveyOf(model: ServiceModel, datasets: readonly LoadedDataset[]) {
  const p = defaultPopulation(model);
  if (p?.kind !== 'detractors') return null;
  const survey = findDataset(p.dataset, datasets);
  return survey && survey.columns[p.score] ? { survey, score: p.score, date: p.date } : null;
}

/** The key drivers of the model's detractors (null when the model has no NPS indicator). */
export function standardDrivers(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  seed = 1,
): DriversCellResult | null {
  const found = surveyOf(model, datasets);
  if (!found) return null;
  const { survey, score } = found;
  const input: DriversInput = {
    datasetId: survey.id ?? survey.name,
    modelId: model.id,
    target: score,
    rule: null,
    features: null,
    seed,
  };
  try {
    const table = driverTable(survey, model, datasets, score);
    const prepared = driverInput(table, score, null);
    const result = keyDrivers(prepared.columns, prepared.rows, prepared.y, { seed });
    const columns = driverColumnInfos(table, score);
    return { input, output: { ok: true, result, columns, labels: [], handoff: null } };
  } catch (e) {
    const error = driverErrorInfo(e);
    if (error) return { input, output: { ok: false, reason: 'invalid', error } };
    throw e;
  }
}

/**
 * The complaint themes of the survey's comments (its column with the comment role), each
 * comment's themes from the model's barriers named in `locale`, counting the complaints (the
 * cell's default: detractors and passives); null without such a column.
 */
export function standardFrequency(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  locale: Locale,
): FrequencyCellResult | null {
  const found = surveyOf(model, datasets);
  if (!found) return null;
  const { survey, score, date } = found;
  const text = Object.keys(survey.columns).find((c) => survey.roles?.[c] === 'comment');
  if (!text) return null;
  const texts = Array.from(survey.columns[text]!, (v) =>
    typeof v === 'string' && v.trim() !== '' ? v : null,
  );
  const grain = model.period.grain;
  const input: FrequencyInput = {
    datasetId: survey.id ?? survey.name,
    text,
    themesFrom: { modelId: model.id, locale },
    score,
    population: DEFAULT_POPULATION,
    period: date ? { column: date, grain } : null,
  };
  const scores = survey.columns[score]!;
  const result = frequencyAnalysis({
    terms: termsOfEach(texts),
    texts,
    themes: barrierThemes(model, barrierHits(model, texts), locale),
    scores,
    scale: scoreScaleOf(survey.roles?.[score], scores),
    population: DEFAULT_POPULATION,
    dates: date ? survey.columns[date] : null,
    grain,
  });
  return { input, output: { ok: true, result, segments: [] } };
}
