/**
 * What-if: set an indicator to a value (a number, the other units' median, or its target) at
 * some units or everywhere, over the periods compared, and carry the change up the fitted links
 * to every indicator above it — the start, and beyond it (churn). The links are taken as
 * causal: the answer is what the model expects, not what must happen.
 */
import type { Indicator } from '../../model/model-types.ts';
import { valueAt, type IndicatorData, type TraceData } from './trace-data.ts';
import type { LinkFit } from './link-fits.ts';
import type { WhatIfQuery } from './trace-types.ts';

/** A what-if made concrete: the value set, and the mean change it makes at each parent's rows. */
export interface WhatIfPlan {
  indicator: string;
  at: { unitKind: string; units: string[] } | null;
  value: number;
  /** The indicators above, children before parents. */
  above: string[];
  /** Per indicator above: the mean over its rows (periods compared) of the change set below. */
  meanChange: Map<string, number>;
}

/** Why a what-if cannot be made. */
export type WhatIfProblem =
  | { problem: 'unknown-indicator' | 'no-target' | 'no-units'; indicator: string }
  | { problem: 'unknown-unit'; indicator: string; unit: string };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Each unit's mean over the periods compared. */
export function unitMeans(
  x: IndicatorData & { kind: 'units' },
  data: TraceData,
  compared: Uint8Array,
): Float64Array {
  const P = data.index.periods.length;
  const units = data.index.kinds[x.unitKind]!.units.length;
  return Float64Array.from({ length: units }, (_, u) => {
    let s = 0;
    let n = 0;
    for (let p = 0; p < P; p++) {
      const v = x.value[u * P + p]!;
      if (compared[p] && !Number.isNaN(v)) {
        s += v;
        n++;
      }
    }
    return n > 0 ? s / n : NaN;
  });
}

/** Resolves the value and units of a what-if, and the mean change at each indicator above. */
export function planWhatIf(
  query: WhatIfQuery,
  data: TraceData,
  fits: Map<string, LinkFit>,
  compared: Uint8Array,
): WhatIfPlan | WhatIfProblem {
  const x = data.indicators.get(query.indicator);
  if (!x) return { problem: 'unknown-indicator', indicator: query.indicator };
  let chosen: Uint8Array | null = null;
  let value: number;
  if (x.kind === 'units') {
    const kind = data.index.kinds[x.unitKind]!;
    if (query.at) {
      chosen = new Uint8Array(kind.units.length);
      for (const name of query.at.units) {
        const u = kind.unitIndex.get(name);
        if (u === undefined)
          return { problem: 'unknown-unit', indicator: query.indicator, unit: name };
        chosen[u] = 1;
      }
    }
    const means = unitMeans(x, data, compared);
    const others = [...means].filter((v, u) => !Number.isNaN(v) && !chosen?.[u]);
    value = resolveValue(query.value, x.indicator, others);
  } else {
    if (query.at) return { problem: 'no-units', indicator: query.indicator };
    value = resolveValue(query.value, x.indicator, []);
  }
  if (Number.isNaN(value)) return { problem: 'no-target', indicator: query.indicator };
  const change = changeAt(x, data, value, chosen, compared);
  const above = ancestors(query.indicator, fits);
  const meanChange = new Map<string, number>();
  for (const id of above)
    meanChange.set(id, meanOverRows(data.indicators.get(id)!, data, change, compared));
  return { indicator: query.indicator, at: query.at, value, above, meanChange };
}

function resolveValue(value: WhatIfQuery['value'], indicator: Indicator, others: number[]): number {
  if (typeof value === 'number') return value;
  if (value === 'target') return indicator.target ?? NaN;
  return median(others);
}

/** The change set at a client in a period (period −1: the mean over the periods compared). */
type Change = (client: number, period: number) => number;

