import type {
  Population,
  TraceQuery,
  TraceSettings,
  WhatIfQuery,
} from '../../analysis/trace/trace-types.ts';
import { modelReads, type ModelContext } from './model-reads.ts';
import type { CellRequest } from '../cell-query.ts';

/**
 * A population handed over by another cell: a reference to that cell, read from its stored
 * result when the trace runs (so the trace turns stale when the source's result changes).
 */
export interface HandedPopulation {
  kind: 'handed';
  /** The source cell. */
  cell: string;
  /** A clusters cell's clusters (by id), or a key-drivers cell's low outcome. */
  part: { kind: 'clusters'; ids: number[] } | { kind: 'low' };
  /** What the analyst sees: the cluster's name, or the drivers' target. */
  label: string;
}

/** Who a trace cell traces: a population, or one handed over by another cell. */
export type TracePopulation = Population | HandedPopulation;

/** A trace cell's data: which model, which population, from which indicator. */
export interface TraceCellData {
  /** A stored service model; null means the first one stored. */
  modelId: string | null;
  /** Who to trace; null for the detractors of the model's NPS answers. */
  population: TracePopulation | null;
  /** Only this period (at the model's grain); null for all. */
  period: string | null;
  /** The indicator to start from; null for the default (see `startIndicator`). */
  start: string | null;
  /** The verdict's settings the analyst changed (the rest are the defaults). */
  settings: TraceCellSettings;
  /** A what-if asked of the trace (its answer is stored with the trace's result). */
  whatIf: WhatIfQuery | null;
}

/** Repairs a stored what-if; null when it is not one. */
export function restoreWhatIf(raw: unknown): WhatIfQuery | null {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const indicator = str(r.indicator);
  const value =
    r.value === 'median' || r.value === 'target'
      ? r.value
      : typeof r.value === 'number' && Number.isFinite(r.value)
        ? r.value
        : null;
  if (!indicator || value === null) return null;
  const at = (typeof r.at === 'object' && r.at !== null ? r.at : null) as Record<
    string,
    unknown
  > | null;
  const unitKind = at ? str(at.unitKind) : null;
  const units =
    at && Array.isArray(at.units)
      ? [...new Set(at.units.filter((u): u is string => typeof u === 'string' && u !== ''))]
      : [];
  return {
    indicator,
    value,
    at: unitKind && units.length > 0 ? { unitKind, units } : null,
  };
}

/** The verdict's settings a trace cell can change (see `TRACE_DEFAULTS`). */
export type TraceCellSettings = Partial<Pick<TraceSettings, 'q' | 'materiality' | 'bootstrap'>>;

/** Repairs stored verdict settings: each kept only within its sensible range. */
export function restoreTraceSettings(raw: unknown): TraceCellSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const within = (v: unknown, lo: number, hi: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : undefined;
  const out: TraceCellSettings = {};
  const q = within(r.q, 0.001, 0.5);
  const materiality = within(r.materiality, 0, 0.5);
  const bootstrap = within(r.bootstrap, 20, 2000);
  if (q !== undefined) out.q = q;
  if (materiality !== undefined) out.materiality = materiality;
  if (bootstrap !== undefined) out.bootstrap = Math.round(bootstrap);
  return out;
}

