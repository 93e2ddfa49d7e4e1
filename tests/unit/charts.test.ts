import {
  clusterMapSpec,
  clusterSizesSpec,
  wrapLabel,
} from '../../src/core/charts/cluster-views.ts';
import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import {
  beeswarmSpec,
  calibrationSpec,
  dependenceSpec,
  CALIBRATION_TICKS,
} from '../../src/core/charts/driver-views.ts';
import { drawnInParts } from './vega-parts.ts';
import { Rng } from '../../src/core/random.ts';
import { fittedDomain, showsZero } from '../../src/core/charts/value-domain.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import { indexTrendSpec } from '../../src/core/charts/index-trend.ts';
import { npsGroupsSpec } from '../../src/core/charts/nps-groups.ts';
import { indexDistributionSpec } from '../../src/core/charts/index-distribution.ts';
import { indicatorTrendSpec } from '../../src/core/charts/indicator-trend.ts';
import { intervalChartSpec } from '../../src/core/charts/interval-chart.ts';
import { paretoSpec } from '../../src/core/charts/pareto.ts';
import { themePareto } from '../../src/core/text/theme-pareto.ts';
import { traceMapSpec } from '../../src/core/charts/trace-map.ts';
import { waterfallBars, waterfallSpec } from '../../src/core/charts/trace-waterfall.ts';

