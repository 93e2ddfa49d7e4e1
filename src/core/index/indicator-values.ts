/**
 * An indicator of the service model computed from loaded datasets at its binding's grain
 * (client, client × period, unit × period), and mapped to client × period for the
 * satisfaction index. Never throws on a bad model or missing data: an unusable binding gives an
 * empty series with a problem; blank values are skipped, never counted as zero.
 */
import { isBlankValue } from '../analysis/blank-value.ts';
import { npsOf } from '../metrics/nps.ts';
import type { Binding, Condition, DatasetKeys, Grain, ServiceModel } from '../model/model-types.ts';
import type { ColumnType } from '../storage/dataset-meta.ts';
import { rowCount, type LoadedDataset } from './loaded-dataset.ts';
import { periodKey } from './period-key.ts';

/** One grain cell's value and the number of rows (or answers) behind it. */
export interface IndicatorCell {
  value: number;
  n: number;
}

/**
 * An indicator's values by grain cell. Keys: the client id at client grain;
 * `cellKey(client, period)` at client × period; `cellKey(unit, period)` at unit × period.
 */
export interface IndicatorSeries {
  indicator: string;
  grain: Grain;
  cells: Map<string, IndicatorCell>;
  /** Why the series is empty or partial (unknown dataset, column, missing keys…). */
  problems: string[];
}

const SEP = '\u0000';

/** The key of a (client or unit) × period cell. */
export function cellKey(entity: string, period: string): string {
  return `${entity}${SEP}${period}`;
}

/** The entity (client or unit) and period of a cell key; the period is '' for a client key. */
export function splitCellKey(key: string): [entity: string, period: string] {
  const at = key.indexOf(SEP);
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/** A key column's value as text (ids may be stored as numbers); null for blank. */
export function keyText(v: unknown): string | null {
  if (isBlankValue(v)) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * The loaded dataset a reference names: the one whose id is `ref`, else the first whose name
 * is `ref` (the semantics of `resolveDataset` in validate-model.ts).
 */
export function findDataset(
  ref: string,
  datasets: readonly LoadedDataset[],
): LoadedDataset | undefined {
  return (
    datasets.find((d) => d.id !== undefined && d.id === ref) ?? datasets.find((d) => d.name === ref)
  );
}

/** The key columns the model declares for a dataset (by its name, else by the reference). */
export function datasetKeys(
  model: ServiceModel,
  ds: LoadedDataset,
  ref: string,
): DatasetKeys | undefined {
  const all = model.datasets ?? {};
  return Object.hasOwn(all, ds.name)
    ? all[ds.name]
    : Object.hasOwn(all, ref)
      ? all[ref]
      : undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'да', 'истина']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'нет', 'ложь']);

/** A condition's comparison value in each form a cell may need. */
interface Target {
  num: number;
  bool: boolean | null;
  str: string;
}

function toTarget(v: unknown, type: ColumnType | undefined): Target {
  const str = String(v);
  let num =
    typeof v === 'number'
      ? v
      : typeof v === 'boolean'
        ? Number(v)
        : str.trim() === ''
          ? NaN
          : Number(str);
  // A date column holds epoch milliseconds; its conditions are written as dates.
  if (type === 'date' && typeof v === 'string') {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) num = t;
  }
  const word = str.trim().toLowerCase();
  const bool =
    typeof v === 'boolean' ? v : TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
  return { num, bool, str };
}

/** Sign of cell − target, or null when they cannot be compared. */
function compare(cell: unknown, t: Target): number | null {
  if (typeof cell === 'number') return Number.isNaN(t.num) ? null : cell - t.num;
  if (typeof cell === 'boolean') return t.bool === null ? null : Number(cell) - Number(t.bool);
  const s = String(cell);
  return s < t.str ? -1 : s > t.str ? 1 : 0;
}

/**
 * A test of one cell against a condition (without its column). Blank cells meet no condition;
 * a value that cannot be compared with the condition's value is only "not equal".
 */
