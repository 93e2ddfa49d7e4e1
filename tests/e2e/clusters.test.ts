import { afterEach, describe, expect, it } from 'vitest';
import { newWatchedPage, openApp, type Watched, drawn } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('comment clusters', () => {
  it('clusters the demo’s comments; names and merges persist; a cluster opens its comments', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    // The demo notebook comes with the cell set up on the survey's comments.
    const cell = page.getByRole('article', { name: /Comment clusters/ });
    await cell.getByRole('combobox', { name: 'Clusters' }).selectOption('6');
    await cell.getByRole('button', { name: 'Cluster', exact: true }).click();

    const table = cell.getByRole('table', { name: 'Clusters of comments' });
    await table.waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody tr').count()).toBe(6);
    await drawn(cell.getByRole('figure', { name: /Map of comments/ }));
    // Each cluster has its NPS; at least one is negative (the complaints) and one positive.
    const nps = (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map((t) =>
      Number(t.replace('−', '-').replace(',', '.')),
    );
    expect(Math.min(...nps)).toBeLessThan(0);
    expect(Math.max(...nps)).toBeGreaterThan(0);
    // Kinds of clients by what they complain of, each with its size and NPS.
    const kinds = cell.getByRole('table', { name: 'Kinds of clients by their complaints' });
    await kinds.waitFor();
    const sizes = (await kinds.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((t) =>
      Number(t.replace(/,/g, '')),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);

    // Rename the biggest cluster and merge the last two.
    const firstName = table.locator('tbody tr').first().getByRole('textbox');
    await firstName.fill('Late deliveries');
    await firstName.press('Enter');
    const last = table.locator('tbody tr').last();
    const merge = last.getByRole('combobox');
    const target = (await merge.locator('option').allInnerTexts())[2]!;
    await merge.selectOption({ label: target });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);

    // The comments of a cluster, from its row.
    await table.getByRole('button', { name: 'Show the comments of “Late deliveries”' }).click();
    const browser = cell.getByRole('region', { name: 'Comments of “Late deliveries”' });
    await browser.getByRole('listitem').first().waitFor();

    // A cluster's clients are handed to a new trace cell below as its population.
    await table.getByRole('button', { name: 'Trace the clients of “Late deliveries”' }).click();
    const traced = page.getByRole('article', { name: /Trace/ }).first();
    const population = traced.getByRole('combobox', { name: 'Population' });
    await expect.poll(() => population.inputValue(), { timeout: 30_000 }).toBe('handed');
    expect(await population.locator('option:checked').innerText()).toBe(
      'clients handed over: Late deliveries',
    );
    await expect
      .poll(() => traced.innerText(), { timeout: 30_000 })
      .toMatch(/[1-9][\d,]* clients? in the population/);
    await traced.getByRole('region', { name: 'The route to the main cause' }).waitFor();
    await traced.locator('p.verdict').waitFor();

    // Names and merges are kept with the notebook: after a reload and a new run, they are there.
    await page.waitForTimeout(600);
    await page.reload();
    const again = page.getByRole('article', { name: /Comment clusters/ });
    await again.getByRole('button', { name: 'Cluster', exact: true }).click();
    const table2 = again.getByRole('table', { name: 'Clusters of comments' });
    await table2.waitFor({ timeout: 60_000 });
    expect(await table2.locator('tbody tr').count()).toBe(5);
    // (Merged clusters add up, so the order by size may differ: the name is found by value.)
    const names = await table2
      .locator('tbody tr')
      .getByRole('textbox')
      .evaluateAll((inputs) => inputs.map((x) => (x as HTMLInputElement).value));
    expect(names).toContain('Late deliveries');
    // The trace reads the clusters' result by reference: a new one turns the trace stale.
    await expect
      .poll(() => page.getByRole('article', { name: /Trace/ }).first().innerText(), {
        timeout: 30_000,
      })
      .toContain('Stale: the cell it takes its input from has a new result');
  });
});
