import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { renderReportHtml, escapeHtml } from '../../src/core/report/render-report-html.ts';
import { inlineSvg } from '../../src/core/report/inline-svg.ts';
import { chartSvg, REPORT_CHART_WIDTH } from '../../src/core/report/chart-svg.ts';
import type { ReportDocument } from '../../src/core/report/report-document.ts';
import { waterfallBars, waterfallSpec } from '../../src/core/charts/trace-waterfall.ts';

/** Every tag's attributes in an HTML text, as [tag, name, value]. */
function attributes(html: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const t of html.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    for (const a of t[2]!.matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      out.push([t[1]!, a[1]!, (a[2] ?? '').replace(/^["']|["']$/g, '')]);
    }
  }
  return out;
}

const HOSTILE = '<img src=x onerror=alert(1)> & "quotes" \'too\' <script>alert(2)</script>';
let chart = '';

beforeAll(async () => {
  // A real chart, as Vega draws it headless with the CSP-safe interpreter the app uses.
  const labels = {
    step: 'Step',
    value: 'Value',
    change: 'Change',
    reference: 'Others',
    population: HOSTILE,
    formatValue: String,
    formatChange: String,
  };
  const spec = waterfallSpec(
    waterfallBars(40, -100, [{ label: 'Delivery', change: -140 }], labels),
    labels,
  );
  const view = new View(parse(compile(spec).spec, undefined, { ast: true }), {
    renderer: 'none',
    expr: expressionInterpreter,
  });
  chart = await view.toSVG();
  view.finalize();
});

const doc = (): ReportDocument => ({
  locale: 'en',
  title: `Report ${HOSTILE}`,
  about: ['For CX managers', `Data: ${HOSTILE}`],
  sections: [
    {
      title: 'The trace',
      blocks: [
        { kind: 'paragraph', text: `Verdict ${HOSTILE}`, tone: 'verdict' },
        { kind: 'list', items: [HOSTILE] },
        {
          kind: 'table',
          caption: 'Clients',
          columns: [{ label: 'Client' }, { label: 'LTV', numeric: true }],
          rows: [[HOSTILE, '1,200 ₽']],
        },
        { kind: 'chart', label: 'The gap step by step', svg: chart, howToRead: HOSTILE },
      ],
    },
    { title: 'Drivers', blocks: [{ kind: 'heading', text: 'Ranking' }] },
  ],
});

describe('the report as one HTML file', () => {
  it('runs no script, names no URL in any attribute, and writes every text as text', () => {
    const html = renderReportHtml(doc());
    expect(html).not.toMatch(/<script/i);
    const attrs = attributes(html);
    expect(attrs.length).toBeGreaterThan(20);
    expect(attrs.filter(([, name]) => /^on/i.test(name))).toEqual([]);
    expect(attrs.filter(([, , value]) => /(https?:|javascript:)/i.test(value))).toEqual([]);
    expect(attrs.filter(([, name]) => /^xmlns/i.test(name))).toEqual([]);
    // The hostile text is there, escaped, wherever it was given.
    const escaped = escapeHtml(HOSTILE);
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(6);
    expect(html).not.toContain('<img');
  });

  it('draws charts inline and keeps them and tables whole on printed pages', () => {
    const html = renderReportHtml(doc());
    expect(html).toMatch(/<figure aria-label="The gap step by step"><svg[\s>]/);
    expect(html).toContain('break-inside: avoid');
    expect(html).toMatch(/section \{ break-before: page/);
    expect(html).toContain('@page { size: A4;');
    expect(html.match(/<section>/g)).toHaveLength(2);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  });

  it('cleans an SVG of namespaces, scripts, handlers and links out, keeping its drawing', () => {
    const svg = inlineSvg(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" onload="x()"><script>alert(1)</script><a href="https://evil.example"><rect width="5" height="5" fill="url(https://evil.example/p)" onclick="y()"/></a><use href="#m"/><foreignObject><div>x</div></foreignObject><text>a &lt; b</text></svg>',
    );
    expect(svg).toBe(
      '<svg width="10"><a><rect width="5" height="5" /></a><use href="#m" /><text>a &lt; b</text></svg>',
    );
    expect(() => inlineSvg('<div>not a chart</div>')).toThrow();
    // Vega's own SVG: its drawing is kept.
    const drawn = inlineSvg(chart);
    expect(drawn).toMatch(/^<svg /);
    expect(drawn).toContain('<path');
    expect(drawn).not.toMatch(/xmlns/);
  });

  it('draws a chart that fills its container at the report’s width, numbers in its language', async () => {
    const labels = {
      step: 'Шаг',
      value: 'Значение',
      change: 'Изменение',
      reference: 'Остальные',
      population: 'Критики',
      formatValue: String,
      formatChange: String,
    };
    const spec = waterfallSpec(
      waterfallBars(1500.5, -100, [{ label: 'Доставка', change: -1600.5 }], labels),
      labels,
    );
    const svg = await chartSvg(spec, 'ru');
    expect(svg).toMatch(/^<svg[^>]* width="\d+"/);
    const width = Number(/^<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    expect(width).toBeGreaterThanOrEqual(REPORT_CHART_WIDTH);
    // Axis labels in Russian: a thin space groups thousands.
    expect(svg).toMatch(/1\u00a0[05]00/);
    expect(await chartSvg(spec, 'en')).toMatch(/1,[05]00/);
  });
});
