import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv, type LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import { driverTable } from '../../src/core/analysis/driver-table.ts';
import {
  driverInput,
  featureChoices,
  TargetError,
  targetLabels,
  isRowNumber,
} from '../../src/core/analysis/driver-target.ts';
import { DriversError, keyDrivers, type DriversResult } from '../../src/core/analysis/drivers.ts';
import {
  describeDriverError,
  describeDriverWarning,
} from '../../src/core/analysis/driver-messages.ts';
import { levelFindings } from '../../src/core/analysis/driver-levels.ts';
import { expandFeatures } from '../../src/core/ml/feature-matrix.ts';
import { Rng } from '../../src/core/random.ts';
import { realFile } from '../fixtures/real/real-files.ts';
import { SLOW } from './slow.ts';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { profileTable } from '../../src/core/ingest/inspect.ts';

const rank = (r: DriversResult, feature: string) =>
  r.drivers.findIndex((d) => d.feature === feature);

describe('key drivers on the demo world', () => {
  it(
    'the planted drivers of detractors rank above the decoys, with the model’s indicators joined',
    SLOW,
    async () => {
      const world = generateDemoWorld();
      const data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
      const survey = data.find((d) => d.name === 'survey')!;
      const table = driverTable(survey, world.model, data, 'nps');
      // The decoys are in the table as features (the model's EX and IT indicators at each
      // answer's client and month), so ranking below the planted drivers is a real finding.
      const decoys = world.truth.decoys;
      expect(decoys.length).toBeGreaterThan(0);
      const input = driverInput(table, 'nps', null);
      const names = input.columns.map((c) => c.name);
      for (const decoy of decoys) expect(names).toContain(decoy);
      // Identifiers, free text, the date and outcomes (churn, NPS itself) are not features.
      for (const out of ['client_id', 'response_id', 'comment', 'date', 'churned', 'cx.nps']) {
        expect(names).not.toContain(out);
      }
      // The client card's importance weights are the index's inputs, not causes: left out.
      for (const w of ['weight_delivery', 'weight_quality']) {
        expect(names).not.toContain(w);
        expect(input.excluded).toContainEqual({ name: w, reason: 'weight' });
      }
      // A rating the model reads an indicator from is named by it, and not repeated.
      expect(table.sources.rating_delivery).toEqual({
        kind: 'dataset',
        indicator: expect.objectContaining({ id: 'cx.delivery_rating', layer: 'CX' }),
      });
      expect(table.columns['cx.delivery_rating']).toBeUndefined();
      const result = keyDrivers(input.columns, input.rows, input.y, { seed: 1, bootstrap: 40 });
      expect(result.positives).toBe(
        Array.from(survey.columns.nps!).filter((v) => typeof v === 'number' && v <= 6).length,
      );
      const planted = ['rating_delivery', 'rating_quality'];
      const worstDecoy = Math.min(...decoys.map((d) => rank(result, d)));
      for (const p of planted) expect(rank(result, p)).toBeLessThan(worstDecoy);
      // Higher ratings make a detractor less likely.
      for (const p of planted) {
        expect(result.drivers.find((d) => d.feature === p)!.direction).toBe('down');
      }
      expect(result.additivityMaxError).toBeLessThan(1e-9);
      expect(result.quality.holdoutAuc).toBeGreaterThan(0.75);
      // The planted warehouses' clients are most often detractors; the ratings carry that
      // risk, so no warehouse adds risk of its own beyond them (none but a planted one named).
      const warehouses = levelFindings(
        result.drivers.find((d) => d.feature === 'warehouse')!.levels!,
      );
      const bad = world.truth.affected.warehouses;
      expect(bad).toContain(warehouses.oftenLow?.level.level);
      if (warehouses.risk) expect(bad).toContain(warehouses.risk.level);
    },
  );
});