export function cellTest(
  cond: Omit<Condition, 'column'>,
  type: ColumnType | undefined,
): (cell: unknown) => boolean {
  const values = Array.isArray(cond.value) ? cond.value : [cond.value];
  const targets = values.map((v) => toTarget(v, type));
  const one = targets[0] ?? toTarget('', type);
  const test = (pass: (c: number) => boolean) => (cell: unknown) => {
    if (isBlankValue(cell)) return false;
    const c = compare(cell, one);
    return c !== null && pass(c);
  };
  switch (cond.op) {
    case 'eq':
      return test((c) => c === 0);
    case 'ne':
      return (cell) => !isBlankValue(cell) && compare(cell, one) !== 0;
    case 'lt':
      return test((c) => c < 0);
    case 'le':
      return test((c) => c <= 0);
    case 'gt':
      return test((c) => c > 0);
    case 'ge':
      return test((c) => c >= 0);
    case 'in':
      return (cell) => !isBlankValue(cell) && targets.some((t) => compare(cell, t) === 0);
    default:
      return () => false;
  }
}

/** A number for mean/sum/rate: numbers as they are, booleans as 0/1; null otherwise. */
function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** A series with no cells and one problem. */
function emptySeries(indicator: string, grain: Grain, problem: string): IndicatorSeries {
  return { indicator, grain, cells: new Map(), problems: [problem] };
}

/** Running sums of one grain cell. */
interface Acc {
  a: number;
  b: number;
  n: number;
  scores?: number[];
}

/**
 * One row an indicator's binding keeps: its row index, its entity (client or unit) and period
 * ('' at client grain), and its values: `a` the number read (booleans as 0/1; 1/0 for a share's
 * condition; the score for `nps`; 0 for `count`), `b` the `per` value of a rate (else 0).
 */
export type BindingRowVisitor = (
  row: number,
  entity: string,
  period: string,
  a: number,
  b: number,
) => void;

/**
 * Reads the rows an indicator's binding keeps, in order, calling `visit` for each: applies the
 * binding's filter (and, for a long file of several unit kinds, keeps the rows of the grain's
 * unit kind), maps dates to periods at `model.period.grain`, and skips rows with a blank key or
 * a value the aggregate cannot use. Returns the grain, or an empty series with a problem for
 * an unusable binding (never throws).
 */
