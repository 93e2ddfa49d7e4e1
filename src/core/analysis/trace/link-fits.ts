/**
 * The link models: every indicator is fitted on all its children in the model together (so
 * siblings adjust each other), by least squares at the parent's own rows, from sums per group
 * of the bootstrap — n, Σz and Σzzᵀ of z = (1, children…, parent) — never from unit values
 * copied to every client × period. A leaf gets an intercept-only fit (its mean), so every
 * indicator has residuals: its own shift.
 *
 * A link through units may be fitted within units: each unit of the kinds involved then gets
 * its own level (fixed effects), so a child's effect is read from how it moves its parent from
 * period to period, not from how units differ. Units differ for many reasons the model does not
 * hold (a cause missing from it, one that also moves a harmless indicator); fitted within units,
 * those differences stay in the parent's own shift, where the decomposition finds them, instead
 * of being credited to whichever child happens to differ at the same units. Within-unit fits
 * are less precise, so they are used only where the data shows the between-unit relation
 * disagreeing with the within-unit one (a Hausman test, see `chooseWithinFits`).
 */
import type { ServiceModel } from '../../model/model-types.ts';
import { solveSymmetricPositive } from '../../ml/linear-algebra.ts';
import { valueAt, type IndicatorData, type TraceData } from './trace-data.ts';
import type { TraceGroups } from './trace-groups.ts';

/** The unit-level rows of a fit (a unit × period parent), kept for its units' own levels. */
export interface UnitRows {
  kind: number;
  unit: Int32Array;
  period: Int32Array;
  /** Row-major: the children's values then the parent's, per row. */
  z: Float64Array;
}

/** Per client, over the periods compared: the count and the sums of (children…, parent). */
export interface ClientSums {
  client: Int32Array;
  n: Float64Array;
  /** Row-major: Σ children…, Σ parent, per client. */
  sums: Float64Array;
}

/** One indicator's fit on its children. */
export interface LinkFit {
  parent: string;
  children: string[];
  /** The design's width: intercept, children, parent. */
  m: number;
  /** Cluster ids (`TraceGroups.cluster`), one per slot of `stats`. */
  groups: Int32Array;
  /** Per slot, the upper triangle of Σ z zᵀ (z = 1, children…, parent). */
  stats: Float64Array;
  rows: number;
  /** Distinct clusters (units of the coarsest kind involved, or clients) behind the fit. */
  units: number;
  /** Standard deviations of the children and the parent over the rows (for standardised effects). */
  sd: Float64Array;
  /** Fixed-effect columns: per slot and fixed kind, the column of its unit's level (−1: the base). */
  fixed: Int32Array;
  /** The kinds with fixed effects, and the solved system's width (intercept, children, levels). */
  fixedKinds: number;
  width: number;
  /** Fit within units (with the units' levels) rather than across them. */
  within: boolean;
  unitRows: UnitRows | null;
  clientSums: ClientSums | null;
}

/** The index of (i, j), i ≤ j, in the upper triangle of an m × m matrix stored row by row. */
export const tri = (m: number, i: number, j: number) => i * m - (i * (i - 1)) / 2 + (j - i);

/** Accumulates z zᵀ of rows into per-group slots. */
class StatsBuilder {
  readonly slots = new Map<number, number>();
  stats: Float64Array;
  rows = 0;
  private readonly size: number;

  constructor(readonly m: number) {
    this.size = (m * (m + 1)) / 2;
    this.stats = new Float64Array(this.size * 64);
  }

  add(group: number, z: Float64Array): void {
    let slot = this.slots.get(group);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(group, slot);
      if ((slot + 1) * this.size > this.stats.length) {
        const grown = new Float64Array(this.stats.length * 2);
        grown.set(this.stats);
        this.stats = grown;
      }
    }
    const base = slot * this.size;
    const m = this.m;
    let t = base;
    for (let i = 0; i < m; i++) {
      const zi = z[i]!;
      for (let j = i; j < m; j++) this.stats[t++]! += zi * z[j]!;
    }
    this.rows++;
  }
}

/** Children of each parent in the model, among the indicators with data. */
export function childrenOf(model: ServiceModel, data: TraceData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of data.indicators.keys()) out.set(id, []);
  for (const link of model.links ?? []) {
    const list = out.get(link.parent);
    if (!list || !data.indicators.has(link.child) || link.child === link.parent) continue;
    if (!list.includes(link.child)) list.push(link.child);
  }
  return out;
}

/** Reads children's values at a parent's rows, across grains. */
export class ChildReader {
  private readonly clientMeans = new Map<string, Float64Array>();
  private readonly unitMeans = new Map<string, Float64Array>();

  constructor(
    private readonly data: TraceData,
    private readonly problems: string[],
  ) {}