describe('chart specs', () => {
  it('the index trend is valid Vega-Lite, in period order, on a fixed 0–100 axis', () => {
    const byPeriod = [
      { period: '2026-01', mean: 61.2, n: 40 },
      { period: '2026-02', mean: 58.9, n: 38 },
    ];
    const spec = indexTrendSpec(byPeriod, { period: 'Period', mean: 'Mean', clients: 'Clients' });
    const { spec: vega } = compile(spec);
    const data = vega.data?.find((d) => Array.isArray((d as { values?: unknown }).values)) as {
      values: { period: string }[];
    };
    expect(data.values.map((v) => v.period)).toEqual(['2026-01', '2026-02']);
    const y = vega.scales?.find((s) => s.name === 'y');
    expect(y?.domain).toEqual([0, 100]);
    // The chart's data is a copy: changing it does not change the summary it came from.
    data.values[0]!.period = 'x';
    expect(byPeriod[0]!.period).toBe('2026-01');
  });

  it('an indicator’s trend runs on its own scale with its target as a rule', () => {
    const labels = { period: 'Period', value: 'Value', entities: 'Units' };
    const byPeriod = [
      { period: '2026-01', value: 0.91, n: 6 },
      { period: '2026-02', value: 0.87, n: 6 },
    ];
    const { spec: vega } = compile(indicatorTrendSpec(byPeriod, { min: 0, max: 1 }, 0.95, labels));
    const y = vega.scales?.find((s) => s.name === 'y');
    expect(y?.domain).toEqual([0, 1]);
    const values = (vega.data ?? []).flatMap(
      (d) =>
        ((d as { values?: Record<string, unknown>[] }).values ?? []) as Record<string, unknown>[],
    );
    expect(values).toContainEqual({ target: 0.95 });
    expect(values.filter((v) => 'period' in v).map((v) => v.period)).toEqual([
      '2026-01',
      '2026-02',
    ]);
    // Without a target there is no rule, only the line.
    const plain = compile(indicatorTrendSpec(byPeriod, { min: 0, max: 1 }, undefined, labels)).spec;
    expect(JSON.stringify(plain)).not.toContain('"rule"');
    expect(JSON.stringify(vega)).toContain('"rule"');
  });

  it('trend lines of several groups run in time order, whichever group starts later', () => {
    const point = (series: string, key: string) => ({
      series,
      key,
      value: 0.5,
      low: 0.4,
      high: 0.6,
      n: 50,
      unreliable: false,
    });
    const labels = {
      key: 'Month',
      value: 'CSAT',
      low: 'Low',
      high: 'High',
      n: 'n',
      unreliable: 'Few',
      yes: 'yes',
      no: 'no',
    };
    // Points come by group, then period: group A starts in March, group B in January.
    const points = [
      point('A', '2024-03'),
      point('A', '2024-04'),
      point('B', '2024-01'),
      point('B', '2024-03'),
    ];
    const { spec: vega } = compile(
      intervalChartSpec(points, { kind: 'period', format: '.0%', labels }),
    );
    const x = vega.scales?.find((s) => s.name === 'x');
    expect(x?.domain).toEqual(['2024-01', '2024-03', '2024-04']);
    // A chosen point is marked through the data, not by pasting its value into an expression.
    const chosen = JSON.stringify(
      intervalChartSpec([point('', 'a\u2028"b')], {
        kind: 'group',
        format: '.0%',
        labels,
        selected: 'a\u2028"b',
      }),
    );
    expect(chosen).toContain('datum.chosen');
    expect(chosen).not.toContain('datum.key ===');
  });

  it('a Pareto chart is valid Vega-Lite: bars largest first, the running share, an 80% rule', () => {
    const themes = themePareto(['a', 'b', 'b', 'c', 'c', 'c'], [1, 10, 10, 1, 1, 1]);
    const labels = {
      theme: 'Theme',
      measure: 'Complaints',
      cumulative: 'Cumulative',
      share: 'Share',
    };
    const byCount = compile(
      paretoSpec(themePareto(['a', 'b', 'b', 'c', 'c', 'c']), 'count', labels),
    ).spec;
    const rows = (v: typeof byCount) =>
      (v.data ?? []).flatMap((d) =>
        ((d as { values?: { key?: string }[] }).values ?? []).filter((x) => x.key),
      );
    expect(rows(byCount).map((r) => r.key)).toEqual(['c', 'b', 'a']);
    const byValue = compile(paretoSpec(themes, 'value', labels)).spec;
    expect(rows(byValue).map((r) => r.key)).toEqual(['b', 'c', 'a']);
    expect(JSON.stringify(byValue)).toContain('"line":0.8');
  });

  it('NPS by group is valid Vega-Lite: a band by period, error bars by group', () => {
    const summary = (nps: number, n: number) => ({
      ...{ promoters: 0, passives: 0, detractors: 0, missing: 0, invalid: 0 },
      n,
      nps,
      promoterShare: 0,
      passiveShare: 0,
      detractorShare: 0,
      ciLow: nps - 10,
      ciHigh: nps + 10,
    });
    const groups = [
      { key: '2026-Q1', summary: summary(20, 120), unreliable: false },
      { key: '2026-Q2', summary: summary(-5, 12), unreliable: true },
    ];
    const labels = {
      group: 'Quarter',
      nps: 'NPS',
      low: 'Low',
      high: 'High',
      n: 'Answers',
      unreliable: 'Too few',
      yes: 'yes',
      no: 'no',
    };
    const marks = (kind: 'period' | 'group') =>
      JSON.stringify(compile(npsGroupsSpec(groups, kind, labels)).spec.marks);
    expect(marks('period')).toContain('"type":"area"');
    expect(marks('group')).toContain('"type":"rule"');
    // The small group is drawn faint, not dropped.
    expect(marks('group')).toContain('0.35');
  });

  it('the index distribution bins clients in steps of 5 on 0–100', () => {
    const spec = indexDistributionSpec([12, 14, 88], { index: 'Index', clients: 'Clients' });
    const vega = compile(spec).spec;
    const text = JSON.stringify(vega);
    expect(text).toContain('"step":5');
    expect(text).toContain('"extent":[0,100]');
  });

  it('the trace map is valid Vega-Lite; links the data does not back are dashed, contrary ones orange', () => {
    const node = (id: string, layer: 'CX' | 'OX' | 'IT', share: number | null) => ({
      id,
      name: id,
      layer,
      share,
      onPath: false,
    });
    const link = (child: string, parent: string, status: 'supported' | 'unsupported' | 'sign') => ({
      child,
      parent,
      r: 0.4,
      onPath: false,
      status,
      statusText: status,
    });
    const spec = traceMapSpec(
      [node('nps', 'CX', null), node('late', 'OX', 0.1), node('scan', 'IT', 0.04)],
      [link('late', 'nps', 'supported'), link('scan', 'late', 'unsupported')],
      { layer: 'Layer', indicator: 'Indicator', share: 'Share', r: 'Effect', status: 'Data' },
    );
    expect(() => compile(spec)).not.toThrow();
    const lines = (
      spec as {
        layer: { data: { values: { status: string }[] }; encoding: Record<string, unknown> }[];
      }
    ).layer[0]!;
    expect(lines.data.values.map((v) => v.status)).toEqual([
      'supported',
      'supported',
      'unsupported',
      'unsupported',
    ]);
    expect(JSON.stringify(lines.encoding.strokeDash)).toContain("datum.status !== 'supported'");
    expect(JSON.stringify(lines.encoding.color)).toContain("datum.status === 'sign'");
  });

  it('the trace waterfall is valid Vega-Lite with its bars in order', () => {
    const labels = {
      step: 'Step',
      value: 'Value',
      change: 'Change',
      reference: 'Others',
      population: 'Detractors',
      formatValue: String,
      formatChange: String,
    };
    const bars = waterfallBars(40, -100, [{ label: 'Delivery', change: -140 }], labels);
    expect(() => compile(waterfallSpec(bars, labels))).not.toThrow();
  });
});

