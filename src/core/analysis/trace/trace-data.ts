/**
 * The trace's view of the data: clients, periods and units numbered once, and each bound
 * indicator's values at its own grain in typed arrays — answer rows (a survey's NPS and
 * ratings), client × period cells, clients, or unit × period cells. Unit values are never
 * copied to every client × period: they are looked up through the client's unit.
 */
import type { Indicator, ServiceModel } from '../../model/model-types.ts';
import { rowCount, type LoadedDataset } from '../../index/loaded-dataset.ts';
import {
  findDataset,
  indicatorValues,
  keyText,
  readBindingRows,
  splitCellKey,
} from '../../index/indicator-values.ts';

/** A unit kind with its units numbered, and each client's unit (−1 when unknown). */
export interface TraceKind {
  id: string;
  units: string[];
  unitIndex: Map<string, number>;
  clientUnit: Int32Array;
}

/** Clients, periods and unit kinds, numbered. */
export interface TraceIndex {
  clients: string[];
  clientIndex: Map<string, number>;
  periods: string[];
  periodIndex: Map<string, number>;
  /** The unit kinds that some indicator is measured at. */
  kinds: TraceKind[];
}

interface DataBase {
  id: string;
  indicator: Indicator;
}

/** One value per kept row of a dataset (answers), with the row's client and period. */
export interface RowsData extends DataBase {
  kind: 'rows';
  dataset: string;
  /** The binding's filter, as text: rows of two indicators line up when dataset and filter match. */
  filter: string;
  row: Int32Array;
  client: Int32Array;
  period: Int32Array;
  value: Float64Array;
  /** The value by dataset row (NaN where the binding keeps no value). */
  byRow: Float64Array;
  /** Cell means by `client × periods + period`. */
  cells: Map<number, number>;
}

/** One value per client × period cell. */
export interface CellsData extends DataBase {
  kind: 'cells';
  cells: Map<number, number>;
}

/** One value per client. */
export interface ClientsData extends DataBase {
  kind: 'clients';
  value: Float64Array;
}

/** One value per unit × period of one kind. */
export interface UnitsData extends DataBase {
  kind: 'units';
  /** Index into `TraceIndex.kinds`. */
  unitKind: number;
  /** `unit × periods + period`, NaN where missing. */
  value: Float64Array;
}

/** An indicator's values at its grain. */
export type IndicatorData = RowsData | CellsData | ClientsData | UnitsData;

/** The trace's data: the index and every usable indicator's values. */
export interface TraceData {
  index: TraceIndex;
  indicators: Map<string, IndicatorData>;
  problems: string[];
}

/** NPS points of one answer: promoters +100, detractors −100, passives 0. */
export const npsPoints = (score: number) => (score >= 9 ? 100 : score <= 6 ? -100 : 0);

class Numbering {
  readonly names: string[] = [];
  readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

/** Growable typed columns of one series as read: entity and period numbers, values, rows. */
class RawSeries {
  entity = new Int32Array(1024);
  period = new Int32Array(1024);
  value = new Float64Array(1024);
  row = new Int32Array(1024);
  length = 0;
  dataset = '';

  constructor(
    readonly indicator: Indicator,
    readonly kind: IndicatorData['kind'],
  ) {}