  /** Whether `child` can be read at the rows of `parent` (a unit parent needs the same kind). */
  usable(parent: IndicatorData, child: IndicatorData): boolean {
    if (parent.kind !== 'units' || child.kind !== 'units' || child.unitKind === parent.unitKind) {
      return true;
    }
    this.problems.push(
      `${child.id} → ${parent.id}: units of different kinds cannot be compared; the link is left out`,
    );
    return false;
  }

  /** At a client's row in a period (an answer's own value when `row` lines up with it). */
  atClient(
    child: IndicatorData,
    parent: IndicatorData,
    client: number,
    period: number,
    row: number,
  ): number {
    if (
      child.kind === 'rows' &&
      parent.kind === 'rows' &&
      row >= 0 &&
      child.dataset === parent.dataset &&
      child.filter === parent.filter
    ) {
      return child.byRow[row]!;
    }
    if (period < 0) return this.clientMean(child)[client]!;
    return valueAt(child, this.data.index, client, period);
  }

  /** At a unit of kind `kind` in a period. */
  atUnit(child: IndicatorData, kind: number, unit: number, period: number): number {
    const P = this.data.index.periods.length;
    if (child.kind === 'units') return child.value[unit * P + period]!;
    return this.unitMean(child, kind)[unit * P + period]!;
  }

  /** A client-level child's mean per client (over its periods), or a unit child's over time. */
  private clientMean(child: IndicatorData): Float64Array {
    let out = this.clientMeans.get(child.id);
    if (out) return out;
    const { index } = this.data;
    const P = index.periods.length;
    const sum = new Float64Array(index.clients.length);
    const n = new Float64Array(index.clients.length);
    if (child.kind === 'clients') out = child.value;
    else if (child.kind === 'units') {
      const clientUnit = index.kinds[child.unitKind]!.clientUnit;
      for (let c = 0; c < sum.length; c++) {
        const u = clientUnit[c]!;
        for (let p = 0; u >= 0 && p < P; p++) {
          const v = child.value[u * P + p]!;
          if (!Number.isNaN(v)) {
            sum[c]! += v;
            n[c]!++;
          }
        }
      }
    } else {
      for (const [key, v] of child.cells) {
        sum[Math.floor(key / P)]! += v;
        n[Math.floor(key / P)]!++;
      }
    }
    out ??= sum.map((s, c) => (n[c]! > 0 ? s / n[c]! : NaN));
    this.clientMeans.set(child.id, out);
    return out;
  }

  /** A client-level child's mean over the clients of each unit of `kind`, per period. */
  private unitMean(child: IndicatorData, kind: number): Float64Array {
    const cacheKey = `${child.id}\u0000${kind}`;
    let out = this.unitMeans.get(cacheKey);
    if (out) return out;
    const { index } = this.data;
    const P = index.periods.length;
    const clientUnit = index.kinds[kind]!.clientUnit;
    const size = index.kinds[kind]!.units.length * P;
    const sum = new Float64Array(size);
    const n = new Float64Array(size);
    const add = (c: number, p: number, v: number) => {
      const u = clientUnit[c]!;
      if (u >= 0 && !Number.isNaN(v)) {
        sum[u * P + p]! += v;
        n[u * P + p]!++;
      }
    };
    if (child.kind === 'clients') {
      for (let c = 0; c < child.value.length; c++)
        for (let p = 0; p < P; p++) add(c, p, child.value[c]!);
    } else if (child.kind !== 'units') {
      for (const [key, v] of child.cells) add(Math.floor(key / P), key % P, v);
    }
    out = sum.map((s, i) => (n[i]! > 0 ? s / n[i]! : NaN));
    this.unitMeans.set(cacheKey, out);
    return out;
  }
}

/**
 * Builds every indicator's fit on its children (see the module comment). `compared` marks the
 * periods whose rows also feed the per-client and per-unit sums of the persistent split.
 */
export function buildFits(
  model: ServiceModel,
  data: TraceData,
  groups: TraceGroups,
  compared: Uint8Array,
  problems: string[],
): Map<string, LinkFit> {
  const reader = new ChildReader(data, problems);
  const children = childrenOf(model, data);
  const fits = new Map<string, LinkFit>();
  for (const [id, parent] of data.indicators) {
    const kids = children
      .get(id)!
      .map((c) => data.indicators.get(c)!)
      .filter((c) => reader.usable(parent, c));
    fits.set(id, buildFit(parent, kids, data, groups, compared, reader));
  }
  return fits;
}

