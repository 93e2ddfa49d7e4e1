/// <reference lib="webworker" />
import { reportWorkerRequests } from '../src/data/request-log.ts';
import { lockDownNetwork, probeNetwork } from './network-lockdown.ts';
import { expose } from 'comlink';
import { getDb } from '../src/data/db.ts';
import { getDataset } from '../src/data/datasets-repo.ts';
import {
  LoadedDatasetCache,
  loadModelDatasets,
  loadStoredDataset,
  rowsStamp,
} from '../src/data/model-datasets.ts';
import { getModel } from '../src/data/models-repo.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';
import { cellAnswerer, type CellMethod } from '../src/data/cell-answerer.ts';
import type { LoadedDataset } from '../src/core/index/loaded-dataset.ts';
import { findDataset } from '../src/core/index/indicator-values.ts';
import type { ServiceModel } from '../src/core/model/model-types.ts';
import type { Population } from '../src/core/analysis/trace/trace-types.ts';
import { driverTable, type DriverTable } from '../src/core/analysis/driver-table.ts';
import { driverInput, looksLikeNps } from '../src/core/analysis/driver-target.ts';
import { driverColumnInfos } from '../src/core/analysis/driver-columns.ts';
import { keyDrivers, type DriverStage } from '../src/core/analysis/drivers.ts';
import { driverErrorInfo } from '../src/core/analysis/driver-messages.ts';
import type {
  DriverTableInput,
  DriverChoicesOutput,
  DriversInput,
  DriversOutput,
  DriverHandoff,
  DriversCellResult,
} from '../src/core/worker-api/drivers-api.ts';

const datasets = new LoadedDatasetCache();
let lastBase: { stamp: string; dataset: LoadedDataset } | null = null;

/**
 * What a drivers analysis hands to a trace: the answers with the low outcome (detractors, or a
 * value or threshold of the target) at their client and period; and each driver's model
 * indicator (its own, or the one bound to its column).
 */
function handoffOf(
  model: ServiceModel,
  table: DriverTable,
  base: LoadedDataset,
  loaded: readonly LoadedDataset[],
  input: DriversInput,
): DriverHandoff | null {
  const keys = model.datasets?.[base.name];
  const client =
    keys?.client ?? Object.keys(table.columns).find((c) => table.roles[c] === 'client-id');
  if (!client) return null;
  const starts: Record<string, string> = {};
  for (const [name, source] of Object.entries(table.sources)) {
    if (source.kind === 'indicator') {
      starts[name] = source.id;
      continue;
    }
    const from = source.kind === 'card' ? model.clientCard?.dataset : base.name;
    const bound = model.indicators.find(
      (i) =>
        i.binding?.column === name &&
        from !== undefined &&
        findDataset(i.binding.dataset, loaded) === findDataset(from, loaded),
    );
    if (bound) starts[name] = bound.id;
  }
  const date =
    keys?.period ??
    Object.keys(base.columns).find(
      (c) => base.roles?.[c] === 'date' || base.roles?.[c] === 'period',
    ) ??
    null;
  // A target from the client card (churned…) is one value per client, for all its periods.
  const card = table.sources[input.target]?.kind === 'card' ? model.clientCard : undefined;
  const where = card
    ? { dataset: card.dataset, client: card.key, date: null }
    : { dataset: base.name, client, date };
  const rule = input.rule;
  const population: Population =
    rule === null || rule.kind === 'detractor'
      ? { kind: 'detractors', score: input.target, ...where }
      : { kind: 'low', target: input.target, rule, ...where };
  return { population, starts };
}

/** The joined table of an input, with the model and datasets it came from. */
interface JoinedTable {
  table: DriverTable;
  model: ServiceModel | null;
  base: LoadedDataset;
  loaded: LoadedDataset[];
}

let lastJoined: { key: string; joined: JoinedTable } | null = null;

async function tableOf(input: DriverTableInput): Promise<JoinedTable | null> {
  const db = getDb();
  const meta = await getDataset(db, input.datasetId);
  if (!meta) return null;
  const model = input.modelId ? await getModel(db, input.modelId) : null;
  const loaded = model ? await loadModelDatasets(db, model, undefined, datasets) : [];
  let base = loaded.find((d) => d.id === meta.id);
  if (!base) {
    const stamp = rowsStamp(meta);
    if (lastBase?.stamp !== stamp) lastBase = { stamp, dataset: await loadStoredDataset(db, meta) };
    base = lastBase.dataset;
  }
  // The cell asks for the choices, then runs the analysis on the same table: join it once.
  const key = JSON.stringify([input.target, model]);
  const last = lastJoined;
  if (
    last?.key === key &&
    last.joined.base === base &&
    last.joined.loaded.length === loaded.length &&
    last.joined.loaded.every((d, k) => d === loaded[k])
  ) {
    return last.joined;
  }
  const joined = { table: driverTable(base, model, loaded, input.target), model, base, loaded };
  lastJoined = { key, joined };
  return joined;
}

