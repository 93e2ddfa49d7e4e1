/**
 * What-if: set an indicator to a value (a number, the other units' median, or its target) at
 * some units or everywhere, over the periods compared, and carry the change up the fitted links
 * to every indicator above it — the start, and beyond it (churn). The links are taken as
 * causal: the answer is what the model expects, not what must happen.
 */
import type { Indicator } from '../../model/model-types.ts';
import { solveSymmetricPositive } from '../../ml/linear-algebra.ts';
import { valueAt, type IndicatorData, type TraceData } from './trace-data.ts';
import { ChildReader, type LinkFit } from './link-fits.ts';
import type { TraceFrame } from './trace-frame.ts';
import type { WhatIfQuery } from './trace-types.ts';

/**
 * The start's own rows, for its change under a what-if: the start is read as a smooth function
 * of its fitted links (a cubic in their sum), since an NPS answer's points respond to its
 * ratings in steps (detractor, passive, promoter), more steeply near a step than far from it.
 */
export interface StartRows {
  id: string;
  /** Row-major: the start's children's values at each of its rows in the periods compared. */
  x: Float64Array;
  y: Float64Array;
  /** The change set below, at each row (before the links above it scale it). */
  change: Float64Array;
  /** Each row's cluster (its units), for the fit weights of a replicate. */
  group: Int32Array;
}

/** A what-if made concrete: the value set, and the mean change it makes at each parent's rows. */
export interface WhatIfPlan {
  indicator: string;
  at: { unitKind: string; units: string[] } | null;
  value: number;
  /** The indicators above, children before parents. */
  above: string[];
  /** Per indicator above: the mean over its rows (periods compared) of the change set below. */
  meanChange: Map<string, number>;
  /** The start's rows, when the start is above. */
  start: StartRows | null;
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
  frame: TraceFrame,
  rowGroups: Int32Array,
): WhatIfPlan | WhatIfProblem {
  const compared = frame.compared;
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
  const start = above.includes(frame.start.id)
    ? startRows(frame, data, fits, change, rowGroups)
    : null;
  return { indicator: query.indicator, at: query.at, value, above, meanChange, start };
}

/** The start's rows in the periods compared, with its children's values and the change. */
function startRows(
  frame: TraceFrame,
  data: TraceData,
  fits: Map<string, LinkFit>,
  change: Change,
  rowGroups: Int32Array,
): StartRows {
  const fit = fits.get(frame.start.id)!;
  const reader = new ChildReader(data, []);
  const kids = fit.children.map((c) => data.indicators.get(c)!);
  const k = kids.length;
  const keep: number[] = [];
  for (let i = 0; i < frame.n; i++) if (frame.compared[frame.period[i]!]) keep.push(i);
  const x = new Float64Array(keep.length * k);
  keep.forEach((i, r) => {
    const row = frame.datasetRow ? frame.datasetRow[i]! : -1;
    kids.forEach((c, j) => {
      x[r * k + j] = reader.atClient(c, frame.start, frame.client[i]!, frame.period[i]!, row);
    });
  });
  return {
    id: frame.start.id,
    x,
    y: Float64Array.from(keep, (i) => frame.y[i]!),
    change: Float64Array.from(keep, (i) => change(frame.client[i]!, frame.period[i]!)),
    group: Int32Array.from(keep, (i) => rowGroups[i]!),
  };
}

/**
 * The start's mean change: its rows' values read as a cubic in their fitted linear score
 * (children × coefficients), each row's score moved by the change carried up to the start.
 */
function startChange(
  s: StartRows,
  b: Float64Array,
  multiplier: number,
  weights: Float64Array | null,
): number {
  const k = b.length - 1;
  const n = s.y.length;
  const score = new Float64Array(n);
  let sw = 0;
  let sm = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < k; j++) m += b[1 + j]! * s.x[i * k + j]!;
    score[i] = m;
    if (Number.isNaN(m)) continue;
    const w = weights ? weights[s.group[i]!]! : 1;
    sw += w;
    sm += w * m;
    sq += w * m * m;
  }
  const centre = sm / sw;
  const spread = Math.sqrt(Math.max(1e-12, sq / sw - centre * centre));
  const a = new Float64Array(16);
  const v = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(score[i]!)) continue;
    const w = weights ? weights[s.group[i]!]! : 1;
    const u = (score[i]! - centre) / spread;
    const z = [1, u, u * u, u * u * u];
    for (let p = 0; p < 4; p++) {
      v[p]! += w * z[p]! * s.y[i]!;
      for (let q = 0; q < 4; q++) a[p * 4 + q]! += w * z[p]! * z[q]!;
    }
  }
  const c = solveSymmetricPositive(a, v, 4);
  const g = (u: number) => c[0]! + u * (c[1]! + u * (c[2]! + u * c[3]!));
  let total = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(score[i]!)) continue;
    const u = (score[i]! - centre) / spread;
    total += g(u + (multiplier * s.change[i]!) / spread) - g(u);
    count++;
  }
  return count > 0 ? total / count : 0;
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
  weights: Float64Array | null,
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
  return Float64Array.from(plan.above, (id) =>
    plan.start?.id === id
      ? startChange(plan.start, coef.get(id)!, multiplier.get(id)!, weights)
      : multiplier.get(id)! * plan.meanChange.get(id)!,
  );
}
