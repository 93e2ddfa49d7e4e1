import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartData } from '../../src/core/charts/chart-data.ts';
import {
  chartSpec,
  isProgressive,
  type ChartSpecLabels,
} from '../../src/core/charts/chart-spec.ts';
import { ROWS } from '../../src/core/charts/progressive.ts';
import { drawnInParts } from './vega-parts.ts';
import {
  CHART_MARKS,
  createChartSettings,
  type ChartSettings,
} from '../../src/core/charts/chart-settings.ts';
import { checkUserSpec } from '../../src/core/charts/user-spec-check.ts';
import type { LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import { chartSvg } from '../../src/core/report/chart-svg.ts';
import { Rng } from '../../src/core/random.ts';
import { SLOW } from './slow.ts';

function dataset(n = 3000): LoadedDataset {
  const rng = new Rng(2);
  const col = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  return {
    name: 'ops',
    columns: {
      segment: col(() => ['A', 'B', 'C'][rng.int(0, 2)]!),
      region: col(() => ['N', 'S'][rng.int(0, 1)]!),
      score: col(() => rng.int(0, 10)),
      delay: col(() => rng.uniform(0, 40)),
      date: col(() => Date.UTC(2025, rng.int(0, 11), rng.int(1, 28))),
    },
    types: { segment: 'string', region: 'string', score: 'number', delay: 'number', date: 'date' },
  };
}

const labels: ChartSpecLabels = {
  x: 'X words',
  y: 'Mean of delay',
  value: 'NPS of score',
  color: 'Region',
  facet: 'Segment',
  count: 'Number of rows',
  box: { lower: 'Lo', q1: 'Q1', median: 'Med', q3: 'Q3', upper: 'Hi' },
};

/** The parts of a spec's JSON the tests read. */
interface View {
  mark?: { type: string };
  params?: { name: string; select: unknown }[];
  encoding?: Record<string, { field?: string; title?: string } | undefined>;
  layer?: View[];
}
interface SpecJson extends View {
  width?: unknown;
  data?: unknown;
  facet?: unknown;
  title?: unknown;
  spec?: View;
}
const json = (spec: TopLevelSpec) => spec as unknown as SpecJson;

const settings = (over: Partial<ChartSettings>): ChartSettings => ({
  ...createChartSettings(),
  ...over,
});

/** Settings of every mark over several kinds of x. */
const CASES: [string, Partial<ChartSettings>][] = [
  ['bar by category, coloured', { mark: 'bar', x: 'segment', color: 'region' }],
  [
    'bar of means by month, coloured',
    { mark: 'bar', x: 'date', y: 'delay', aggregate: 'mean', color: 'region' },
  ],
  ['bar by binned number', { mark: 'bar', x: 'delay' }],
  [
    'line of NPS by month',
    { mark: 'line', x: 'date', y: 'score', aggregate: 'nps', color: 'region' },
  ],
  ['line by binned number', { mark: 'line', x: 'delay', y: 'score', aggregate: 'mean' }],
  [
    'area of counts by quarter',
    { mark: 'area', x: 'date', dateGrain: 'quarter', color: 'segment' },
  ],
  ['raw points', { mark: 'point', x: 'delay', y: 'score', aggregate: 'none', color: 'segment' }],
  ['points of medians', { mark: 'point', x: 'segment', y: 'delay', aggregate: 'median' }],
  ['boxplot by category', { mark: 'boxplot', x: 'segment', y: 'delay' }],
  ['boxplot by month', { mark: 'boxplot', x: 'date', y: 'delay' }],
  ['heatmap of counts', { mark: 'heatmap', x: 'segment', y: 'region' }],
  [
    'heatmap of NPS by month',
    { mark: 'heatmap', x: 'date', y: 'segment', value: 'score', aggregate: 'nps' },
  ],
  ['heatmap of binned numbers', { mark: 'heatmap', x: 'delay', y: 'score' }],
  ['faceted bars', { mark: 'bar', x: 'region', facet: 'segment' }],
  [
    'faceted line with a brush',
    { mark: 'line', x: 'date', y: 'delay', aggregate: 'mean', facet: 'region' },
  ],
];

describe('chart spec', () => {
  const d = dataset();

  it.each(CASES)('%s compiles, draws, and loads or links nothing', SLOW, async (_, over) => {
    const s = settings(over);
    const data = chartData(d, s);
    expect(data.missing).toEqual([]);
    const spec = chartSpec(data, s, labels);
    expect(() => compile(spec)).not.toThrow();
    await expect(chartSvg(spec, 'en')).resolves.toContain('<svg');
    const text = JSON.stringify(spec);
    expect(text).not.toMatch(/"(url|href|image)"/);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    // What the chart cell makes passes the check of hand-written specs too.
    expect(checkUserSpec(spec, []).ok).toBe(true);
  });

  it('covers every mark', () => {
    const marks = new Set(CASES.map(([, s]) => s.mark));
    expect([...marks].sort()).toEqual([...CHART_MARKS].sort());
  });

  it('fills the container unless faceted, with the rows inline', () => {
    const s = settings({ x: 'segment' });
    const data = chartData(d, s);
    const spec = json(chartSpec(data, s, labels));
    expect(spec.width).toBe('container');
    expect(spec.data).toEqual({ values: data.rows });
    const fs = settings({ x: 'region', facet: 'segment' });
    const faceted = json(chartSpec(chartData(d, fs), fs, labels));
    expect(faceted.width).toBeUndefined();
    expect(faceted.facet).toMatchObject({ field: 'facet', title: 'Segment' });
  });

  it('titles the axes with the given words', () => {
    const s = settings({
      mark: 'bar',
      x: 'segment',
      y: 'delay',
      aggregate: 'mean',
      title: 'Delays',
    });
    const spec = json(chartSpec(chartData(d, s), s, labels));
    expect(spec.title).toBe('Delays');
    expect(spec.encoding?.x?.title).toBe('X words');
    expect(spec.encoding?.y?.title).toBe('Mean of delay');
    const tooltip = spec.encoding?.tooltip as unknown as { title: string }[];
    expect(tooltip.map((t) => t.title)).toEqual(['X words', 'Mean of delay', 'Number of rows']);
  });

  it('brushes a continuous x of lines, points and areas; picks points elsewhere', () => {
    const pick = (over: Partial<ChartSettings>) => {
      const s = settings(over);
      const spec = json(chartSpec(chartData(d, s), s, labels));
      const view = spec.spec ?? spec;
      const params = view.params ?? view.layer?.flatMap((l) => l.params ?? []) ?? [];
      expect(params).toHaveLength(1);
      expect(params[0]!.name).toBe('pick');
      return params[0]!.select;
    };
    expect(pick({ mark: 'line', x: 'date' })).toEqual({ type: 'interval', encodings: ['x'] });
    expect(pick({ mark: 'area', x: 'delay' })).toEqual({ type: 'interval', encodings: ['x'] });
    expect(pick({ mark: 'bar', x: 'date' })).toEqual({ type: 'point', fields: ['x'] });
    expect(pick({ mark: 'bar', x: 'segment', color: 'region' })).toEqual({
      type: 'point',
      fields: ['x', 'color'],
    });
    expect(pick({ mark: 'line', x: 'segment', facet: 'region' })).toEqual({
      type: 'point',
      fields: ['x', 'facet'],
    });
    expect(pick({ mark: 'heatmap', x: 'segment', y: 'region' })).toEqual({
      type: 'point',
      fields: ['x', 'y'],
    });
    expect(pick({ mark: 'boxplot', x: 'segment', y: 'delay' })).toEqual({
      type: 'point',
      fields: ['x'],
    });
  });

  it('draws a boxplot from its five numbers: whisker rule, box bar, median tick', () => {
    const s = settings({ mark: 'boxplot', x: 'segment', y: 'delay' });
    const layer = json(chartSpec(chartData(d, s), s, labels)).layer!;
    expect(layer.map((l) => l.mark?.type)).toEqual(['rule', 'bar', 'tick']);
    expect(layer.map((l) => [l.encoding?.y?.field, l.encoding?.y2?.field])).toEqual([
      ['lower', 'upper'],
      ['q1', 'q3'],
      ['median', undefined],
    ]);
  });

  it('draws raw points part by part with the same scales as all at once', async () => {
    const s = settings({
      mark: 'point',
      x: 'delay',
      y: 'score',
      aggregate: 'none',
      color: 'segment',
    });
    const data = chartData(dataset(3000), s);
    expect(isProgressive(data, s)).toBe(true);
    const spec = chartSpec(data, s, labels) as unknown as {
      data: { name: string; values: unknown[] };
      width: unknown;
    };
    expect(spec.data.name).toBe(ROWS);
    // Drawn from its first thousand rows, then the rest added to `rows` in two parts: the
    // scales do not move (each part drew only its own marks), and every point is drawn.
    const drawn = await drawnInParts(spec as unknown as TopLevelSpec, ['x', 'y', 'color']);
    expect(drawn.last).toEqual(drawn.first);
    expect(drawn.whole).toEqual(drawn.first);
    expect(drawn.rows).toBe(3000);
  });
});