const STAGES: readonly DriverStage[] = ['prepare', 'train', 'shap', 'baseline', 'bootstrap'];

const api = {
  /** Which network APIs this worker refuses (all of them; see `network-lockdown.ts`). */
  networkProbe: () => probeNetwork(),
  /** The columns a drivers analysis of a dataset (with a model's joins) can use. */
  async choices(input: DriverTableInput): Promise<DriverChoicesOutput> {
    const joined = await tableOf(input);
    if (!joined) return { ok: false, reason: 'dataset-missing' };
    const { table } = joined;
    const values: Record<string, string[]> = {};
    for (const [name, type] of Object.entries(table.types)) {
      if (type === 'boolean') {
        // The file's own words, "yes" first: the outcome to explain is most often the yes (churn).
        const words = table.labels[name];
        values[name] = words ? [words.yes, words.no] : ['true', 'false'];
        continue;
      }
      if (type !== 'string') continue;
      const seen = new Set<string>();
      const column = table.columns[name]!;
      for (let i = 0; i < column.length && seen.size <= 30; i++) {
        const v = column[i];
        if (v !== null && v !== undefined && String(v).trim() !== '') seen.add(String(v));
      }
      if (seen.size <= 30) values[name] = [...seen].sort();
    }
    return {
      ok: true,
      columns: driverColumnInfos(table, input.target),
      npsColumns: Object.keys(table.columns).filter(
        (name) => table.types[name] === 'number' && looksLikeNps(name, table.columns[name]!),
      ),
      values,
      yesNoColumns: Object.keys(table.types).filter((name) => table.types[name] === 'boolean'),
      missing: table.missing,
    };
  },

  /**
   * Key drivers of the low outcome: boosted trees with TreeSHAP, the logistic baseline and
   * relative weights. Progress steps: reading, then the analysis's stages.
   */
  async drivers(input: DriversInput, onProgress?: ProgressFn): Promise<DriversOutput> {
    onProgress?.({ done: 0, total: 1, step: 'read' });
    const joined = await tableOf(input);
    if (!joined) return { ok: false, reason: 'dataset-missing' };
    const { table, model, base, loaded } = joined;
    try {
      const prepared = driverInput(table, input.target, input.rule, input.features ?? undefined);
      const result = keyDrivers(prepared.columns, prepared.rows, prepared.y, {
        seed: input.seed,
        onProgress: (stage, done, total) =>
          onProgress?.({
            done: STAGES.indexOf(stage) * 1000 + Math.round((1000 * done) / Math.max(1, total)),
            total: STAGES.length * 1000,
            step: stage,
          }),
      });
      const idColumn = Object.keys(table.columns).find((c) => table.roles[c] === 'client-id');
      const ids = idColumn ? table.columns[idColumn]! : null;
      const labels = Array.from(result.sample.rows, (r) =>
        ids && ids[r] !== null && ids[r] !== undefined ? String(ids[r]) : `#${r + 1}`,
      );
      const handoff = model ? handoffOf(model, table, base, loaded, input) : null;
      return { ok: true, result, columns: driverColumnInfos(table, input.target), labels, handoff };
    } catch (e) {
      const error = driverErrorInfo(e);
      if (error) return { ok: false, reason: 'invalid', error };
      throw e;
    }
  },
};

/** The cells this worker answers, by the method their request names. */
const cellMethods: Record<string, CellMethod> = {
  /** A key-drivers cell: the analysis, with the input it answers. */
  async driversCell(input: DriversInput, onProgress?: ProgressFn) {
    return { input, output: await api.drivers(input, onProgress) } satisfies DriversCellResult;
  },
};

const workerApi = { ...api, ...cellAnswerer('drivers', cellMethods) };

/** The drivers worker's API, as seen through the worker bridge. */
export type Api = typeof workerApi;
expose(workerApi);

reportWorkerRequests('drivers');
// Last, once every module of this worker is loaded: from here on nothing in it can send.
lockDownNetwork();