export function readBindingRows(
  model: ServiceModel,
  indicatorId: string,
  datasets: readonly LoadedDataset[],
  visit: BindingRowVisitor,
): { grain: Grain; aggregate: Binding['aggregate']; dataset: string } | IndicatorSeries {
  const fallback: Grain = { kind: 'client' };
  const indicator = (model.indicators ?? []).find((i) => i.id === indicatorId);
  if (!indicator) return emptySeries(indicatorId, fallback, `${indicatorId}: unknown indicator`);
  const b: Binding | undefined = indicator.binding;
  if (!b) return emptySeries(indicatorId, fallback, `${indicatorId}: no binding`);
  const grain = b.grain ?? fallback;
  const fail = (why: string) => emptySeries(indicatorId, grain, `${indicatorId}: ${why}`);

  const ds = findDataset(b.dataset, datasets);
  if (!ds) return fail(`unknown dataset "${b.dataset}"`);
  const keys = datasetKeys(model, ds, b.dataset) ?? {};
  const col = (name: string | undefined) =>
    name !== undefined && Object.hasOwn(ds.columns, name) ? ds.columns[name]! : undefined;

  const countsRows = b.aggregate === 'count' && (b.column ?? '') === '';
  const values = countsRows ? undefined : col(b.column);
  if (!countsRows && !values) return fail(`unknown column "${b.column}" in "${ds.name}"`);
  const type = ds.types[b.column];
  const per = b.aggregate === 'rate' ? col(b.per) : undefined;
  if (b.aggregate === 'rate' && !per) return fail(`unknown "per" column "${b.per ?? ''}"`);
  if (b.aggregate === 'share' && !b.shareOf && type !== 'boolean') {
    return fail(`share of "${b.column}" needs shareOf or a boolean column`);
  }
  if (!['mean', 'sum', 'count', 'share', 'rate', 'nps'].includes(b.aggregate)) {
    return fail(`unknown aggregate "${String(b.aggregate)}"`);
  }

  let filterCol: ArrayLike<unknown> | undefined;
  let filter: ((v: unknown) => boolean) | undefined;
  if (b.filter) {
    filterCol = col(b.filter.column);
    if (!filterCol) return fail(`unknown filter column "${b.filter.column}"`);
    filter = cellTest(b.filter, ds.types[b.filter.column]);
  }
  const share = b.shareOf ? cellTest(b.shareOf, type) : undefined;

  // The key columns the grain needs.
  const entityName = grain.kind === 'unit-period' ? keys.unit : keys.client;
  const entity = col(entityName);
  if (!entity) {
    const need = grain.kind === 'unit-period' ? 'unit' : 'client';
    return fail(`dataset "${ds.name}" has no ${need} key column`);
  }
  let period: ArrayLike<unknown> | undefined;
  if (grain.kind !== 'client') {
    period = col(keys.period);
    if (!period) return fail(`dataset "${ds.name}" has no period key column`);
  }
  let kindCol: ArrayLike<unknown> | undefined;
  let kind = '';
  if (grain.kind === 'unit-period') {
    kind = grain.unitKind;
    if (keys.unitKindColumn !== undefined) {
      kindCol = col(keys.unitKindColumn);
      if (!kindCol) return fail(`unknown unit-kind column "${keys.unitKindColumn}"`);
    } else if (keys.unitKind !== undefined && keys.unitKind !== kind) {
      return fail(`dataset "${ds.name}" holds units of kind "${keys.unitKind}", not "${kind}"`);
    }
  }

  const grainOfPeriod = model.period?.grain === 'quarter' ? 'quarter' : 'month';
  // Dates repeat (rows sorted by month, many rows per day): remember the last one read.
  let lastRaw: unknown = Symbol();
  let lastPeriod: string | null = null;
  const agg = b.aggregate;
  const rows = rowCount(ds);

  for (let r = 0; r < rows; r++) {
    if (kindCol && keyText(kindCol[r]) !== kind) continue;
    if (filter && !filter(filterCol![r])) continue;
    const who = keyText(entity[r]);
    if (who === null) continue;
    let at = '';
    if (period) {
      const raw = period[r];
      if (raw !== lastRaw) {
        lastRaw = raw;
        lastPeriod = periodKey(raw, grainOfPeriod);
      }
      if (lastPeriod === null) continue;
      at = lastPeriod;
    }
    const v = values ? values[r] : undefined;
    if (values && isBlankValue(v)) continue;
    let a = 0;
    let bb = 0;
    if (agg === 'mean' || agg === 'sum') {
      const x = numberOf(v);
      if (x === null) continue;
      a = x;
    } else if (agg === 'share') {
      if (share) a = share(v) ? 1 : 0;
      else if (typeof v === 'boolean') a = v ? 1 : 0;
      else continue;
    } else if (agg === 'rate') {
      const x = numberOf(v);
      const y = numberOf(per![r]);
      if (x === null || y === null) continue;
      a = x;
      bb = y;
    } else if (agg === 'nps') {
      if (typeof v !== 'number') continue;
      a = v;
    }
    visit(r, who, at, a, bb);
  }
  return { grain, aggregate: agg, dataset: ds.name };
}

/**
 * Computes one indicator of the model from loaded datasets at its binding's grain (the rows
 * `readBindingRows` keeps) and aggregates each cell: `mean` (booleans as 0/1), `sum`, `count`
 * (rows; with a column, rows where it is not blank), `share` (fraction 0–1 of non-blank rows
 * meeting `shareOf`, or true values of a boolean column), `rate` (Σcolumn / Σper over rows
 * where both are given; no value when Σper is 0), `nps` (−100…100). Never throws: an unusable
 * binding gives an empty series with a problem.
 */
export function indicatorValues(
  model: ServiceModel,
  indicatorId: string,
  datasets: readonly LoadedDataset[],
): IndicatorSeries {
  const cellIndex = new Map<string, Acc>();
  const isNps =
    (model.indicators ?? []).find((i) => i.id === indicatorId)?.binding?.aggregate === 'nps';
  const read = readBindingRows(model, indicatorId, datasets, (_row, who, period, a, b) => {
    const key = period === '' ? who : cellKey(who, period);
    let acc = cellIndex.get(key);
    if (!acc) {
      acc = { a: 0, b: 0, n: 0 };
      cellIndex.set(key, acc);
    }
    acc.a += a;
    acc.b += b;
    acc.n++;
    if (isNps) (acc.scores ??= []).push(a);
  });
  if ('cells' in read) return read;
  const { grain, aggregate: agg } = read;

  const cells = new Map<string, IndicatorCell>();
  for (const [key, acc] of cellIndex) {
    let value: number | null;
    let n = acc.n;
    switch (agg) {
      case 'mean':
      case 'share':
        value = acc.a / acc.n;
        break;
      case 'sum':
        value = acc.a;
        break;
      case 'count':
        value = acc.n;
        break;
      case 'rate':
        value = acc.b === 0 ? null : acc.a / acc.b;
        break;
      default: {
        const s = npsOf(acc.scores!);
        value = s.nps;
        n = s.n;
      }
    }
    if (value !== null && Number.isFinite(value)) cells.set(key, { value, n });
  }
  return { indicator: indicatorId, grain, cells, problems: [] };
}

