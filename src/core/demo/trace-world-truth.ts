/**
 * The structural equations of a trace world (see `trace-worlds.ts`) and the causal truth they
 * imply: simulating the world from its random draws at a given noise scale and planted shift,
 * tuning both to the target shares with common random numbers, and the quantities a trace
 * estimates (average marginal effect, total effects, contributions to the detractor gap, the
 * what-if of fixing the root). Everything is in "goodness" space inside; values are only
 * converted at the edges (`value = level + scale · (±goodness)`).
 */
import type { Direction } from '../model/model-types.ts';
import { normalCdf, normalPdf } from '../metrics/normal.ts';

/** The role of a unit-level indicator in a trace world's truth. */
export type TraceRole = 'root' | 'decoy' | 'shared-cause-decoy' | 'mechanism';

/** The layers of a trace world's unit-level indicators. */
export type TraceUnitLayer = 'IT' | 'EX' | 'OX';

/** A structural edge into a node: the child's index among the unit-level indicators, and β. */
export interface WorldEdge {
  child: number;
  /** Goodness-space coefficient; 0 for a link that is in the model but not in the data. */
  beta: number;
}

/** One unit-level indicator of a world's structural equations. */
export interface WorldIndicator {
  id: string;
  /** The unit-file column holding its values. */
  column: string;
  layer: TraceUnitLayer;
  /** Index into `WorldSpec.kinds`. */
  kind: number;
  /** 'root' and 'shared-cause-decoy' only in worlds with a planted cause. */
  role: TraceRole;
  direction: Direction;
  /** Value at goodness 0. */
  level: number;
  /** Value per unit of goodness. */
  scale: number;
  /** Decimals its values are stored with. */
  decimals: number;
  /** Sd of the persistent unit difference, before the world's noise scale. */
  sigmaA: number;
  /** Sd of the month-to-month noise, before the world's noise scale. */
  sigmaE: number;
  children: WorldEdge[];
}

/** One CX rating (1–5, higher is better) of a world's structural equations. */
export interface WorldRating {
  id: string;
  column: string;
  mean: number;
  noiseSd: number;
  /** Its coefficient in the NPS latent score. */
  gamma: number;
  /** OX children (indices among the unit-level indicators). */
  children: WorldEdge[];
}

/** The random draws of a world: standard normals and the answers' keys. */
export interface WorldDraws {
  /** Per indicator, per unit of its kind: persistent differences, centred over units. */
  a: Float64Array[];
  /** Per indicator, at `unit · months + month`: month-to-month noise. */
  e: Float64Array[];
  answers: number;
  /** Per answer: its month index. */
  month: Int32Array;
  /** Per unit kind, per answer: the client's unit index. */
  unit: Int32Array[];
  mood: Float64Array;
  /** Per rating, per answer. */
  noise: Float64Array[];
  /** Per answer: the NPS latent score's noise. */
  eps: Float64Array;
}

/** The planted cause of a world. */
export interface WorldPlant {
  /** Index of the root indicator. */
  root: number;
  /** Unit indices (of the root's kind) it is shifted at. */
  units: number[];
  /** Index of the decoy that shares the cause. */
  decoy: number;
  /** The decoy's bad shift in units of its own σ_a. */
  decoyShift: number;
}

/** A world's structure, parameters and random draws: everything but the tuned scales. */
export interface WorldSpec {
  /** Months as `YYYY-MM`, oldest first. */
  months: string[];
  /** Unit kinds with their unit names. */
  kinds: { id: string; units: string[] }[];
  /** Children before parents (IT, EX, OX). */
  indicators: WorldIndicator[];
  ratings: WorldRating[];
  /** σ_N of the NPS latent score. */
  npsSd: number;
  /** λ: the weight of the respondent's shared mood in every rating. */
  halo: number;
  /** The detractor share μ_N is solved for, in every variant. */
  detractorTarget: number;
  /** The planted cause, in worlds that have one. */
  plant: WorldPlant | null;
  /** The cause drawn for the seed, planted or not: the tuning checks every variant with it. */
  drawnPlant: WorldPlant;
  targets: { planted: number; monthly: number };
  draws: WorldDraws;
}

