import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newNotebook, newWatchedPage, openApp, type Watched, drawn } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** Imports a small survey through a notebook's import cell, as an analyst would. */
async function importSurvey(page: Page): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'cx-editor-')), 'feedback.csv');
  const rows = ['client_id,date,nps,delivery,comment'];
  const clients = ['C1', 'C2', 'C3', 'C4'];
  for (const [m, month] of ['2026-01', '2026-02', '2026-03'].entries()) {
    clients.forEach((c, k) => {
      rows.push(`${c},${month}-1${k},${(k * 3 + m) % 11},${1 + ((k + m) % 5)},note ${k}`);
    });
  }
  writeFileSync(file, rows.join('\n'));
  await newNotebook(page);
  await page.getByRole('button', { name: 'Add Import data cell' }).click();
  const cell = page.getByRole('article', { name: /Import data/ });
  await cell.getByLabel('Choose a file…').setInputFiles(file);
  await cell.getByRole('button', { name: 'Import 12 rows' }).click();
  await cell.getByText('Imported “feedback”: 12 rows.').waitFor();
}

/** Types a name into an "add" field and presses the button of the same form. */
async function add(page: Page, field: string, text: string, button: string): Promise<void> {
  const form = page.locator('form').filter({
    has: page.getByRole('textbox', { name: field, exact: true }),
  });
  await form.getByRole('textbox').fill(text);
  await form.getByRole('button', { name: button, exact: true }).click();
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' });

describe('service-model editor', () => {
  it('builds a model from an imported file, keeps it over a reload, and shows a bad link’s error', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await importSurvey(page);

    await page.getByRole('banner').getByRole('button', { name: 'Service models' }).click();
    await page.getByRole('button', { name: 'Start from scratch' }).click();
    await page.getByRole('heading', { name: 'New service model', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/models\/[0-9a-f-]+$/);

    // Name it.
    await page.getByRole('tab', { name: 'Data and index' }).click();
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('Delivery model');
    await name.press('Enter');
    await page.getByRole('heading', { name: 'Delivery model', level: 1 }).waitFor();

    // Journey: a stage with two touchpoints, the second dragged above the first.
    await page.getByRole('tab', { name: 'Journey' }).click();
    await add(page, 'New stage', 'Delivery', 'Add a stage');
    await add(page, 'New touchpoint in “Delivery”', 'Unloading', 'Add a touchpoint');
    await add(page, 'New touchpoint in “Delivery”', 'Delivery call', 'Add a touchpoint');
    const touchpoints = page.getByRole('list', { name: 'Touchpoints of “Delivery”' });
    const order = () =>
      touchpoints
        .getByRole('listitem')
        .evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
    expect(await order()).toEqual(['Unloading', 'Delivery call']);
    await touchpoints
      .getByRole('listitem', { name: 'Delivery call' })
      .getByTitle('Drag “Delivery call”')
      .dragTo(touchpoints.getByRole('listitem', { name: 'Unloading' }));
    await expect.poll(order).toEqual(['Delivery call', 'Unloading']);
    await touchpoints
      .getByRole('listitem', { name: 'Unloading' })
      .getByRole('checkbox', { name: 'Moment of truth' })
      .check();

    // Indicators: NPS (TX) from the survey's scores, and a delivery rating (CX) that feeds it.
    await page.getByRole('tab', { name: 'Indicators' }).click();
    await add(page, 'New indicator in TX', 'NPS', 'Add an indicator');
    const nps = page.getByRole('region', { name: 'Indicator “NPS”' });
    await nps.getByRole('combobox', { name: 'Dataset' }).selectOption('feedback');
    await nps.getByRole('combobox', { name: 'Aggregate' }).selectOption('nps');
    const columns = nps.getByRole('combobox', { name: 'Column' });
    // Only number columns are offered for NPS: not the text comment, not the client id.
    const offered = await columns.locator('option:not([disabled])').allInnerTexts();
    expect(offered.map((o) => o.split(' (')[0])).toEqual(['nps', 'delivery']);
    // The importer saw an NPS score in it, and says so.
    expect(offered[0]).toBe('nps (numbers · NPS score (0–10))');
    await columns.selectOption('nps');
    // The keys come from the column roles the importer recognised…
    const period = nps.getByRole('combobox', { name: 'Date or period' });
    expect(await nps.getByRole('combobox', { name: 'Client id' }).inputValue()).toBe('client_id');
    expect(await period.inputValue()).toBe('date');
    // …and without the period the grain cannot be computed: the problem says so, beside it.
    await period.selectOption('');
    await expect
      .poll(() => nps.innerText())
      .toContain('“feedback” has no date or period column declared, which this needs.');
    await period.selectOption('date');
    await nps.getByRole('textbox', { name: 'Scale from' }).fill('-100');
    await nps.getByRole('textbox', { name: 'Scale from' }).press('Tab');
    await nps.getByRole('textbox', { name: 'Target' }).fill('20');
    await nps.getByRole('textbox', { name: 'Target' }).press('Tab');
    await nps.getByRole('checkbox', { name: /Counts in the TX block/ }).check();

    await add(page, 'New indicator in CX', 'Delivery rating', 'Add an indicator');
    const rating = page.getByRole('region', { name: 'Indicator “Delivery rating”' });
    await rating.getByRole('combobox', { name: 'Dataset' }).selectOption('feedback');
    await rating.getByRole('combobox', { name: 'Column' }).selectOption('delivery');
    await rating.getByRole('textbox', { name: 'Scale from' }).fill('1');
    await rating.getByRole('textbox', { name: 'Scale from' }).press('Tab');
    await rating.getByRole('textbox', { name: 'Scale to' }).fill('5');
    await rating.getByRole('textbox', { name: 'Scale to' }).press('Tab');
    await rating.getByRole('combobox', { name: 'Touchpoint' }).selectOption({ label: 'Unloading' });
    await rating.getByRole('checkbox', { name: 'TX · NPS' }).check();
    await page.getByRole('status').filter({ hasText: 'No problems found.' }).waitFor();
    await saved(page).waitFor();

    // The graph: clicking NPS shows its definition, its values by month and what drives it.
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.getByRole('group', { name: /^TX/ }).getByRole('button', { name: 'NPS' }).click();
    const detail = page.getByRole('region', { name: 'NPS', exact: true });
    await drawn(detail.getByRole('figure', { name: '“NPS” by period' }));
    expect(await detail.innerText()).toContain('NPS of 0–10 scores of “nps” in “feedback”');
    await detail.getByRole('button', { name: 'CX · Delivery rating' }).waitFor();

    // Reload: the model is stored as built.
    await page.reload();
    await page.getByRole('heading', { name: 'Delivery model', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Journey' }).click();
    expect(await order()).toEqual(['Delivery call', 'Unloading']);
    expect(
      await touchpoints
        .getByRole('listitem', { name: 'Unloading' })
        .getByRole('checkbox', { name: 'Moment of truth' })
        .isChecked(),
    ).toBe(true);
    await page.getByRole('tab', { name: 'Links' }).click();
    const links = page.getByRole('list', { name: 'Links: which indicator drives which' });
    expect(await links.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('CX · Delivery rating → TX · NPS'),
    ]);

    // A link running down a layer is kept and its error shown beside it, and on its tab.
    await page
      .getByRole('combobox', { name: 'Indicator', exact: true })
      .selectOption({ label: 'TX · NPS' });
    await page
      .getByRole('combobox', { name: 'drives' })
      .selectOption({ label: 'CX · Delivery rating' });
    await page.getByRole('button', { name: 'Add the link' }).click();
    const bad = links.getByRole('listitem', { name: 'TX · NPS → CX · Delivery rating' });
    await bad
      .getByText('A link cannot run down: “nps” (TX) is above “delivery_rating” (CX).', {
        exact: false,
      })
      .waitFor();
    // With two indicators a reverse link also closes a circle: both problems are on the tab.
    await page.getByRole('tab', { name: /^Links\W+2 problems$/ }).waitFor();
    expect(await links.innerText()).toContain('Links go round in a circle');
    // Undo takes it away again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await bad.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'No problems found.' }).waitFor();
    await saved(page).waitFor();

    // The same model edited in another tab: this one says so instead of overwriting it unseen.
    const other = await w.context.newPage();
    await other.goto(page.url());
    await other.getByRole('tab', { name: 'Data and index' }).click();
    const otherName = other.getByRole('textbox', { name: 'Name', exact: true });
    await otherName.fill('Renamed elsewhere');
    await otherName.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'changed in another tab' }).waitFor();
    await page.getByRole('button', { name: 'Load that version' }).click();
    await page.getByRole('heading', { name: 'Renamed elsewhere', level: 1 }).waitFor();
    await other.close();
  });
});
