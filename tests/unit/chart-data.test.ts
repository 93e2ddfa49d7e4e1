import { describe, expect, it } from 'vitest';
import { niceEdges } from '../../src/core/charts/chart-bins.ts';
import { chartData } from '../../src/core/charts/chart-data.ts';
import type { ChartRow } from '../../src/core/charts/chart-types.ts';
import { boxStats } from '../../src/core/charts/chart-quantiles.ts';
import { createChartSettings, type ChartSettings } from '../../src/core/charts/chart-settings.ts';
import { restoreChartSettings } from '../../src/core/charts/chart-settings.ts';
import type { LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import { Rng } from '../../src/core/random.ts';
import { SLOW } from './slow.ts';

const SEGMENTS = ['Retail', 'Wholesale', 'Online', 'Partner'];
const REGIONS = ['North', 'South', 'East'];

/** A small survey: segment, region, NPS score (some blank, some out of range), delay, date. */
function survey(n = 600): LoadedDataset {
  const rng = new Rng(7);
  const segment: (string | null)[] = [];
  const region: string[] = [];
  const score: (number | null)[] = [];
  const delay: (number | null)[] = [];
  const date: number[] = [];
  const late: boolean[] = [];
  for (let i = 0; i < n; i++) {
    segment.push(i % 50 === 49 ? null : SEGMENTS[rng.int(0, 3)]!);
    region.push(REGIONS[rng.int(0, 2)]!);
    score.push(i % 37 === 0 ? null : i % 53 === 0 ? 11 : rng.int(0, 10));
    delay.push(i % 41 === 0 ? null : Math.round(rng.uniform(0, 30) * 10) / 10);
    date.push(Date.UTC(2025, rng.int(0, 11), rng.int(1, 28), rng.int(0, 23)));
    late.push(rng.next() < 0.3);
  }
  return {
    name: 'survey',
    columns: { segment, region, score, delay, date, late },
    types: {
      segment: 'string',
      region: 'string',
      score: 'number',
      delay: 'number',
      date: 'date',
      late: 'boolean',
    },
  };
}

const settings = (over: Partial<ChartSettings>): ChartSettings => ({
  ...createChartSettings(),
  ...over,
});

const col = (d: LoadedDataset, name: string) => d.columns[name] as ArrayLike<unknown>;

/** Hand computation: the rows of each group key with a usable value. */
function groups(
  d: LoadedDataset,
  key: (i: number) => string | null,
  value: (i: number) => number | null = () => 0,
) {
  const out = new Map<string, number[]>();
  const n = col(d, 'segment').length;
  for (let i = 0; i < n; i++) {
    const k = key(i);
    const v = value(i);
    if (k === null || v === null) continue;
    out.set(k, [...(out.get(k) ?? []), v]);
  }
  return out;
}

const byX = (rows: ChartRow[]) => new Map(rows.map((r) => [String(r.x), r]));

describe('chart settings', () => {
  it('repairs stored settings: unknown choices to defaults, empty columns to none', () => {
    const s = restoreChartSettings({
      mark: 'pie',
      x: '',
      y: 'delay',
      aggregate: 'mode',
      dateGrain: 'week',
      sort: 'y-desc',
      title: 7,
    });
    expect(s).toEqual({ ...createChartSettings(), y: 'delay', sort: 'y-desc' });
    expect(restoreChartSettings(null)).toEqual(createChartSettings());
  });
});

describe('chart data', () => {
  const d = survey();
  const segmentOf = (i: number) => col(d, 'segment')[i] as string | null;

  it('counts rows per category, and reports the rows with a blank x', () => {
    const data = chartData(d, settings({ x: 'segment' }));
    const truth = groups(d, segmentOf);
    expect(data.reduced).toBe('aggregated');
    expect(data.xType).toBe('nominal');
    expect(data.rows).toHaveLength(truth.size);
    for (const [k, v] of truth) {
      expect(byX(data.rows).get(k)).toMatchObject({ y: v.length, n: v.length });
    }
    expect(data.dropped.blank).toBe(12);
    expect(data.inputRows).toBe(600);
    expect(data.marks).toBe(data.rows.length);
  });

  it('takes the mean per category and colour; a blank measured value leaves its row out', () => {
    const delay = (i: number) => col(d, 'delay')[i] as number | null;
    const data = chartData(
      d,
      settings({ x: 'segment', y: 'delay', color: 'region', aggregate: 'mean' }),
    );
    const truth = groups(
      d,
      (i) => (segmentOf(i) === null ? null : `${segmentOf(i)}|${col(d, 'region')[i]}`),
      delay,
    );
    expect(data.rows).toHaveLength(truth.size);
    for (const row of data.rows) {
      const values = truth.get(`${row.x}|${row.color}`)!;
      expect(row.n).toBe(values.length);
      expect(row.y).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    }
    const blank = 600 - [...truth.values()].reduce((s, v) => s + v.length, 0);
    expect(data.dropped.blank).toBe(blank);
  });

  it('computes NPS by month of a date (0–10 scores only), months as ISO dates in time order', () => {
    const data = chartData(
      d,
      settings({ mark: 'line', x: 'date', y: 'score', aggregate: 'nps', dateGrain: 'month' }),
    );
    expect(data.xType).toBe('temporal');
    expect(data.rows.map((r) => r.x)).toEqual(
      Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}-01`),
    );
    const month = (i: number) => new Date(col(d, 'date')[i] as number).toISOString().slice(0, 7);
    const truth = groups(d, month, (i) => col(d, 'score')[i] as number | null);
    for (const row of data.rows) {
      const scores = truth.get(String(row.x).slice(0, 7))!;
      const valid = scores.filter((s) => s >= 0 && s <= 10);
      const nps =
        ((valid.filter((s) => s >= 9).length - valid.filter((s) => s <= 6).length) / valid.length) *
        100;
      expect(row.y).toBeCloseTo(nps, 9);
      expect(row.n).toBe(scores.length);
    }
  });

  it('groups dates by quarter and year too', () => {
    const q = chartData(d, settings({ x: 'date', dateGrain: 'quarter' }));
    expect(q.rows.map((r) => r.x)).toEqual([
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
    ]);
    expect(q.rows.reduce((s, r) => s + Number(r.n), 0)).toBe(600);
    const y = chartData(d, settings({ x: 'date', dateGrain: 'year' }));
    expect(y.rows).toEqual([{ x: '2025-01-01', y: 600, n: 600 }]);
  });

  it('takes exact medians, sums, minima and maxima', () => {
    const values = [5, 1, 4, 2, 3, 10];
    const ds: LoadedDataset = {
      name: 't',
      columns: { g: ['a', 'a', 'a', 'b', 'b', 'b'], v: values },
      types: { g: 'string', v: 'number' },
    };
    const of = (aggregate: ChartSettings['aggregate']) =>
      chartData(ds, settings({ x: 'g', y: 'v', aggregate })).rows.map((r) => r.y);
    expect(of('median')).toEqual([4, 3]);
    expect(of('sum')).toEqual([10, 15]);
    expect(of('min')).toEqual([1, 2]);
    expect(of('max')).toEqual([5, 10]);
    // 'none' is for raw points: a bar chart takes the mean instead.
    expect(of('none')).toEqual([10 / 3, 5]);
  });

  it('gives a boxplot’s five numbers per x, with Tukey whiskers, never the raw rows', () => {
    expect(boxStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toEqual({
      lower: 1,
      q1: 3.25,
      median: 5.5,
      q3: 7.75,
      upper: 9,
    });
    const ds: LoadedDataset = {
      name: 't',
      columns: {
        g: [...Array(10).fill('a'), 'b', 'b', 'b'],
        v: [100, 1, 2, 3, 4, 5, 6, 7, 8, 9, -20, 0, 1],
      },
      types: { g: 'string', v: 'number' },
    };
    const data = chartData(ds, settings({ mark: 'boxplot', x: 'g', y: 'delay' }));
    expect(data.missing).toEqual(['y']);
    const box = chartData(ds, settings({ mark: 'boxplot', x: 'g', y: 'v' }));
    expect(box.rows).toEqual([
      { x: 'a', lower: 1, q1: 3.25, median: 5.5, q3: 7.75, upper: 9, n: 10 },
      { x: 'b', lower: -20, q1: -10, median: 0, q3: 0.5, upper: 1, n: 3 },
    ]);
  });

  it('draws a heatmap of x × rows, counting by default or aggregating the value', () => {
    const counts = chartData(d, settings({ mark: 'heatmap', x: 'segment', y: 'region' }));
    expect(counts.aggregate).toBe('count');
    const truth = groups(d, (i) =>
      segmentOf(i) === null ? null : `${segmentOf(i)}|${col(d, 'region')[i]}`,
    );
    expect(counts.rows).toHaveLength(truth.size);
    for (const r of counts.rows) expect(r.value).toBe(truth.get(`${r.x}|${r.y}`)!.length);
    const means = chartData(
      d,
      settings({ mark: 'heatmap', x: 'segment', y: 'region', value: 'delay', aggregate: 'mean' }),
    );
    expect(means.measure).toBe('delay');
    expect(means.rows.every((r) => typeof r.value === 'number')).toBe(true);
  });

  it('cuts a number x with many distinct values into at most 50 round ranges', () => {
    const n = 5000;
    const v = Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) + 0.5);
    const ds: LoadedDataset = { name: 't', columns: { v }, types: { v: 'number' } };
    const data = chartData(ds, settings({ x: 'v' }));
    expect(data.reduced).toBe('binned');
    expect(data.xType).toBe('quantitative');
    expect(data.rows.length).toBeLessThanOrEqual(50);
    expect(data.rows.reduce((s, r) => s + Number(r.n), 0)).toBe(n);
    expect(data.rows[0]).toMatchObject({ x: 0, x2: 20, n: 100 });
    expect(data.dimensions.x).toMatchObject({ kind: 'bin' });
    expect(niceEdges(0.5, 999.5, 50)).toEqual(Array.from({ length: 51 }, (_, i) => i * 20));
    expect(niceEdges(0.13, 0.29, 10)).toEqual([
      0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3,
    ]);
    // A few distinct numbers stay as they are, in order.
    const score = Array.from({ length: n }, (_, i) => i % 11);
    const scores: LoadedDataset = { name: 't', columns: { score }, types: { score: 'number' } };
    const few = chartData(scores, settings({ x: 'score' }));
    expect(few.reduced).toBe('aggregated');
    expect(few.xType).toBe('ordinal');
    expect(few.rows.map((r) => r.x)).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });

  it('merges the rarest categories into “other” so that the marks fit, and says how many', () => {
    const n = 20_000;
    const id = Array.from({ length: n }, (_, i) => `c${i < 10_000 ? i % 10 : i}`);
    const ds: LoadedDataset = { name: 't', columns: { id }, types: { id: 'string' } };
    const data = chartData(ds, settings({ x: 'id' }), { otherLabel: 'прочие', maxMarks: 1000 });
    expect(data.rows).toHaveLength(1000);
    expect(data.dropped.otherCategories).toBe(10_010 - 999);
    const other = data.rows.at(-1)!;
    expect(other.x).toBe('прочие');
    expect(data.rows.slice(0, 10).map((r) => r.n)).toEqual(Array(10).fill(1000));
    expect(data.rows.reduce((s, r) => s + Number(r.n), 0)).toBe(n);
    expect(data.dimensions.x).toMatchObject({ kind: 'category', merged: true });
  });

  it('samples raw points beyond the cap, the same rows for the same seed', () => {
    const n = 20_000;
    const rng = new Rng(3);
    const x = Array.from({ length: n }, () => rng.uniform(0, 100));
    const y = Array.from({ length: n }, () => rng.uniform(0, 10));
    const ds: LoadedDataset = {
      name: 't',
      columns: { x, y },
      types: { x: 'number', y: 'number' },
    };
    const s = settings({ mark: 'point', x: 'x', y: 'y', aggregate: 'none' });
    const a = chartData(ds, s, { seed: 11 });
    expect(a.reduced).toBe('sampled');
    expect(a.rows).toHaveLength(5000);
    expect(chartData(ds, s, { seed: 11 }).rows).toEqual(a.rows);
    expect(chartData(ds, s, { seed: 12 }).rows).not.toEqual(a.rows);
    // Every sampled point is a real row.
    const real = new Set(x.map((v, i) => `${v}|${y[i]}`));
    expect(a.rows.every((r) => real.has(`${r.x}|${r.y}`))).toBe(true);
    const small = chartData(ds, s, { maxMarks: 30_000 });
    expect(small.reduced).toBe('none');
    expect(small.rows).toHaveLength(n);
  });

  it('orders the marks as asked', () => {
    const asc = chartData(d, settings({ x: 'segment', sort: 'y-asc' })).rows.map((r) => r.y);
    expect(asc).toEqual([...asc].sort((a, b) => Number(a) - Number(b)));
    const desc = chartData(d, settings({ x: 'segment', sort: 'y-desc' })).rows.map((r) => r.y);
    expect(desc).toEqual([...desc].sort((a, b) => Number(b) - Number(a)));
    const byName = chartData(d, settings({ x: 'segment', sort: 'x' })).rows.map((r) => r.x);
    expect(byName).toEqual([...SEGMENTS].sort());
    // Stacked counts: x ordered by its total, the rows of one x together.
    const stacked = chartData(d, settings({ x: 'segment', color: 'region', sort: 'y-desc' }));
    const totals = new Map<string, number>();
    for (const r of stacked.rows)
      totals.set(String(r.x), (totals.get(String(r.x)) ?? 0) + Number(r.y));
    const order = [...new Set(stacked.rows.map((r) => String(r.x)))];
    expect(order.map((k) => totals.get(k))).toEqual([...totals.values()].sort((a, b) => b - a));
  });

  it('orders heatmap columns by their total and boxes by their median', () => {
    const heat = chartData(
      d,
      settings({ mark: 'heatmap', x: 'segment', y: 'region', sort: 'y-desc' }),
    );
    const totals = new Map<string, number>();
    for (const r of heat.rows)
      totals.set(String(r.x), (totals.get(String(r.x)) ?? 0) + Number(r.value));
    expect([...totals.values()]).toEqual([...totals.values()].sort((a, b) => b - a));
    const box = chartData(
      d,
      settings({ mark: 'boxplot', x: 'segment', y: 'delay', sort: 'y-asc' }),
    );
    const medians = box.rows.map((r) => Number(r.median));
    expect(medians).toEqual([...medians].sort((a, b) => a - b));
  });

  it('names what is missing instead of drawing', () => {
    expect(chartData(d, settings({ x: 'segment', aggregate: 'mean' })).missing).toEqual(['y']);
    expect(chartData(d, settings({ x: 'nope' })).missing).toEqual(['x']);
    expect(chartData(d, settings({ mark: 'heatmap', x: 'segment' })).missing).toEqual(['y']);
    expect(chartData(d, settings({ x: 'segment', y: 'region', aggregate: 'sum' })).missing).toEqual(
      ['y'],
    );
  });

  it('groups text ignoring case and spaces, and shows yes/no in the dataset’s words', () => {
    const ds: LoadedDataset = {
      name: 't',
      columns: { t: ['Moscow', ' moscow', 'Kazan', '', null], b: [true, false, true, true, null] },
      types: { t: 'string', b: 'boolean' },
      labels: { b: { yes: 'Да', no: 'Нет' } },
    };
    expect(chartData(ds, settings({ x: 't' })).rows).toEqual([
      { x: 'Moscow', y: 2, n: 2 },
      { x: 'Kazan', y: 1, n: 1 },
    ]);
    expect(chartData(ds, settings({ x: 'b' })).rows).toEqual([
      { x: 'Да', y: 3, n: 3 },
      { x: 'Нет', y: 1, n: 1 },
    ]);
  });

  it('draws a million rows as at most 5000 marks, with every row counted', SLOW, () => {
    const n = 1_000_000;
    const rng = new Rng(5);
    const client = new Array<string>(n);
    const segment = new Array<string>(n);
    const date = new Float64Array(n);
    const amount = new Float64Array(n);
    const names = Array.from({ length: 50_000 }, (_, i) => `client-${i}`);
    const start = Date.UTC(2020, 0, 1);
    for (let i = 0; i < n; i++) {
      client[i] = names[Math.floor(rng.next() ** 2 * names.length)]!;
      segment[i] = SEGMENTS[i % 4]!;
      date[i] = start + Math.floor(rng.next() * 6 * 365) * 86_400_000;
      amount[i] = rng.uniform(0, 1e6);
    }
    const ds: LoadedDataset = {
      name: 'big',
      columns: { client, segment, date, amount },
      types: { client: 'string', segment: 'string', date: 'date', amount: 'number' },
    };
    const total = (rows: ChartRow[]) => rows.reduce((s, r) => s + Number(r.n), 0);
    const byClient = chartData(ds, settings({ x: 'client', color: 'segment' }));
    expect(byClient.rows.length).toBeLessThanOrEqual(5000);
    expect(total(byClient.rows)).toBe(n);
    expect(byClient.dropped.otherCategories).toBeGreaterThan(0);
    const byDay = chartData(
      ds,
      settings({ mark: 'line', x: 'date', y: 'amount', aggregate: 'median', dateGrain: 'day' }),
    );
    expect(byDay.rows.length).toBeLessThanOrEqual(5000);
    expect(total(byDay.rows)).toBe(n);
    const byAmount = chartData(ds, settings({ x: 'amount', color: 'segment' }));
    expect(byAmount.reduced).toBe('binned');
    expect(total(byAmount.rows)).toBe(n);
    const raw = chartData(
      ds,
      settings({ mark: 'point', x: 'date', y: 'amount', aggregate: 'none' }),
    );
    expect(raw.rows).toHaveLength(5000);
  });
});