/** A world simulated at a noise scale `k` and planted shift `delta`, with its shares. */
export interface WorldOutcome {
  k: number;
  delta: number;
  /** μ_N. */
  npsMean: number;
  /** Per indicator, goodness at `unit · months + month`. */
  g: Float64Array[];
  /** Per rating, per answer: the stored rating. */
  ratings: Float64Array[];
  /** Per answer: m_i = μ_N + Σ γ_f · rating. */
  m: Float64Array;
  /** Per answer: the 0–10 score. */
  scores: Uint8Array;
  nPop: number;
  nRef: number;
  gap: number;
  /** Per kind, at `unit · months + month`: Σ c_i over the answers of that cell. */
  cells: Float64Array[];
  ame: number;
  /** Per indicator: d m / d goodness, summed over all true paths. */
  effects: Float64Array;
  plantedShare: number;
  persistentShare: number;
  monthlyShare: number;
}

const PROMOTER_CUT = 8.5;
const DETRACTOR_CUT = 6.5;

/**
 * E[NPS points | m]: the expected points (+100 promoter, −100 detractor) of an answer whose
 * latent score m + N(0, sd²) is rounded and clamped to 0–10.
 */
export function expectedNpsPoints(m: number, sd: number): number {
  return 100 * (1 - normalCdf((PROMOTER_CUT - m) / sd)) - 100 * normalCdf((DETRACTOR_CUT - m) / sd);
}

/** d E[NPS points | m] / d m (see `expectedNpsPoints`). */
export function expectedNpsSlope(m: number, sd: number): number {
  return (100 / sd) * (normalPdf((PROMOTER_CUT - m) / sd) + normalPdf((DETRACTOR_CUT - m) / sd));
}

/** A stored rating: one decimal, 1–5. */
function storedRating(v: number): number {
  return Math.min(5, Math.max(1, Math.round(v * 10) / 10));
}

/** Per indicator, per unit: the persistent planted shift (goodness) at noise scale k. */
function plantedShifts(spec: WorldSpec, k: number, delta: number): (Float64Array | null)[] {
  const shifts: (Float64Array | null)[] = spec.indicators.map(() => null);
  const plant = spec.plant;
  if (!plant) return shifts;
  const at = (x: number, size: number) => {
    const s = new Float64Array(spec.kinds[spec.indicators[x]!.kind]!.units.length);
    for (const u of plant.units) s[u] = -size;
    shifts[x] = s;
  };
  at(plant.root, delta);
  const decoy = spec.indicators[plant.decoy]!;
  // The decoy's shift follows its own (scaled) spread, so it stays conspicuous at any k.
  at(plant.decoy, plant.decoyShift * decoy.sigmaA * k);
  return shifts;
}

/** Every indicator's goodness per unit and month, at noise scale `k` and planted shift `delta`. */
export function unitGoodness(spec: WorldSpec, k: number, delta: number): Float64Array[] {
  const T = spec.months.length;
  const shifts = plantedShifts(spec, k, delta);
  const out: Float64Array[] = [];
  spec.indicators.forEach((ind, x) => {
    const units = spec.kinds[ind.kind]!.units.length;
    const a = spec.draws.a[x]!;
    const e = spec.draws.e[x]!;
    const shift = shifts[x];
    const g = new Float64Array(units * T);
    for (let u = 0; u < units; u++) {
      const persistent = k * ind.sigmaA * a[u]! + (shift ? shift[u]! : 0);
      for (let t = 0; t < T; t++) g[u * T + t] = persistent + k * ind.sigmaE * e[u * T + t]!;
    }
    for (const { child, beta } of ind.children) {
      if (beta === 0) continue;
      const gc = out[child]!;
      for (let i = 0; i < g.length; i++) g[i]! += beta * gc[i]!;
    }
    out.push(g);
  });
  return out;
}

/** Every answer's stored ratings, given the units' goodness. */
export function ratingValues(spec: WorldSpec, g: readonly Float64Array[]): Float64Array[] {
  const d = spec.draws;
  const T = spec.months.length;
  return spec.ratings.map((r, f) => {
    const parts = r.children.map((c) => ({
      beta: c.beta,
      g: g[c.child]!,
      unit: d.unit[spec.indicators[c.child]!.kind]!,
    }));
    const noise = d.noise[f]!;
    const out = new Float64Array(d.answers);
    for (let i = 0; i < d.answers; i++) {
      let v = r.mean + spec.halo * d.mood[i]! + r.noiseSd * noise[i]!;
      const t = d.month[i]!;
      for (const p of parts) v += p.beta * p.g[p.unit[i]! * T + t]!;
      out[i] = storedRating(v);
    }
    return out;
  });
}

