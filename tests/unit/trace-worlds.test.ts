import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateTraceWorld,
  traceWorldFiles,
  type TraceWorld,
  type TraceWorldTruth,
  type TraceWorldVariant,
} from '../../src/core/demo/trace-worlds.ts';
import { expectedNpsPoints } from '../../src/core/demo/trace-world-truth.ts';
import { normalCdf } from '../../src/core/metrics/normal.ts';
import { indicatorValues, cellKey } from '../../src/core/index/indicator-values.ts';
import { loadCsv, type LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import type { DatasetSchema, ServiceModel } from '../../src/core/model/model-types.ts';
import { validateModel } from '../../src/core/model/validate-model.ts';
import { SLOW } from './slow.ts';

const UNIT_LAYERS = new Set(['IT', 'EX', 'OX']);

function dataset(world: TraceWorld, name: string): LoadedDataset {
  const ds = world.datasets.find((d) => d.name === name);
  if (!ds) throw new Error(`no dataset ${name}`);
  return ds;
}

function schemas(datasets: readonly LoadedDataset[]): DatasetSchema[] {
  return datasets.map((d) => ({
    name: d.name,
    columns: Object.keys(d.columns).map((name) => ({ name, type: d.types[name]! })),
  }));
}

/** Ids of the indicators that reach `to` through the model's links. */
function reaching(model: ServiceModel, to: string): Set<string> {
  const reached = new Set([to]);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of model.links) {
      if (reached.has(l.parent) && !reached.has(l.child)) {
        reached.add(l.child);
        grew = true;
      }
    }
  }
  return reached;
}

/** Per answer: m_i from the stored ratings, the NPS score, and each unit kind's unit. */
interface Answers {
  m: number[];
  score: number[];
  month: string[];
  unit: Map<string, string[]>;
}

function answersOf(world: TraceWorld): Answers {
  const { truth } = world;
  const survey = dataset(world, 'survey');
  const clients = dataset(world, 'clients');
  const row = new Map<string, number>();
  const ids = clients.columns.client_id!;
  for (let r = 0; r < ids.length; r++) row.set(ids[r] as string, r);
  const n = survey.columns.nps!.length;
  const m: number[] = [];
  const score: number[] = [];
  const month: string[] = [];
  const unit = new Map(world.model.unitKinds.map((k) => [k.id, [] as string[]]));
  for (let i = 0; i < n; i++) {
    let mi = truth.nps.mean;
    for (const r of truth.ratings) mi += r.gamma * (survey.columns[r.column]![i] as number);
    m.push(mi);
    score.push(survey.columns.nps![i] as number);
    month.push((survey.columns.date![i] as string).slice(0, 7));
    const c = row.get(survey.columns.client_id![i] as string)!;
    for (const [kind, list] of unit) list.push(clients.columns[kind]![c] as string);
  }
  return { m, score, month, unit };
}

/** The contrast weights c_i and the gap, recomputed from the scores. */
function contrastOf(score: number[]): { c: number[]; gap: number; nPop: number } {
  const nPop = score.filter((s) => s <= 6).length;
  const nRef = score.length - nPop;
  const promoters = score.filter((s) => s >= 9).length;
  return {
    c: score.map((s) => (s <= 6 ? 1 / nPop : -1 / nRef)),
    gap: (100 * promoters) / nRef + 100,
    nPop,
  };
}

/** d m / d value of each indicator, by propagating through the true links' coefficients. */
function valueEffects(truth: TraceWorldTruth): Map<string, number> {
  const gamma = new Map(truth.ratings.map((r) => [r.id, r.gamma]));
  const memo = new Map<string, number>();
  const effect = (id: string): number => {
    if (gamma.has(id)) return gamma.get(id)!;
    if (memo.has(id)) return memo.get(id)!;
    let sum = 0;
    for (const l of truth.links) if (l.child === id) sum += l.coefficient * effect(l.parent);
    memo.set(id, sum);
    return sum;
  };
  return new Map(truth.indicators.map((i) => [i.id, effect(i.id)]));
}

/** Mean over answers of E[points | m + shift_i]. */
function meanPoints(m: number[], sd: number, shift: (i: number) => number): number {
  let sum = 0;
  for (let i = 0; i < m.length; i++) sum += expectedNpsPoints(m[i]! + shift(i), sd);
  return sum / m.length;
}

