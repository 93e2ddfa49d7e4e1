import type { CxTraceDb } from './db.ts';
import { storeDataset } from './import-dataset.ts';
import { putModel } from './models-repo.ts';
import { listDatasets } from './datasets-repo.ts';
import type { ProgressFn } from './worker-bridge.ts';
import { readSource } from '../core/ingest/read-source.ts';
import { profileTable } from '../core/ingest/inspect.ts';
import { encodeColumnChunks, storedColumns } from '../core/ingest/typed-chunks.ts';
import type { TypedValues } from '../core/ingest/types.ts';
import type { DemoWorld } from '../core/demo/demo-world.ts';

/** What opening the demo made: its datasets (name → id) and its service model's id. */
export interface DemoCreated {
  datasets: Record<string, string>;
  modelId: string;
}

/**
 * Stores a generated demo world: each of its CSV files imported through the normal importer,
 * exactly as the files `cx-trace demo` writes would be (read, typed, roles suggested, stored in
 * chunks), then its service model. Progress is in rows, with the dataset being imported as the
 * step. Opening the demo again replaces the demo's datasets in place.
 */
export async function storeDemoWorld(
  db: CxTraceDb,
  world: DemoWorld,
  onProgress?: ProgressFn,
): Promise<DemoCreated> {
  const tables = await Promise.all(
    world.files.map(async (file) => {
      const bytes = new TextEncoder().encode(file.csv);
      return { file, bytes: bytes.length, table: await readSource(bytes, file.fileName) };
    }),
  );
  const total = tables.reduce((n, t) => n + t.table.rows.length, 0);
  // The demo opened before: its datasets are replaced (same ids, so notebooks that use them
  // still work); a dataset of the user's own with the same name is never touched.
  const earlier = new Map(
    (await listDatasets(db)).filter((d) => d.source?.demo).map((d) => [d.name, d.id]),
  );
  let before = 0;
  const datasets: Record<string, string> = {};
  for (const { file, bytes, table } of tables) {
    const replaced = earlier.get(file.name);
    const typed: TypedValues[] = [];
    const report = profileTable(table, {}, typed);
    const columns = storedColumns(report.columns);
    const meta = await storeDataset(
      db,
      {
        name: file.name,
        title: file.title,
        columns,
        totalRows: report.rows,
        chunks: (first) => encodeColumnChunks(columns, typed, undefined, first),
        source: { fileName: file.fileName, bytes, demo: true },
      },
      (p) => onProgress?.({ done: before + p.rows, total, step: file.name }),
      replaced ? { mode: 'replace', datasetId: replaced } : { mode: 'new' },
    );
    datasets[file.name] = meta.id;
    before += report.rows;
  }
  await putModel(db, world.model);
  return { datasets, modelId: world.model.id };
}