function buildFit(
  parent: IndicatorData,
  kids: IndicatorData[],
  data: TraceData,
  groups: TraceGroups,
  compared: Uint8Array,
  reader: ChildReader,
): LinkFit {
  const k = kids.length;
  const m = k + 2;
  const builder = new StatsBuilder(m);
  const z = new Float64Array(m);
  z[0] = 1;
  const P = data.index.periods.length;
  const clusters = new Set<number>();
  const unitKids = kids.filter((c) => c.kind === 'units') as (IndicatorData & { kind: 'units' })[];
  // The coarsest unit kind among the children is what a client-level fit's evidence rests on.
  const clusterKind =
    parent.kind === 'units'
      ? parent.unitKind
      : unitKids.reduce<number>((best, c) => {
          const size = data.index.kinds[c.unitKind]!.units.length;
          return best < 0 || size < data.index.kinds[best]!.units.length ? c.unitKind : best;
        }, -1);
  let unitRows: UnitRows | null = null;
  let clientSums: ClientSums | null = null;

  const accept = (group: number, cluster: number): boolean => {
    for (let j = 1; j < m; j++) if (Number.isNaN(z[j]!)) return false;
    builder.add(group, z);
    clusters.add(cluster);
    return true;
  };

  if (parent.kind === 'units') {
    const units = data.index.kinds[parent.unitKind]!.units.length;
    const rows: number[] = [];
    for (let u = 0; u < units; u++) {
      for (let p = 0; p < P; p++) {
        const y = parent.value[u * P + p]!;
        if (Number.isNaN(y)) continue;
        kids.forEach((c, j) => (z[j + 1] = reader.atUnit(c, parent.unitKind, u, p)));
        z[m - 1] = y;
        if (accept(groups.cluster[groups.ofUnit(parent.unitKind, u, p)]!, u) && compared[p]) {
          rows.push(u, p, ...z.subarray(1));
        }
      }
    }
    const width = k + 3;
    const count = rows.length / width;
    unitRows = {
      kind: parent.unitKind,
      unit: Int32Array.from({ length: count }, (_, i) => rows[i * width]!),
      period: Int32Array.from({ length: count }, (_, i) => rows[i * width + 1]!),
      z: Float64Array.from(
        { length: count * (k + 1) },
        (_, i) => rows[Math.floor(i / (k + 1)) * width + 2 + (i % (k + 1))]!,
      ),
    };
  } else {
    const sums = new Map<number, Float64Array>();
    const visit = (client: number, period: number, row: number, y: number) => {
      kids.forEach((c, j) => (z[j + 1] = reader.atClient(c, parent, client, period, row)));
      z[m - 1] = y;
      const cluster =
        clusterKind >= 0 ? data.index.kinds[clusterKind]!.clientUnit[client]! : client;
      if (!accept(groups.cluster[groups.ofClient(client, period)]!, cluster)) return;
      if (period >= 0 && !compared[period]) return;
      let s = sums.get(client);
      if (!s) sums.set(client, (s = new Float64Array(k + 2)));
      s[0]!++;
      for (let j = 1; j < m; j++) s[j]! += z[j]!;
    };
    if (parent.kind === 'rows') {
      for (let i = 0; i < parent.value.length; i++) {
        visit(parent.client[i]!, parent.period[i]!, parent.row[i]!, parent.value[i]!);
      }
    } else if (parent.kind === 'cells') {
      for (const [key, y] of parent.cells) visit(Math.floor(key / P), key % P, -1, y);
    } else {
      parent.value.forEach((y, c) => Number.isNaN(y) || visit(c, -1, -1, y));
    }
    const ids = [...sums.keys()];
    clientSums = {
      client: Int32Array.from(ids),
      n: Float64Array.from(ids, (c) => sums.get(c)![0]!),
      sums: Float64Array.from(
        { length: ids.length * (k + 1) },
        (_, i) => sums.get(ids[Math.floor(i / (k + 1))]!)![1 + (i % (k + 1))]!,
      ),
    };
  }

  const size = (m * (m + 1)) / 2;
  const slots = builder.slots.size;
  const stats = builder.stats.slice(0, slots * size);
  const groupIds = new Int32Array(slots);
  for (const [g, slot] of builder.slots) groupIds[slot] = g;
  const kinds =
    k === 0
      ? []
      : parent.kind === 'units'
        ? [parent.unitKind]
        : [...new Set(unitKids.map((c) => c.unitKind))];
  const { fixed, width } = fixedColumns(groupIds, groups, kinds, m - 1);
  return {
    fixed,
    fixedKinds: kinds.length,
    width,
    within: false,
    parent: parent.id,
    children: kids.map((c) => c.id),
    m,
    groups: groupIds,
    stats,
    rows: builder.rows,
    units: clusters.size,
    sd: standardDeviations(stats, slots, m),
    unitRows,
    clientSums,
  };
}

/**
 * The fixed-effect columns of a fit's slots: one column per unit of each kind, after the first
 * unit met (the base level, absorbed in the intercept), numbered from `first`.
 */
