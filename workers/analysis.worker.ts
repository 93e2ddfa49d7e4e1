/// <reference lib="webworker" />
// Both languages' messages for `translate` (reports, chart labels are written here).
import '../src/core/i18n/messages.ts';
import { reportWorkerRequests } from '../src/data/request-log.ts';
import { lockDownNetwork, probeNetwork } from './network-lockdown.ts';
import { expose } from 'comlink';
import { chartMethods, populationMethods } from './chart-methods.ts';
import { pickRows, populationRows } from '../src/core/transform/row-population.ts';
import { getDb } from '../src/data/db.ts';
import { getDataset } from '../src/data/datasets-repo.ts';
import { readAllColumns, scanColumn } from '../src/data/chunks-repo.ts';
import { npsByGroup, periodKeys } from '../src/core/metrics/group-metrics.ts';
import { metricTable } from '../src/core/metrics/metric-table.ts';
import { addNpsScores, emptyNpsCounts, summariseNps } from '../src/core/metrics/nps.ts';
import {
  addScoreRange,
  checkNpsScale,
  emptyScoreRange,
  shortScaleOf,
} from '../src/core/metrics/nps-scale.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';
import {
  ChunkCache,
  datasetStoredBytes,
  readChunkColumns,
  readRows,
  scanChunks,
} from '../src/data/dataset-rows.ts';
import { DatasetProfiler, type ColumnProfile } from '../src/core/analysis/column-profile.ts';
import { csvPieces, type CsvDialect } from '../src/core/storage/export-csv.ts';
import { getModel } from '../src/data/models-repo.ts';
import { restoreModel } from '../src/core/model/restore-model.ts';
import type { ServiceModel } from '../src/core/model/model-types.ts';
import { LoadedDatasetCache, loadModelDatasets, rowsStamp } from '../src/data/model-datasets.ts';
import { satisfactionIndex, type IndexResult } from '../src/core/index/satisfaction-index.ts';
import {
  clientSegments,
  indexView,
  segmentColumns,
  type IndexQuery,
} from '../src/core/index/index-view.ts';
import { clientRecords } from '../src/core/index/client-records.ts';
import type { LoadedDataset } from '../src/core/index/loaded-dataset.ts';
import type { ColumnInfo } from '../src/core/storage/dataset-meta.ts';
import { summariseIndex, type IndexSummary } from '../src/core/index/index-summary.ts';
import { indicatorOverview, type IndicatorOverview } from '../src/core/index/indicator-overview.ts';
import { traceAnalysis } from '../src/core/analysis/trace/trace-analysis.ts';
import { traceClients } from '../src/core/analysis/trace/trace-clients.ts';
import {
  traceUnitClients,
  type UnitClients,
} from '../src/core/analysis/trace/trace-unit-clients.ts';
import { readTraceData, type TraceData } from '../src/core/analysis/trace/trace-data.ts';
import type { Population, TraceQuery } from '../src/core/analysis/trace/trace-types.ts';
import type { NpsCellInput } from '../src/core/notebook/cell-data/nps-cell.ts';
import { resolveHanded, type TraceCellInput } from '../src/core/notebook/cell-data/trace-cell.ts';
import { sourceKey } from '../src/core/notebook/cell-query.ts';
import {
  clearNotebookResults,
  getCellResult,
  resultBytesByNotebook,
} from '../src/data/cell-results-repo.ts';
import type { IndexCellInput } from '../src/core/notebook/cell-data/index-cell.ts';
import { audienceReport } from '../src/core/report/audience-report.ts';
import type { DriversCellResult } from '../src/core/worker-api/drivers-api.ts';
import type { FrequencyCellResult } from '../src/core/worker-api/text-api.ts';
import { frontLineList } from '../src/core/report/front-line.ts';
import { renderReportHtml } from '../src/core/report/render-report-html.ts';
import type {
  NotebookReportInput,
  NotebookReportOutput,
  IndexViewOutput,
  MetricCellResult,
  NpsCellResult,
  TraceCellResult,
  FrontLineCellResult,
} from '../src/core/worker-api/analysis-api.ts';
import type { FrontLineCellInput } from '../src/core/notebook/cell-data/frontline-cell.ts';
import { defaultPopulation } from '../src/core/analysis/trace/trace-start.ts';
import { cellAnswerer, type CellMethod } from '../src/data/cell-answerer.ts';
import { shareMethods } from './share-methods.ts';
import { backupMethods } from './backup-methods.ts';
import type {
  NpsInput,
  NpsResult,
  NpsGroupsInput,
  NpsGroupsResult,
  MetricInput,
  MetricResult,
  RowValue,
  RowsResult,
  ProfileResult,
  ExportResult,
  RowsInput,
  ClientRecordsResult,
  ModelInput,
} from '../src/core/worker-api/analysis-api.ts';

