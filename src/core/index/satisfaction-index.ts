/**
 * The satisfaction index (DESIGN.md §1): per client and period, each member indicator of a
 * block (TX, CX) is normalised to 0–100, the block is the mean of its present members weighted
 * by the client's own importance weight of each member's factor, and the overall index is the
 * mean of the present blocks weighted by the model's block weights. Missing inputs are listed,
 * never taken as zero.
 */
import type { Indicator, ServiceModel } from '../model/model-types.ts';
import {
  cellKey,
  clientPeriods,
  findDataset,
  indicatorValues,
  keyText,
  splitCellKey,
  toClientPeriod,
} from './indicator-values.ts';
import type { LoadedDataset } from './loaded-dataset.ts';

/** The index blocks. */
export type IndexLayer = 'TX' | 'CX';

/** The index of one client in one period. */
export interface IndexRow {
  client: string;
  period: string;
  /**
   * 0–100; null when no block has a value, or when fewer than half of the index's inputs
   * have one (`present` < `IndexResult.inputs` / 2): a client who left, with only churn and
   * revenue known, would otherwise score 0 or 100 on next to no evidence.
   */
  index: number | null;
  /** How many of the index's member indicators have a value for this client-period. */
  present: number;
  /** Each block's score 0–100, null when none of its members has a value. */
  blocks: Partial<Record<IndexLayer, number | null>>;
  /** Member indicator ids without a value for this client-period. */
  missing: string[];
  /** The client card has no importance weights for this client: members weigh equally. */
  equalWeights: boolean;
}

/** The index of every client-period with data, and what made it incomplete. */
export interface IndexResult {
  /** Sorted by client, then period. */
  rows: IndexRow[];
  /** How many member indicators the index has (each counted once). */
  inputs: number;
  /** Unusable members, bindings, weights (each once). */
  problems: string[];
}

/**
 * An indicator value on 0–100 by its declared scale: `min` → 0, `max` → 100 (reversed for
 * `direction: 'lower'`), clamped to 0–100. Null for a non-finite value or an unusable scale
 * (`min` = `max` or not numbers).
 */
export function normalise(
  value: number,
  indicator: Pick<Indicator, 'scale' | 'direction'>,
): number | null {
  const min = indicator.scale?.min;
  const max = indicator.scale?.max;
  if (!Number.isFinite(value) || typeof min !== 'number' || typeof max !== 'number') return null;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min === max) return null;
  let x = ((value - min) / (max - min)) * 100;
  if (indicator.direction === 'lower') x = 100 - x;
  return Math.min(100, Math.max(0, x));
}

/**
 * Each client's importance weights in the order of `factors` (NaN where the card has none),
 * for clients with at least one usable (finite, ≥ 0) weight.
 */
function clientWeights(
  model: ServiceModel,
  factors: readonly string[],
  datasets: readonly LoadedDataset[],
  problems: string[],
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const fw = model.index?.factorWeights;
  if (!fw || factors.length === 0) return out;
  const card = model.clientCard;
  const ds = card ? findDataset(card.dataset, datasets) : undefined;
  const ids = card && ds ? ds.columns[card.key] : undefined;
  if (!card || !ds || !ids) {
    problems.push('no client card: factor weights are equal for every client');
    return out;
  }
  const cols = factors.map((f) => {
    const c = ds.columns[fw[f]!];
    if (!c) problems.push(`factor weight of "${f}": unknown client-card column "${fw[f]}"`);
    return c;
  });
  for (let r = 0; r < ids.length; r++) {
    const who = keyText(ids[r]);
    if (who === null) continue;
    const w = new Float64Array(factors.length).fill(NaN);
    let any = false;
    cols.forEach((c, j) => {
      const v = c?.[r];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
        w[j] = v;
        any = true;
      }
    });
    if (any && !out.has(who)) out.set(who, w);
  }
  return out;
}

/** Whether `present` of the index's `inputs` member indicators are enough for an index: half or more. */
export function hasEnoughInputs(present: number, inputs: number): boolean {
  return present * 2 >= inputs;
}

/** A weighted mean of 0–100 scores back within 0–100 (rounding can leave it 1e-14 outside). */
const within = (x: number) => Math.min(100, Math.max(0, x));

/** A member of a block, ready to score. */
interface Member {
  id: string;
  indicator: Indicator | undefined;
  /** Index into the weighted factors, or -1 (no factor, or one without a weight column). */
  factor: number;
  values: Map<string, number>;
}

