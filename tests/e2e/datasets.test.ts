import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { callHarness, newNotebook, newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  await w.context.close();
});

const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

/** The text of each cell (header cells included) of a table row. */
const cellTexts = (row: Locator) =>
  row.locator('th, td').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).innerText));

/** The values the harness's `seedSurvey` generates for each row (the same small generator). */
function seededRows(rows: number, seed: number): { score: number | null; segment: string }[] {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const out: { score: number | null; segment: string }[] = [];
  for (let i = 0; i < rows; i++) {
    const r = rand();
    const score = r < 0.05 ? null : Math.floor(rand() * 11);
    out.push({ score, segment: r < 0.5 ? 'B2B' : 'B2C' });
  }
  return out;
}

describe('datasets panel', () => {
  it('lists, renames, profiles, exports and deletes an imported dataset, naming the cells that use it', async () => {
    w = await newWatchedPage();
    const { page } = w;
    // Another dataset stays stored, so the NPS cell keeps its dataset chooser after the delete.
    await callHarness(page, 'seedSurvey', 'Other survey', 10, 1);

    const dir = mkdtempSync(join(tmpdir(), 'cx-datasets-'));
    const file = join(dir, 'survey.csv');
    writeFileSync(
      file,
      [
        'client;score;region;visited;comment',
        'K1;9;Москва;01.03.2026;всё хорошо',
        'K2;4;Казань;15.03.2026;=HYPERLINK("http://example.com")',
        'K3;;Москва;;"долго, очень"',
        'K4;10;Омск;02.04.2026;-плохо',
        'K5;7;Москва;20.03.2026;+7 999 123',
      ].join('\n'),
    );

    await openApp(page);
    await newNotebook(page);
    await page.getByRole('textbox', { name: 'Notebook title' }).fill('Q3 review');
    await page.getByRole('button', { name: 'Add Import data cell' }).click();
    const cell = page.getByRole('article', { name: /Import data/ });
    await cell.getByLabel('Choose a file…').setInputFiles(file);
    await cell.getByRole('button', { name: 'Import 5 rows' }).click();
    await cell.getByText('Imported “survey”: 5 rows.').waitFor();
    await page.getByRole('button', { name: 'Add NPS summary cell' }).click();
    const nps = page.getByRole('article', { name: /NPS summary/ });
    await nps.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'survey — 5 rows' });

    // The panel, from the top bar.
    await page.getByRole('banner').getByRole('button', { name: 'Datasets' }).click();
    await page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/datasets$/);
    const list = page.getByRole('table', { name: 'Stored datasets' });
    const row = list.getByRole('row', { name: /^survey\b/ });
    const [name, source, rows, columns, size, imported] = await cellTexts(row);
    expect([name, source, rows, columns]).toEqual(['survey', 'survey.csv', '5', '5']);
    expect(size).toMatch(/^[\d,.]+ ?(B|kB)$/);
    expect(imported).toMatch(/2\d{3}/);

    // Rename inline.
    await row.getByRole('button', { name: 'Rename “survey”' }).click();
    await page.getByRole('textbox', { name: 'New name for “survey”' }).fill('Q3 survey');
    await page.getByRole('button', { name: 'Save' }).click();
    const renamed = list.getByRole('row', { name: /^Q3 survey\b/ });
    await renamed.waitFor();

    // Column profile, computed in the worker.
    const profileButton = renamed.getByRole('button', { name: 'Column profile of “Q3 survey”' });
    await profileButton.click();
    const profile = page.getByRole('dialog', { name: 'Column profile of “Q3 survey”' });
    const scoreRow = profile.getByRole('row', { name: /^score\b/ });
    await scoreRow.waitFor();
    const score = await cellTexts(scoreRow);
    // Column, type, role, blank, distinct, min, max, mean, most frequent.
    expect(score.slice(0, 2)).toEqual(['score', 'whole number']);
    expect(score[2]).not.toBe(''); // the role the importer suggested
    expect(score.slice(3, 8)).toEqual(['1', '4', '4', '10', '7.5']);
    const region = await cellTexts(profile.getByRole('row', { name: /^region\b/ }));
    expect(region[3]).toBe('0');
    expect(region[4]).toBe('3');
    expect(region[8]!.split('\n')).toEqual(['Москва (3)', 'Казань (1)', 'Омск (1)']);
    const visited = await cellTexts(profile.getByRole('row', { name: /^visited\b/ }));
    expect(visited.slice(3, 7)).toEqual(['1', '4', 'Mar 1, 2026', 'Apr 2, 2026']);
    await profile.getByRole('button', { name: 'Close' }).click();
    await profile.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Column profile of “Q3 survey”');

    // Export as CSV: a download of UTF-8 with BOM, formulas neutralised.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      renamed.getByRole('button', { name: 'Export “Q3 survey” as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Q3 survey.csv');
    const saved = join(dir, 'exported.csv');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('client,score,region,visited,comment');
    const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
    expect(parsed.slice(1, 6)).toEqual([
      ['K1', '9', 'Москва', '2026-03-01', 'всё хорошо'],
      ['K2', '4', 'Казань', '2026-03-15', `'=HYPERLINK("http://example.com")`],
      ['K3', '', 'Москва', '', 'долго, очень'],
      ['K4', '10', 'Омск', '2026-04-02', "'-плохо"],
      ['K5', '7', 'Москва', '2026-03-20', "'+7 999 123"],
    ]);
    await page.getByText('Exported 5 rows to “Q3 survey.csv”.').waitFor();

    // Delete: the confirmation names both cells that use the dataset.
    await renamed.getByRole('button', { name: 'Delete “Q3 survey”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete' });
    expect(await confirm.innerText()).toContain(
      'Delete “Q3 survey” (5 rows)? It is used by 2 cells: “Q3 review” cell 1 (Import data), “Q3 review” cell 2 (NPS summary).',
    );
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted “Q3 survey”.').waitFor();
    await renamed.waitFor({ state: 'detached' });
    expect(await list.getByRole('row').count()).toBe(2); // header + “Other survey”

    // The cells that used it now say their input is missing.
    await page.goBack();
    await page
      .getByText(
        'The dataset this cell imported is no longer stored (it was deleted). Import a file again.',
      )
      .waitFor();
    await nps.getByText('The dataset of this cell is no longer stored.').waitFor();
  });

  it('pages through 100,000 stored rows in a virtualised table', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await callHarness(page, 'seedSurvey', 'Survey 100k', 100_000, 7);
    const expected = seededRows(100_000, 7);
    const show = (i: number) => {
      const r = expected[i]!;
      return [(i + 1).toLocaleString('en-US'), r.score === null ? '' : String(r.score), r.segment];
    };

    await openApp(page);
    await page.getByRole('banner').getByRole('button', { name: 'Datasets' }).click();
    const row = page.getByRole('table', { name: 'Stored datasets' }).getByRole('row', {
      name: /^Survey 100k\b/,
    });
    // No source file and no recorded size: the size is measured from the stored chunks.
    await expect.poll(async () => (await cellTexts(row))[4]).toMatch(/^\d+(\.\d)? (kB|MB)$/);
    const cells = await cellTexts(row);
    expect(cells.slice(1, 4)).toEqual(['—', '100,000', '2']);

    const opener = row.getByRole('button', { name: 'Preview rows of “Survey 100k”' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Rows of “Survey 100k”' });
    const table = dialog.getByRole('region', { name: 'Rows of “Survey 100k”' });
    const rowByNumber = (n: number) =>
      table.locator(`tbody tr[aria-rowindex="${n + 1}"]:not([aria-busy])`);

    await rowByNumber(1).waitFor();
    expect(await cellTexts(rowByNumber(1))).toEqual(show(0));
    expect(await cellTexts(rowByNumber(2))).toEqual(show(1));
    const rendered = await table.locator('tbody tr').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(30);

    // Keyboard: End scrolls the focused table to the last rows.
    await table.focus();
    await page.keyboard.press('End');
    await rowByNumber(100_000).waitFor();
    expect(await cellTexts(rowByNumber(100_000))).toEqual(show(99_999));
    expect(await dialog.getByTestId('rows-showing').innerText()).toMatch(/–100,000 of 100,000$/);

    // Mouse wheel in the middle of the table, then a jump to a given row.
    await table.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.mouse.move(400, 400);
    await table.hover();
    await page.mouse.wheel(0, 600);
    await expect
      .poll(async () =>
        Number(
          (await dialog.getByTestId('rows-showing').innerText())
            .match(/[\d,]+/)![0]
            .replace(/,/g, ''),
        ),
      )
      .toBeGreaterThan(49_000);
    await dialog.getByRole('spinbutton', { name: 'Go to row' }).fill('54321');
    await dialog.getByRole('button', { name: 'Go' }).click();
    await rowByNumber(54_321).waitFor();
    expect(await cellTexts(rowByNumber(54_321))).toEqual(show(54_320));
    expect(await cellTexts(rowByNumber(54_322))).toEqual(show(54_321));
    expect(await table.locator('tbody tr').count()).toBe(rendered);

    // Escape closes the preview; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Preview rows of “Survey 100k”');
  });

  it('speaks Russian, with Russian plural forms', async () => {
    w = await newWatchedPage(undefined, 'ru-RU');
    const { page } = w;
    await callHarness(page, 'seedSurvey', 'Опрос', 22, 3);
    await openApp(page);
    await page.getByRole('banner').getByRole('button', { name: 'Наборы данных' }).click();
    await page.getByText('1 набор данных').waitFor();
    const row = page
      .getByRole('table', { name: 'Сохранённые наборы данных' })
      .getByRole('row', { name: /^Опрос / });
    await row.getByRole('button', { name: 'Удалить «Опрос»' }).click();
    const confirm = page.getByRole('dialog', { name: 'Удалить' });
    expect(await confirm.innerText()).toContain(
      'Удалить «Опрос» (22 строки)? Ни одна ячейка блокнотов его не использует.',
    );
    await confirm.getByRole('button', { name: 'Отмена' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Удалить «Опрос»');

    // Russian Excel opens `;`-separated files with decimal commas: the default here.
    expect(
      await page
        .getByRole('combobox', { name: 'Формат CSV' })
        .locator('option:checked')
        .innerText(),
    ).toMatch(/^Excel с десятичной запятой/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Экспортировать «Опрос» в CSV' }).click(),
    ]);
    const saved = join(mkdtempSync(join(tmpdir(), 'cx-ru-')), 'опрос.csv');
    await download.saveAs(saved);
    const lines = readFileSync(saved).toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('score;segment');
    expect(lines).toHaveLength(22 + 2);
  });
});