/** Σ γ_f · rating_f per answer (m without μ_N). */
function ratingSums(spec: WorldSpec, ratings: readonly Float64Array[]): Float64Array {
  const s = new Float64Array(spec.draws.answers);
  spec.ratings.forEach((r, f) => {
    const values = ratings[f]!;
    for (let i = 0; i < s.length; i++) s[i]! += r.gamma * values[i]!;
  });
  return s;
}

/** μ_N that makes exactly the target share of answers detractors (latent < 6.5). */
function solveNpsMean(spec: WorldSpec, sums: Float64Array): number {
  const n = sums.length;
  const w = new Float64Array(n);
  // A detractor is an answer with μ_N < 6.5 − Σγr − σ_N ε: μ_N is a quantile of that bound.
  for (let i = 0; i < n; i++) w[i] = DETRACTOR_CUT - sums[i]! - spec.npsSd * spec.draws.eps[i]!;
  w.sort();
  const detractors = Math.min(n - 1, Math.max(1, Math.round(spec.detractorTarget * n)));
  return (w[n - detractors - 1]! + w[n - detractors]!) / 2;
}

/** The contrast of detractors against the rest: counts, the gap and Σ c_i per unit-month cell. */
function contrastOf(
  spec: WorldSpec,
  scores: Uint8Array,
): Pick<WorldOutcome, 'nPop' | 'nRef' | 'gap' | 'cells'> {
  let nPop = 0;
  let promoters = 0;
  for (const s of scores) {
    if (s <= 6) nPop++;
    else if (s >= 9) promoters++;
  }
  const nRef = scores.length - nPop;
  const gap = (100 * promoters) / nRef + 100;
  const T = spec.months.length;
  const d = spec.draws;
  const cells = spec.kinds.map((kind, k) => {
    const c = new Float64Array(kind.units.length * T);
    const unit = d.unit[k]!;
    for (let i = 0; i < scores.length; i++) {
      c[unit[i]! * T + d.month[i]!]! += scores[i]! <= 6 ? 1 / nPop : -1 / nRef;
    }
    return c;
  });
  return { nPop, nRef, gap, cells };
}

/** Per indicator: d m / d goodness along every true path up to the ratings and NPS. */
export function goodnessEffects(spec: WorldSpec): Float64Array {
  const effects = new Float64Array(spec.indicators.length);
  for (const r of spec.ratings) {
    for (const { child, beta } of r.children) effects[child]! += r.gamma * beta;
  }
  // Parents come after their children, so walking backwards finishes a parent before its children.
  for (let x = spec.indicators.length - 1; x >= 0; x--) {
    for (const { child, beta } of spec.indicators[x]!.children) {
      effects[child]! += beta * effects[x]!;
    }
  }
  return effects;
}

/** Σ over answers of c_i · q[unit(i), month(i)] for a per-cell quantity of one kind. */
function cellSum(cells: Float64Array, q: (cell: number) => number): number {
  let sum = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] !== 0) sum += cells[i]! * q(i);
  return sum;
}

/**
 * Contributions (NPS points) of each indicator's persistent difference a_X, month-to-month
 * noise e_X and planted shift: −T_X · Σ c_i Z_X, computed in goodness space (the value-space
 * scale and sign cancel).
 */
export function contributions(
  spec: WorldSpec,
  o: Pick<WorldOutcome, 'k' | 'delta' | 'cells' | 'ame' | 'effects'>,
): { persistent: Float64Array; monthly: Float64Array; planted: Float64Array } {
  const T = spec.months.length;
  const shifts = plantedShifts(spec, o.k, o.delta);
  const n = spec.indicators.length;
  const persistent = new Float64Array(n);
  const monthly = new Float64Array(n);
  const planted = new Float64Array(n);
  spec.indicators.forEach((ind, x) => {
    const total = o.ame * o.effects[x]!;
    if (total === 0) return;
    const cells = o.cells[ind.kind]!;
    const a = spec.draws.a[x]!;
    const e = spec.draws.e[x]!;
    const shift = shifts[x];
    const unitOf = (cell: number) => Math.floor(cell / T);
    persistent[x] = -total * o.k * ind.sigmaA * cellSum(cells, (c) => a[unitOf(c)]!);
    monthly[x] = -total * o.k * ind.sigmaE * cellSum(cells, (c) => e[c]!);
    if (shift) planted[x] = -total * cellSum(cells, (c) => shift[unitOf(c)]!);
  });
  return { persistent, monthly, planted };
}