/** A new trace cell: the first model, its detractors, from the default start. */
export function createTraceCellData(): TraceCellData {
  return {
    modelId: null,
    population: null,
    period: null,
    start: null,
    settings: {},
    whatIf: null,
  };
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** Repairs a stored population; null when it is not one. */
export function restorePopulation(raw: unknown): Population | null {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (r.kind === 'detractors') {
    const dataset = str(r.dataset);
    const score = str(r.score);
    const client = str(r.client);
    if (!dataset || !score || !client) return null;
    return { kind: 'detractors', dataset, score, client, date: str(r.date) };
  }
  if (r.kind === 'segment') {
    const column = str(r.column);
    return column && typeof r.value === 'string'
      ? { kind: 'segment', column, value: r.value }
      : null;
  }
  if (r.kind === 'low') {
    const dataset = str(r.dataset);
    const target = str(r.target);
    const client = str(r.client);
    const rule = (typeof r.rule === 'object' && r.rule !== null ? r.rule : {}) as Record<
      string,
      unknown
    >;
    const parsed =
      rule.kind === 'equals' && typeof rule.value === 'string'
        ? ({ kind: 'equals', value: rule.value } as const)
        : (rule.kind === 'below' || rule.kind === 'at-most') && typeof rule.threshold === 'number'
          ? ({ kind: rule.kind, threshold: rule.threshold } as const)
          : null;
    if (!dataset || !target || !client || !parsed) return null;
    return { kind: 'low', dataset, target, rule: parsed, client, date: str(r.date) };
  }
  if (r.kind === 'clients' && Array.isArray(r.ids)) {
    const ids = [...new Set(r.ids.filter((id): id is string => typeof id === 'string'))];
    return { kind: 'clients', ids, label: typeof r.label === 'string' ? r.label : '' };
  }
  return null;
}

/** Repairs a stored handed-over population; null when it is not one. */
function restoreHanded(raw: unknown): HandedPopulation | null {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const part = (typeof r.part === 'object' && r.part !== null ? r.part : {}) as Record<
    string,
    unknown
  >;
  const cell = str(r.cell);
  if (r.kind !== 'handed' || !cell) return null;
  const label = typeof r.label === 'string' ? r.label : '';
  if (part.kind === 'low') return { kind: 'handed', cell, part: { kind: 'low' }, label };
  if (part.kind !== 'clusters' || !Array.isArray(part.ids)) return null;
  const ids = part.ids.filter((id): id is number => Number.isInteger(id));
  return { kind: 'handed', cell, part: { kind: 'clusters', ids }, label };
}

/**
 * Repairs stored trace cell data. A hand-off stored by an earlier version as a copy of client
 * ids (kind `clients`) stays a fixed list of those clients: its source cannot be told any more.
 */
export function restoreTraceCellData(raw: unknown): TraceCellData {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    modelId: str(r.modelId),
    population: restoreHanded(r.population) ?? restorePopulation(r.population),
    period: str(r.period),
    start: str(r.start),
    settings: restoreTraceSettings(r.settings),
    whatIf: restoreWhatIf(r.whatIf),
  };
}

/** What a trace cell's request is made from besides its settings. */
export interface TraceCellContext extends ModelContext {
  /** The version of the result each other cell shows (a hand-off's source; see `sourceVersion`). */
  sources: Readonly<Record<string, string | null>>;
}

/** What a trace cell asks the analysis worker. */
export interface TraceCellInput {
  modelId: string;
  query: Omit<TraceQuery, 'population'> & { population: TracePopulation | null };
}

/**
 * The cell's request: its model (the first stored one by default) and population; null without
 * a model, with a segment whose value is not chosen yet, or with a handed-over population whose
 * source has no result yet. It reads the model, every stored dataset the model reads, and the
 * source cell.
 */
export function traceCellQuery(data: TraceCellData, context: TraceCellContext): CellRequest | null {
  const model = data.modelId
    ? context.models.find((m) => m.id === data.modelId)
    : context.models[0];
  if (!model) return null;
  const p = data.population;
  if (p?.kind === 'segment' && !p.value) return null;
  if (p?.kind === 'handed' && !context.sources[p.cell]) return null;
  const input: TraceCellInput = {
    modelId: model.id,
    query: {
      population: p,
      period: data.period,
      start: data.start,
      ...(Object.keys(data.settings ?? {}).length > 0 ? { settings: data.settings } : {}),
      ...(data.whatIf ? { whatIf: data.whatIf } : {}),
    },
  };
  return {
    worker: 'analysis',
    method: 'traceCell',
    input,
    reads: modelReads(model, context.datasets, p?.kind === 'handed' ? [p.cell] : []),
  };
}

/**
 * The population a hand-off names, read from its source cell's stored result: the clients who
 * wrote the chosen clusters' comments, or the key drivers' low outcome. Null when the result
 * holds none (the source was run without a client column, or failed).
 */
export function resolveHanded(p: HandedPopulation, source: unknown): Population | null {
  const output = (source as { output?: unknown } | null)?.output as
    { ok?: boolean; clusters?: { id: number; clients?: unknown }[]; handoff?: unknown } | undefined;
  if (!output?.ok) return null;
  if (p.part.kind === 'low') {
    // The drivers' low outcome: detractors of an NPS column, or another low rule.
    return restorePopulation((output.handoff as { population?: unknown } | null)?.population);
  }
  const wanted = new Set(p.part.ids);
  const ids = new Set<string>();
  for (const c of output.clusters ?? []) {
    if (!wanted.has(c.id) || !Array.isArray(c.clients)) continue;
    for (const id of c.clients) if (typeof id === 'string') ids.add(id);
  }
  return ids.size > 0 ? { kind: 'clients', ids: [...ids].sort(), label: p.label } : null;
}
