/**
 * The rows the gap is measured on — the start indicator's own rows (each answer, or each
 * client × period cell) — and which of them are the population, which the reference it is
 * compared with (answers against the other answers of the same periods; a segment's clients
 * against the other clients), and which are left out.
 */
import type { ServiceModel } from '../../model/model-types.ts';
import type { LoadedDataset } from '../../index/loaded-dataset.ts';
import { findDataset, keyText } from '../../index/indicator-values.ts';
import { periodKey } from '../../index/period-key.ts';
import { categoryValue, numericValue } from '../../ml/feature-matrix.ts';
import { sameValue } from '../driver-target.ts';
import type { IndicatorData, TraceData } from './trace-data.ts';
import type { LowRule, Population } from './trace-types.ts';

/** Population membership of a row. */
export const POPULATION = 1;
export const REFERENCE = 0;
export const LEFT_OUT = -1;

/** The start's rows, and each one's side of the comparison. */
export interface TraceFrame {
  start: IndicatorData & { kind: 'rows' | 'cells' };
  n: number;
  client: Int32Array;
  period: Int32Array;
  y: Float64Array;
  /** The dataset row of each frame row, for answers (null for cells). */
  datasetRow: Int32Array | null;
  /** POPULATION, REFERENCE or LEFT_OUT. */
  side: Int8Array;
  /** Periods compared (where the population has rows, or the one asked for), by period index. */
  compared: Uint8Array;
  comparedWith: 'answers' | 'clients';
  /** The population is defined by the start's own values (detractors of the start's NPS). */
  definedByStart: boolean;
  /** A column the population needs that the data lacks. */
  missing: string | null;
}

type Classify = (v: unknown) => boolean | null;

function lowTest(rule: LowRule | 'detractor'): Classify {
  if (rule === 'detractor' || rule.kind !== 'equals') {
    const limit = rule === 'detractor' ? 6 : rule.threshold;
    const strict = rule !== 'detractor' && rule.kind === 'below';
    return (v) => {
      const x = numericValue(v);
      if (Number.isNaN(x)) return null;
      return strict ? x < limit : x <= limit;
    };
  }
  return (v) => (categoryValue(v) === null ? null : sameValue(v, rule.value));
}

/** Builds the frame of `start` for `population` (see the module comment). */
export function traceFrame(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  data: TraceData,
  start: IndicatorData & { kind: 'rows' | 'cells' },
  population: Population,
  period: string | null,
): TraceFrame {
  const P = data.index.periods.length;
  let client: Int32Array;
  let per: Int32Array;
  let y: Float64Array;
  let datasetRow: Int32Array | null = null;
  if (start.kind === 'rows') {
    client = start.client;
    per = start.period;
    y = start.value;
    datasetRow = start.row;
  } else {
    const keys = [...start.cells.keys()];
    client = Int32Array.from(keys, (k) => Math.floor(k / P));
    per = Int32Array.from(keys, (k) => k % P);
    y = Float64Array.from(keys, (k) => start.cells.get(k)!);
  }
  const n = y.length;
  const side = new Int8Array(n).fill(LEFT_OUT);
  const frame: TraceFrame = {
    start,
    n,
    client,
    period: per,
    y,
    datasetRow,
    side,
    compared: new Uint8Array(P),
    comparedWith:
      population.kind === 'segment' || population.kind === 'clients' ? 'clients' : 'answers',
    definedByStart: false,
    missing: null,
  };
  const missing =
    population.kind === 'segment' || population.kind === 'clients'
      ? classifyClients(model, datasets, data, frame, population)
      : classifyAnswers(model, datasets, data, frame, population);
  if (missing !== null) {
    frame.missing = missing;
    side.fill(LEFT_OUT);
    return frame;
  }
  restrictPeriods(frame, period === null ? null : (data.index.periodIndex.get(period) ?? -2));
  return frame;
}

/** Sets each row's side by its client's membership. Returns a missing column, or null. */
function classifyClients(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  data: TraceData,
  frame: TraceFrame,
  population: Population & { kind: 'segment' | 'clients' },
): string | null {
  const inside = new Int8Array(data.index.clients.length).fill(LEFT_OUT);
  if (population.kind === 'clients') {
    inside.fill(REFERENCE);
    for (const id of population.ids) {
      const c = data.index.clientIndex.get(id);
      if (c !== undefined) inside[c] = POPULATION;
    }
  } else {
    const card = model.clientCard;
    const ds = card ? findDataset(card.dataset, datasets) : undefined;
    const ids = card ? ds?.columns[card.key] : undefined;
    const values = ds?.columns[population.column];
    if (!ids || !values) return population.column;
    for (let r = 0; r < ids.length; r++) {
      const c = data.index.clientIndex.get(keyText(ids[r]) ?? '');
      const v = keyText(values[r]);
      if (c === undefined || v === null) continue;
      inside[c] = v === population.value ? POPULATION : REFERENCE;
    }
  }
  for (let i = 0; i < frame.n; i++) frame.side[i] = inside[frame.client[i]!]!;
  return null;
}

/** Sets each row's side by its answers (low or not). Returns a missing column, or null. */
function classifyAnswers(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  data: TraceData,
  frame: TraceFrame,
  population: Population & { kind: 'detractors' | 'low' },
): string | null {
  const ds = findDataset(population.dataset, datasets);
  const column = population.kind === 'detractors' ? population.score : population.target;
  const values = ds?.columns[column];
  const who = ds?.columns[population.client];
  if (!ds || !who) return population.client;
  if (!values) return column;
  const test = lowTest(population.kind === 'detractors' ? 'detractor' : population.rule);
  const start = frame.start;
  if (start.kind === 'rows' && findDataset(start.dataset, datasets) === ds) {
    // The start's own rows: each answer is low or not.
    for (let i = 0; i < frame.n; i++) {
      const low = test(values[frame.datasetRow![i]!]);
      frame.side[i] = low === null ? LEFT_OUT : low ? POPULATION : REFERENCE;
    }
    frame.definedByStart = start.indicator.binding!.column === column;
    return null;
  }
  // Another dataset: a client's row in a period is low when the client answered low then, or,
  // without dates (the client card: who left), when the client is low at all.
  const date = population.date ? ds.columns[population.date] : undefined;
  const grain = model.period?.grain === 'quarter' ? 'quarter' : 'month';
  const P = data.index.periods.length;
  const low = new Map<number, boolean>();
  for (let r = 0; r < values.length; r++) {
    const c = data.index.clientIndex.get(keyText(who[r]) ?? '');
    const p = date ? data.index.periodIndex.get(periodKey(date[r], grain) ?? '') : -1;
    const l = test(values[r]);
    if (c === undefined || p === undefined || l === null) continue;
    const key = date ? c * P + p : c;
    low.set(key, (low.get(key) ?? false) || l);
  }
  if (!date) frame.comparedWith = 'clients';
  for (let i = 0; i < frame.n; i++) {
    const l = low.get(date ? frame.client[i]! * P + frame.period[i]! : frame.client[i]!);
    frame.side[i] = l === undefined ? LEFT_OUT : l ? POPULATION : REFERENCE;
  }
  return null;
}

/** Keeps the periods the population has rows in (or only `only`), for both sides. */
function restrictPeriods(frame: TraceFrame, only: number | null): void {
  for (let i = 0; i < frame.n; i++) {
    if (frame.side[i] === POPULATION && (only === null || frame.period[i] === only)) {
      frame.compared[frame.period[i]!] = 1;
    }
  }
  for (let i = 0; i < frame.n; i++) {
    if (!frame.compared[frame.period[i]!]) frame.side[i] = LEFT_OUT;
  }
}
