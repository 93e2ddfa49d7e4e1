import { afterEach, describe, expect, it } from 'vitest';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('the trace', () => {
  it('follows the demo’s detractors down to scanner coverage; a segment and a client click through', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    const cell = page.getByRole('article', { name: /Trace/ });
    const path = cell.getByRole('region', { name: 'The strongest path' });
    await path.waitFor({ timeout: 60_000 });
    const steps = () => path.getByRole('listitem').allInnerTexts();
    await expect.poll(async () => (await steps()).length, { timeout: 30_000 }).toBeGreaterThan(3);
    const list = await steps();
    expect(list[0]).toMatch(/^NPS/);
    expect(list.some((s) => /Delivery/.test(s))).toBe(true);
    expect(list.at(-1)).toMatch(/WMS scanner coverage: gap \+\d/);
    expect(await cell.innerText()).toMatch(
      /\d+ clients in the population \([\d,]+ client-periods with such answers\), against the other answers/,
    );
    await cell
      .getByRole('figure', { name: /The trace through the layers/ })
      .locator('svg')
      .first()
      .waitFor();

    // A segment: the clients of the warehouse planted with few scanners.
    await cell.getByRole('combobox', { name: 'Population' }).selectOption('segment');
    await cell.getByRole('combobox', { name: 'Client-card column' }).selectOption('warehouse');
    const value = cell.getByRole('combobox', { name: 'Value', exact: true });
    await expect.poll(() => value.locator('option').count()).toBeGreaterThan(2);
    await value.selectOption('WH-2');
    await expect
      .poll(async () => (await steps()).at(-1) ?? '', { timeout: 30_000 })
      .toMatch(/WMS scanner coverage: gap \+[1-9]/);

    // An indicator lists the population's clients, worst first; a client opens its records.
    const table = cell.getByRole('table', { name: 'Indicators for the population and the rest' });
    await table.getByRole('button', { name: 'WMS scanner coverage' }).click();
    const clients = cell.getByRole('table', {
      name: /Clients of the population by “WMS scanner coverage”/,
    });
    await clients.waitFor();
    const first = clients.locator('tbody tr').first().getByRole('button');
    const id = (await first.innerText()).trim();
    await first.click();
    await cell
      .getByRole('region', { name: `Client ${id}: answers and CRM records` })
      .getByRole('table', { name: 'clients' })
      .waitFor();

    // The choice is kept with the notebook.
    await page.waitForTimeout(600);
    await page.reload();
    const again = page.getByRole('article', { name: /Trace/ });
    await expect
      .poll(() => again.getByRole('combobox', { name: 'Population' }).inputValue(), {
        timeout: 30_000,
      })
      .toBe('segment');
  });
});
