/// <reference lib="webworker" />
import { reportWorkerRequests } from '../src/data/request-log.ts';
import { lockDownNetwork, probeNetwork } from './network-lockdown.ts';
import { expose } from 'comlink';
import { getDb } from '../src/data/db.ts';
import { readAllColumns } from '../src/data/chunks-repo.ts';
import {
  joinTables,
  type JoinReport,
  type JoinRequest,
} from '../src/core/analysis/join-datasets.ts';
import { encodeColumnChunks, storedColumns } from '../src/core/ingest/typed-chunks.ts';
import {
  storeDataset,
  StorageFullError,
  TargetMissingError,
  type ImportTarget,
} from '../src/data/import-dataset.ts';
import { getDataset } from '../src/data/datasets-repo.ts';
import { appendFormats, diffSchemas } from '../src/core/ingest/schema-diff.ts';
import type { ProgressFn } from '../src/data/worker-bridge.ts';
import { ColumnMemo, type InspectReport } from '../src/core/ingest/inspect.ts';
import { clipExample } from '../src/core/ingest/infer-types.ts';
import { packRows } from '../src/core/ingest/packed-rows.ts';
import { generateDemoWorld, type DemoOptions } from '../src/core/demo/demo-world.ts';
import { storeDemoWorld, type DemoCreated } from '../src/data/demo-datasets.ts';
import {
  profileSource,
  readFileSource,
  sourceChunks,
  type FileSource,
} from '../src/data/file-source.ts';
import { startPartReader } from './ingest-part-reader.ts';
import { IngestError } from '../src/core/ingest/ingest-error.ts';
import type {
  ColumnFormat,
  ColumnProfile,
  ColumnRole,
  TypedValues,
} from '../src/core/ingest/types.ts';
import type { DatasetMeta } from '../src/core/storage/dataset-meta.ts';
import type { ColumnValues } from '../src/core/storage/column-chunk.ts';
import {
  PREVIEW_COLUMN_BATCH,
  type FileInput,
  type IngestFailure,
  type Preview,
} from '../src/core/worker-api/ingest-api.ts';

/** Rows shown in the preview table. */
const PREVIEW_ROWS = 20;

// The last file read and its columns as read, so importing right after previewing reads and
// converts only what the user changed.
let cached: { file: File; key: string; source: FileSource; memo: ColumnMemo } | null = null;

function forget(): void {
  cached?.source.later?.reader.close();
  cached = null;
}

async function read(input: FileInput): Promise<{ source: FileSource; memo: ColumnMemo }> {
  const key = JSON.stringify(input.options);
  // A File sent to a worker arrives as a new object on every call: compare what identifies it.
  const same = (a: File, b: File) =>
    a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
  if (cached && same(cached.file, input.file) && cached.key === key) return cached;
  forget();
  const source = await readFileSource(input.file, input.file.name, input.options, startPartReader);
  cached = { file: input.file, key, source, memo: new ColumnMemo() };
  return cached;
}

/** Calls `report` at most every 100 ms (and for the last unit): progress messages cost too. */
function throttled(
  report: (done: number, total: number) => void,
): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < 100) return;
    last = now;
    report(done, total);
  };
}

// The last preview's column profiles, for `previewColumns`.
let previewed: { token: number; columns: ColumnProfile[] } | null = null;
let previewTokens = 0;

const failure = (e: unknown): { ok: false; failure: IngestFailure } => {
  if (e instanceof IngestError)
    return { ok: false, failure: { kind: 'refused', code: e.code, detail: e.detail } };
  if (e instanceof TargetMissingError) return { ok: false, failure: { kind: 'target-missing' } };
  if (e instanceof StorageFullError) {
    return { ok: false, failure: { kind: 'storage-full', usage: e.usage, quota: e.quota } };
  }
  throw e;
};

/** The target dataset's metadata; throws when an existing-dataset target is gone. */
async function targetMeta(target: ImportTarget | undefined): Promise<DatasetMeta | null> {
  if (!target || target.mode === 'new') return null;
  const meta = await getDataset(getDb(), target.datasetId);
  if (!meta) throw new TargetMissingError(target.datasetId);
  return meta;
}

