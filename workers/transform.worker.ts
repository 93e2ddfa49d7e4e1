/**
 * The transform worker: runs a transform cell's steps with Arquero on stored datasets, for a
 * preview of the first rows or to store the result as a dataset. The only script allowed to
 * compile code (`scripts/csp.mjs`: Arquero compiles its queries), and, like every worker, with
 * no network.
 */
import { reportWorkerRequests } from '../src/data/request-log.ts';
import { lockDownNetwork, probeNetwork } from './network-lockdown.ts';
import { expose } from 'comlink';
import { getDb } from '../src/data/db.ts';
import { getDataset, listDatasets } from '../src/data/datasets-repo.ts';
import { LoadedDatasetCache, loadStoredDataset } from '../src/data/model-datasets.ts';
import { storeDataset } from '../src/data/import-dataset.ts';
import { encodeColumnChunks } from '../src/core/ingest/typed-chunks.ts';
import type { ColumnValues } from '../src/core/storage/column-chunk.ts';
import {
  datasetTitle,
  type ColumnInfo,
  type DatasetMeta,
} from '../src/core/storage/dataset-meta.ts';
import {
  runTransform,
  TransformError,
  type TransformResult,
} from '../src/core/transform/run-transform.ts';
import {
  madeBy,
  transformInputs,
  transformRecord,
} from '../src/core/notebook/cell-data/transform-cell.ts';
import { cellAnswerer, type CellMethod } from '../src/data/cell-answerer.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';
import type { LoadedDataset } from '../src/core/index/loaded-dataset.ts';
import type { RowValue } from '../src/core/worker-api/analysis-api.ts';
import type {
  TransformCellInput,
  TransformCellResult,
  TransformFailure,
  TransformInput,
  TransformPreview,
  TransformPreviewOutput,
} from '../src/core/worker-api/transform-api.ts';

/**
 * The inputs of the last transform, kept while their rows stay the same: a preview as the
 * analyst edits a step reads its datasets once, not at every edit.
 */
const cache = new LoadedDatasetCache();

/** The transform's result, or why it could not run. */
async function compute(
  input: TransformInput,
): Promise<{ ok: true; result: TransformResult } | { ok: false; failure: TransformFailure }> {
  const db = getDb();
  const loaded = new Map<string, LoadedDataset>();
  const kept: { meta: DatasetMeta; dataset: LoadedDataset }[] = [];
  for (const id of transformInputs(input.datasetId, input.steps)) {
    const meta = await getDataset(db, id);
    if (!meta) return { ok: false, failure: { kind: 'dataset-missing', dataset: id } };
    const dataset = cache.get(meta) ?? (await loadStoredDataset(db, meta));
    loaded.set(id, dataset);
    kept.push({ meta, dataset });
  }
  cache.keep(kept);
  try {
    const result = runTransform(
      loaded.get(input.datasetId)!,
      input.steps,
      (id) => loaded.get(id) ?? null,
    );
    return { ok: true, result };
  } catch (e) {
    if (!(e instanceof TransformError)) throw e;
    return { ok: false, failure: { kind: 'step', code: e.code, step: e.step, column: e.column } };
  }
}

/** The first `limit` rows of a result, its columns' types and its size. */
function previewOf(result: TransformResult, limit: number): TransformPreview {
  const { names, columns, rows, types } = result;
  const shown = Math.min(rows, limit);
  const firstRows: RowValue[][] = Array.from({ length: shown }, (_, r) =>
    names.map((n) => (columns[n]![r] ?? null) as RowValue),
  );
  return { names, types: names.map((n) => types[n]!), rows: firstRows, rowCount: rows };
}

/** Stores a transform cell's result, replacing the dataset the same cell stored before. */
async function storeResult(
  input: TransformCellInput,
  result: TransformResult,
  onProgress?: ProgressFn,
): Promise<DatasetMeta> {
  const { names, columns: values, types, rows } = result;
  const db = getDb();
  const stored = await listDatasets(db);
  const columns: ColumnInfo[] = names.map((name) => ({ name, type: types[name]! }));
  const previous = madeBy(input.owner, stored);
  return storeDataset(
    db,
    {
      name: input.name,
      // A replacement keeps its name (its id's handle); the title shows the cell's new one.
      ...(previous ? { title: input.name } : {}),
      columns,
      totalRows: rows,
      chunks: (first) =>
        encodeColumnChunks(
          columns,
          names.map((n) => values[n] as ColumnValues),
          undefined,
          first,
        ),
      derivedFrom: transformRecord(input.datasetId, input.steps, stored, input.owner),
    },
    (p) => onProgress?.({ done: p.rows, total: p.totalRows }),
    previous ? { mode: 'replace', datasetId: previous.id } : { mode: 'new' },
  );
}

const cellMethods: Record<string, CellMethod> = {
  /** Runs a transform cell's steps and stores the result as a dataset (see `TransformCellInput`). */
  async transformCell(input: TransformCellInput, onProgress): Promise<TransformCellResult> {
    const out = await compute(input);
    if (!out.ok) return out;
    const meta = await storeResult(input, out.result, onProgress);
    return {
      ok: true,
      datasetId: meta.id,
      name: datasetTitle(meta),
      ...previewOf(out.result, PREVIEW_ROWS),
    };
  },
};

/** Rows a preview shows. */
const PREVIEW_ROWS = 20;

const api = {
  /** Which network APIs this worker refuses (all of them; see `network-lockdown.ts`). */
  networkProbe: () => probeNetwork(),

  /** The first rows of a transform's result (nothing stored), and its size. */
  async preview(input: TransformInput & { limit?: number }): Promise<TransformPreviewOutput> {
    const out = await compute(input);
    if (!out.ok) return out;
    return { ok: true, ...previewOf(out.result, input.limit ?? PREVIEW_ROWS) };
  },

  ...cellAnswerer('transform', cellMethods),
};

/** The transform worker's API, as the bridge sees it. */
export type Api = typeof api;

reportWorkerRequests('transform');
expose(api);
lockDownNetwork();