/**
 * Simulates the world at noise scale `k` and planted shift `delta` and measures it. `npsMean`
 * null solves μ_N for the detractor target.
 */
export function evaluateWorld(
  spec: WorldSpec,
  k: number,
  delta: number,
  npsMean: number | null,
): WorldOutcome {
  const g = unitGoodness(spec, k, delta);
  const ratings = ratingValues(spec, g);
  const sums = ratingSums(spec, ratings);
  const mu = npsMean ?? solveNpsMean(spec, sums);
  const n = spec.draws.answers;
  const m = new Float64Array(n);
  const scores = new Uint8Array(n);
  let slope = 0;
  for (let i = 0; i < n; i++) {
    m[i] = mu + sums[i]!;
    const latent = m[i]! + spec.npsSd * spec.draws.eps[i]!;
    scores[i] = Math.min(10, Math.max(0, Math.round(latent)));
    slope += expectedNpsSlope(m[i]!, spec.npsSd);
  }
  const contrast = contrastOf(spec, scores);
  const base = { k, delta, npsMean: mu, g, ratings, m, scores, ...contrast };
  const measured = { ...base, ame: slope / n, effects: goodnessEffects(spec) };
  const c = contributions(spec, measured);
  let persistent = 0;
  let monthly = 0;
  let planted = 0;
  for (let x = 0; x < spec.indicators.length; x++) {
    persistent += Math.abs(c.persistent[x]!);
    monthly += c.monthly[x]!;
    if (spec.plant && x === spec.plant.root) planted = c.planted[x]!;
  }
  return {
    ...measured,
    plantedShare: planted / contrast.gap,
    persistentShare: persistent / contrast.gap,
    monthlyShare: monthly / contrast.gap,
  };
}

/**
 * Finds x > 0 with share(x) within `tol` of `target`, for a share that grows like a power of x
 * (secant steps in log–log space from the first guess; at most 16 evaluations, the best kept).
 */
function tune(
  share: (x: number) => WorldOutcome,
  pick: (o: WorldOutcome) => number,
  target: number,
  x0: number,
  tol: number,
): WorldOutcome {
  let x = x0;
  let best: WorldOutcome | null = null;
  let prev: { x: number; v: number } | null = null;
  for (let iter = 0; iter < 16; iter++) {
    const o = share(x);
    const v = pick(o);
    if (!best || Math.abs(v - target) < Math.abs(pick(best) - target)) best = o;
    if (Math.abs(v - target) < tol) break;
    if (!(v > 0)) {
      x *= 2;
      continue;
    }
    // Shares of a quantity's variance grow about as its square.
    let power = 2;
    if (prev && prev.v > 0 && prev.x !== x && prev.v !== v) {
      power = Math.log(v / prev.v) / Math.log(x / prev.x);
      power = Math.min(4, Math.max(0.5, Number.isFinite(power) ? power : 2));
    }
    prev = { x, v };
    x *= Math.min(3, Math.max(1 / 3, (target / v) ** (1 / power)));
  }
  return best!;
}

/** The variance of the NPS latent score from the answers' own noise (a first guess's yardstick). */
function answerVariance(spec: WorldSpec): number {
  let own = spec.npsSd ** 2;
  let mood = 0;
  for (const r of spec.ratings) {
    own += (r.gamma * r.noiseSd) ** 2;
    mood += r.gamma * spec.halo;
  }
  return own + mood * mood;
}

/** Tunes the noise scale k (no planted shift): month-to-month noise explains the target share. */
function tuneNoise(spec: WorldSpec): WorldOutcome {
  const effects = goodnessEffects(spec);
  let unitVariance = 0;
  spec.indicators.forEach((ind, x) => {
    unitVariance += effects[x]! ** 2 * (ind.sigmaA ** 2 + ind.sigmaE ** 2);
  });
  const k0 = Math.sqrt(
    (spec.targets.monthly * answerVariance(spec)) / Math.max(unitVariance, 1e-9),
  );
  return tune(
    (k) => evaluateWorld(spec, k, 0, null),
    (o) => o.monthlyShare,
    spec.targets.monthly,
    k0,
    0.004,
  );
}

