import type { CxTraceDb } from './db.ts';
import { getNotebook, putNotebook } from './notebooks-repo.ts';
import { getModel } from './models-repo.ts';
import { getDataset, deleteDataset } from './datasets-repo.ts';
import { readAllColumns } from './chunks-repo.ts';
import { currentVersions, getCellResult } from './cell-results-repo.ts';
import { storeDataset } from './import-dataset.ts';
import { restoreCellData } from '../core/notebook/cell-kinds.ts';
import { createNotebook } from '../core/notebook/notebook.ts';
import { requestKey } from '../core/notebook/cell-query.ts';
import { newId } from '../core/ids.ts';
import { valueBytes } from '../core/notebook/value-bytes.ts';
import { encodeColumnChunks } from '../core/ingest/typed-chunks.ts';
import type { TypedValues } from '../core/ingest/types.ts';
import type { ServiceModel } from '../core/model/model-types.ts';
import type { ShareSource } from '../core/share/make-share.ts';
import type { SharePayload, SharedDataset, SharedResult } from '../core/share/share-payload.ts';

/**
 * What the workspace holds for a share of a notebook: the notebook, the results its cells show
 * (`shown`: cell id → result key), the models those results and cells read, the rows of
 * `datasets` and the names of every dataset they read. Null when the notebook is gone.
 */
export async function readShareSource(
  db: CxTraceDb,
  notebookId: string,
  shown: Record<string, string>,
  datasets: readonly string[],
): Promise<ShareSource | null> {
  const notebook = await getNotebook(db, notebookId, restoreCellData);
  if (!notebook) return null;
  const results: SharedResult[] = [];
  const byKey = new Map<string, SharedResult>();
  for (const cell of notebook.cells) {
    const key = shown[cell.id];
    if (!key) continue;
    const found = byKey.get(key);
    if (found) {
      found.cellIds.push(cell.id);
      continue;
    }
    const record = await getCellResult(db, key);
    if (!record) continue;
    const r: SharedResult = {
      key,
      request: record.request,
      versions: record.versions,
      createdAt: record.createdAt,
      cellIds: [cell.id],
      value: record.value,
    };
    byKey.set(key, r);
    results.push(r);
  }
  const modelIds = new Set<string>();
  for (const r of results) for (const id of r.request.reads.models) modelIds.add(id);
  for (const c of notebook.cells) {
    const id = (c.data as { modelId?: unknown } | null)?.modelId;
    if (typeof id === 'string') modelIds.add(id);
  }
  const models = (await Promise.all([...modelIds].map((id) => getModel(db, id)))).filter(
    (m): m is ServiceModel => m !== null,
  );
  const datasetNames: Record<string, string> = {};
  for (const r of results) {
    for (const id of r.request.reads.datasets) {
      const meta = await getDataset(db, id);
      if (meta) datasetNames[id] = meta.name;
    }
  }
  const rows: ShareSource['datasets'] = [];
  for (const id of datasets) {
    const meta = await getDataset(db, id);
    if (!meta) continue;
    datasetNames[id] = meta.name;
    rows.push({ meta, values: await readAllColumns(db, meta) });
  }
  return { notebook, models, results, datasets: rows, datasetNames };
}

/** A shared dataset's values as the store takes them (numbers and dates as Float64Array). */
function typedValues(d: SharedDataset): TypedValues[] {
  return d.columns.map((c, k) => {
    const column = d.values[k] ?? [];
    if (c.type === 'number' || c.type === 'date') {
      return Float64Array.from(column, (v) => (typeof v === 'number' ? v : NaN));
    }
    if (c.type === 'boolean') return column.map((v) => (typeof v === 'boolean' ? v : null));
    return column.map((v) => (v === null ? null : String(v)));
  });
}

/** Every string equal to a key of `ids` replaced by its value, anywhere in `value`. */
function remap<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (ids.size === 0) return value;
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === 'string' && ids.has(v) ? ids.get(v) : v,
  ) as T;
}

/**
 * Adds a share to the workspace as a new notebook: its datasets' rows first (each under the id it
 * had, or a new one when that id is taken), then its models (a model whose id is taken by a
 * different model comes in under a new id), the notebook and its results in one transaction.
 * Nothing already stored is changed; when any step fails, what was added is removed again.
 */
export async function importSharePayload(
  db: CxTraceDb,
  payload: SharePayload,
  now = Date.now(),
): Promise<string> {
  const ids = new Map<string, string>();
  const added: string[] = [];
  try {
    for (const d of payload.datasets) {
      const id = (await getDataset(db, d.id)) ? newId() : d.id;
      if (id !== d.id) ids.set(d.id, id);
      const values = typedValues(d);
      await storeDataset(
        db,
        {
          name: d.name,
          columns: d.columns,
          totalRows: d.rows,
          chunks: (first) => encodeColumnChunks(d.columns, values, undefined, first),
          source: { fileName: `${d.name}.cxtrace`, bytes: 0 },
        },
        undefined,
        { mode: 'new', id },
      );
      added.push(id);
    }
    const models: ServiceModel[] = [];
    for (const m of payload.models) {
      const existing = await getModel(db, m.id);
      if (existing && JSON.stringify(existing) === JSON.stringify(m)) continue;
      const id = existing ? newId() : m.id;
      if (id !== m.id) ids.set(m.id, id);
      models.push({ ...m, id });
    }
    // Fresh cell ids: a cell's results are found by its id, and the notebook it was shared from
    // may be in this workspace too.
    for (const c of payload.notebook.cells) ids.set(c.id, newId());
    const notebook = {
      ...createNotebook(payload.notebook.title, now),
      cells: remap(payload.notebook.cells, ids).map((c, k) => ({
        ...c,
        id: ids.get(payload.notebook.cells[k]!.id)!,
      })),
    };
    // A result read by another cell is named by its key: keys change with the ids they hash.
    const keys = new Map(payload.results.map((r) => [r.key, requestKey(remap(r.request, ids))]));
    const version = (v: string | null) => {
      if (v === null) return v;
      const at = v.lastIndexOf('@');
      return at < 0 ? v : `${keys.get(v.slice(0, at)) ?? v.slice(0, at)}${v.slice(at)}`;
    };
    await db.transaction('rw', [db.models, db.notebooks, db.cellResults, db.datasets], async () => {
      for (const m of models)
        await db.models.put({ id: m.id, updatedAt: now, model: m, revision: 1 });
      await putNotebook(db, notebook);
      for (const r of payload.results) {
        const request = remap(r.request, ids);
        const key = keys.get(r.key)!;
        // Read now: the inputs the receiver has (a dataset shared without rows is absent, and
        // stays so); a source cell's version as it was shared.
        const now = await currentVersions(db, request.reads);
        const cells = Object.fromEntries(
          Object.entries(r.versions.cells).map(([id, v]) => [ids.get(id) ?? id, version(v)]),
        );
        const versions = { ...now, cells };
        const previous = await db.cellResults.get(key);
        await db.cellResults.put({
          key,
          notebookIds: [...new Set([...(previous?.notebookIds ?? []), notebook.id])],
          cellIds: [
            ...new Set([...(previous?.cellIds ?? []), ...r.cellIds.map((id) => ids.get(id) ?? id)]),
          ],
          request,
          versions,
          bytes: valueBytes(r.value),
          createdAt: r.createdAt,
          value: r.value,
        });
      }
    });
    return notebook.id;
  } catch (e) {
    for (const id of added) await deleteDataset(db, id).catch(() => undefined);
    throw e;
  }
}