describe('cluster names on the sizes chart', () => {
  it('wrap at spaces into short lines instead of being cut, whole in the tooltip', () => {
    expect(wrapLabel('доставка · опоздание · менеджер не перезвонил вовремя')).toEqual([
      'доставка · опоздание ·',
      'менеджер не перезвонил',
      'вовремя',
    ]);
    expect(wrapLabel('short')).toEqual(['short']);
    expect(wrapLabel('averyveryverylongwordwithoutanyspacesatall x')).toEqual([
      'averyveryverylongwordwithoutanyspacesatall',
      'x',
    ]);
    const spec = clusterSizesSpec(
      [
        { name: 'доставка · опоздание · менеджер не перезвонил вовремя', size: 10, nps: -40 },
        { name: 'цена', size: 5, nps: 10 },
      ],
      { cluster: 'Cluster', comments: 'Comments', nps: 'NPS', x: 'x', y: 'y' },
    ) as unknown as {
      data: { values: { cluster: string; label: string }[] };
      encoding: { y: { field: string; axis: { labelExpr: string; labelLimit: number } } };
    };
    expect(spec.data.values[0]!.label.split('\n')).toHaveLength(3);
    expect(spec.encoding.y.field).toBe('label');
    expect(spec.encoding.y.axis.labelLimit).toBe(0);
    expect(spec.encoding.y.axis.labelExpr).toContain('split(');
    // On the map, the legend sits below with room for whole names.
    const map = clusterMapSpec([{ x: 0, y: 0, cluster: 'цена' }], {
      cluster: 'Cluster',
      comments: 'Comments',
      nps: 'NPS',
      x: 'x',
      y: 'y',
    }) as unknown as { encoding: { color: { legend: { orient: string; labelLimit: number } } } };
    expect(map.encoding.color.legend).toMatchObject({ orient: 'bottom', labelLimit: 320 });
    expect(spec.data.values[0]!.cluster).toBe(
      'доставка · опоздание · менеджер не перезвонил вовремя',
    );
  });
});