describe('key drivers on the real telco churn data', () => {
  it(
    'holdout AUC ≥ 0.83, no worse than the linear baseline by 0.01; contract and tenure lead',
    SLOW,
    async () => {
      const telco = await loadCsv(
        'telco',
        readFileSync(realFile('telco_customer_churn.csv'), 'utf8'),
      );
      const input = driverInput(telco, 'Churn', { kind: 'equals', value: 'Yes' });
      expect(input.columns.map((c) => c.name)).not.toContain('customerID');
      const result = keyDrivers(input.columns, input.rows, input.y, { seed: 1, bootstrap: 40 });
      expect(result.rows).toBe(7043);
      expect(result.positives).toBe(1869);
      expect(result.quality.holdoutAuc).toBeGreaterThanOrEqual(0.83);
      expect(result.quality.holdoutAuc).toBeGreaterThanOrEqual(result.quality.baselineAuc - 0.01);
      // A three-level category is one driver under its own column name, not three.
      expect(
        result.drivers
          .map((d) => d.feature)
          .slice(0, 2)
          .sort(),
      ).toEqual(['Contract', 'tenure']);
      expect(result.drivers.filter((d) => d.feature.startsWith('Contract'))).toHaveLength(1);
      const tenure = result.drivers.find((d) => d.feature === 'tenure')!;
      expect(tenure.direction).toBe('down');
      const contract = result.drivers.find((d) => d.feature === 'Contract')!;
      expect(contract.levels![0]!.level).toBe('Month-to-month');
      // Intervals hold their estimate; relative weights share R² (they sum to 1).
      for (const d of result.drivers) {
        expect(d.shapInterval[0]).toBeLessThanOrEqual(d.meanAbsShap + 1e-12);
        expect(d.shapInterval[1]).toBeGreaterThanOrEqual(d.meanAbsShap - 1e-12);
      }
      expect(result.drivers.reduce((s, d) => s + d.relativeWeight, 0)).toBeCloseTo(1, 6);
      expect(result.additivityMaxError).toBeLessThan(1e-9);
    },
  );
});

/** A synthetic table: y depends on `a` (strongly) and `b` (weakly); `noise` is noise. */
function synthetic(n: number, seed = 3): { table: LoadedDataset; y: number[] } {
  const rng = new Rng(seed);
  const a: number[] = [];
  const b: number[] = [];
  const noise: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    a.push(rng.normal());
    b.push(rng.normal());
    noise.push(rng.normal());
    const p = 1 / (1 + Math.exp(-(2 * a[i]! + 0.5 * b[i]! - 1)));
    y.push(rng.bernoulli(p) ? 1 : 0);
  }
  return {
    table: {
      name: 't',
      columns: { a, b, noise, y },
      types: { a: 'number', b: 'number', noise: 'number', y: 'number' },
    },
    y,
  };
}

