/**
 * A share's payload from what the workspace holds: the notebook (each cell bound to the model
 * its result was computed from, so it does not fall back to the receiver's first model), the
 * models it reads, the shareable part of each result its cells show, and the rows of the
 * datasets the analyst ticked — client ids, names and chosen columns pseudonymised, comments
 * scrubbed, when asked.
 */
import type { Notebook } from '../notebook/notebook.ts';
import type { ServiceModel } from '../model/model-types.ts';
import type { DatasetMeta } from '../storage/dataset-meta.ts';
import { Pseudonymiser } from './pseudonyms.ts';
import { shareablePopulation, shareableResult, type ClientRows } from './shareable-results.ts';
import {
  PAYLOAD_FORMAT,
  PAYLOAD_VERSION,
  type SharePayload,
  type SharedDataset,
  type SharedResult,
  type SharedValue,
} from './share-payload.ts';

/** What the analyst chose to put in a share. */
export interface ShareChoices {
  /** Client lists in results (the front line's list, clusters' clients, the index's table). */
  clientLists: boolean;
  /** Ids of the datasets whose rows go in. */
  datasets: string[];
  /** Pseudonymise the client rows that go in (on by default when any do). */
  pseudonymise: boolean;
  /** Further columns to pseudonymise in the shared rows (besides ids and names). */
  columns: string[];
  /**
   * Only the rows whose `column` holds `value` (as text), in each shared dataset that has the
   * column (a segment, a period, a region); null for every row.
   */
  filter?: { column: string; value: string } | null;
}

/** What the workspace holds for a share. */
export interface ShareSource {
  notebook: Notebook;
  models: ServiceModel[];
  /** The results the notebook's cells show, as stored. */
  results: SharedResult[];
  /** The ticked datasets' rows, column by column as read. */
  datasets: { meta: DatasetMeta; values: readonly ArrayLike<unknown>[] }[];
  /** Names of the datasets the notebook reads, by id. */
  datasetNames: Record<string, string>;
}

const plain = (v: unknown): SharedValue =>
  v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))
    ? null
    : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
      ? v
      : String(v);

/** The columns of a dataset that hold client ids: by role, or as a model's client key. */
function clientColumns(meta: DatasetMeta, models: readonly ServiceModel[]): Set<string> {
  const out = new Set(meta.columns.filter((c) => c.role === 'client-id').map((c) => c.name));
  for (const m of models) {
    const keys = m.datasets?.[meta.name] ?? m.datasets?.[meta.id];
    if (keys?.client) out.add(keys.client);
    if (m.clientCard && (m.clientCard.dataset === meta.name || m.clientCard.dataset === meta.id)) {
      out.add(m.clientCard.key);
    }
  }
  return out;
}

/** The rows a filter keeps (null: all rows, or the dataset lacks the filter's column). */
function keptRows(
  meta: DatasetMeta,
  values: readonly ArrayLike<unknown>[],
  filter: ShareChoices['filter'],
): number[] | null {
  const k = filter ? meta.columns.findIndex((c) => c.name === filter.column) : -1;
  if (!filter || k < 0) return null;
  const column = values[k] ?? [];
  const want = filter.value.trim();
  const out: number[] = [];
  for (let r = 0; r < column.length; r++) {
    const v = column[r];
    if (v !== null && v !== undefined && String(v).trim() === want) out.push(r);
  }
  return out;
}

function sharedRows(
  source: ShareSource,
  choices: ShareChoices,
  p: Pseudonymiser | null,
): SharedDataset[] {
  const chosen = new Set(choices.columns);
  if (p) {
    // Names first: a comment in one dataset may name a client of another.
    for (const { meta, values } of source.datasets) {
      if (!choices.datasets.includes(meta.id)) continue;
      meta.columns.forEach((c, k) => {
        if (Pseudonymiser.personal(c.name) && c.type === 'string') {
          p.addNames(Array.from(values[k] ?? [], (v) => (typeof v === 'string' ? v : '')));
        }
      });
    }
  }
  const ticked = new Set(choices.datasets);
  return source.datasets.flatMap(({ meta, values }) => {
    if (!ticked.has(meta.id)) return [];
    const ids = clientColumns(meta, source.models);
    const keep = keptRows(meta, values, choices.filter ?? null);
    const shared = meta.columns.map((c, k): SharedValue[] => {
      const all = values[k] ?? [];
      const column = keep ? keep.map((r) => plain(all[r])) : Array.from(all, plain);
      if (!p) return column;
      if (ids.has(c.name)) return column.map((v) => (v === null ? v : p.client(String(v))));
      if (Pseudonymiser.personal(c.name) || chosen.has(c.name)) {
        return column.map((v) => (v === null ? v : p.of(String(v), 'N-')));
      }
      if (c.role === 'comment') return column.map((v) => (typeof v === 'string' ? p.scrub(v) : v));
      return column;
    });
    const rows = keep ? keep.length : meta.rowCount;
    return [{ id: meta.id, name: meta.name, columns: meta.columns, values: shared, rows }];
  });
}

/** The model a result was computed from (its request reads it), if one. */
function modelOfResult(r: SharedResult | undefined): string | null {
  return r?.request.reads.models[0] ?? null;
}

/** The payload of a share (see the module comment), with a pseudonymiser made for it. */
export function makeSharePayload(
  source: ShareSource,
  choices: ShareChoices,
  now = Date.now(),
  pseudonymiser: Pseudonymiser = new Pseudonymiser(),
): SharePayload {
  const withRows = choices.clientLists || choices.datasets.length > 0;
  const p = withRows && choices.pseudonymise ? pseudonymiser : null;
  const rows: ClientRows = !choices.clientLists
    ? { kind: 'leave-out' }
    : p
      ? { kind: 'pseudonymise', with: p }
      : { kind: 'keep' };
  const datasets = sharedRows(source, choices, p);
  const results = source.results.flatMap((r): SharedResult[] => {
    const value = shareableResult(r.request.method, r.value, rows);
    return value === undefined ? [] : [{ ...r, value }];
  });
  const shownBy = new Map<string, SharedResult>();
  for (const r of results) for (const id of r.cellIds) shownBy.set(id, r);
  const cells = source.notebook.cells.map((c) => {
    const data = { ...(c.data as Record<string, unknown>) };
    if ('modelId' in data && data.modelId === null) data.modelId = modelOfResult(shownBy.get(c.id));
    if (data.population && typeof data.population === 'object') {
      data.population = shareablePopulation(data.population as never, rows);
    }
    return { ...c, data };
  });
  return {
    format: PAYLOAD_FORMAT,
    version: PAYLOAD_VERSION,
    made: now,
    notebook: { ...source.notebook, cells },
    models: source.models,
    results,
    datasets,
    clientRows: !withRows ? 'left-out' : p ? 'pseudonymised' : 'kept',
    datasetNames: source.datasetNames,
  };
}