const api = {
  /** Which network APIs this worker refuses (all of them; see `network-lockdown.ts`). */
  networkProbe: () => probeNetwork(),
  createDemo,

  /**
   * Reads a file and profiles it for the preview, reporting the step: `read` (reading and
   * splitting the file, of unknown length), then `profile` (columns profiled of all).
   */
  async preview(
    input: FileInput,
    onProgress?: ProgressFn,
  ): Promise<{ ok: true; preview: Preview } | { ok: false; failure: IngestFailure }> {
    try {
      onProgress?.({ done: 0, total: 1, step: 'read' });
      const { source, memo } = await read(input);
      const target = await targetMeta(input.target);
      const onColumn = throttled((done, total) => onProgress?.({ done, total, step: 'profile' }));
      const inferred = await profileSource(source, {}, memo, undefined, onColumn);
      const report =
        target && input.target?.mode === 'append'
          ? await profileSource(source, appendFormats(target.columns), memo, undefined, onColumn)
          : inferred;
      const total = report.columns.length;
      previewed = { token: ++previewTokens, columns: report.columns };
      return {
        ok: true,
        preview: {
          report: { ...report, columns: report.columns.slice(0, PREVIEW_COLUMN_BATCH) },
          moreColumns: total > PREVIEW_COLUMN_BATCH ? { token: previewed.token, total } : null,
          schemaDiff: target ? diffSchemas(target.columns, inferred.columns) : null,
          names: source.table.names,
          firstRows: packRows(
            source.table.rows.slice(0, PREVIEW_ROWS).map((row) => row.map((c) => clipExample(c))),
            source.table.names.length,
          ),
        },
      };
    } catch (e) {
      return failure(e);
    }
  },

  /**
   * Column profiles `from`…`to` of the last preview (see `Preview.moreColumns`), or null when
   * another preview has been made since.
   */
  previewColumns(request: { token: number; from: number; to: number }): ColumnProfile[] | null {
    if (previewed?.token !== request.token) return null;
    return previewed.columns.slice(request.from, request.to);
  },

  /**
   * Imports a file as a new dataset with the user's column choices, reporting progress in
   * rows. The dataset appears only when complete; a failure leaves nothing behind.
   */
  async import(
    input: FileInput & {
      name: string;
      formats: Record<string, ColumnFormat>;
      roles: Record<string, ColumnRole>;
    },
    onProgress?: ProgressFn,
  ): Promise<
    { ok: true; meta: DatasetMeta; report: InspectReport } | { ok: false; failure: IngestFailure }
  > {
    try {
      const { source, memo } = await read(input);
      const target = await targetMeta(input.target);
      // Appended rows are read as the dataset's columns were: a stored column keeps one type.
      const typed: TypedValues[] = [];
      const report = await profileSource(
        source,
        target && input.target?.mode === 'append'
          ? { ...input.formats, ...appendFormats(target.columns) }
          : input.formats,
        memo,
        typed,
      );
      const profiles = report.columns.map((c) => {
        const role = input.roles[c.name];
        return role ? { ...c, role } : c;
      });
      const columns = storedColumns(profiles);
      const meta = await storeDataset(
        getDb(),
        {
          name: input.name,
          columns,
          totalRows: report.rows,
          ...sourceChunks(source, columns, typed),
          source: {
            fileName: input.file.name,
            bytes: input.file.size,
            ...(report.source.sheet ? { sheet: report.source.sheet } : {}),
          },
        },
        (p) => onProgress?.({ done: p.rows, total: p.totalRows }),
        input.target,
      );
      forget();
      return { ok: true, meta, report };
    } catch (e) {
      return failure(e);
    }
  },

  /**
   * Links two stored datasets by key (and optionally period) into a new derived dataset,
   * keeping every row of the left one; reports what matched and what did not.
   */
  async join(
    input: JoinRequest,
    onProgress?: ProgressFn,
  ): Promise<
    { ok: true; meta: DatasetMeta; report: JoinReport } | { ok: false; failure: IngestFailure }
  > {
    try {
      const db = getDb();
      const [left, right] = await Promise.all([
        getDataset(db, input.left),
        getDataset(db, input.right),
      ]);
      if (!left) throw new TargetMissingError(input.left);
      if (!right) throw new TargetMissingError(input.right);
      const [lc, rc] = await Promise.all([readAllColumns(db, left), readAllColumns(db, right)]);
      const side = (meta: DatasetMeta, columns: ArrayLike<unknown>[]) => ({
        names: meta.columns.map((c) => c.name),
        columns,
        dates: meta.columns.map((c) => c.type === 'date'),
      });
      const { table, report } = joinTables(
        side(left, lc),
        side(right, rc),
        {
          leftKey: input.leftKey,
          rightKey: input.rightKey,
          ...(input.period ? { period: input.period } : {}),
        },
        right.name,
      );
      const dropped = new Set([input.rightKey, ...(input.period ? [input.period.right] : [])]);
      const kept = right.columns.filter((c) => !dropped.has(c.name));
      const columns = [
        ...left.columns,
        ...kept.map((c, k) => ({ ...c, name: table.names[left.columns.length + k]! })),
      ];
      const meta = await storeDataset(
        db,
        {
          name: input.name,
          columns,
          totalRows: report.rows,
          chunks: (first) =>
            encodeColumnChunks(columns, table.columns as ColumnValues[], undefined, first),
          derivedFrom: {
            left: left.id,
            right: right.id,
            leftKey: input.leftKey,
            rightKey: input.rightKey,
            ...(input.period
              ? { period: `${input.period.left}=${input.period.right}/${input.period.grain}` }
              : {}),
          },
        },
        (p) => onProgress?.({ done: p.rows, total: p.totalRows }),
      );
      return { ok: true, meta, report };
    } catch (e) {
      return failure(e);
    }
  },
};

/**
 * Creates the demo world: generates its CSV files, imports each through the normal importer and
 * stores its service model (see `storeDemoWorld`).
 */
async function createDemo(
  input: { options?: DemoOptions },
  onProgress?: ProgressFn,
): Promise<DemoCreated> {
  onProgress?.({ done: 0, total: 1, step: 'generate' });
  return storeDemoWorld(getDb(), generateDemoWorld(input.options), onProgress);
}

/** The ingest worker's API, as seen through the worker bridge. */
export type Api = typeof api;

expose(api);

reportWorkerRequests('ingest');
// Last, once every module of this worker is loaded: from here on nothing in it can send.
lockDownNetwork();