function changeAt(
  x: IndicatorData,
  data: TraceData,
  value: number,
  chosen: Uint8Array | null,
  compared: Uint8Array,
): Change {
  const P = data.index.periods.length;
  const at = (client: number, period: number): number => {
    if (!compared[period]) return 0;
    if (x.kind === 'units') {
      const u = data.index.kinds[x.unitKind]!.clientUnit[client]!;
      if (u < 0 || (chosen && !chosen[u])) return 0;
      const v = x.value[u * P + period]!;
      return Number.isNaN(v) ? 0 : value - v;
    }
    const v = valueAt(x, data.index, client, period);
    return Number.isNaN(v) ? 0 : value - v;
  };
  return (client, period) => {
    if (period >= 0) return at(client, period);
    let s = 0;
    let n = 0;
    for (let p = 0; p < P; p++)
      if (compared[p]) {
        s += at(client, p);
        n++;
      }
    return n > 0 ? s / n : 0;
  };
}

/** Indicators whose fits hold `id`, and theirs, children before parents. */
function ancestors(id: string, fits: Map<string, LinkFit>): string[] {
  const parents = new Map<string, string[]>();
  for (const fit of fits.values()) {
    for (const c of fit.children) parents.set(c, [...(parents.get(c) ?? []), fit.parent]);
  }
  const order: string[] = [];
  const seen = new Set<string>([id]);
  const visit = (at: string) => {
    for (const p of parents.get(at) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      visit(p);
      order.push(p);
    }
  };
  visit(id);
  return order.reverse();
}

/** The mean of the change over an indicator's rows in the periods compared. */
function meanOverRows(
  a: IndicatorData,
  data: TraceData,
  change: Change,
  compared: Uint8Array,
): number {
  const P = data.index.periods.length;
  let s = 0;
  let n = 0;
  const add = (client: number, period: number) => {
    if (period >= 0 && !compared[period]) return;
    s += change(client, period);
    n++;
  };
  if (a.kind === 'rows') for (let i = 0; i < a.value.length; i++) add(a.client[i]!, a.period[i]!);
  else if (a.kind === 'cells') for (const key of a.cells.keys()) add(Math.floor(key / P), key % P);
  else if (a.kind === 'clients') a.value.forEach((v, c) => Number.isNaN(v) || add(c, -1));
  else {
    // A unit-level indicator above: the change at its units' clients, averaged per unit-period.
    const clientUnit = data.index.kinds[a.unitKind]!.clientUnit;
    const sum = new Float64Array(a.value.length);
    const count = new Float64Array(a.value.length);
    for (let c = 0; c < clientUnit.length; c++) {
      const u = clientUnit[c]!;
      for (let p = 0; u >= 0 && p < P; p++) {
        if (!compared[p]) continue;
        sum[u * P + p]! += change(c, p);
        count[u * P + p]!++;
      }
    }
    for (let i = 0; i < sum.length; i++)
      if (count[i]! > 0 && !Number.isNaN(a.value[i]!)) {
        s += sum[i]! / count[i]!;
        n++;
      }
  }
  return n > 0 ? s / n : 0;
}

/**
 * The expected change of each indicator above under one replicate's coefficients: each parent
 * moves by its fitted effect of every child that moved (the changes compose along the routes).
 */
export function whatIfChanges(
  plan: WhatIfPlan,
  fits: Map<string, LinkFit>,
  coef: Map<string, Float64Array>,
): Float64Array {
  const multiplier = new Map<string, number>([[plan.indicator, 1]]);
  for (const id of plan.above) {
    const fit = fits.get(id)!;
    let m = 0;
    fit.children.forEach((c, j) => {
      const below = multiplier.get(c);
      const b = coef.get(id)![1 + j]!;
      if (below !== undefined && Number.isFinite(b)) m += b * below;
    });
    multiplier.set(id, m);
  }
  return Float64Array.from(plan.above, (id) => multiplier.get(id)! * plan.meanChange.get(id)!);
}
