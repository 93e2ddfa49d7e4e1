import {
  clusterMapSpec,
  clusterSizesSpec,
  wrapLabel,
} from '../../src/core/charts/cluster-views.ts';
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
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
