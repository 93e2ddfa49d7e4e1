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
import { loadStoredDataset } from '../src/data/model-datasets.ts';
import { storeDataset } from '../src/data/import-dataset.ts';
import { encodeColumnChunks } from '../src/core/ingest/typed-chunks.ts';
import type { ColumnValues } from '../src/core/storage/column-chunk.ts';
import type { ColumnInfo } from '../src/core/storage/dataset-meta.ts';
import {
  runTransform,
  TransformError,
  type TransformResult,
} from '../src/core/transform/run-transform.ts';
import { transformInputs, transformRecord } from '../src/core/notebook/cell-data/transform-cell.ts';
import type { LoadedDataset } from '../src/core/index/loaded-dataset.ts';
import type { RowValue } from '../src/core/worker-api/analysis-api.ts';
import type {
  TransformFailure,
  TransformInput,
  TransformPreviewOutput,
  TransformStoreInput,
  TransformStoreOutput,
} from '../src/core/worker-api/transform-api.ts';

/** The transform's result, or why it could not run. */
async function compute(
  input: TransformInput,
): Promise<{ ok: true; result: TransformResult } | { ok: false; failure: TransformFailure }> {
  const db = getDb();
  const loaded = new Map<string, LoadedDataset>();
  for (const id of transformInputs(input.datasetId, input.steps)) {
    const meta = await getDataset(db, id);
    if (!meta) return { ok: false, failure: { kind: 'dataset-missing', dataset: id } };
    loaded.set(id, await loadStoredDataset(db, meta));
  }
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

const api = {
  /** Which network APIs this worker refuses (all of them; see `network-lockdown.ts`). */
  networkProbe: () => probeNetwork(),

  /** The first `limit` rows of a transform's result, and its size. */
  async preview(input: TransformInput & { limit?: number }): Promise<TransformPreviewOutput> {
    const out = await compute(input);
    if (!out.ok) return out;
    const { names, columns, rows } = out.result;
    const shown = Math.min(rows, input.limit ?? 20);
    const firstRows: RowValue[][] = Array.from({ length: shown }, (_, r) =>
      names.map((n) => (columns[n]![r] ?? null) as RowValue),
    );
    return { ok: true, names, rows: firstRows, rowCount: rows };
  },

  /** Stores a transform's result as a dataset (replacing the cell's earlier one in place). */
  async store(input: TransformStoreInput): Promise<TransformStoreOutput> {
    const out = await compute(input);
    if (!out.ok) return out;
    const { names, columns: values, types, rows } = out.result;
    const db = getDb();
    const columns: ColumnInfo[] = names.map((name) => ({ name, type: types[name]! }));
    const replaces = input.replaces ? await getDataset(db, input.replaces) : undefined;
    const meta = await storeDataset(
      db,
      {
        name: input.name,
        columns,
        totalRows: rows,
        chunks: (first) =>
          encodeColumnChunks(
            columns,
            names.map((n) => values[n] as ColumnValues),
            undefined,
            first,
          ),
        derivedFrom: transformRecord(input.datasetId, input.steps, await listDatasets(db)),
      },
      undefined,
      replaces ? { mode: 'replace', datasetId: replaces.id } : { mode: 'new' },
    );
    return { ok: true, meta };
  },
};

/** The transform worker's API, as the bridge sees it. */
export type Api = typeof api;

reportWorkerRequests('transform');
expose(api);
lockDownNetwork();
