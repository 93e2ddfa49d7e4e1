/**
 * What of each stored cell result a share may carry. Every result kind says which of its parts
 * are rows about clients — the index's client table, the clusters' clients and example comments,
 * the key drivers' sampled client ids, a trace's listed clients, the front line's list — and a
 * share leaves those out (row-free, the default), pseudonymises them, or keeps them as they are.
 * Aggregates, chart data and verdicts are kept. A result kind not named here is never shared.
 */
import { Pseudonymiser } from './pseudonyms.ts';
import type { IndexViewOutput, FrontLineCellResult } from '../worker-api/analysis-api.ts';
import type { TraceCellResult } from '../worker-api/analysis-api.ts';
import type { ClustersCellResult } from '../worker-api/text-api.ts';
import type { DriversCellResult } from '../worker-api/drivers-api.ts';
import type { FrontLineClient } from '../report/front-line.ts';
import type { Population } from '../analysis/trace/trace-types.ts';

/** What a share does with client rows: leave them out, pseudonymise them, or keep them. */
export type ClientRows =
  { kind: 'leave-out' } | { kind: 'pseudonymise'; with: Pseudonymiser } | { kind: 'keep' };

/** The cell methods whose results are aggregates only: shared as they are. */
const AGGREGATES = new Set(['npsCell', 'metricCell', 'frequencyCell']);

const mapClient = (rows: ClientRows, id: string) =>
  rows.kind === 'pseudonymise' ? rows.with.client(id) : id;

/** A trace population with its listed clients left out or pseudonymised. */
export function shareablePopulation<P extends Population | null>(p: P, rows: ClientRows): P {
  if (p?.kind !== 'clients' || rows.kind === 'keep') return p;
  const ids = rows.kind === 'leave-out' ? [] : p.ids.map((id) => mapClient(rows, id));
  return { ...p, ids } as P;
}

function frontLine(value: FrontLineCellResult, rows: ClientRows): FrontLineCellResult {
  if (!value.ok || !value.list || rows.kind === 'keep') return value;
  if (rows.kind === 'leave-out') return { ...value, list: null, withheld: true };
  const p = rows.with;
  const personal = value.list.columns.map((c) => Pseudonymiser.personal(c.name));
  const clients = value.list.clients.map((c): FrontLineClient => ({
    ...c,
    client: p.client(c.client),
    card: c.card.map((v, k) => (personal[k] && typeof v === 'string' ? p.of(v, 'N-') : v)),
    comment: c.comment === null ? null : p.scrub(c.comment),
  }));
  return { ...value, list: { ...value.list, clients } };
}

/** Points of a clusters map a row-free share keeps. */
const MAP_POINTS = 400;

function thin<P extends { x: number; y: number }>(points: readonly P[], max: number): P[] {
  const step = Math.max(1, points.length / max);
  const out: P[] = [];
  for (let i = 0; i < points.length && out.length < max; i += step) {
    const p = points[Math.floor(i)]!;
    // Two decimals of a plane a chart draws a few hundred pixels wide; the row it came from is
    // a row number, left out.
    out.push({ ...p, row: -1, x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 });
  }
  return out;
}

function clusters(value: ClustersCellResult, rows: ClientRows): ClustersCellResult {
  const out = value.output;
  if (!out.ok || rows.kind === 'keep') return value;
  const leave = rows.kind === 'leave-out';
  return {
    ...value,
    output: {
      ...out,
      // The map is chart data: a row-free share keeps an even sample of its points, rounded.
      map: leave ? thin(out.map, MAP_POINTS) : out.map,
      clusters: out.clusters.map((c) => ({
        ...c,
        examples: leave ? [] : c.examples.map((e) => rows.with.scrub(e)),
        exampleRows: leave ? [] : c.exampleRows,
        clients: leave ? [] : c.clients.map((id) => mapClient(rows, id)),
      })),
    },
  };
}

function drivers(value: DriversCellResult, rows: ClientRows): DriversCellResult {
  const out = value.output;
  if (!out.ok || rows.kind === 'keep') return value;
  if (rows.kind === 'leave-out') {
    // Each sampled row's values and SHAP values are rows: a row-free share keeps the drivers.
    const s = out.result.sample;
    const sample = {
      ...s,
      shap: new Float64Array(0),
      values: s.features.map(() => []),
      rows: new Int32Array(0),
      y: new Uint8Array(0),
      margin: new Float64Array(0),
    };
    return { ...value, output: { ...out, labels: [], result: { ...out.result, sample } } };
  }
  // A sampled row is named by its client (or its row number, `#12`, which names nobody).
  const labels = out.labels.map((l) => (l.startsWith('#') ? l : rows.with.client(l)));
  return { ...value, output: { ...out, labels } };
}

function indexView(value: IndexViewOutput, rows: ClientRows): IndexViewOutput {
  if (!value.ok || rows.kind === 'keep') return value;
  if (rows.kind === 'leave-out') {
    return { ...value, view: { ...value.view, clients: [] }, withheld: true };
  }
  const clients = value.view.clients.map((c) => ({ ...c, client: rows.with.client(c.client) }));
  return { ...value, view: { ...value.view, clients } };
}

function trace(value: TraceCellResult, rows: ClientRows): TraceCellResult {
  if (!value.ok) return value;
  const population = shareablePopulation(value.result.population, rows);
  return { ...value, result: { ...value.result, population } };
}

/**
 * The part of a cell result (answered by worker method `method`) a share carries with `rows`;
 * undefined for a result kind this version does not know how to share.
 */
export function shareableResult(method: string, value: unknown, rows: ClientRows): unknown {
  if (AGGREGATES.has(method)) return value;
  switch (method) {
    case 'indexCell':
      return indexView(value as IndexViewOutput, rows);
    case 'clustersCell':
      return clusters(value as ClustersCellResult, rows);
    case 'driversCell':
      return drivers(value as DriversCellResult, rows);
    case 'traceCell':
      return trace(value as TraceCellResult, rows);
    case 'frontLineCell':
      return frontLine(value as FrontLineCellResult, rows);
    default:
      return undefined;
  }
}