describe('key drivers: rules the analyst sees', () => {
  it('ranks a known strong driver first and the noise last, with directions', SLOW, () => {
    const { table } = synthetic(3000);
    const input = driverInput(table, 'y', { kind: 'equals', value: '1' });
    const r = keyDrivers(input.columns, input.rows, input.y, { seed: 2, bootstrap: 30 });
    expect(r.drivers.map((d) => d.feature)).toEqual(['a', 'b', 'noise']);
    expect(r.drivers[0]!.direction).toBe('up');
    // A sample of the rows is explained (said, not a warning about reliability).
    expect(r.warnings).toEqual([{ code: 'sampled', sample: 2000, rows: 3000 }]);
  });

  it('warns with the counts when rows or positives are few, and refuses when too few to train', () => {
    const { table } = synthetic(150);
    const input = driverInput(table, 'y', { kind: 'equals', value: '1' });
    const r = keyDrivers(input.columns, input.rows, input.y, { seed: 1, bootstrap: 20 });
    expect(r.warnings).toContainEqual({ code: 'few-rows', rows: 150, min: 200 });
    const tiny = driverInput(synthetic(15).table, 'y', { kind: 'equals', value: '1' });
    expect(() => keyDrivers(tiny.columns, tiny.rows, tiny.y, { seed: 1 })).toThrow(DriversError);
    try {
      keyDrivers(tiny.columns, tiny.rows, tiny.y, { seed: 1 });
    } catch (e) {
      expect(describeDriverError('en', e)).toMatch(
        /^Too few rows to train a model: \d+ low and \d+ other \(15 in all\); at least 10 of each/,
      );
    }
  });

  it('flags a feature that is the target under another name', () => {
    const { table, y } = synthetic(1000);
    table.columns.leak = y.map((v) => (v ? 'lost' : 'kept'));
    table.types.leak = 'string';
    const input = driverInput(table, 'y', { kind: 'equals', value: '1' });
    const r = keyDrivers(input.columns, input.rows, input.y, { seed: 1, bootstrap: 20 });
    expect(r.warnings.some((w) => w.code === 'leakage' && w.feature === 'leak')).toBe(true);
    expect(r.warnings.some((w) => w.code === 'leakage' && w.feature === 'a')).toBe(false);
  });

  it('flags a column filled in only for the low outcome, and a model too good to be true', () => {
    const { table, y } = synthetic(1000);
    // Days since cancelling: recorded only for those who left, blank for the others.
    table.columns.days = y.map((v, i) => (v ? 1 + (i % 30) : null));
    table.types.days = 'number';
    const input = driverInput(table, 'y', { kind: 'equals', value: '1' });
    const r = keyDrivers(input.columns, input.rows, input.y, { seed: 1, bootstrap: 20 });
    expect(r.warnings).toContainEqual({ code: 'leakage', feature: 'days', auc: 1 });
    expect(r.warnings.some((w) => w.code === 'too-good')).toBe(true);
    expect(r.quality.holdoutAuc).toBeGreaterThanOrEqual(0.99);
  });

  it('calls a strong model made of ordinary drivers strong, not too good to be true', () => {
    // Satisfaction decided by two ordinary ratings together: neither alone comes near it.
    const rng = new Rng(4);
    const n = 3000;
    const a = Array.from({ length: n }, () => rng.normal());
    const b = Array.from({ length: n }, () => rng.normal());
    const y = a.map((v, i) => (v + b[i]! > 0 ? 1 : 0));
    const table: LoadedDataset = {
      name: 't',
      columns: { a, b, y },
      types: { a: 'number', b: 'number', y: 'number' },
    };
    const input = driverInput(table, 'y', { kind: 'equals', value: '1' });
    const r = keyDrivers(input.columns, input.rows, input.y, { seed: 1, bootstrap: 10 });
    expect(r.quality.holdoutAuc).toBeGreaterThanOrEqual(0.99);
    const codes = r.warnings.map((w) => w.code);
    expect(codes).not.toContain('too-good');
    expect(codes).not.toContain('leakage');
    expect(codes).toContain('strong-model');
    expect(
      describeDriverWarning(
        'en',
        r.warnings.find((w) => w.code === 'strong-model')!,
      ),
    ).toMatch(/^The model predicts the holdout very well \(AUC 0\.99\d\), with no one feature/);
  });

  it('says so when two correlated drivers are ranked apart by the two methods', SLOW, () => {
    const rng = new Rng(9);
    const n = 4000;
    const a = Array.from({ length: n }, () => rng.normal());
    // A near copy of `a`: the trees give the credit to one, relative weights split it.
    const copy = a.map((v) => v + 0.15 * rng.normal());
    const c = Array.from({ length: n }, () => rng.normal());
    const y = a.map((v, i) =>
      rng.bernoulli(1 / (1 + Math.exp(-(1.5 * v + 0.8 * c[i]!)))) ? 1 : 0,
    );
    const table: LoadedDataset = {
      name: 't',
      columns: { a, copy, c, y },
      types: { a: 'number', copy: 'number', c: 'number', y: 'number' },
    };
    const input = driverInput(table, 'y', { kind: 'equals', value: '1' });
    const r = keyDrivers(input.columns, input.rows, input.y, { seed: 1, bootstrap: 20 });
    const noted = r.drivers.filter((d) => d.disagreement);
    expect(noted.length).toBeGreaterThan(0);
    for (const d of noted) {
      expect(['a', 'copy']).toContain(d.feature);
      expect(['a', 'copy']).toContain(d.disagreement!.correlatedWith);
      expect(d.disagreement!.r).toBeGreaterThan(0.9);
    }
  });

  it('is reproducible with a seed', SLOW, () => {
    const { table } = synthetic(800);
    const input = driverInput(table, 'y', { kind: 'equals', value: '1' });
    const one = keyDrivers(input.columns, input.rows, input.y, { seed: 5, bootstrap: 20 });
    const two = keyDrivers(input.columns, input.rows, input.y, { seed: 5, bootstrap: 20 });
    expect(two.drivers).toEqual(one.drivers);
    expect(two.quality).toEqual(one.quality);
  });
});

