import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { periodKey } from '../../src/core/index/period-key.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { drawn, newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  await w.context.close();
});

/** The demo an English interface opens. */
const world = generateDemoWorld({ lang: 'en' });

/** The buyers' NPS by quarter, counted from the demo's survey as the app's importer reads it. */
async function buyersNpsByQuarter(): Promise<Map<string, { nps: number; n: number }>> {
  const survey = await loadCsv('survey', world.files.find((f) => f.name === 'survey')!.csv);
  const { date, contact_role: role, nps } = survey.columns;
  const groups = new Map<string, { p: number; d: number; n: number }>();
  for (let i = 0; i < nps!.length; i++) {
    const score = nps![i];
    // The filter compares text regardless of case, as the analyst typed it: `buyer`.
    if (String(role![i]).toLowerCase() !== 'buyer' || typeof score !== 'number') continue;
    const q = periodKey(date![i] as number, 'quarter');
    if (q === null) continue;
    const g = groups.get(q) ?? { p: 0, d: 0, n: 0 };
    g.n++;
    if (score >= 9) g.p++;
    if (score <= 6) g.d++;
    groups.set(q, g);
  }
  return new Map([...groups].map(([q, g]) => [q, { nps: ((g.p - g.d) / g.n) * 100, n: g.n }]));
}

const cellRows = (table: Locator) =>
  table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)),
    );

