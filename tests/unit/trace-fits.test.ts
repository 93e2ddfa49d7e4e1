/**
 * The trace's link fits, built from per-group sums, against a plain least-squares fit of the
 * same rows materialised from the raw dataset columns; and the small statistics the verdict
 * rests on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTraceWorld, type TraceWorld } from '../../src/core/demo/trace-worlds.ts';
import { readTraceData, type TraceData } from '../../src/core/analysis/trace/trace-data.ts';
import { TraceGroups } from '../../src/core/analysis/trace/trace-groups.ts';
import { buildFits, solveFit, type LinkFit } from '../../src/core/analysis/trace/link-fits.ts';
import { benjaminiHochberg, traceVerdict } from '../../src/core/analysis/trace/trace-verdict.ts';
import { TRACE_DEFAULTS } from '../../src/core/analysis/trace/trace-types.ts';
import { SLOW } from './slow.ts';

let world: TraceWorld;
let data: TraceData;
let groups: TraceGroups;
let fits: Map<string, LinkFit>;
beforeAll(() => {
  world = generateTraceWorld({ seed: 3 });
  data = readTraceData(world.model, world.datasets);
  groups = new TraceGroups(data.index);
  fits = buildFits(
    world.model,
    data,
    groups,
    new Uint8Array(data.index.periods.length).fill(1),
    [],
  );
}, SLOW.timeout);

const column = (dataset: string, name: string) =>
  world.datasets.find((d) => d.name === dataset)!.columns[name]!;
const binding = (id: string) => world.model.indicators.find((i) => i.id === id)!.binding!;

/** Equal to rounding: both solve the same normal equations, in a different order of sums. */
const same = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(b)));

/** Least squares by the normal equations on materialised rows (x with an intercept first). */
function leastSquares(rows: number[][], y: number[], w: number[]): number[] {
  const p = rows[0]!.length;
  const a = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  rows.forEach((x, r) => {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) a[i]![j]! += w[r]! * x[i]! * x[j]!;
      a[i]![p]! += w[r]! * x[i]! * y[r]!;
    }
  });
  // Gauss–Jordan with partial pivoting.
  for (let c = 0; c < p; c++) {
    let best = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[best]![c]!)) best = r;
    [a[c], a[best]] = [a[best]!, a[c]!];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= p; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[p]! / row[i]!);
}

/**
 * A rating's rows straight from the survey and unit files: each answer's rating, and its
 * client's unit's value of each child in the answer's month, with the group weight given.
 */
function ratingRows(
  fit: LinkFit,
  within: boolean,
  weightOf: (units: string[], month: string) => number,
) {
  const survey = world.datasets.find((d) => d.name === 'survey')!;
  const card = world.datasets.find((d) => d.name === 'clients')!;
  const kinds = world.model.unitKinds.map((k) => k.id);
  const unitOf = new Map<string, Map<string, string>>();
  for (const kind of kinds) {
    const ids = card.columns.client_id!;
    const units = card.columns[kind]!;
    unitOf.set(
      kind,
      new Map(Array.from({ length: ids.length }, (_, r) => [ids[r] as string, units[r] as string])),
    );
  }
  const childValue = fit.children.map((id) => {
    const b = binding(id);
    const kind = b.grain.kind === 'unit-period' ? b.grain.unitKind : '';
    const values = new Map<string, number>();
    const unit = column(b.dataset, 'unit');
    const month = column(b.dataset, 'month');
    const value = column(b.dataset, b.column);
    for (let r = 0; r < unit.length; r++) values.set(`${unit[r]}|${month[r]}`, value[r] as number);
    return { kind, values };
  });
  const fixedKinds = [...new Set(childValue.map((c) => c.kind))];
  const levels = fixedKinds.map(() => new Map<string, number>());
  const rows: number[][] = [];
  const y: number[] = [];
  const w: number[] = [];
  const ratings = column('survey', binding(fit.parent).column);
  for (let r = 0; r < ratings.length; r++) {
    const client = survey.columns.client_id![r] as string;
    const month = (survey.columns.date![r] as string).slice(0, 7);
    const x = childValue.map((c) => c.values.get(`${unitOf.get(c.kind)!.get(client)}|${month}`));
    if (ratings[r] === null || x.some((v) => v === undefined)) continue;
    const row = [1, ...(x as number[])];
    if (within) {
      fixedKinds.forEach((kind, f) => {
        const u = unitOf.get(kind)!.get(client)!;
        if (!levels[f]!.has(u)) levels[f]!.set(u, levels[f]!.size);
      });
    }
    rows.push(row);
    y.push(ratings[r] as number);
    w.push(
      weightOf(
        kinds.map((k) => unitOf.get(k)!.get(client)!),
        month,
      ),
    );
  }
  if (within) {
    // One column per unit of each kind after the first unit met (the base level).
    let r = 0;
    for (let i = 0; i < ratings.length && r < rows.length; i++) {
      const client = survey.columns.client_id![i] as string;
      const month = (survey.columns.date![i] as string).slice(0, 7);
      const x = childValue.map((c) => c.values.get(`${unitOf.get(c.kind)!.get(client)}|${month}`));
      if (ratings[i] === null || x.some((v) => v === undefined)) continue;
      fixedKinds.forEach((kind, f) => {
        const level = levels[f]!.get(unitOf.get(kind)!.get(client)!)!;
        for (let l = 1; l < levels[f]!.size; l++) rows[r]!.push(level === l ? 1 : 0);
      });
      r++;
    }
  }
  return { rows, y, w };
}