/** Least squares of y on the columns of x (with an intercept): coefficients and standard errors. */
function ols(y: number[], x: number[][]): { beta: number[]; se: number[] } {
  const rows = y.map((_, i) => [1, ...x.map((col) => col[i]!)]);
  const p = rows[0]!.length;
  const a = Array.from({ length: p }, (_, j) =>
    Array.from({ length: p }, (_, k) => rows.reduce((s, r) => s + r[j]! * r[k]!, 0)),
  );
  const inv = a.map((r, j) => [...r, ...Array.from({ length: p }, (_, k) => (j === k ? 1 : 0))]);
  for (let j = 0; j < p; j++) {
    const piv = inv[j]![j]!;
    for (let k = 0; k < 2 * p; k++) inv[j]![k]! /= piv;
    for (let r = 0; r < p; r++) {
      if (r === j) continue;
      const f = inv[r]![j]!;
      for (let k = 0; k < 2 * p; k++) inv[r]![k]! -= f * inv[j]![k]!;
    }
  }
  const xtInv = inv.map((r) => r.slice(p));
  const xty = Array.from({ length: p }, (_, j) => rows.reduce((s, r, i) => s + r[j]! * y[i]!, 0));
  const beta = xtInv.map((r) => r.reduce((s, v, k) => s + v * xty[k]!, 0));
  const rss = rows.reduce(
    (s, r, i) => s + (y[i]! - r.reduce((t, v, k) => t + v * beta[k]!, 0)) ** 2,
    0,
  );
  const s2 = rss / (y.length - p);
  return { beta: beta.slice(1), se: xtInv.map((r, j) => Math.sqrt(s2 * r[j]!)).slice(1) };
}

describe('trace worlds: true shares over many seeds', () => {
  const cases: [TraceWorldVariant, number][] = [
    ['planted', 60],
    ['null', 60],
    ['halo', 20],
    ['missing-root', 20],
  ];
  for (const [variant, seeds] of cases) {
    it(`stay in range in ${seeds} '${variant}' worlds`, { timeout: 60_000 }, () => {
      for (let seed = 1; seed <= seeds; seed++) {
        const t = generateTraceWorld({ seed, variant }).truth;
        const at = `seed ${seed}`;
        expect(t.persistentShare, at).toBeLessThan(0.01);
        expect(t.persistentShare, at).toBeGreaterThanOrEqual(0);
        expect(t.detractors / t.answers, at).toBeGreaterThanOrEqual(0.15);
        expect(t.detractors / t.answers, at).toBeLessThanOrEqual(0.35);
        expect(t.gap, at).toBeGreaterThan(0);
        if (variant === 'null') {
          expect(t.monthlyShare, at).toBeGreaterThanOrEqual(0.02);
          expect(t.monthlyShare, at).toBeLessThanOrEqual(0.04);
          expect(t.plantedShare, at).toBe(0);
          expect(t.root, at).toBeNull();
          expect(t.whatIf, at).toBeNull();
        } else {
          expect(t.plantedShare, at).toBeGreaterThanOrEqual(0.03);
          expect(t.plantedShare, at).toBeLessThanOrEqual(0.1);
          expect(Math.abs(t.plantedShare - t.targets.plantedShare!), at).toBeLessThan(0.005);
          expect(t.whatIf!.npsChange, at).toBeGreaterThan(0);
        }
        if (variant === 'halo') expect(t.halo).toBeGreaterThanOrEqual(0.6);
        else expect(t.halo).toBeLessThanOrEqual(0.2);
      }
    });
  }
});