describe('the analyst’s own table and chart', () => {
  it('builds a transform (filter + quarter + group with NPS) from the form, stored and kept on reload', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Add Transform a table cell' }).last().click();
    const cell = page.getByRole('article', { name: /Transform a table/ });
    await cell
      .getByRole('combobox', { name: 'Table to shape' })
      .selectOption({ label: `survey — ${world.files[2]!.rows.toLocaleString('en-US')} rows` });
    await cell.getByRole('textbox', { name: 'Name of the new dataset' }).fill('Buyers by quarter');

    await cell.getByRole('button', { name: 'Filter rows' }).click();
    const filter = cell.getByRole('region', { name: 'Step 1: Filter rows' });
    await filter
      .getByRole('combobox', { name: 'Column', exact: true })
      .selectOption('contact_role');
    await filter.getByRole('textbox', { name: 'Value' }).fill('buyer');

    await cell.getByRole('button', { name: 'New column' }).click();
    const derive = cell.getByRole('region', { name: 'Step 2: New column' });
    await derive.getByRole('textbox', { name: 'New column name' }).fill('quarter');
    await derive.getByRole('combobox', { name: 'Column', exact: true }).selectOption('date');
    await derive.getByRole('combobox', { name: 'Part' }).selectOption('quarter');

    await cell.getByRole('button', { name: 'Group and aggregate' }).click();
    const group = cell.getByRole('region', { name: 'Step 3: Group and aggregate' });
    await group.getByRole('combobox', { name: 'Add a grouping column' }).selectOption('quarter');
    await group.getByRole('textbox', { name: 'Name' }).fill('answers');
    await group.getByRole('button', { name: 'Add aggregate' }).click();
    const second = group.getByRole('textbox', { name: 'Name' }).nth(1);
    await second.fill('nps');
    await group.getByRole('combobox', { name: 'Aggregate' }).nth(1).selectOption('nps');
    await group.getByRole('combobox', { name: 'Column', exact: true }).selectOption('nps');

    // The preview shows the grouped table before anything is stored.
    const expected = await buyersNpsByQuarter();
    const preview = cell.getByRole('table', { name: 'Preview (not stored yet)' });
    await preview.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await cellRows(preview)).length).toBe(expected.size);

    await cell.getByRole('button', { name: 'Make dataset' }).click();
    const result = cell.getByRole('table', { name: 'Stored as “Buyers by quarter”' });
    await result.waitFor({ timeout: 60_000 });
    const check = async () => {
      const rows = await cellRows(result);
      expect(rows.length).toBe(expected.size);
      for (const [quarter, answers, nps] of rows) {
        const e = expected.get(quarter!)!;
        expect(Number(answers!.replace(/,/g, ''))).toBe(e.n);
        expect(Number(nps!)).toBeCloseTo(e.nps, 4);
      }
    };
    await check();

    // A bar chart of the new dataset, from the form: one bar per quarter.
    await page.getByRole('button', { name: 'Add Chart cell' }).last().click();
    const chart = page.getByRole('article', { name: /Chart/ }).last();
    await chart
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'Buyers by quarter — 8 rows' });
    await chart.getByRole('combobox', { name: 'X axis' }).selectOption('quarter');
    await chart.getByRole('combobox', { name: 'Measured column' }).selectOption('nps');
    await chart.getByRole('combobox', { name: 'Summarise as' }).selectOption('mean');
    await chart.getByRole('button', { name: 'Draw' }).click();
    const figure = chart.getByRole('figure', { name: 'Chart of “Buyers by quarter”' });
    const bars = async () => {
      await drawn(figure);
      return figure.locator('svg g.mark-rect path').count();
    };
    await expect.poll(bars, { timeout: 30_000 }).toBe(expected.size);
    expect(await chart.innerText()).toContain('8 rows drawn as 8 marks.');

    // A survey answer of a new quarter arrives: the cell's result is stale until made again,
    // and making it again replaces the same dataset (one more row, no second dataset).
    const dir = mkdtempSync(join(tmpdir(), 'cx-transform-'));
    const more = join(dir, 'survey.csv');
    writeFileSync(
      more,
      'response_id,client_id,date,contact_role,nps,rating_quality,rating_delivery,rating_communication,rating_documents,rating_price,comment\n' +
        'R999999,C00001,2026-07-01,Buyer,10,5,5,5,5,5,Great\n',
    );
    await page.getByRole('button', { name: 'Add Import data cell' }).last().click();
    const importer = page.getByRole('article', { name: /Import data/ }).last();
    await importer.getByLabel('Choose a file…').setInputFiles(more);
    await importer.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 30_000 });
    await importer
      .getByRole('combobox', { name: 'Import into' })
      .selectOption({ label: 'Add the rows to “survey”' });
    await importer.getByRole('button', { name: 'Import 1 row' }).click();
    await importer.getByText(/Imported “survey”/).waitFor({ timeout: 30_000 });
    await cell.getByText('Stale: the dataset “survey” has changed rows').waitFor();
    await cell.getByRole('button', { name: 'Re-run' }).click();
    expected.set('2026-Q3', { nps: 100, n: 1 });
    await expect
      .poll(async () => (await cellRows(result)).length, { timeout: 60_000 })
      .toBe(expected.size);
    await check();
    // The chart read the dataset the transform replaced: stale, and redrawn with the new bar.
    await chart.getByText('Stale: the dataset “Buyers by quarter” has changed rows').waitFor();
    await chart.getByRole('button', { name: 'Re-run' }).click();
    await expect.poll(bars, { timeout: 30_000 }).toBe(expected.size);

    // Reload: the stored results are shown again, not recomputed, and the dataset is listed.
    await page.reload();
    await result.waitFor({ timeout: 30_000 });
    await check();
    await expect.poll(bars, { timeout: 30_000 }).toBe(expected.size);
    expect(await chart.innerText()).not.toContain('Stale');
    await page.getByRole('banner').getByRole('button', { name: 'Datasets' }).click();
    const row = page.getByRole('row', { name: /Buyers by quarter/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('transformed from “survey”');
    expect(await page.getByRole('row', { name: /Buyers by quarter/ }).count()).toBe(1);
  }, 180_000);

  it('pins a chart selection as a population a metric cell takes, and refuses unsafe JSON specs', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    const survey = await loadCsv('survey', world.files.find((f) => f.name === 'survey')!.csv);
    const roles = Array.from(survey.columns.contact_role!, (v) => String(v));
    const buyers = roles.filter((r) => r === 'Buyer').length;

    await page.getByRole('button', { name: 'Add Chart cell' }).last().click();
    const chart = page.getByRole('article', { name: /Chart/ }).last();
    await chart.getByRole('combobox', { name: 'Dataset' }).selectOption({
      label: `survey — ${survey.columns.nps!.length.toLocaleString('en-US')} rows`,
    });
    await chart.getByRole('combobox', { name: 'X axis' }).selectOption('contact_role');
    await chart.getByRole('button', { name: 'Draw' }).click();
    const figure = chart.getByRole('figure', { name: 'Chart of “survey”' });
    await drawn(figure);
    const bars = figure.locator('svg g.mark-rect path');
    await expect.poll(() => bars.count(), { timeout: 30_000 }).toBe(new Set(roles).size);

    // Click the buyers' bar: the selection is said in words and pinned under a name.
    // Bars come in the order the roles first appear.
    await bars.nth([...new Set(roles)].indexOf('Buyer')).click();
    await chart.getByText('Selected: contact_role equals Buyer').waitFor();
    await chart.getByRole('textbox', { name: 'Population name' }).fill('Buyers');
    await chart.getByRole('button', { name: 'Pin as population' }).click();
    const pinned = chart.getByRole('region', { name: 'Pinned populations' });
    await pinned
      .getByText(new RegExp(`^Buyers: ${buyers.toLocaleString('en-US')} rows, \\d+ clients$`))
      .waitFor();
    expect(await pinned.getByRole('button', { name: 'Trace these clients' }).count()).toBe(1);

    // A metric cell takes the population: it counts exactly the pinned rows.
    await pinned.getByRole('button', { name: 'Metric of these rows' }).click();
    const metric = page.getByRole('article', { name: /Metric by group/ }).last();
    await metric.getByText('Only the rows of “Buyers” (pinned on a chart)').waitFor();
    await metric.getByRole('button', { name: 'Compute' }).click();
    await expect
      .poll(() => metric.locator('output.metric-value').innerText(), { timeout: 30_000 })
      .toBe(buyers.toLocaleString('en-US'));

    // A trace cell takes its clients: the population is offered as a fixed list of them.
    await pinned.getByRole('button', { name: 'Trace these clients' }).click();
    const trace = page.getByRole('article', { name: /Trace/ }).last();
    expect(
      await trace
        .getByRole('combobox', { name: 'Population' })
        .locator('option:checked')
        .innerText(),
    ).toBe('a fixed list of clients: Buyers');

    // An expert's JSON is checked in the worker: too many rows, an address or a link refused.
    await chart.getByRole('button', { name: 'Edit as Vega-Lite JSON' }).click();
    const json = chart.getByRole('textbox', { name: 'Vega-Lite spec (JSON)' });
    expect(JSON.parse(await json.inputValue()).data).toEqual({ name: 'survey' });
    await chart.getByRole('button', { name: 'Check and draw' }).click();
    await chart.getByText(/a chart may draw at most 5,000/).waitFor({ timeout: 30_000 });
    const hostile = {
      data: { url: 'https://example.com/leak.csv' },
      mark: 'bar',
      encoding: { x: { field: 'a' }, href: { field: 'a' } },
    };
    await json.fill(JSON.stringify(hostile));
    await chart.getByRole('button', { name: 'Check and draw' }).click();
    await chart.getByText(/may not load data from an address \(data\.url\)/).waitFor();
    await chart.getByText(/may not link to or load an address \(encoding\.href\)/).waitFor();
    expect(await chart.getByRole('figure').count()).toBe(0);
    // A spec of inline rows draws.
    const inline = {
      data: {
        values: [
          { a: 'x', b: 2 },
          { a: 'y', b: 5 },
        ],
      },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    };
    await json.fill(JSON.stringify(inline));
    await chart.getByRole('button', { name: 'Check and draw' }).click();
    await expect
      .poll(() => chart.locator('svg g.mark-rect path').count(), { timeout: 30_000 })
      .toBe(2);
  }, 180_000);
});
