import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { browser, newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** Makes the report for `audience` in the open notebook's dialog; returns the saved file's text. */
async function makeReport(page: Page, audience: RegExp): Promise<{ html: string; path: string }> {
  const dialog = page.getByRole('dialog', { name: 'Report' });
  await dialog.getByRole('radio', { name: audience }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('button', { name: 'Make the report' }).click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'cx-report-')), download.suggestedFilename());
  await download.saveAs(path);
  return { html: readFileSync(path, 'utf8'), path };
}

/** Every attribute of every tag, parsed by Chromium from the file (not by a regular expression). */
async function attributesOf(path: string): Promise<{ name: string; value: string }[]> {
  const context = await (await browser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path).href);
    // page.evaluate runs in the page's isolated world even with its scripts turned off.
    return await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => ({ name: a.name, value: a.value })),
      ),
    );
  } finally {
    await context.close();
  }
}

/** The figures of a report opened with JavaScript off, and how many of them show a drawing. */
async function figuresOf(path: string): Promise<{ figures: number; drawn: number; text: string }> {
  const context = await (await browser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path).href);
    const figures = await page.locator('figure').count();
    let drawn = 0;
    for (const f of await page.locator('figure').all()) {
      const box = await f.locator('svg').first().boundingBox();
      if (box && box.width > 100 && box.height > 50) drawn++;
    }
    return { figures, drawn, text: await page.locator('body').innerText() };
  } finally {
    await context.close();
  }
}

describe('the report', () => {
  it('is saved for each audience as one HTML file that runs no script and shows every chart', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    const toolbar = page.getByRole('toolbar', { name: 'Notebook' });
    await toolbar.getByRole('button', { name: 'Run all' }).click();
    await expect
      .poll(() => toolbar.getByRole('status').last().innerText(), { timeout: 240_000 })
      .toBe('Every result is current.');

    await toolbar.getByRole('button', { name: 'Report' }).click();
    const managers = await makeReport(page, /^CX managers/);
    const executives = await makeReport(page, /^Executives/);
    const front = await makeReport(page, /^The front line/);

    for (const r of [managers, executives, front]) {
      expect(r.html).not.toMatch(/<script/i);
      const attrs = await attributesOf(r.path);
      expect(attrs.length).toBeGreaterThan(50);
      expect(attrs.filter((a) => /^on/i.test(a.name))).toEqual([]);
      expect(attrs.filter((a) => /https?:|javascript:/i.test(a.value))).toEqual([]);
    }
    const m = await figuresOf(managers.path);
    expect(m.figures).toBeGreaterThanOrEqual(1);
    expect(m.drawn).toBe(m.figures);
    expect(m.text).toMatch(/The main supported cause: WMS scanner coverage at WH-[25] and WH-[25]/);
    expect(m.text).toMatch(/Key drivers\s+What makes “nps” low most: /);
    expect(m.text).toMatch(
      /Complaint frequency\s+Of [\d,]+ comments, the most frequent complaint themes: /,
    );
    expect(m.text).not.toContain('Not in this report');
    const e = await figuresOf(executives.path);
    expect(e.figures).toBeGreaterThanOrEqual(2);
    expect(e.drawn).toBe(e.figures);
    expect(e.text).toContain('Satisfaction index');
    expect(e.text).toContain('Where the gap lands: the money indicators of the two groups');
    // The executives' report has aggregates only: no client id of the front line's list.
    const ids = [...front.html.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((x) => x[1]!);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => executives.html.includes(id))).toEqual([]);
    expect(ids.filter((id) => managers.html.includes(`>${id}<`))).toEqual([]);
    expect(front.html).toContain('Detractors of 2026-03');

    // The front-line cell lists the same clients, in the same order, with the same columns.
    await page
      .getByRole('dialog', { name: 'Report' })
      .getByRole('button', { name: 'Close' })
      .click();
    const cell = page.getByRole('article', { name: /Clients to recover/ });
    const table = cell.getByRole('table', { name: /Detractors of 2026-03/ });
    await table.scrollIntoViewIfNeeded();
    expect(Number(await table.getAttribute('aria-rowcount'))).toBe(ids.length + 1);
    const shown = await table.locator('tbody th').allInnerTexts();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown).toEqual(ids.slice(0, shown.length));
    const reportHead = [...front.html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((x) => x[1]);
    expect(await table.locator('thead th').allInnerTexts()).toEqual(reportHead);
    // A client opens its answers and records, for the call.
    await cell
      .getByRole('button', { name: `Open client ${ids[0]}: answers and CRM records` })
      .click();
    const records = cell.getByRole('region', { name: new RegExp(ids[0]!) });
    await records.getByRole('table').first().waitFor({ timeout: 30_000 });

    // Without the cell, the report says which cell to add instead of computing it.
    await cell.getByRole('button', { name: 'Delete cell' }).click();
    await toolbar.getByRole('button', { name: 'Report' }).click();
    await page
      .getByRole('dialog', { name: 'Report' })
      .getByRole('button', { name: 'Make the report' })
      .click();
    await page
      .getByRole('dialog', { name: 'Report' })
      .getByText('The clients to recover: add a Clients to recover cell and run it', {
        exact: false,
      })
      .waitFor();

    // The audience chosen last is remembered by the notebook.
    await page
      .getByRole('dialog', { name: 'Report' })
      .getByRole('button', { name: 'Close' })
      .click();
    await page.waitForTimeout(600);
    await page.reload();
    await page
      .getByRole('toolbar', { name: 'Notebook' })
      .getByRole('button', { name: 'Report' })
      .click();
    expect(
      await page
        .getByRole('dialog', { name: 'Report' })
        .getByRole('radio', { name: /^The front line/ })
        .isChecked(),
    ).toBe(true);
  }, 300_000);

  it('is written by the command line for each audience, and opens the same way', async () => {
    w = await newWatchedPage();
    const root = mkdtempSync(join(tmpdir(), 'cx-cli-report-'));
    try {
      const cli = (...args: string[]) =>
        execFileSync(process.execPath, ['scripts/cx-trace.mjs', ...args], {
          encoding: 'utf8',
          env: { ...process.env, LANG: 'en_US.UTF-8' },
        });
      const dir = join(root, 'demo');
      cli('demo', '--out', dir);
      const made: Record<string, string> = {};
      for (const audience of ['managers', 'executives', 'frontline']) {
        made[audience] = join(root, `${audience}.html`);
        const out = ['--out', made[audience]!, '--audience', audience];
        cli('report', '--model', join(dir, 'model.json'), '--data', dir, ...out);
      }
      for (const [audience, path] of Object.entries(made)) {
        expect(readFileSync(path, 'utf8'), audience).not.toMatch(/<script/i);
        const attrs = await attributesOf(path);
        expect(
          attrs.filter((a) => /^on/i.test(a.name)),
          audience,
        ).toEqual([]);
        expect(
          attrs.filter((a) => /https?:|javascript:/i.test(a.value)),
          audience,
        ).toEqual([]);
        const f = await figuresOf(path);
        expect(f.drawn, audience).toBe(f.figures);
        if (audience !== 'frontline') expect(f.figures, audience).toBeGreaterThanOrEqual(1);
        expect(f.text, audience).not.toContain('Not in this report');
      }
      expect((await figuresOf(made.managers!)).text).toMatch(
        /The main supported cause: WMS scanner coverage at WH-[25] and WH-[25]/,
      );
      expect((await figuresOf(made.frontline!)).text).toContain('Detractors of 2026-03');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