/**
 * The satisfaction index of every client-period that has a value of any member indicator.
 *
 * - Each member is computed with `indicatorValues` and mapped to client × period with
 *   `toClientPeriod`: a client-grain member (churn, LTV) is broadcast to every period the
 *   client has in the model's client × period data; a unit-grain one goes to the clients of
 *   the unit.
 * - Within a block, the members present for the client-period are averaged, each weighted by
 *   the client's importance weight of its factor (`model.index.factorWeights`: factor → client
 *   card column). A member without a factor (NPS, revenue), or whose factor has no weight
 *   column or no weight for this client, weighs the mean of the client's given factor weights,
 *   so it counts as an "average" factor. A client with no weights at all weighs members
 *   equally (`equalWeights: true`); so does one whose present members all weigh 0.
 * - A block with no present member is null, left out of the overall index, and its members
 *   are listed as missing; the overall index is the mean of the present blocks weighted by the
 *   model's block weights (equal when none is positive).
 * - A client-period with fewer than half of the members present gets no overall index (see
 *   `hasEnoughInputs`); its blocks are still given.
 */
export function satisfactionIndex(
  model: ServiceModel,
  datasets: readonly LoadedDataset[],
): IndexResult {
  const problems: string[] = [];
  const note = (p: string) => {
    if (!problems.includes(p)) problems.push(p);
  };
  const blocks = (model.index?.blocks ?? []).filter((b) => b.layer === 'TX' || b.layer === 'CX');
  const fw = model.index?.factorWeights ?? {};
  const factors = Object.keys(fw);
  const local: string[] = [];
  const weights = clientWeights(model, factors, datasets, local);
  local.forEach(note);
  const periods = clientPeriods(model, datasets);
  // The weight of members without a factor weight of their own: the mean of the given ones.
  const meanWeights = new Map<string, number>();
  for (const [client, w] of weights) {
    let s = 0;
    let n = 0;
    for (const x of w) {
      if (Number.isNaN(x)) continue;
      s += x;
      n++;
    }
    meanWeights.set(client, s / n);
  }

  const byId = new Map((model.indicators ?? []).map((i) => [i.id, i]));
  const computed = new Map<string, Member>();
  const member = (id: string): Member => {
    const hit = computed.get(id);
    if (hit) return hit;
    const indicator = byId.get(id);
    const m: Member = {
      id,
      indicator,
      factor: indicator?.factor !== undefined ? factors.indexOf(indicator.factor) : -1,
      values: new Map(),
    };
    if (indicator) {
      const series = indicatorValues(model, id, datasets);
      series.problems.forEach(note);
      const mapped: string[] = [];
      m.values = toClientPeriod(model, series, datasets, periods, mapped);
      mapped.forEach((p) => note(`${id}: ${p}`));
      if (normalise(0, indicator) === null) note(`${id}: unusable scale`);
    } else note(`${id}: unknown indicator`);
    computed.set(id, m);
    return m;
  };
  const plan = blocks.map((b) => ({
    layer: b.layer,
    weight:
      typeof b.weight === 'number' && Number.isFinite(b.weight) && b.weight >= 0 ? b.weight : 1,
    members: (b.members ?? []).map(member),
  }));

  const keys = new Set<string>();
  for (const m of computed.values()) for (const k of m.values.keys()) keys.add(k);
  const sorted = [...keys]
    .map(splitCellKey)
    .sort(([c1, p1], [c2, p2]) => (c1 < c2 ? -1 : c1 > c2 ? 1 : p1 < p2 ? -1 : p1 > p2 ? 1 : 0));

  const inputs = computed.size;
  const rows: IndexRow[] = [];
  for (const [client, period] of sorted) {
    const key = cellKey(client, period);
    const w = weights.get(client);
    const meanWeight = w ? meanWeights.get(client)! : 0;
    const missing: string[] = [];
    const scores: Partial<Record<IndexLayer, number | null>> = {};
    let total = 0;
    let totalWeight = 0;
    let plain = 0;
    let present = 0;
    for (const block of plan) {
      let sum = 0;
      let sumW = 0;
      let plainSum = 0;
      let count = 0;
      for (const m of block.members) {
        const v = m.values.get(key);
        const s = v === undefined || !m.indicator ? null : normalise(v, m.indicator);
        if (s === null) {
          missing.push(m.id);
          continue;
        }
        const own = w && m.factor >= 0 ? w[m.factor]! : NaN;
        const weight = w ? (Number.isNaN(own) ? meanWeight : own) : 1;
        sum += weight * s;
        sumW += weight;
        plainSum += s;
        count++;
      }
      const score = count === 0 ? null : within(sumW > 0 ? sum / sumW : plainSum / count);
      scores[block.layer] = score;
      if (score !== null) {
        total += block.weight * score;
        totalWeight += block.weight;
        plain += score;
        present++;
      }
    }
    const given = inputs - new Set(missing).size;
    const index =
      present === 0 || !hasEnoughInputs(given, inputs)
        ? null
        : within(totalWeight > 0 ? total / totalWeight : plain / present);
    rows.push({ client, period, index, present: given, blocks: scores, missing, equalWeights: !w });
  }
  return { rows, inputs, problems };
}