/** Tunes the planted shift δ at noise scale k to the target planted share. */
function tuneShift(spec: WorldSpec, plant: WorldPlant, k: number): WorldOutcome {
  const planted = { ...spec, plant };
  const unit = spec.draws.unit[spec.indicators[plant.root]!.kind]!;
  let hit = 0;
  for (const u of unit) if (plant.units.includes(u)) hit++;
  const q = Math.min(0.5, Math.max(hit / unit.length, 0.01));
  const rootEffect = Math.max(Math.abs(goodnessEffects(spec)[plant.root]!), 1e-9);
  const latent = answerVariance(spec);
  const delta0 = Math.sqrt((spec.targets.planted * latent) / (q * (1 - q))) / rootEffect;
  return tune(
    (delta) => evaluateWorld(planted, k, delta, null),
    (o) => o.plantedShare,
    spec.targets.planted,
    delta0,
    0.005,
  );
}

/** Persistent differences may explain at most this share of the gap; the tuning aims below. */
const PERSISTENT_CAP = 0.008;
const PERSISTENT_AIM = 0.006;

/**
 * Tunes the world: the noise scale k so that month-to-month noise explains the target share of
 * the detractor gap without a planted cause, then the planted shift δ to the target planted
 * share; μ_N is solved at each step so that the detractor share stays on target. The same draws
 * throughout: only k, δ and μ_N change. Where the natural persistent differences happen to line
 * up with the planted units, every mechanism's σ_a shrinks and the tuning runs again; the drawn cause is
 * checked in every variant, so the variants of a seed keep the same σ_a and k. Returns the
 * world as tuned (its σ_a possibly shrunk) and its outcome.
 */
export function tuneWorld(spec: WorldSpec): { spec: WorldSpec; outcome: WorldOutcome } {
  let current = spec;
  for (let round = 0; ; round++) {
    const base = tuneNoise({ ...current, plant: null });
    const planted = tuneShift(current, current.drawnPlant, base.k);
    const worst = Math.max(base.persistentShare, planted.persistentShare);
    if (worst < PERSISTENT_CAP || round === 3) {
      return { spec: current, outcome: current.plant ? planted : base };
    }
    const shrink = PERSISTENT_AIM / worst;
    // Decoys affect nothing: their large differences stay.
    const indicators = current.indicators.map((ind) =>
      ind.role === 'decoy' || ind.role === 'shared-cause-decoy'
        ? ind
        : { ...ind, sigmaA: ind.sigmaA * shrink },
    );
    current = { ...current, indicators };
  }
}

/** An indicator's value at goodness `g`. */
export function valueOf(ind: WorldIndicator, g: number): number {
  return ind.level + ind.scale * (ind.direction === 'higher' ? g : -g);
}

/** The value-space coefficient of a true link: β · scale ratio · (±1 by the two directions). */
export function valueCoefficient(
  child: WorldIndicator,
  beta: number,
  parent?: WorldIndicator,
): number {
  const sign = (d: Direction) => (d === 'higher' ? 1 : -1);
  const parentScale = parent ? parent.scale : 1;
  const parentSign = parent ? sign(parent.direction) : 1;
  // + 0 turns a decoy's −0 into 0.
  return (beta * parentScale * parentSign * sign(child.direction)) / child.scale + 0;
}

