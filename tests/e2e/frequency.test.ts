import { afterEach, describe, expect, it } from 'vitest';
import { newWatchedPage, openApp, type Watched, drawn } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('complaint frequency', () => {
  it('ranks the demo’s complaint themes, opens the comments behind a word, counts barriers', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    // The demo notebook comes with the cell set up: the survey's comments, themes from the
    // model's barriers, NPS for the detractors' words, quarters of the answer date.
    const cell = page.getByRole('article', { name: /Complaint frequency/ });
    expect(await cell.getByRole('combobox', { name: 'Comments' }).inputValue()).toBe('comment');
    await cell.getByRole('button', { name: 'Count' }).click();

    // Themes from the model's barriers, ranked: delivery, the planted problem, first.
    const themes = cell.getByRole('table', { name: 'Complaint themes' });
    await themes.waitFor({ timeout: 30_000 });
    const first = await themes.locator('tbody tr').first().locator('th button').innerText();
    expect(first).toBe('Delivery discipline');
    await drawn(cell.getByRole('figure', { name: /Pareto chart/ }));
    // The change since the previous quarter is shown per theme.
    expect(await themes.innerText()).toMatch(/Change since 20\d\d-Q\d/);
    // The value at risk is each complainant's LTV, from the model's client card (the survey has
    // no amounts of its own); groupings offer no ids, comments or dates.
    const value = cell.getByRole('combobox', { name: 'Value at risk (LTV, revenue)' });
    expect(await value.locator('option:checked').innerText()).toBe(
      'ltv — client card of “Demo distributor: service model”',
    );
    const segmentOptions = await cell
      .getByRole('combobox', { name: 'Segment column' })
      .locator('option')
      .allInnerTexts();
    expect(segmentOptions.slice(1)).toEqual(['contact_role']);
    await cell.getByRole('radio', { name: 'By value at risk' }).check();
    await drawn(cell.getByRole('figure', { name: /value at risk, Pareto chart/ }));
    await cell.getByRole('radio', { name: 'By count' }).check();
    // By default it counts the complaints: the comments of detractors and passives, and says so;
    // what promoters praise is shown apart.
    expect(await cell.getByTestId('freq-population').innerText()).toMatch(
      /^[\d,]+ comments of detractors and passives \(0–8\), of [\d,]+ in all\.$/,
    );
    await cell.getByRole('table', { name: 'What promoters praise (9–10)' }).waitFor();

    // Detractors' words, and the comments behind one of them with the words marked.
    const detractorWords = cell.getByRole('table', {
      name: 'Words of detractors (0–6) more than of promoters (9–10)',
    });
    await detractorWords.waitFor();
    const word = detractorWords.locator('tbody tr th button').first();
    const name = await word.innerText();
    await word.click();
    const browser = cell.getByRole('region', { name: `Comments with “${name}”` });
    await browser.locator('mark').first().waitFor();
    const found = browser.getByRole('status');
    const before = Number((await found.innerText()).replace(/\D/g, ''));
    expect(before).toBeGreaterThan(10);
    // The browser searches within them.
    await browser.getByRole('searchbox', { name: 'Search these comments' }).fill('zzzz-nothing');
    await expect.poll(() => found.innerText()).toBe('0 comments');

    // Without a model, the comments' own clusters give the themes, named by their words.
    await cell.getByRole('combobox', { name: 'or themes from' }).selectOption({
      label: 'the comments’ own clusters',
    });
    await expect
      .poll(async () => themes.locator('tbody tr').first().locator('th button').innerText(), {
        timeout: 60_000,
      })
      .toMatch(/ · /);

    // The barrier matrix counts the survey's complaints per barrier.
    await page.getByRole('banner').getByRole('button', { name: 'Service models' }).click();
    await page.getByRole('button', { name: /^Open “Demo/ }).click();
    await page.getByRole('tab', { name: 'Barrier matrix' }).click();
    const matrix = page.getByRole('table', { name: 'Barrier matrix: touchpoints × barriers' });
    await expect
      .poll(async () => (await matrix.locator('td.present').allInnerTexts()).join(' '))
      .toMatch(/^\d[\d,]* /);
    const cells = (await matrix.locator('td.present').allInnerTexts()).map((t) =>
      Number(t.replace(/,/g, '')),
    );
    expect(cells.every((n) => Number.isInteger(n))).toBe(true);
    expect(Math.max(...cells)).toBeGreaterThan(100);
    // It counts the complaints, as the frequency cell does.
    expect(
      await page.getByRole('status').filter({ hasText: 'detractors and passives' }).count(),
    ).toBe(1);
  });
});