/** The most rows one preview call returns. */
const MAX_ROWS_PER_CALL = 1_000;

// Chunks decoded for the preview, kept while the user scrolls.
const previewChunks = new ChunkCache(3);

const PROFILE_KEY = (id: string) => `column-profile:${id}`;

/** Whether a cached profile was computed from the rows the dataset has now. */
const profileFits = (
  cached: unknown,
  stamp: string,
): cached is { stamp: string; columns: ColumnProfile[] } =>
  (cached as { stamp?: unknown } | null)?.stamp === stamp;

/** The model an input names, normalised at this boundary; null when the id is not stored. */
async function modelOf(input: ModelInput): Promise<ServiceModel | null> {
  return 'model' in input ? restoreModel(input.model) : getModel(getDb(), input.modelId);
}

/** What was last computed from a model and its datasets, with what it came from. */
interface ModelComputation<T> {
  key: string;
  model: ServiceModel;
  datasets: LoadedDataset[];
  value: T;
}

/**
 * One computation from a model (stored, or as being edited) and the stored datasets it reads;
 * the last result is kept, so linked views re-query it without computing it again while neither
 * the model nor a dataset changed. Progress counts datasets read.
 */
class ModelMemo<T> {
  #last: ModelComputation<T> | null = null;

  constructor(private readonly compute: (model: ServiceModel, datasets: LoadedDataset[]) => T) {}

  async get(input: ModelInput, onProgress?: ProgressFn): Promise<ModelComputation<T> | null> {
    const model = await modelOf(input);
    if (!model) return null;
    const datasets = await loadModelDatasets(
      getDb(),
      model,
      (done, total) => onProgress?.({ done, total: total + 1 }),
      modelDatasets,
    );
    const key = JSON.stringify(model);
    const last = this.#last;
    const same =
      last !== null &&
      last.key === key &&
      last.datasets.length === datasets.length &&
      last.datasets.every((d, k) => d === datasets[k]);
    if (!same) this.#last = { key, model, datasets, value: this.compute(model, datasets) };
    return this.#last;
  }
}

// The datasets of the model last computed, kept while an analyst edits and looks again.
const modelDatasets = new LoadedDatasetCache();
const indexMemo = new ModelMemo<IndexResult>(satisfactionIndex);
const traceMemo = new ModelMemo<TraceData>(readTraceData);

