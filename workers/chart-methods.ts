import { getDb } from '../src/data/db.ts';
import { getDataset, listDatasets } from '../src/data/datasets-repo.ts';
import { readAllColumns } from '../src/data/chunks-repo.ts';
import { loadStoredDataset } from '../src/data/model-datasets.ts';
import { chartData } from '../src/core/charts/chart-data.ts';
import { checkUserSpec, type SpecDataset } from '../src/core/charts/user-spec-check.ts';
import type { DatasetMeta } from '../src/core/storage/dataset-meta.ts';
import { populationRows } from '../src/core/transform/row-population.ts';
import {
  OTHER_TOKEN,
  type ChartCellInput,
  type ChartCellResult,
  type PopulationInput,
  type PopulationSize,
} from '../src/core/worker-api/chart-api.ts';

/** The form's chart: only the columns it draws are read, and aggregated to ≤ 5,000 marks. */
async function formChart(
  input: Extract<ChartCellInput, { kind: 'form' }>,
): Promise<ChartCellResult> {
  const meta = await getDataset(getDb(), input.datasetId);
  if (!meta) return { ok: false, reason: 'dataset-missing' };
  const s = input.settings;
  const names = [s.x, s.y, s.value, s.color, s.facet].filter((n): n is string => n !== null);
  const dataset = await loadStoredDataset(getDb(), meta, names);
  return {
    kind: 'form',
    ok: true,
    data: chartData(dataset, s, { otherLabel: OTHER_TOKEN }),
    settings: s,
  };
}

/** Every dataset under the names a spec may give it: its name and the title it is shown by. */
function specDatasets(stored: readonly DatasetMeta[]): SpecDataset[] {
  return stored.flatMap((d) => [
    { id: d.id, name: d.name, rowCount: d.rowCount },
    ...(d.title && d.title !== d.name ? [{ id: d.id, name: d.title, rowCount: d.rowCount }] : []),
  ]);
}

/** A dataset's rows as objects (at most a chart's worth: the check refused more). */
async function rowObjects(meta: DatasetMeta): Promise<Record<string, unknown>[]> {
  const values = await readAllColumns(getDb(), meta);
  return Array.from({ length: meta.rowCount }, (_, i) =>
    Object.fromEntries(meta.columns.map((c, k) => [c.name, values[k]![i] ?? null])),
  );
}

/** The expert's spec, checked, each workspace dataset it names given as inline rows. */
async function jsonChart(
  input: Extract<ChartCellInput, { kind: 'json' }>,
): Promise<ChartCellResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(input.json);
  } catch (e) {
    return {
      kind: 'json',
      ok: false,
      problems: [{ code: 'invalid', path: '', detail: (e as Error).message }],
    };
  }
  const stored = await listDatasets(getDb());
  const check = checkUserSpec(raw, specDatasets(stored));
  if (!check.ok) return { kind: 'json', ok: false, problems: check.problems };
  const named: Record<string, Record<string, unknown>[]> = {};
  let rows = 0;
  for (const ref of check.datasets) {
    const meta = stored.find((d) => d.id === ref.id)!;
    named[ref.name] = await rowObjects(meta);
    rows += meta.rowCount;
  }
  const own = (check.spec as { datasets?: Record<string, unknown> }).datasets ?? {};
  const spec = { ...check.spec, datasets: { ...own, ...named } } as typeof check.spec;
  return { kind: 'json', ok: true, spec, rows, warnings: check.warnings };
}

/** The analysis worker's chart calls (see `chart-api.ts`). */
export const chartMethods = {
  /** A chart cell's data: the form's marks, or the expert's spec with its rows. */
  async chartCell(input: ChartCellInput): Promise<ChartCellResult> {
    return input.kind === 'form' ? formChart(input) : jsonChart(input);
  },
};

/** The analysis worker's population calls. */
export const populationMethods = {
  /** How many rows meet the conditions, and their clients (by the client-id column). */
  async populationSize(input: PopulationInput): Promise<PopulationSize> {
    const meta = await getDataset(getDb(), input.datasetId);
    if (!meta) return { ok: false, reason: 'dataset-missing' };
    const used = input.conditions.map((c) => c.column);
    if (used.some((n) => !meta.columns.some((c) => c.name === n)))
      return { ok: false, reason: 'column-missing' };
    const client = meta.columns.find((c) => c.role === 'client-id')?.name ?? null;
    const dataset = await loadStoredDataset(getDb(), meta, client ? [...used, client] : used);
    const kept = populationRows(input.conditions, dataset.columns, dataset.types, meta.rowCount);
    if (!client) return { ok: true, rows: kept.length, clients: null };
    const ids = new Set<string>();
    const values = dataset.columns[client]!;
    for (const i of kept) {
      const v = values[i];
      if (v !== null && v !== undefined && String(v).trim() !== '') ids.add(String(v).trim());
    }
    return { ok: true, rows: kept.length, clients: [...ids].sort() };
  },
};