/**
 * The periods of each client in the model's client × period data: every dataset the model
 * declares with both a client and a period key (and that is loaded), periods at
 * `model.period.grain`, each client's sorted.
 */
export function clientPeriods(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
): Map<string, string[]> {
  const grain = model.period?.grain === 'quarter' ? 'quarter' : 'month';
  const sets = new Map<string, Set<string>>();
  for (const [ref, keys] of Object.entries(model.datasets ?? {})) {
    if (!keys?.client || !keys.period) continue;
    const ds = findDataset(ref, datasets);
    const client = ds?.columns[keys.client];
    const period = ds?.columns[keys.period];
    if (!ds || !client || !period) continue;
    let lastRaw: unknown = Symbol();
    let lastPeriod: string | null = null;
    for (let r = 0; r < client.length; r++) {
      const who = keyText(client[r]);
      if (who === null) continue;
      if (period[r] !== lastRaw) {
        lastRaw = period[r];
        lastPeriod = periodKey(lastRaw, grain);
      }
      if (lastPeriod === null) continue;
      let set = sets.get(who);
      if (!set) sets.set(who, (set = new Set()));
      set.add(lastPeriod);
    }
  }
  const out = new Map<string, string[]>();
  for (const [who, set] of sets) out.set(who, [...set].sort());
  return out;
}

/**
 * The clients each unit of a kind serves: the client card's column of that unit kind
 * (`model.unitKinds[].column`), unit → client ids. Null (with a problem pushed) when the model
 * has no usable client card or unit kind.
 */
export function clientsByUnit(
  model: ServiceModel,
  unitKind: string,
  datasets: readonly LoadedDataset[],
  problems: string[] = [],
): Map<string, string[]> | null {
  const card = model.clientCard;
  const kind = (model.unitKinds ?? []).find((k) => k.id === unitKind);
  const ds = card ? findDataset(card.dataset, datasets) : undefined;
  const ids = card && ds ? ds.columns[card.key] : undefined;
  const units = kind && ds ? ds.columns[kind.column] : undefined;
  if (!card || !ds || !ids) {
    problems.push(`no client card to map units of kind "${unitKind}" to clients`);
    return null;
  }
  if (!kind || !units) {
    problems.push(`the client card has no column for unit kind "${unitKind}"`);
    return null;
  }
  const out = new Map<string, string[]>();
  for (let r = 0; r < ids.length; r++) {
    const who = keyText(ids[r]);
    const unit = keyText(units[r]);
    if (who === null || unit === null) continue;
    const list = out.get(unit);
    if (list) list.push(who);
    else out.set(unit, [who]);
  }
  return out;
}

/**
 * An indicator's values at client × period (keys `cellKey(client, period)`):
 * - client × period: as they are;
 * - client: broadcast to every period the client has in the model's client × period data
 *   (`clientPeriods`; pass `periods` to reuse one computed before); a client with no period
 *   there gets no value;
 * - unit × period: each unit's value goes to every client the client card assigns to that unit
 *   (its column of the unit kind), for each period of the unit.
 * Problems (no client card, no unit column) are pushed to `problems`; the map is then empty.
 */
export function toClientPeriod(
  model: ServiceModel,
  series: IndicatorSeries,
  datasets: readonly LoadedDataset[],
  periods?: Map<string, string[]>,
  problems: string[] = [],
): Map<string, number> {
  const out = new Map<string, number>();
  const grain = series.grain;
  if (grain.kind === 'client-period') {
    for (const [key, cell] of series.cells) out.set(key, cell.value);
  } else if (grain.kind === 'client') {
    const byClient = periods ?? clientPeriods(model, datasets);
    for (const [who, cell] of series.cells) {
      for (const p of byClient.get(who) ?? []) out.set(cellKey(who, p), cell.value);
    }
  } else {
    const clients = clientsByUnit(model, grain.unitKind, datasets, problems);
    if (!clients) return out;
    for (const [key, cell] of series.cells) {
      const [unit, p] = splitCellKey(key);
      for (const who of clients.get(unit) ?? []) out.set(cellKey(who, p), cell.value);
    }
  }
  return out;
}
