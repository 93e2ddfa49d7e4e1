import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browser } from './browser.ts';
import { renderReportHtml } from '../../src/core/report/render-report-html.ts';
import { chartSvg } from '../../src/core/report/chart-svg.ts';
import type { ReportBlock } from '../../src/core/report/report-document.ts';
import { waterfallBars, waterfallSpec } from '../../src/core/charts/trace-waterfall.ts';
import { main } from '../../src/cli/main.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cx-print-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints an HTML file to A4 PDF in Chromium (JavaScript off); gives each page's text. */
async function printPages(html: string, name: string): Promise<string[]> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const context = await (await browser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    const pdf = join(dir, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    // Every page renders (poppler), and its text is read page by page.
    execFileSync('pdftoppm', ['-png', '-r', '30', pdf, join(dir, name)]);
    const pngs = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p, k, all) => k < all.length - 1 || p.trim() !== '');
    expect(pngs).toHaveLength(pages.length);
    return pages;
  } finally {
    await context.close();
  }
}

/** The pages a text is on. */
const pagesWith = (pages: string[], text: string) =>
  pages.flatMap((p, k) => (p.includes(text) ? [k] : []));

describe('a printed report', () => {
  it('never splits a chart across pages, however the charts fall', async () => {
    // Nine charts with tables between: without the print rules some would straddle a page.
    const blocks: ReportBlock[] = [];
    for (let k = 1; k <= 9; k++) {
      const labels = {
        step: 'Step',
        value: 'Value',
        change: 'Change',
        reference: `Top${k}`,
        population: `Bottom${k}`,
        formatValue: String,
        formatChange: String,
      };
      const steps = Array.from({ length: 4 + (k % 4) }, (_, i) => ({
        label: `Mid${k}x${i}`,
        change: -10 - i,
      }));
      const total = steps.reduce((s, x) => s + x.change, 0);
      const spec = waterfallSpec(waterfallBars(50, 50 + total, steps, labels), labels);
      blocks.push(
        { kind: 'chart', label: `Chart${k}`, svg: await chartSvg(spec, 'en') },
        {
          kind: 'table',
          caption: `Table${k}`,
          columns: [{ label: 'A' }, { label: 'B', numeric: true }],
          rows: Array.from({ length: 3 + k }, (_, i) => [`T${k}row${i}`, String(i)]),
        },
      );
    }
    const html = renderReportHtml({
      locale: 'en',
      title: 'Print test',
      about: ['One section of charts and tables'],
      sections: [{ title: 'Charts', blocks }],
    });
    const pages = await printPages(html, 'many');
    expect(pages.length).toBeGreaterThan(3);
    for (let k = 1; k <= 9; k++) {
      // A chart's top bar, bottom bar and caption are on one page, and only one.
      const at = pagesWith(pages, `Chart${k}`);
      expect(at, `Chart${k}`).toHaveLength(1);
      expect(pagesWith(pages, `Top${k}`), `Chart${k}`).toEqual(at);
      expect(pagesWith(pages, `Bottom${k}`), `Chart${k}`).toEqual(at);
      // A table is not split either.
      expect(pagesWith(pages, `T${k}row${2 + k}`), `Table${k}`).toEqual(
        pagesWith(pages, `Table${k}`),
      );
    }
  });

  it('prints the managers’ report of the demo with each section on its own pages', async () => {
    const demo = join(dir, 'demo');
    const quiet = {
      stdout: () => undefined,
      stderr: () => undefined,
      readFile: async () => '',
      readBytes: async () => new Uint8Array(),
      readStdin: async () => '',
      env: {},
    };
    expect(await main(['demo', '--out', demo], quiet)).toBe(0);
    const out = join(dir, 'managers.html');
    const io = {
      ...quiet,
      readFile: async (p: string) => (await import('node:fs')).readFileSync(p, 'utf8'),
      readBytes: async (p: string) => new Uint8Array((await import('node:fs')).readFileSync(p)),
    };
    const argv = ['report', '--model', join(demo, 'model.json'), '--data', demo, '--out', out];
    expect(await main(argv, io)).toBe(0);
    const pages = await printPages((await import('node:fs')).readFileSync(out, 'utf8'), 'demo');
    // The title page stands alone; the trace starts on the next.
    expect(pages[0]).toContain('CX Trace: report for CX managers');
    expect(pages[0]).not.toContain('The main supported cause');
    const chart = pagesWith(pages, 'The gap step by step, chart');
    expect(chart).toHaveLength(1);
    // The waterfall's own bars (names found nowhere else) print on the caption's page.
    expect(pagesWith(pages, 'Unexplained')).toEqual(chart);
    expect(pagesWith(pages, 'Other indicators')).toEqual(chart);
  }, 120_000);
});