describe('value axes that fit the data, and names on the axes', () => {
  const npsLabels = {
    group: 'Quarter of date',
    nps: 'NPS',
    low: 'Low',
    high: 'High',
    n: 'Answers',
    unreliable: 'Too few',
    yes: 'yes',
    no: 'no',
  };
  const npsGroup = (key: string, nps: number, ciLow: number, ciHigh: number) => ({
    key,
    unreliable: false,
    summary: {
      ...{ promoters: 0, passives: 0, detractors: 0, missing: 0, invalid: 0 },
      ...{ n: 300, nps, promoterShare: 0, passiveShare: 0, detractorShare: 0 },
      ciLow,
      ciHigh,
    },
  });
  const scaleOf = (vega: ReturnType<typeof compile>['spec'], name: string) =>
    vega.scales?.find((s) => s.name === name) as { domain: number[]; zero?: boolean } | undefined;
  /** The rules drawn at a fixed value 0 of the y scale (not from a data field). */
  const zeroRules = (vega: ReturnType<typeof compile>['spec']) =>
    (vega.marks ?? []).filter(
      (m) => m.type === 'rule' && JSON.stringify(m.encode?.update?.y) === '{"scale":"y","value":0}',
    );

  it('an NPS trend from +8.8 to +22.6 fills the chart, with 0 and a zero rule in view', () => {
    const groups = [npsGroup('2025-Q3', 8.8, 2.1, 15.4), npsGroup('2025-Q4', 22.6, 16.3, 28.9)];
    for (const kind of ['period', 'group'] as const) {
      const vega = compile(npsGroupsSpec(groups, kind, npsLabels)).spec;
      const [low, high] = scaleOf(vega, 'y')!.domain as [number, number];
      expect(low).toBeGreaterThanOrEqual(-10);
      expect(high).toBeLessThanOrEqual(40);
      // Both intervals and 0 are on the axis, which is not the whole −100…+100.
      expect(low).toBeLessThanOrEqual(0);
      expect(low).toBeLessThanOrEqual(2.1);
      expect(high).toBeGreaterThanOrEqual(28.9);
      expect([low, high]).not.toEqual([-100, 100]);
      // The computed axis is kept as is (no zero or rounding by Vega on top of it).
      expect(scaleOf(vega, 'y')!.zero).toBe(false);
      expect(zeroRules(vega)).toHaveLength(1);
      // The axes carry the names given, and the zero rule adds none of its own.
      const titles = (vega.axes ?? []).filter((a) => a.title).map((a) => [a.scale, a.title]);
      expect(titles).toEqual([
        ['x', 'Quarter of date'],
        ['y', 'NPS'],
      ]);
      // Periods read across; a group's name keeps Vega's turned label, never hidden.
      const x = JSON.stringify(vega.axes?.find((a) => a.scale === 'x' && a.title));
      expect(x.includes('"labelOverlap":"parity"')).toBe(kind === 'period');
    }
  });

  it('an NPS far from 0 is not squashed to show 0; an NPS near −100 stays within the scale', () => {
    const high = compile(
      npsGroupsSpec(
        [npsGroup('2025-Q3', 61, 56, 66), npsGroup('2025-Q4', 69, 64.5, 73.5)],
        'period',
        npsLabels,
      ),
    ).spec;
    const [from, to] = scaleOf(high, 'y')!.domain as [number, number];
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(56);
    expect(to).toBeGreaterThanOrEqual(73.5);
    expect(to).toBeLessThanOrEqual(100);
    expect(zeroRules(high)).toHaveLength(0);
    const low = compile(
      npsGroupsSpec([npsGroup('2025-Q3', -95, -99.5, -88)], 'period', npsLabels),
    ).spec;
    expect(scaleOf(low, 'y')!.domain[0]).toBe(-100);
  });

  it('fits a move, its intervals and 0 in round numbers within the limits', () => {
    expect(fittedDomain([8.8, 22.6, 2.1, 15.4, 16.3, 28.9], [-100, 100])).toEqual([-5, 35]);
    // A tiny move is given a tenth of the scale, not blown up to fill the chart.
    const [a, b] = fittedDomain([20.1, 20.3], [-100, 100]);
    expect(b - a).toBeGreaterThanOrEqual(20);
    expect(a).toBe(0);
    // Below zero, the same.
    expect(fittedDomain([-22.6, -8.8], [-100, 100])).toEqual([-30, 0]);
    expect(fittedDomain([], [-100, 100])).toEqual([-100, 100]);
    expect(fittedDomain([Number.NaN], [-100, 100])).toEqual([-100, 100]);
    expect(fittedDomain([99, 100], [-100, 100])[1]).toBe(100);
    expect(showsZero([-5, 35])).toBe(true);
    expect(showsZero([50, 80])).toBe(false);
  });

  it('the metric cell’s NPS lines by group fit the values they draw', () => {
    const labels = { key: 'Quarter of date', value: 'NPS', low: 'L', high: 'H' };
    const point = (series: string, key: string, value: number) => ({
      ...{ series, key, value, low: value - 30, high: value + 30, n: 40, unreliable: false },
    });
    const spec = intervalChartSpec(
      [point('A', '2025-Q1', 10), point('A', '2025-Q2', 14), point('B', '2025-Q1', 18)],
      {
        kind: 'period',
        fitWithin: [-100, 100],
        format: '+.1f',
        labels: { ...labels, n: 'n', unreliable: 'u', yes: 'y', no: 'n', series: 'Segment' },
      },
    );
    // With several lines no band is drawn, so the intervals do not widen the axis.
    const [from, to] = scaleOf(compile(spec).spec, 'y')!.domain as [number, number];
    expect(from).toBe(0);
    expect(to).toBeLessThanOrEqual(30);
  });

  it('an indicator on a scale around 0 (NPS) is fitted with a zero rule; a 0–1 one is not', () => {
    const labels = { period: 'Period', value: 'NPS', entities: 'Clients' };
    const byPeriod = [
      { period: '2026-01', value: 8.8, n: 60 },
      { period: '2026-02', value: 22.6, n: 60 },
    ];
    const nps = compile(indicatorTrendSpec(byPeriod, { min: -100, max: 100 }, 30, labels)).spec;
    const [from, to] = scaleOf(nps, 'y')!.domain as [number, number];
    expect(from).toBeLessThanOrEqual(0);
    // The target (30) is on the axis too, or its rule would fall outside the chart.
    expect(to).toBeGreaterThanOrEqual(30);
    expect(to).toBeLessThanOrEqual(40);
    expect(zeroRules(nps)).toHaveLength(1);
    const share = compile(
      indicatorTrendSpec([{ period: '2026-01', value: 0.9, n: 6 }], { min: 0, max: 1 }, 0.95, {
        ...labels,
        value: 'On time',
      }),
    ).spec;
    expect(scaleOf(share, 'y')!.domain).toEqual([0, 1]);
    expect(zeroRules(share)).toHaveLength(0);
  });

  it('the period axis is named in both languages, never by the bare column', () => {
    expect(translate('en', 'npsg.axis.quarter', { column: 'date' })).toBe('Quarter of date');
    expect(translate('en', 'npsg.axis.month', { column: 'date' })).toBe('Month of date');
    expect(translate('ru', 'npsg.axis.quarter', { column: 'Дата' })).toBe('Квартал (Дата)');
    expect(translate('ru', 'npsg.axis.month', { column: 'Дата' })).toBe('Месяц (Дата)');
  });
});