describe('trace worlds: determinism and variants', () => {
  let planted: TraceWorld;
  beforeAll(() => {
    planted = generateTraceWorld({ seed: 11 });
  });

  it(
    'gives identical worlds for the same options and different ones for another seed',
    SLOW,
    () => {
      const again = generateTraceWorld({ seed: 11, variant: 'planted' });
      expect(again.datasets).toEqual(planted.datasets);
      expect(again.model).toEqual(planted.model);
      expect(again.truth).toEqual(planted.truth);
      const other = generateTraceWorld({ seed: 12 });
      expect(other.datasets).not.toEqual(planted.datasets);
    },
  );

  it(
    "gives 'missing-root' the data of 'planted' and a connected model without the root",
    SLOW,
    () => {
      for (const seed of [11, 12, 13, 14, 15, 16]) {
        const full = seed === 11 ? planted : generateTraceWorld({ seed });
        const missing = generateTraceWorld({ seed, variant: 'missing-root' });
        expect(missing.datasets).toEqual(full.datasets);
        const root = missing.truth.root!.id;
        expect(root).toBe(full.truth.root!.id);
        expect(missing.model.indicators.some((i) => i.id === root)).toBe(false);
        expect(missing.model.links.some((l) => l.child === root || l.parent === root)).toBe(false);
        expect(missing.truth.indicators.find((i) => i.id === root)!.inModel).toBe(false);
        for (const world of [full, missing]) {
          const reached = reaching(world.model, 'cx.nps');
          for (const ind of world.model.indicators) expect(reached.has(ind.id), ind.id).toBe(true);
        }
      }
    },
  );

  it(
    "shares the draws between 'null' and 'planted': the same σ_a, σ_e and noise scale",
    SLOW,
    () => {
      const none = generateTraceWorld({ seed: 11, variant: 'null' });
      expect(none.truth.noiseScale).toBe(planted.truth.noiseScale);
      expect(none.truth.indicators.map((i) => [i.id, i.sigmaA, i.sigmaE])).toEqual(
        planted.truth.indicators.map((i) => [i.id, i.sigmaA, i.sigmaE]),
      );
      expect(dataset(none, 'clients')).toEqual(dataset(planted, 'clients'));
      const roles = new Set(none.truth.indicators.map((i) => i.role));
      expect(roles.has('root') || roles.has('shared-cause-decoy')).toBe(false);
    },
  );

  it('validates every variant with no errors against its datasets', SLOW, () => {
    const variants: TraceWorldVariant[] = ['planted', 'null', 'missing-root', 'halo'];
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const variant of variants) {
        const w = generateTraceWorld({ seed, variant });
        const problems = validateModel(w.model, schemas(w.datasets));
        expect(problems, `${seed} ${variant}`).toEqual([]);
      }
    }
  });

  it('honours the size overrides and rejects bad options', SLOW, () => {
    const w = generateTraceWorld({
      seed: 3,
      variant: 'null',
      clients: 900,
      months: 14,
      unitKinds: [
        { id: 'region', units: 5 },
        { id: 'warehouse', units: 9 },
      ],
      responseRate: 0.4,
    });
    expect(dataset(w, 'clients').columns.client_id!.length).toBe(900);
    expect(w.model.unitKinds.map((k) => k.id)).toEqual(['region', 'warehouse']);
    expect(new Set(dataset(w, 'units_warehouse').columns.unit as string[]).size).toBe(9);
    expect(w.truth.months).toEqual({ first: '2025-05', last: '2026-06', count: 14 });
    expect(w.truth.cadence).toBe('monthly');
    expect(w.truth.answers / (900 * 14)).toBeCloseTo(0.4, 1);
    expect(() => generateTraceWorld({ seed: 1, months: 0 })).toThrow(RangeError);
    expect(() => generateTraceWorld({ seed: 1, responseRate: 1.5 })).toThrow(RangeError);
    expect(() => generateTraceWorld({ seed: 1, unitKinds: [{ id: 'A b', units: 5 }] })).toThrow(
      RangeError,
    );
  });
});

describe('trace worlds: the datasets', () => {
  let world: TraceWorld;
  beforeAll(() => {
    world = generateTraceWorld({ seed: 5, variant: 'halo' });
  });

  it('are read by indicatorValues for every bound indicator with no problems', () => {
    for (const ind of world.model.indicators) {
      const series = indicatorValues(world.model, ind.id, world.datasets);
      expect(series.problems, ind.id).toEqual([]);
      expect(series.cells.size, ind.id).toBeGreaterThan(0);
      for (const cell of series.cells.values()) {
        expect(cell.value).toBeGreaterThanOrEqual(ind.scale.min);
        expect(cell.value).toBeLessThanOrEqual(ind.scale.max);
      }
    }
    const nps = indicatorValues(world.model, 'cx.nps', world.datasets);
    const months = new Set([...nps.cells.keys()].map((k) => k.split('\u0000')[1]));
    expect([...months].every((m) => /^\d{4}-\d{2}$/.test(m!))).toBe(true);
  });

  it('have 15–35% detractors and types that match the values', () => {
    const scores = dataset(world, 'survey').columns.nps!;
    let detractors = 0;
    for (let i = 0; i < scores.length; i++) if ((scores[i] as number) <= 6) detractors++;
    expect(detractors).toBe(world.truth.detractors);
    expect(detractors / scores.length).toBeGreaterThanOrEqual(0.15);
    expect(detractors / scores.length).toBeLessThanOrEqual(0.35);
    for (const ds of world.datasets) {
      for (const [name, values] of Object.entries(ds.columns)) {
        const want = ds.types[name] === 'number' ? 'number' : 'string';
        for (let i = 0; i < values.length; i++) expect(typeof values[i]).toBe(want);
      }
    }
  });

  it('write as CSV files that load back to the same indicator values', SLOW, async () => {
    const files = traceWorldFiles(world);
    expect(JSON.parse(files.model)).toEqual(world.model);
    expect(JSON.parse(files.truth)).toEqual(world.truth);
    const loaded = await Promise.all(files.datasets.map((f) => loadCsv(f.name, f.csv)));
    expect(
      validateModel(world.model, schemas(loaded)).filter((p) => p.severity === 'error'),
    ).toEqual([]);
    for (const id of ['cx.nps', world.truth.ratings[0]!.id, world.truth.indicators[0]!.id]) {
      const fromCsv = indicatorValues(world.model, id, loaded);
      const direct = indicatorValues(world.model, id, world.datasets);
      expect(fromCsv.problems).toEqual([]);
      expect(fromCsv.cells.size).toBe(direct.cells.size);
      for (const [key, cell] of direct.cells) {
        expect(fromCsv.cells.get(key)?.value, key).toBeCloseTo(cell.value, 9);
      }
    }
  });
});