describe('targets and features', () => {
  it('detractors by default only for an NPS column; a value or threshold otherwise', () => {
    expect(Array.from(targetLabels('nps', [0, 6, 7, 10, null], null).y)).toEqual([1, 1, 0, 0]);
    expect(() => targetLabels('Churn', ['Yes', 'No'], null)).toThrow(TargetError);
    expect(describeDriverError('ru', new TargetError('not-nps', { column: 'Churn' }))).toContain(
      '«Churn»',
    );
    expect(
      Array.from(targetLabels('Churn', [true, false, null], { kind: 'equals', value: 'Yes' }).y),
    ).toEqual([1, 0]);
    expect(Array.from(targetLabels('csat', [1, 3, 5], { kind: 'below', threshold: 4 }).y)).toEqual([
      1, 1, 0,
    ]);
    expect(() => targetLabels('Churn', ['No'], { kind: 'equals', value: 'Yes' })).toThrow(
      /no-value/,
    );
  });

  it('leaves out ids, long text, dates and one-value columns by default, saying why', () => {
    const choices = featureChoices(
      {
        client_id: ['a1', 'a2', 'a3'],
        comment: [
          'a long comment about the late delivery of the goods',
          'x'.repeat(80),
          'y'.repeat(60),
        ],
        when: [1, 2, 3],
        same: ['x', 'x', 'x'],
        segment: ['A', 'B', 'A'],
        nps: [1, 9, 10],
      },
      {
        client_id: 'string',
        comment: 'string',
        when: 'date',
        same: 'string',
        segment: 'string',
        nps: 'number',
      },
      'nps',
    );
    expect(Object.fromEntries(choices.map((c) => [c.name, c.excluded]))).toEqual({
      client_id: 'id',
      comment: 'text',
      when: 'date',
      same: 'constant',
      segment: null,
      nps: 'target',
    });
  });

  it('leaves out a row-number column, as pandas writes its index under a blank header', async () => {
    // A CSV of the shape `df.to_csv()` writes: a blank header over 0, 1, 2…
    const lines = [',score,rating,region'];
    for (let i = 0; i < 40; i++) lines.push(`${i},${i % 11},${(i * 7) % 5},R${i % 3}`);
    const src = await readSource(new TextEncoder().encode(lines.join('\n')), 'pandas.csv');
    const report = profileTable(src);
    const columns = Object.fromEntries(
      src.names.map((n, k) => [n, src.rows.map((r) => (n === 'region' ? r[k] : Number(r[k])))]),
    );
    const types = Object.fromEntries(
      report.columns.map((c) => [c.name, c.format.type === 'category' ? 'string' : 'number']),
    ) as Record<string, 'string' | 'number'>;
    const choices = featureChoices(columns, types, 'score');
    expect(src.names[0]).toBe('Column 1');
    expect(choices.find((c) => c.name === 'Column 1')!.excluded).toBe('id');
    expect(choices.find((c) => c.name === 'rating')!.excluded).toBeNull();
    // A count that merely rises is not a row number.
    expect(isRowNumber([1, 2, 3, 5, 6, 7, 8, 9, 10, 11])).toBe(false);
    expect(isRowNumber(Array.from({ length: 12 }, (_, i) => i + 1))).toBe(true);
  });

  it('one-hot expands a category with its most frequent level as the linear reference, rare levels pooled', () => {
    const plan = Array.from({ length: 10 }, () => ['B', 'A', 'B', null, 'C', 'B']).flat();
    plan.push('Z');
    const n = plan.map((_, i) => (i % 7 === 2 ? null : i));
    const x = expandFeatures([
      { name: 'plan', kind: 'categorical', values: plan },
      { name: 'n', kind: 'numeric', values: n },
    ]);
    // One row of Z is too few to learn from: it joins the "other" level.
    expect(x.matrix.names).toEqual(['plan=B', 'plan=A', 'plan=C', 'plan=…', 'n']);
    expect(Array.from(x.groups)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(x.linear)).toEqual([1, 2, 3, 4]);
    const rows = x.matrix.nRows;
    const at = (f: number, i: number) => x.matrix.values[f * rows + i];
    expect([at(0, 0), at(1, 0), at(2, 0), at(3, 0)]).toEqual([1, 0, 0, 0]);
    expect([at(0, 60), at(1, 60), at(2, 60), at(3, 60)]).toEqual([0, 0, 0, 1]);
    // A blank category is missing in every level, not "none of them".
    for (let f = 0; f < 4; f++) expect(at(f, 3)).toBeNaN();
    expect(at(4, 2)).toBeNaN();
  });
});