const api = {
  /** Which network APIs this worker refuses (all of them; see `network-lockdown.ts`). */
  networkProbe: () => probeNetwork(),
  /**
   * The satisfaction index of a service model (stored, or as being edited) on the stored datasets it reads: each
   * client's latest index, block means and the trend by period. Progress counts datasets read.
   */
  async satisfactionIndex(
    input: ModelInput,
    onProgress?: ProgressFn,
  ): Promise<{ ok: true; summary: IndexSummary } | { ok: false; reason: 'model-missing' }> {
    const computed = await indexMemo.get(input, onProgress);
    if (!computed) return { ok: false, reason: 'model-missing' };
    return { ok: true, summary: summariseIndex(computed.value) };
  },

  /**
   * The linked views of a model's satisfaction index for a query (a period, a segment of a
   * client-card column): trend, segments, blocks and the per-client table. The index is
   * computed once and kept while the model and its datasets stay the same.
   */
  async indexView(
    input: ModelInput & { query: IndexQuery },
    onProgress?: ProgressFn,
  ): Promise<IndexViewOutput> {
    const computed = await indexMemo.get(input, onProgress);
    if (!computed) return { ok: false, reason: 'model-missing' };
    const { model, datasets, value: result } = computed;
    const segments = clientSegments(model, datasets, input.query.segmentColumn);
    const view = indexView(result, input.query, segments, segmentColumns(model, datasets));
    return {
      ok: true,
      view,
      problems: result.problems,
      clientPeriods: result.rows.filter((r) => r.index !== null).length,
    };
  },

  /**
   * Every row about one client in the datasets a model reads (survey answers, CRM records),
   * up to `limit` per dataset, with each dataset's columns to format them.
   */
  async clientRecords(
    input: ModelInput & { client: string; limit?: number },
  ): Promise<{ ok: true; records: ClientRecordsResult } | { ok: false; reason: 'model-missing' }> {
    const db = getDb();
    const model = await modelOf(input);
    if (!model) return { ok: false, reason: 'model-missing' };
    const datasets = await loadModelDatasets(db, model, undefined, modelDatasets);
    const found = clientRecords(model, datasets, input.client, input.limit ?? 200);
    const records = await Promise.all(
      found.map(async (r) => {
        const meta = r.datasetId ? await getDataset(db, r.datasetId) : null;
        const info = (name: string): ColumnInfo =>
          meta?.columns.find((c) => c.name === name) ?? {
            name,
            type: datasets.find((d) => d.name === r.dataset)?.types[name] ?? 'string',
          };
        return { ...r, columns: r.columns.map(info), rows: r.rows as RowValue[][] };
      }),
    );
    return { ok: true, records };
  },

  /**
   * Every indicator of a service model (stored, or as being edited) at a glance (latest value, trend, status against
   * target), from the stored datasets it reads. Progress counts datasets read.
   */
  async modelOverview(
    input: ModelInput,
    onProgress?: ProgressFn,
  ): Promise<{ ok: true; overview: IndicatorOverview[] } | { ok: false; reason: 'model-missing' }> {
    const db = getDb();
    const model = await modelOf(input);
    if (!model) return { ok: false, reason: 'model-missing' };
    const datasets = await loadModelDatasets(
      db,
      model,
      (done, total) => onProgress?.({ done, total: total + 1 }),
      modelDatasets,
    );
    return { ok: true, overview: indicatorOverview(model, datasets) };
  },

  /**
   * NPS of a 0–10 score column by group: the values of a column (segment, region…) or the
   * periods (month or quarter) of a date column, each with its interval and a small-group flag.
   */
  async npsGroups(input: NpsGroupsInput): Promise<NpsGroupsResult> {
    const db = getDb();
    const meta = await getDataset(db, input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const groupColumn = input.by ?? input.period?.column ?? null;
    const names = [input.column, ...(groupColumn ? [groupColumn] : [])];
    if (names.some((n) => !meta.columns.some((c) => c.name === n))) {
      return { ok: false, reason: 'column-missing' };
    }
    const [scores, groupValues] = await readAllColumns(db, meta, names);
    const groups =
      input.period && groupValues ? periodKeys(groupValues, input.period.grain) : groupValues;
    return { ok: true, result: npsByGroup(scores!, groups ?? null) };
  },

  /**
   * A metric (NPS, CSAT, churn, mean, count) of a stored dataset column, by the values of
   * another column, by period of a date column, or both (a trend line per group).
   */
  async metricTable(input: MetricInput): Promise<MetricResult> {
    const db = getDb();
    const meta = await getDataset(db, input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const conditions = input.rows?.conditions ?? [];
    const names = [
      input.column,
      input.by,
      input.period?.column,
      ...conditions.map((c) => c.column),
    ].filter((n): n is string => typeof n === 'string' && n !== '');
    if (names.some((n) => !meta.columns.some((c) => c.name === n))) {
      return { ok: false, reason: 'column-missing' };
    }
    const wanted = [...new Set(names)];
    let read: ArrayLike<unknown>[] = await readAllColumns(db, meta, wanted);
    let rowCount = meta.rowCount;
    if (conditions.length > 0) {
      const types = Object.fromEntries(meta.columns.map((c) => [c.name, c.type]));
      const byName = Object.fromEntries(wanted.map((n, k) => [n, read[k]!]));
      const kept = populationRows(conditions, byName, types, meta.rowCount);
      read = read.map((values) => pickRows(values, kept));
      rowCount = kept.length;
    }
    const col = (name: string | null | undefined) =>
      name ? (read[wanted.indexOf(name)] ?? null) : null;
    // A count reads no column: it needs only as many values as rows.
    const values = col(input.column) ?? new Array<null>(rowCount).fill(null);
    const scale = input.metric === 'nps' ? checkNpsScale(values) : null;
    if (scale) return { ok: false, reason: 'short-scale', scale };
    const dates = col(input.period?.column);
    const table = metricTable(
      values,
      { kind: input.metric, ...(input.csat ? { csat: input.csat } : {}) },
      col(input.by),
      dates && input.period ? periodKeys(dates, input.period.grain) : null,
    );
    return { ok: true, table };
  },

  /**
   * NPS of a 0–10 score column of a stored dataset, read chunk by chunk with progress; refused
   * (`short-scale`) when the scores look like a 1–5 or 1–7 scale, unless `input.scale` is 0–10.
   */
  async npsSummary(input: NpsInput, onProgress?: ProgressFn): Promise<NpsResult> {
    const db = getDb();
    const meta = await getDataset(db, input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    if (!meta.columns.some((c) => c.name === input.column))
      return { ok: false, reason: 'column-missing' };
    const counts = emptyNpsCounts();
    const range = emptyScoreRange();
    onProgress?.({ done: 0, total: meta.rowCount });
    await scanColumn(db, meta, input.column, (values, done) => {
      addNpsScores(counts, values as ArrayLike<number | null>);
      addScoreRange(range, values);
      onProgress?.({ done, total: meta.rowCount });
    });
    const scale = shortScaleOf(range, input.scale ?? 'detect');
    if (scale) return { ok: false, reason: 'short-scale', scale };
    return { ok: true, summary: summariseNps(counts), rows: meta.rowCount };
  },

  /** A page of a dataset's rows for the preview table; reads only the chunks that hold them. */
  async datasetRows(input: RowsInput): Promise<RowsResult> {
    const db = getDb();
    const meta = await getDataset(db, input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const offset = Math.max(0, Math.floor(input.offset));
    const limit = Math.min(MAX_ROWS_PER_CALL, Math.max(0, Math.floor(input.limit)));
    const rows = (await readRows(db, meta, offset, limit, previewChunks)) as RowValue[][];
    return { ok: true, offset, total: meta.rowCount, rows };
  },

  /**
   * Type, blanks, distinct values, range and most frequent values of every column, read chunk
   * by chunk with progress. Kept in the results cache until the dataset's rows change.
   */
  async datasetProfile(
    input: { datasetId: string },
    onProgress?: ProgressFn,
  ): Promise<ProfileResult> {
    const db = getDb();
    const meta = await getDataset(db, input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const stamp = rowsStamp(meta);
    const cached = await db.results.get(PROFILE_KEY(meta.id)).catch(() => undefined);
    if (cached && profileFits(cached.value, stamp)) {
      return { ok: true, rows: meta.rowCount, columns: cached.value.columns };
    }
    const profiler = new DatasetProfiler(meta.columns);
    onProgress?.({ done: 0, total: meta.rowCount });
    await scanChunks(db, meta, (values, done) => {
      profiler.add(values);
      onProgress?.({ done, total: meta.rowCount });
    });
    const columns = profiler.finish();
    await db.results
      .put({
        key: PROFILE_KEY(meta.id),
        datasetId: meta.id,
        createdAt: Date.now(),
        value: { stamp, columns },
      })
      .catch(() => undefined);
    return { ok: true, rows: meta.rowCount, columns };
  },

  /**
   * The dataset as a CSV file (UTF-8 with BOM, formula-safe), built chunk by chunk with
   * progress. The file is a Blob, so its text never sits whole in memory as a string.
   */
  async exportCsv(
    input: { datasetId: string; dialect?: CsvDialect },
    onProgress?: ProgressFn,
  ): Promise<ExportResult> {
    const db = getDb();
    const meta = await getDataset(db, input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const parts: Blob[] = [];
    let done = 0;
    async function* chunks() {
      for (let i = 0; i < meta!.chunkCount; i++) {
        const values = await readChunkColumns(db, meta!, i);
        yield values;
        done += values[0]?.length ?? 0;
        onProgress?.({ done, total: meta!.rowCount });
      }
    }
    onProgress?.({ done: 0, total: meta.rowCount });
    for await (const piece of csvPieces(meta.columns, chunks(), input.dialect)) {
      parts.push(new Blob([piece]));
    }
    return { ok: true, blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows: done };
  },

  /**
   * The trace of a population down a model's links (see `traceAnalysis`: the verdict, the
   * causes at their units, the links, a what-if), and the client-card columns a segment can be
   * taken from. Progress counts datasets read.
   */
  async trace(
    input: ModelInput & { query: TraceQuery },
    onProgress?: ProgressFn,
  ): Promise<TraceCellResult> {
    const computed = await traceMemo.get(input, onProgress);
    if (!computed) return { ok: false, reason: 'model-missing' };
    const { model, datasets, value: data } = computed;
    return {
      ok: true,
      result: traceAnalysis(model, datasets, input.query, data),
      segments: segmentColumns(model, datasets),
    };
  },

  /** The population's clients a unit serves, with their client card and comments. */
  async traceUnitClients(
    input: ModelInput & { query: TraceQuery; unitKind: string; unit: string },
  ): Promise<{ ok: true; result: UnitClients | null } | { ok: false; reason: 'model-missing' }> {
    const computed = await traceMemo.get(input);
    if (!computed) return { ok: false, reason: 'model-missing' };
    const { model, datasets, value: data } = computed;
    const at = { unitKind: input.unitKind, unit: input.unit };
    return { ok: true, result: traceUnitClients(model, datasets, input.query, at, 200, data) };
  },

  /** The population's clients with their values of one indicator, the worst first. */
  async traceClients(
    input: ModelInput & { query: TraceQuery; indicator: string; limit?: number },
  ): Promise<
    | { ok: true; clients: { client: string; value: number; cells: number }[] }
    | { ok: false; reason: 'model-missing' }
  > {
    const computed = await traceMemo.get(input);
    if (!computed) return { ok: false, reason: 'model-missing' };
    const { model, datasets, value: data } = computed;
    const clients = traceClients(model, datasets, input.query, input.indicator, input.limit, data);
    return { ok: true, clients };
  },

  /** The values of a client-card column (to choose a segment from), at most 200. */
  async segmentValues(
    input: ModelInput & { column: string },
  ): Promise<{ ok: true; values: string[] } | { ok: false; reason: 'model-missing' }> {
    const model = await modelOf(input);
    if (!model) return { ok: false, reason: 'model-missing' };
    const datasets = await loadModelDatasets(getDb(), model, undefined, modelDatasets);
    const values = new Set<string>();
    for (const v of clientSegments(model, datasets, input.column)?.values() ?? []) {
      if (v !== null) values.add(v);
    }
    return { ok: true, values: [...values].sort().slice(0, 200) };
  },

  /**
   * A notebook's report for an audience from its stored results (see `NotebookReportInput`):
   * the trace, NPS by period and the index as stored; the front line's list read from the trace
   * model's data (a listing of the detractors, not an analysis).
   */
  async notebookReport(input: NotebookReportInput): Promise<NotebookReportOutput> {
    const db = getDb();
    const value = async (key: string | null) =>
      key ? ((await getCellResult(db, key))?.value ?? null) : null;
    const traceCell = (await value(input.keys.trace)) as TraceCellResult | null;
    const npsCell = (await value(input.keys.nps)) as NpsCellResult | null;
    const indexCell = (await value(input.keys.index)) as IndexViewOutput | null;
    const drivers = (await value(input.keys.drivers)) as DriversCellResult | null;
    const frequency = (await value(input.keys.frequency)) as FrequencyCellResult | null;
    const frontLine = (await value(input.keys.frontline)) as FrontLineCellResult | null;
    // The model the report is about: the one the trace, the front line's list or the index read.
    let modelId: string | null = null;
    for (const key of [input.keys.trace, input.keys.frontline, input.keys.index]) {
      const record = key ? await getCellResult(db, key) : null;
      modelId ??= (record?.request.input as { modelId?: string } | undefined)?.modelId ?? null;
    }
    const model = modelId ? await getModel(db, modelId) : null;
    if (!model) {
      return { html: '', missing: [input.audience === 'frontline' ? 'front-line' : 'trace'] };
    }
    const { doc, missing } = await audienceReport(
      input.locale,
      input.audience,
      {
        model,
        nps: npsCell?.groups?.ok ? npsCell : null,
        index: indexCell?.ok ? indexCell.view : null,
        trace: traceCell?.ok ? traceCell.result : null,
        frontLine: frontLine?.ok ? frontLine.list : null,
        drivers,
        frequency,
      },
      { made: input.made, source: input.source, pseudonymise: input.pseudonymise },
    );
    // A report of nothing but what it lacks is not saved: the dialog lists what to add.
    const empty = doc.sections.length === (missing.length > 0 ? 1 : 0);
    return { html: empty ? '' : renderReportHtml(doc), missing };
  },

  /** How much the stored cell results take, per notebook that shows them. */
  async resultSizes(): Promise<Record<string, number>> {
    return Object.fromEntries(await resultBytesByNotebook(getDb()));
  },

  /** Forgets a notebook's stored cell results; returns how many were deleted. */
  async clearResults(input: { notebookId: string }): Promise<number> {
    return clearNotebookResults(getDb(), input.notebookId);
  },

  /** The stored size of each dataset (from its metadata, or by adding up its chunks). */
  async datasetSizes(input: { datasetIds: string[] }): Promise<Record<string, number>> {
    const db = getDb();
    const out: Record<string, number> = {};
    for (const id of input.datasetIds) {
      const meta = await getDataset(db, id);
      if (meta) out[id] = await datasetStoredBytes(db, meta);
    }
    return out;
  },
};

/**
 * The cells this worker answers, by the method their request names (see each cell kind's query
 * in `src/core/notebook/cell-data/`).
 */
const cellMethods: Record<string, CellMethod> = {
  /**
   * An NPS-summary cell: the summary, and NPS by group or period when asked (not when the
   * summary is refused: the groups' scores are on the same scale).
   */
  async npsCell(input: NpsCellInput, onProgress?: ProgressFn) {
    const summary = await api.npsSummary(
      { datasetId: input.datasetId, column: input.column, scale: input.scale ?? 'detect' },
      onProgress,
    );
    const refused = !summary.ok && summary.reason === 'short-scale';
    const groups =
      !refused && (input.by || input.period)
        ? await api.npsGroups({
            datasetId: input.datasetId,
            column: input.column,
            by: input.by,
            period: input.period,
          })
        : null;
    return { summary, groups } satisfies NpsCellResult;
  },
  /** A trace cell: the trace, and the client-card columns a segment can be taken from. */
  async traceCell(
    input: TraceCellInput,
    onProgress: ProgressFn | undefined,
    sources: Record<string, string | null>,
  ): Promise<TraceCellResult> {
    const p = input.query.population;
    let population: Population | null;
    if (p?.kind === 'handed') {
      // A hand-off is read from the result its source cell shows now.
      const version = sources[p.cell];
      const record = version ? await getCellResult(getDb(), sourceKey(version)) : null;
      population = record ? resolveHanded(p, record.value) : null;
      if (!population) return { ok: false, reason: 'source-missing' };
    } else population = p;
    return api.trace({ modelId: input.modelId, query: { ...input.query, population } }, onProgress);
  },
  /**
   * A front-line cell: the clients to recover, with the causes of the trace cell it names (as
   * that cell shows them now), or of the model's default trace.
   */
  async frontLineCell(
    input: FrontLineCellInput,
    onProgress: ProgressFn | undefined,
    sources: Record<string, string | null>,
  ): Promise<FrontLineCellResult> {
    if (input.traceCell) {
      const version = sources[input.traceCell];
      const record = version ? await getCellResult(getDb(), sourceKey(version)) : null;
      if (!record) return { ok: false, reason: 'source-missing' };
      const model = await modelOf(input);
      if (!model) return { ok: false, reason: 'model-missing' };
      const datasets = await loadModelDatasets(
        getDb(),
        model,
        (done, total) => onProgress?.({ done, total }),
        modelDatasets,
      );
      const shown = record.value as TraceCellResult;
      const trace = shown.ok ? shown.result : null;
      return { ok: true, list: frontLineList(model, datasets, trace), traced: trace !== null };
    }
    const computed = await traceMemo.get(input, onProgress);
    if (!computed) return { ok: false, reason: 'model-missing' };
    const { model, datasets, value: data } = computed;
    const query = { population: null, period: null, start: null };
    const found = defaultPopulation(model) ? traceAnalysis(model, datasets, query, data) : null;
    const trace = found && found.start !== null && found.counts.answers > 0 ? found : null;
    return { ok: true, list: frontLineList(model, datasets, trace), traced: trace !== null };
  },
  /** A satisfaction-index cell: its views for all clients and periods. */
  async indexCell(input: IndexCellInput, onProgress?: ProgressFn) {
    return api.indexView(input, onProgress);
  },
  /** A metric cell: the table, with the input it answers. */
  async metricCell(input: MetricInput) {
    return { input, result: await api.metricTable(input) } satisfies MetricCellResult;
  },
  ...chartMethods,
};

const workerApi = {
  ...api,
  ...shareMethods,
  ...backupMethods,
  ...populationMethods,
  ...cellAnswerer('analysis', cellMethods),
};

/** The analysis worker's API, as seen through the worker bridge. */
export type Api = typeof workerApi;

expose(workerApi);

reportWorkerRequests('analysis');
// Last, once every module of this worker is loaded: from here on nothing in it can send.
lockDownNetwork();