describe('trace worlds: the truth', () => {
  let world: TraceWorld;
  let answers: Answers;
  beforeAll(() => {
    world = generateTraceWorld({ seed: 8 });
    answers = answersOf(world);
  });

  it('has a normal CDF accurate to 1e-6', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
    expect(normalCdf(3)).toBeCloseTo(0.998650102, 6);
  });

  it('reports the scores, counts and gap the survey holds', () => {
    const { truth } = world;
    const { gap, nPop } = contrastOf(answers.score);
    expect(answers.m.length).toBe(truth.answers);
    expect(nPop).toBe(truth.detractors);
    expect(gap).toBeCloseTo(truth.gap, 9);
    // Scores are the rounded latent m + σ_N ε: far from m they are rare.
    const far = answers.score.filter((s, i) => Math.abs(s - answers.m[i]!) > 5 * truth.nps.sd);
    expect(far.length).toBeLessThan(truth.answers * 0.001);
  });

  it('matches the AME and every T_X with a finite difference of E[points]', () => {
    const { truth } = world;
    const sd = truth.nps.sd;
    const h = 0.01;
    const fd = (meanPoints(answers.m, sd, () => h) - meanPoints(answers.m, sd, () => -h)) / (2 * h);
    expect(fd / truth.ame).toBeCloseTo(1, 3);
    const effects = valueEffects(truth);
    let checked = 0;
    for (const ind of truth.indicators) {
      const perValue = effects.get(ind.id)!;
      if (ind.role.includes('decoy')) {
        expect(ind.total, ind.id).toBe(0);
        expect(perValue, ind.id).toBe(0);
        continue;
      }
      // Shift the indicator everywhere by a small step of its value: m moves by ±0.01.
      const step = 0.01 / Math.abs(perValue);
      const up = meanPoints(answers.m, sd, () => step * perValue);
      const down = meanPoints(answers.m, sd, () => -step * perValue);
      expect((up - down) / (2 * step) / ind.total, ind.id).toBeCloseTo(1, 2);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('gives the planted contribution −T_R · Σ c_i shift_i over the gap', () => {
    const { truth } = world;
    const root = truth.root!;
    const rootTruth = truth.indicators.find((i) => i.id === root.id)!;
    expect(rootTruth.role).toBe('root');
    expect(Math.sign(root.shift)).toBe(rootTruth.direction === 'higher' ? -1 : 1);
    const { c, gap } = contrastOf(answers.score);
    const units = answers.unit.get(root.unitKind)!;
    let sum = 0;
    for (let i = 0; i < c.length; i++)
      if (root.units.includes(units[i]!)) sum += c[i]! * root.shift;
    const share = (-rootTruth.total * sum) / gap;
    expect(share).toBeCloseTo(truth.plantedShare, 9);
    expect(share).toBeGreaterThanOrEqual(0.03);
  });

  it('gives the what-if of fixing the root from its stored values', () => {
    const { truth, model } = world;
    const root = truth.root!;
    const units = dataset(world, `units_${root.unitKind}`);
    const column = root.id.replace('.', '_');
    const value = new Map<string, number>();
    const sums = new Map<string, number[]>();
    for (let r = 0; r < units.columns.unit!.length; r++) {
      const u = units.columns.unit![r] as string;
      const v = units.columns[column]![r] as number;
      value.set(cellKey(u, units.columns.month![r] as string), v);
      if (!root.units.includes(u)) sums.set(u, [...(sums.get(u) ?? []), v]);
    }
    const means = [...sums.values()]
      .map((vs) => vs.reduce((s, v) => s + v, 0) / vs.length)
      .sort((x, y) => x - y);
    const mid = means.length >> 1;
    const median = means.length % 2 ? means[mid]! : (means[mid - 1]! + means[mid]!) / 2;
    const scale = truth.indicators.find((i) => i.id === root.id)!.scale;
    expect(Math.abs(truth.whatIf!.value - median)).toBeLessThan(scale * 1e-3);
    const perValue = valueEffects(truth).get(root.id)!;
    const unitOf = answers.unit.get(root.unitKind)!;
    const shift = (i: number) => {
      const u = unitOf[i]!;
      if (!root.units.includes(u)) return 0;
      return perValue * (median - value.get(cellKey(u, answers.month[i]!))!);
    };
    const change =
      meanPoints(answers.m, truth.nps.sd, shift) - meanPoints(answers.m, truth.nps.sd, () => 0);
    // The truth also re-rounds and clamps the changed ratings (1–5); a linear shift here does not.
    expect(Math.abs(change / truth.whatIf!.npsChange - 1)).toBeLessThan(0.02);
    expect(model.indicators.some((i) => i.id === root.id)).toBe(true);
  });

  it('has link coefficients that the data bear out (within-unit least squares)', () => {
    const { truth } = world;
    const kindOf = new Map(truth.indicators.map((i) => [i.id, i.unitKind]));
    let checked = 0;
    for (const parent of truth.indicators) {
      const links = truth.links.filter((l) => l.parent === parent.id);
      if (links.length === 0) continue;
      const units = dataset(world, `units_${parent.unitKind}`);
      const unit = units.columns.unit as string[];
      // Unit means hold the persistent differences and planted shifts; the rest is monthly noise.
      const demeaned = (column: string) => {
        const values = Array.from(units.columns[column]! as ArrayLike<number>);
        const means = new Map<string, [number, number]>();
        values.forEach((v, r) => {
          const m = means.get(unit[r]!) ?? [0, 0];
          means.set(unit[r]!, [m[0] + v, m[1] + 1]);
        });
        return values.map((v, r) => v - means.get(unit[r]!)![0] / means.get(unit[r]!)![1]);
      };
      const fit = ols(
        demeaned(parent.id.replace('.', '_')),
        links.map((l) => demeaned(l.child.replace('.', '_'))),
      );
      links.forEach((l, j) => {
        expect(kindOf.get(l.child)).toBe(parent.unitKind);
        const z = (fit.beta[j]! - l.coefficient) / fit.se[j]!;
        expect(Math.abs(z), `${l.child} → ${l.parent}`).toBeLessThan(4.5);
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('has OX → rating coefficients that the answers bear out', () => {
    const { truth } = world;
    const survey = dataset(world, 'survey');
    for (const rating of truth.ratings) {
      const links = truth.links.filter((l) => l.parent === rating.id);
      const x = links.map((l) => {
        const child = truth.indicators.find((i) => i.id === l.child)!;
        const units = dataset(world, `units_${child.unitKind}`);
        const column = units.columns[child.id.replace('.', '_')]!;
        const at = new Map<string, number>();
        for (let r = 0; r < column.length; r++) {
          const key = cellKey(units.columns.unit![r] as string, units.columns.month![r] as string);
          at.set(key, column[r] as number);
        }
        const unitOf = answers.unit.get(child.unitKind)!;
        return answers.m.map((_, i) => at.get(cellKey(unitOf[i]!, answers.month[i]!))!);
      });
      const y = Array.from(survey.columns[rating.column]! as ArrayLike<number>);
      const fit = ols(y, x);
      links.forEach((l, j) => {
        // Clamping to 1–5 flattens the slope a little; allow for it beyond sampling error.
        const tol = 4.5 * fit.se[j]! + 0.05 * Math.abs(l.coefficient);
        expect(Math.abs(fit.beta[j]! - l.coefficient), `${l.child} → ${l.parent}`).toBeLessThan(
          tol,
        );
      });
    }
  });
});

describe('trace worlds: a benchmark-size world', () => {
  it('has about 100,000 answers and shares in range', SLOW, () => {
    const w = generateTraceWorld({
      seed: 2026,
      clients: 5000,
      months: 24,
      unitKinds: [
        { id: 'warehouse', units: 20 },
        { id: 'manager', units: 30 },
      ],
      responseRate: 0.83,
    });
    const t = w.truth;
    expect(t.answers).toBeGreaterThan(95_000);
    expect(t.answers).toBeLessThan(105_000);
    expect(t.plantedShare).toBeGreaterThanOrEqual(0.03);
    expect(t.plantedShare).toBeLessThanOrEqual(0.1);
    expect(t.persistentShare).toBeLessThan(0.01);
    expect(validateModel(w.model, schemas(w.datasets))).toEqual([]);
    expect(UNIT_LAYERS.has(t.indicators[0]!.layer)).toBe(true);
  });
});