/** The what-if of fixing the root (see `TraceWhatIf`), in NPS points over all answers. */
export function whatIfFixRoot(
  spec: WorldSpec,
  o: WorldOutcome,
): { value: number; npsChange: number } | null {
  const plant = spec.plant;
  if (!plant) return null;
  const T = spec.months.length;
  const root = spec.indicators[plant.root]!;
  const g = o.g[plant.root]!;
  const units = spec.kinds[root.kind]!.units.length;
  const means: number[] = [];
  for (let u = 0; u < units; u++) {
    if (plant.units.includes(u)) continue;
    let sum = 0;
    for (let t = 0; t < T; t++) sum += valueOf(root, g[u * T + t]!);
    means.push(sum / T);
  }
  means.sort((x, y) => x - y);
  const mid = means.length >> 1;
  const value = means.length % 2 ? means[mid]! : (means[mid - 1]! + means[mid]!) / 2;
  const sign = root.direction === 'higher' ? 1 : -1;
  // The fix in goodness, carried up the unit-level equations (parents come after children).
  const dg = spec.indicators.map((ind) => new Float64Array(spec.kinds[ind.kind]!.units.length * T));
  for (const u of plant.units) {
    for (let t = 0; t < T; t++)
      dg[plant.root]![u * T + t] = (sign * (value - valueOf(root, g[u * T + t]!))) / root.scale;
  }
  spec.indicators.forEach((ind, x) => {
    for (const { child, beta } of ind.children) {
      if (beta === 0 || spec.indicators[child]!.kind !== ind.kind) continue;
      const from = dg[child]!;
      for (let i = 0; i < from.length; i++) dg[x]![i]! += beta * from[i]!;
    }
  });
  // The answers' ratings again, with the same noise, rounding and clamping: the realised change.
  const fixed = ratingValues(
    spec,
    o.g.map((values, x) => values.map((v, i) => v + dg[x]![i]!)),
  );
  let change = 0;
  for (let i = 0; i < o.m.length; i++) {
    let m = o.m[i]!;
    spec.ratings.forEach((r, f) => (m += r.gamma * (fixed[f]![i]! - o.ratings[f]![i]!)));
    change += expectedNpsPoints(m, spec.npsSd) - expectedNpsPoints(o.m[i]!, spec.npsSd);
  }
  return { value, npsChange: change / o.m.length };
}

/** Which world to generate: see `TraceWorldOptions.variant`. */
export type TraceWorldVariant = 'planted' | 'null' | 'missing-root' | 'halo';

/** The truth about one unit-level indicator. */
export interface TraceIndicatorTruth {
  id: string;
  layer: TraceUnitLayer;
  unitKind: string;
  role: TraceRole;
  /** False for the root of a 'missing-root' world: in the data, not in the model. */
  inModel: boolean;
  direction: Direction;
  /** Value at goodness 0, and value per unit of goodness. */
  level: number;
  scale: number;
  /** Sd (goodness) of its persistent unit differences and of its month-to-month noise. */
  sigmaA: number;
  sigmaE: number;
  /** T_X: NPS points per unit of its value, over every true path. */
  total: number;
  /** Contribution of its persistent differences and planted shift, over the gap (signed). */
  persistentShare: number;
  /** Its planted persistent shift (value space) at the planted units; 0 if none. */
  shift: number;
}

/** A true link (child → parent), including the model's links with no effect in the data. */
export interface TraceLinkTruth {
  child: string;
  parent: string;
  /** Goodness-space coefficient (0 for a decoy's link). */
  beta: number;
  /** Value-space coefficient: d parent / d child. */
  coefficient: number;
}

/** The what-if of setting the root at the planted units to the other units' median level. */
export interface TraceWhatIf {
  indicator: string;
  units: string[];
  /** The value set at the planted units every month: the median of the other units' means. */
  value: number;
  /** Mean over all answers of E[points | m + Δm] − E[points | m]. */
  npsChange: number;
}

/** The causal truth of a trace world; JSON-serialisable. */
export interface TraceWorldTruth {
  seed: number;
  variant: TraceWorldVariant;
  months: { first: string; last: string; count: number };
  cadence: 'monthly' | 'quarterly';
  responseRate: number;
  clients: number;
  answers: number;
  detractors: number;
  /** mean_ref(points) − mean_pop(points). */
  gap: number;
  /** Average marginal effect of m on NPS points. */
  ame: number;
  /** The NPS latent score's intercept μ_N and noise σ_N. */
  nps: { id: string; column: string; mean: number; sd: number };
  ratings: { id: string; column: string; gamma: number; mean: number; noiseSd: number }[];
  /** λ: the weight of the respondent's shared mood in every rating. */
  halo: number;
  /** The common multiplier of every σ_a and σ_e (tuned). */
  noiseScale: number;
  root: { id: string; unitKind: string; units: string[]; shift: number } | null;
  sharedCauseDecoy: { id: string; units: string[]; shift: number } | null;
  plantedShare: number;
  persistentShare: number;
  monthlyShare: number;
  /** The shares the tuning aimed at (planted: null without a planted cause). */
  targets: { plantedShare: number | null; monthlyShare: number };
  whatIf: TraceWhatIf | null;
  indicators: TraceIndicatorTruth[];
  links: TraceLinkTruth[];
}