describe('the calibration chart', () => {
  const bins = [0.04, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95].map((p, i) => ({
    meanPredicted: p,
    observedRate: Math.min(1, p + (i % 2 === 0 ? 0.03 : -0.04)),
    n: 200,
  }));
  const labels = {
    ...{ driver: 'Driver', direction: 'Direction', shap: 'SHAP', weight: 'Weight' },
    ...{ share: 'Share', method: 'Method', value: 'Value', shapValue: 'SHAP value' },
    ...{ low: 'low', high: 'high', lower: 'Lower', upper: 'Upper', rows: 'Rows' },
    predicted: 'Предсказанная доля низких',
    observed: 'Наблюдаемая доля низких',
  };

  it('marks both axes at 0%, 20% … 100% and hides labels that would touch', () => {
    const vega = compile(calibrationSpec(bins, labels)).spec;
    const axes = (vega.axes ?? []).filter((a) => a.labels !== false && a.title);
    expect(axes.map((a) => [a.scale, a.title])).toEqual([
      ['x', labels.predicted],
      ['y', labels.observed],
    ]);
    for (const axis of axes) {
      expect(axis.values).toEqual(CALIBRATION_TICKS);
      expect(axis.labelOverlap).toBe(true);
      expect(axis.labelSeparation).toBeGreaterThan(0);
      expect(axis.labelFlush).toBe(true);
    }
  });

  it('draws no two axis labels over or against each other, narrow or wide', async () => {
    // Touching labels read as one ("90%100%"): Vega's default let them come within 2px.
    const gap = 4;
    for (const width of [200, 320, 460, 700, 1100]) {
      const spec = { ...calibrationSpec(bins, labels), width } as TopLevelSpec;
      const view = new View(parse(compile(spec).spec), { renderer: 'none' });
      await view.runAsync();
      const boxes = shownLabels((view.scenegraph() as unknown as { root: SceneNode }).root);
      expect(boxes.length).toBeGreaterThanOrEqual(6);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const apart =
            a.x2 + gap <= b.x1 || b.x2 + gap <= a.x1 || a.y2 + gap <= b.y1 || b.y2 + gap <= a.y1;
          expect(apart, `${a.text} and ${b.text} at width ${width}`).toBe(true);
        }
      }
      view.finalize();
    }
  });
});

/** A node of Vega's scenegraph, as far as the label check reads it. */
interface SceneNode {
  role?: string;
  items?: SceneNode[];
  text?: string;
  opacity?: number;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  x?: number;
  y?: number;
}