function fixedColumns(
  groupIds: Int32Array,
  groups: TraceGroups,
  kinds: readonly number[],
  first: number,
): { fixed: Int32Array; width: number } {
  const fixed = new Int32Array(groupIds.length * kinds.length).fill(-1);
  let width = first;
  kinds.forEach((kind, f) => {
    const columns = new Map<number, number>();
    const unitOf = groups.clusterUnit[kind]!;
    for (let slot = 0; slot < groupIds.length; slot++) {
      const u = unitOf[groupIds[slot]!]!;
      if (u < 0) continue;
      let column = columns.get(u);
      if (column === undefined) {
        column = columns.size === 0 ? -1 : width++;
        columns.set(u, column);
      }
      fixed[slot * kinds.length + f] = column;
    }
  });
  return { fixed, width };
}

/** Standard deviations of z₁…z_{m−1} over all rows, from the summed statistics. */
function standardDeviations(stats: Float64Array, slots: number, m: number): Float64Array {
  const size = (m * (m + 1)) / 2;
  const total = new Float64Array(size);
  for (let s = 0; s < slots; s++) for (let t = 0; t < size; t++) total[t]! += stats[s * size + t]!;
  const n = total[0]!;
  return Float64Array.from({ length: m - 1 }, (_, j) => {
    const sum = total[tri(m, 0, j + 1)]!;
    const sq = total[tri(m, j + 1, j + 1)]!;
    return n > 1 ? Math.sqrt(Math.max(0, (sq - (sum * sum) / n) / (n - 1))) : 0;
  });
}

/**
 * The fit's coefficients (intercept, then one per child; the units' levels are solved for but
 * not returned) under per-group weights, by weighted least squares; NaN when it has no rows.
 */
export function solveFit(fit: LinkFit, weights: Float64Array, within = fit.within): Float64Array {
  const { m } = fit;
  const nf = within ? fit.fixedKinds : 0;
  const p = within ? fit.width : m - 1;
  const q = m - 1;
  const size = (m * (m + 1)) / 2;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  let rows = 0;
  for (let s = 0; s < fit.groups.length; s++) {
    const w = weights[fit.groups[s]!]!;
    if (w === 0) continue;
    const base = s * size;
    for (let i = 0; i < q; i++) {
      for (let j = i; j < q; j++) a[i * p + j]! += w * fit.stats[base + tri(m, i, j)]!;
      b[i]! += w * fit.stats[base + tri(m, i, m - 1)]!;
    }
    rows += w * fit.stats[base]!;
    for (let f = 0; f < nf; f++) {
      const c = fit.fixed[s * nf + f]!;
      if (c < 0) continue;
      // A unit's level column is 1 on its rows: its sums are the rows' sums.
      for (let j = 0; j < q; j++) a[j * p + c]! += w * fit.stats[base + tri(m, 0, j)]!;
      b[c]! += w * fit.stats[base + tri(m, 0, m - 1)]!;
      for (let g = f; g < nf; g++) {
        const d = fit.fixed[s * nf + g]!;
        if (d >= 0) a[Math.min(c, d) * p + Math.max(c, d)]! += w * fit.stats[base]!;
      }
    }
  }
  if (!(rows > 0)) return new Float64Array(q).fill(NaN);
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) a[i * p + j] = a[j * p + i]!;
  return solveSymmetricPositive(a, b, p).slice(0, q);
}

/** The Hausman test's threshold: |z| of (within − across) above it means the two disagree. */
const HAUSMAN_Z = 1.96;

/**
 * Marks the fits to make within units: those where, for some child measured at units, the
 * within-unit effect differs from the across-units one by more than chance (z > 1.96 over the
 * replicates' weights). Where they agree, the across-units fit is kept: it also reads the units'
 * differences, and is more precise.
 */
export function chooseWithinFits(
  fits: Map<string, LinkFit>,
  data: TraceData,
  replicates: readonly Float64Array[],
): void {
  for (const fit of fits.values()) {
    if (fit.fixedKinds === 0) continue;
    const unitChildren = fit.children
      .map((c, j) => (data.indicators.get(c)?.kind === 'units' ? j + 1 : -1))
      .filter((j) => j > 0);
    const diffs = replicates.map((w) => {
      const across = solveFit(fit, w, false);
      const within = solveFit(fit, w, true);
      return unitChildren.map((j) => within[j]! - across[j]!);
    });
    const ones = new Float64Array(replicates[0]?.length ?? 0).fill(1);
    const across = solveFit(fit, ones, false);
    const within = solveFit(fit, ones, true);
    fit.within = unitChildren.some((j, i) => {
      const d = within[j]! - across[j]!;
      const values = diffs.map((x) => x[i]!).filter(Number.isFinite);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(
        values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1),
      );
      return Number.isFinite(d) && sd > 0 && Math.abs(d) / sd > HAUSMAN_Z;
    });
  }
}