  push(entity: number, period: number, value: number, row: number): void {
    if (this.length === this.value.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.entity = grow(this.entity);
      this.period = grow(this.period);
      this.value = grow(this.value);
      this.row = grow(this.row);
    }
    const i = this.length++;
    this.entity[i] = entity;
    this.period[i] = period;
    this.value[i] = value;
    this.row[i] = row;
  }
}

/** The numberings shared while reading: clients, periods (in order met), units per kind. */
interface Numberings {
  clients: Numbering;
  periods: Numbering;
  units: Map<string, Numbering>;
}

const unitsOf = (n: Numberings, kind: string) => {
  let u = n.units.get(kind);
  if (!u) n.units.set(kind, (u = new Numbering()));
  return u;
};

/** Reads one indicator's values, numbering its entities and periods as they come. */
function readRaw(
  model: ServiceModel,
  indicator: Indicator,
  datasets: readonly LoadedDataset[],
  numbers: Numberings,
  problems: string[],
): RawSeries | null {
  const b = indicator.binding!;
  const grain = b.grain;
  const kind: IndicatorData['kind'] =
    grain?.kind === 'unit-period'
      ? 'units'
      : grain?.kind === 'client'
        ? 'clients'
        : ['mean', 'share', 'nps'].includes(b.aggregate)
          ? 'rows'
          : 'cells';
  const raw = new RawSeries(indicator, kind);
  const entities =
    grain?.kind === 'unit-period' ? unitsOf(numbers, grain.unitKind) : numbers.clients;
  const period = (p: string) => (p === '' ? -1 : numbers.periods.of(p));
  if (kind === 'rows') {
    const isNps = b.aggregate === 'nps';
    const read = readBindingRows(model, indicator.id, datasets, (row, who, at, a) =>
      raw.push(entities.of(who), period(at), isNps ? npsPoints(a) : a, row),
    );
    if ('cells' in read) {
      problems.push(...read.problems);
      return null;
    }
    raw.dataset = read.dataset;
  } else {
    const series = indicatorValues(model, indicator.id, datasets);
    problems.push(...series.problems);
    for (const [key, cell] of series.cells) {
      const [who, at] = splitCellKey(key);
      raw.push(entities.of(who), period(at), cell.value, -1);
    }
  }
  return raw.length > 0 ? raw : null;
}

/** Each client's unit of a kind, from the client card's column of that kind. */
function cardUnits(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  column: string,
): [client: string, unit: string][] {
  const card = model.clientCard;
  const ds = card ? findDataset(card.dataset, datasets) : undefined;
  const ids = card && ds ? ds.columns[card.key] : undefined;
  const units = ds?.columns[column];
  if (!ids || !units) return [];
  const out: [string, string][] = [];
  for (let r = 0; r < ids.length; r++) {
    const who = keyText(ids[r]);
    const unit = keyText(units[r]);
    if (who !== null && unit !== null) out.push([who, unit]);
  }
  return out;
}

/**
 * Reads every bound indicator of the model into the trace's typed form. Indicators that give
 * no values (an unusable binding) are left out, their problems kept.
 */
export function readTraceData(model: ServiceModel, datasets: readonly LoadedDataset[]): TraceData {
  const problems: string[] = [];
  const numbers: Numberings = {
    clients: new Numbering(),
    periods: new Numbering(),
    units: new Map(),
  };
  const raws: RawSeries[] = [];
  for (const indicator of model.indicators ?? []) {
    if (!indicator.binding) continue;
    const raw = readRaw(model, indicator, datasets, numbers, problems);
    if (raw) raws.push(raw);
  }
  const index = buildIndex(model, datasets, numbers, problems);
  // Periods were numbered as met; the index lists them in order.
  const order = numbers.periods.names.map((p) => index.periodIndex.get(p)!);
  const indicators = new Map<string, IndicatorData>();
  for (const raw of raws) {
    for (let i = 0; i < raw.length; i++)
      if (raw.period[i]! >= 0) raw.period[i] = order[raw.period[i]!]!;
    indicators.set(raw.indicator.id, toData(raw, index, datasets));
  }
  return { index, indicators, problems };
}

/** The index: clients (those met, then the client card's), periods in order, unit kinds. */
function buildIndex(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
  numbers: Numberings,
  problems: string[],
): TraceIndex {
  const { clients } = numbers;
  const pairs = new Map<string, [string, string][]>();
  for (const id of numbers.units.keys()) {
    const column = (model.unitKinds ?? []).find((k) => k.id === id)?.column;
    const found = column ? cardUnits(model, datasets, column) : [];
    if (found.length === 0) problems.push(`the client card names no unit of kind "${id}"`);
    for (const [client] of found) clients.of(client);
    pairs.set(id, found);
  }
  const kinds: TraceKind[] = [...numbers.units].map(([id, units]) => {
    const clientUnit = new Int32Array(clients.names.length).fill(-1);
    for (const [client, unit] of pairs.get(id)!)
      clientUnit[clients.index.get(client)!] = units.of(unit);
    return { id, units: units.names, unitIndex: units.index, clientUnit };
  });
  const periods = [...numbers.periods.names].sort();
  return {
    clients: clients.names,
    clientIndex: clients.index,
    periods,
    periodIndex: new Map(periods.map((p, i) => [p, i])),
    kinds,
  };
}

function toData(
  raw: RawSeries,
  index: TraceIndex,
  datasets: readonly LoadedDataset[],
): IndicatorData {
  const P = index.periods.length;
  const base = { id: raw.indicator.id, indicator: raw.indicator };
  const n = raw.length;
  if (raw.kind === 'units') {
    const g = raw.indicator.binding!.grain;
    const k = index.kinds.findIndex((kind) => g.kind === 'unit-period' && kind.id === g.unitKind);
    const value = new Float64Array(index.kinds[k]!.units.length * P).fill(NaN);
    for (let i = 0; i < n; i++) value[raw.entity[i]! * P + raw.period[i]!] = raw.value[i]!;
    return { ...base, kind: 'units', unitKind: k, value };
  }
  if (raw.kind === 'clients') {
    const value = new Float64Array(index.clients.length).fill(NaN);
    for (let i = 0; i < n; i++) value[raw.entity[i]!] = raw.value[i]!;
    return { ...base, kind: 'clients', value };
  }
  // Each cell's slot in running sums: one map lookup per row.
  const slots = new Map<number, number>();
  const sums = new Float64Array(n);
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = raw.entity[i]! * P + raw.period[i]!;
    let slot = slots.get(key);
    if (slot === undefined) slots.set(key, (slot = slots.size));
    sums[slot]! += raw.value[i]!;
    counts[slot]!++;
  }
  const cells = new Map<number, number>();
  for (const [key, slot] of slots) cells.set(key, sums[slot]! / counts[slot]!);
  if (raw.kind === 'cells') return { ...base, kind: 'cells', cells };
  const ds = findDataset(raw.dataset, datasets);
  const byRow = new Float64Array(ds ? rowCount(ds) : 0).fill(NaN);
  const row = raw.row.slice(0, n);
  const value = raw.value.slice(0, n);
  for (let i = 0; i < n; i++) byRow[row[i]!] = value[i]!;
  return {
    ...base,
    kind: 'rows',
    dataset: raw.dataset,
    filter: JSON.stringify(raw.indicator.binding!.filter ?? null),
    row,
    client: raw.entity.slice(0, n),
    period: raw.period.slice(0, n),
    value,
    byRow,
    cells,
  };
}

/**
 * An indicator's value for a client in a period: its cell (the mean of its answers there), its
 * client value, or its unit's value in that period through the client's unit. NaN when absent.
 */
export function valueAt(
  data: IndicatorData,
  index: TraceIndex,
  client: number,
  period: number,
): number {
  const P = index.periods.length;
  switch (data.kind) {
    case 'rows':
    case 'cells':
      return period < 0 ? NaN : (data.cells.get(client * P + period) ?? NaN);
    case 'clients':
      return data.value[client] ?? NaN;
    case 'units': {
      const u = index.kinds[data.unitKind]!.clientUnit[client] ?? -1;
      return u < 0 || period < 0 ? NaN : data.value[u * P + period]!;
    }
  }
}