/** The axis labels Vega shows (overlap removal hides others with opacity 0), in chart space. */
function shownLabels(
  node: SceneNode,
  dx = 0,
  dy = 0,
): { text: string; x1: number; y1: number; x2: number; y2: number }[] {
  const here = node.role === 'axis-label';
  const x = dx + (here ? 0 : (node.x ?? 0));
  const y = dy + (here ? 0 : (node.y ?? 0));
  if (here) {
    return (node.items ?? [])
      .filter((t) => t.opacity !== 0 && t.bounds)
      .map((t) => ({
        text: String(t.text),
        x1: t.bounds!.x1 + x,
        y1: t.bounds!.y1 + y,
        x2: t.bounds!.x2 + x,
        y2: t.bounds!.y2 + y,
      }));
  }
  return (node.items ?? []).flatMap((c) => shownLabels(c, x, y));
}

describe('dense analysis charts drawn part by part', () => {
  const rng = new Rng(7);
  it('keeps the comment map’s scales and colours fixed from every comment', async () => {
    const points = Array.from({ length: 3000 }, (_, i) => ({
      x: rng.normal() * (i < 2900 ? 1 : 4),
      y: rng.normal(),
      cluster: `cluster ${i % 7}`,
    }));
    const spec = clusterMapSpec(points, {
      cluster: 'Cluster',
      comments: 'Comments',
      nps: 'NPS',
      x: 'x',
      y: 'y',
    });
    const drawn = await drawnInParts(spec, ['x', 'y', 'color']);
    expect(drawn.first).toEqual(drawn.last);
    expect(drawn.first).toEqual(drawn.whole);
    expect(drawn.rows).toBe(3000);
    // The outliers at the end are inside the first part's scales already.
    const [x] = drawn.first as [number[]];
    expect(Math.min(...x)).toBeLessThanOrEqual(Math.min(...points.map((p) => p.x)));
  });

  it('keeps the beeswarm’s scales fixed from every sampled row', async () => {
    const order = ['delivery', 'price', 'manager'];
    const points = Array.from({ length: 2400 }, (_, i) => ({
      driver: order[i % 3]!,
      shap: rng.normal() * (i > 2300 ? 3 : 0.5),
      level: i % 5 === 0 ? null : rng.uniform(),
      value: String(i),
      jitter: rng.uniform(-1, 1),
    }));
    const labels = Object.fromEntries(
      [
        'driver',
        'direction',
        'shap',
        'weight',
        'share',
        'method',
        'value',
        'shapValue',
        'low',
        'high',
        'lower',
        'upper',
        'predicted',
        'observed',
        'rows',
      ].map((k) => [k, k]),
    ) as unknown as Parameters<typeof beeswarmSpec>[2];
    const spec = beeswarmSpec(points, order, labels);
    const drawn = await drawnInParts(spec, ['x', 'y']);
    expect(drawn.first).toEqual(drawn.last);
    expect(drawn.first).toEqual(drawn.whole);
    expect(drawn.first[1]).toEqual(order);
  });

  it('keeps a dense dependence plot’s scales fixed from every sampled row', async () => {
    const labels = {
      ...Object.fromEntries(['driver', 'shapValue', 'value'].map((k) => [k, k])),
      feature: 'Delivery',
      colourBy: 'Grade',
    } as unknown as Parameters<typeof dependenceSpec>[1];
    // A number against its SHAP value, coloured by a category (one row in ten blank).
    const numeric = Array.from({ length: 2000 }, (_, i) => ({
      x: rng.normal() * (i > 1950 ? 10 : 1),
      shap: rng.normal(),
      colour: i % 10 === 0 ? null : ['B', 'A', 'C'][i % 3]!,
    }));
    const plot = await drawnInParts(dependenceSpec(numeric, labels, false, true), [
      'x',
      'y',
      'color',
    ]);
    expect(plot.rows).toBe(2000);
    expect(plot.first).toEqual(plot.last);
    expect(plot.first).toEqual(plot.whole);
    expect(plot.first[2]).toEqual(['A', 'B', 'C', null]);
    // A category as strips, coloured by a number.
    const strips = Array.from({ length: 2000 }, (_, i) => ({
      x: ['late', 'on time', 'early'][i % 3]!,
      shap: rng.normal() * (i > 1950 ? 4 : 1),
      colour: rng.uniform() * (i > 1990 ? 100 : 1),
    }));
    const drawn = await drawnInParts(dependenceSpec(strips, labels, true, false), [
      'x',
      'y',
      'color',
    ]);
    expect(drawn.first).toEqual(drawn.last);
    expect(drawn.first).toEqual(drawn.whole);
    expect(drawn.first[0]).toEqual(['early', 'late', 'on time']);
  });
});