describe('the link fits', () => {
  it(
    'equal plain least squares on the rows, across and within units, weighted or not',
    SLOW,
    () => {
      const rating = [...fits.values()].find(
        (f) => f.parent.startsWith('cx.rating') && f.children.length >= 2,
      )!;
      expect(rating).toBeDefined();
      const k = rating.children.length;
      for (const within of [false, true]) {
        const direct = ratingRows(rating, within, () => 1);
        expect(direct.rows.length).toBe(rating.rows);
        const expected = leastSquares(direct.rows, direct.y, direct.w).slice(0, 1 + k);
        const ours = solveFit(rating, new Float64Array(groups.clusters).fill(1), within);
        // The intercept of a fit within units is the base unit's level; compare the slopes.
        for (let j = 1; j <= k; j++) same(ours[j]!, expected[j]!);
        if (!within) same(ours[0]!, expected[0]!);
      }
      // Weights per group (as a replicate gives them: here a function of the units) are weights
      // on the rows of those groups.
      const weightOfUnits = (units: number[]) =>
        units.reduce((w, u, k) => w * (1 + 0.3 * (((u + 1) * (k + 2)) % 5)), 1);
      const weights = Float64Array.from({ length: groups.clusters }, (_, c) =>
        weightOfUnits(groups.kinds.map((_, k) => groups.clusterUnit[k]![c]!)),
      );
      const direct = ratingRows(rating, false, (units) =>
        weightOfUnits(
          groups.kinds.map((kind) =>
            kind.unitIndex.get(units[world.model.unitKinds.findIndex((x) => x.id === kind.id)]!)!,
          ),
        ),
      );
      const expected = leastSquares(direct.rows, direct.y, direct.w);
      const ours = solveFit(rating, weights, false);
      expected.forEach((e, j) => same(ours[j]!, e));
    },
  );

  it('give a unit-level fit the same coefficients as least squares on the unit file', () => {
    const unitFit = [...fits.values()].find((f) => f.unitRows !== null && f.children.length >= 1)!;
    const b = binding(unitFit.parent);
    const dataset = b.dataset;
    const parent = column(dataset, b.column);
    const children = unitFit.children.map((id) => column(dataset, binding(id).column));
    const rows: number[][] = [];
    const y: number[] = [];
    for (let r = 0; r < parent.length; r++) {
      rows.push([1, ...children.map((c) => c[r] as number)]);
      y.push(parent[r] as number);
    }
    const expected = leastSquares(
      rows,
      y,
      rows.map(() => 1),
    );
    const ours = solveFit(unitFit, new Float64Array(groups.clusters).fill(1), false);
    expected.forEach((e, j) => same(ours[j]!, e));
    expect(unitFit.rows).toBe(parent.length);
  });
});

describe('the verdict’s statistics', () => {
  it('adjusts p-values by Benjamini–Hochberg, keeping their order', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.16 / 3, 12);
    expect(q[2]).toBeCloseTo(0.16 / 3, 12);
    expect(q[3]).toBeCloseTo(0.2, 12);
  });

  it('says “none” when the gap is chance, “cause” only for a supported, material candidate', () => {
    const s = TRACE_DEFAULTS;
    const cause = { layer: 'IT' as const, persistentShare: 0.05, q: 0.01 };
    expect(traceVerdict(0.3, [cause], s)).toBe('none');
    expect(traceVerdict(0.01, [cause], s)).toBe('cause');
    expect(traceVerdict(null, [cause], s)).toBe('cause');
    expect(traceVerdict(null, [{ ...cause, persistentShare: 0.015 }], s)).toBe('unexplained');
    expect(traceVerdict(null, [{ ...cause, q: 0.2 }], s)).toBe('unexplained');
    expect(traceVerdict(null, [{ ...cause, layer: 'CX' }], s)).toBe('unexplained');
  });
});