/** What the truth reports that the structural equations do not know. */
export interface TruthContext {
  seed: number;
  variant: TraceWorldVariant;
  cadence: 'monthly' | 'quarterly';
  responseRate: number;
  clients: number;
  nps: { id: string; column: string };
}

/** The true links in value space: unit-level ones, OX → rating. */
function linkTruth(spec: WorldSpec): TraceLinkTruth[] {
  const links: TraceLinkTruth[] = [];
  for (const parent of spec.indicators) {
    for (const { child, beta } of parent.children) {
      const c = spec.indicators[child]!;
      const coefficient = valueCoefficient(c, beta, parent);
      links.push({ child: c.id, parent: parent.id, beta, coefficient });
    }
  }
  for (const r of spec.ratings) {
    for (const { child, beta } of r.children) {
      const c = spec.indicators[child]!;
      links.push({ child: c.id, parent: r.id, beta, coefficient: valueCoefficient(c, beta) });
    }
  }
  return links;
}

/** The truth about every unit-level indicator. */
function indicatorTruth(
  spec: WorldSpec,
  o: WorldOutcome,
  variant: TraceWorldVariant,
): TraceIndicatorTruth[] {
  const c = contributions(spec, o);
  const shifts = plantedShifts(spec, o.k, o.delta);
  return spec.indicators.map((ind, x) => {
    const shift = shifts[x];
    const sign = ind.direction === 'higher' ? 1 : -1;
    return {
      id: ind.id,
      layer: ind.layer,
      unitKind: spec.kinds[ind.kind]!.id,
      role: ind.role,
      inModel: !(variant === 'missing-root' && ind.role === 'root'),
      direction: ind.direction,
      level: ind.level,
      scale: ind.scale,
      sigmaA: o.k * ind.sigmaA,
      sigmaE: o.k * ind.sigmaE,
      total: (o.ame * o.effects[x]! * sign) / ind.scale + 0,
      persistentShare: (c.persistent[x]! + c.planted[x]!) / o.gap,
      shift: shift && spec.plant ? sign * ind.scale * shift[spec.plant.units[0]!]! : 0,
    };
  });
}

/** The whole truth of a tuned world. */
export function worldTruth(spec: WorldSpec, o: WorldOutcome, ctx: TruthContext): TraceWorldTruth {
  const indicators = indicatorTruth(spec, o, ctx.variant);
  const plant = spec.plant;
  const planted = (x: number) => {
    const ind = indicators[x]!;
    const names = spec.kinds[spec.indicators[x]!.kind]!.units;
    return { id: ind.id, units: plant!.units.map((u) => names[u]!), shift: ind.shift };
  };
  const fix = whatIfFixRoot(spec, o);
  const root = plant
    ? { ...planted(plant.root), unitKind: indicators[plant.root]!.unitKind }
    : null;
  return {
    seed: ctx.seed,
    variant: ctx.variant,
    months: { first: spec.months[0]!, last: spec.months.at(-1)!, count: spec.months.length },
    cadence: ctx.cadence,
    responseRate: ctx.responseRate,
    clients: ctx.clients,
    answers: o.m.length,
    detractors: o.nPop,
    gap: o.gap,
    ame: o.ame,
    nps: { ...ctx.nps, mean: o.npsMean, sd: spec.npsSd },
    ratings: spec.ratings.map((r) => ({
      id: r.id,
      column: r.column,
      gamma: r.gamma,
      mean: r.mean,
      noiseSd: r.noiseSd,
    })),
    halo: spec.halo,
    noiseScale: o.k,
    root,
    sharedCauseDecoy: plant ? planted(plant.decoy) : null,
    plantedShare: o.plantedShare,
    persistentShare: o.persistentShare,
    monthlyShare: o.monthlyShare,
    targets: {
      plantedShare: plant ? spec.targets.planted : null,
      monthlyShare: spec.targets.monthly,
    },
    whatIf: root && fix ? { indicator: root.id, units: root.units, ...fix } : null,
    indicators,
    links: linkTruth(spec),
  };
}
