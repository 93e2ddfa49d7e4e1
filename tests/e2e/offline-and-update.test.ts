import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { newNotebook, newWatchedPage, type Watched } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Each test gets its own server, so it can publish a new version or go away entirely.
let server: StaticServer;
let w: Watched;
beforeEach(async () => {
  server = await startStaticServer(`${root}dist`, `${root}dist-test`);
});
afterEach(async () => {
  await w.context.close();
  await server.close();
});

async function firstVisit(page: Page) {
  await page.goto(server.appUrl);
  await page.getByRole('banner').waitFor();
  // The service worker has installed and precached the app.
  await page.getByText('CX Trace is ready to work offline.').waitFor();
}

describe('offline and updates', () => {
  it('works with the network off after the first visit, notebook and worker included', async () => {
    w = await newWatchedPage(server.appUrl);
    const { page, context } = w;
    // Seed a dataset from the harness on this origin before the app is ever opened.
    await page.goto(`${server.origin}/__test__/index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(() =>
      (
        window as unknown as { harness: { seedSurvey(n: string, r: number): Promise<unknown> } }
      ).harness.seedSurvey('Field survey', 1000),
    );
    await firstVisit(page);
    await newNotebook(page);
    await page.getByRole('textbox', { name: 'Notebook title' }).fill('Field visit');
    await page.getByRole('button', { name: 'Add Text cell' }).click();
    await page.getByRole('textbox', { name: 'Markdown text' }).fill('Written before going offline');
    await page.locator('.save-status[data-status="saved"]').waitFor();

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Written before going offline').waitFor();
    expect(await page.getByRole('textbox', { name: 'Notebook title' }).inputValue()).toBe(
      'Field visit',
    );

    // New work offline, including the analysis worker (its script comes from the precache).
    await page.getByRole('button', { name: 'Add NPS summary cell' }).click();
    const cell = page.getByRole('article', { name: /NPS summary/ });
    await cell
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'Field survey — 1,000 rows' });
    await cell.getByRole('combobox', { name: 'Score column (0–10)' }).selectOption('score');
    await cell.getByRole('button', { name: 'Compute NPS' }).click();
    await cell.locator('output.nps-value').waitFor();
    await page.locator('.save-status[data-status="saved"]').waitFor();
    await page.reload();
    await page.getByRole('article', { name: /Cell 2 of 2/ }).waitFor();
    expect(w.errors).toEqual([]);
  });

  it('offers a new version with a prompt and reloads only when asked', async () => {
    w = await newWatchedPage(server.appUrl);
    const { page } = w;
    await firstVisit(page);
    await page.getByRole('button', { name: 'Close' }).click();
    // A second tab of the app, open during the update.
    const other = await w.context.newPage();
    await other.goto(server.appUrl);
    await other.getByRole('banner').waitFor();
    for (const p of [page, other]) {
      await p.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
    }

    // Publish a new version: a byte-different service worker.
    const { readFileSync } = await import('node:fs');
    server.override('sw.js', `${readFileSync(`${root}dist/sw.js`, 'utf8')}\n// next release\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page
      .getByRole('alert')
      .filter({ hasText: 'A new version of CX Trace is ready.' });
    await prompt.waitFor();
    // It waits for the user: no reload on its own.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(
      true,
    );

    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    // The other tab is not reloaded under the user's feet: it asks.
    await other
      .getByRole('alert')
      .filter({ hasText: 'CX Trace was updated in another tab' })
      .waitFor();
    expect(
      await other.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    await page.getByRole('banner').waitFor();
    expect(
      await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument),
    ).toBeUndefined();
    expect(await prompt.count()).toBe(0);
    expect(w.errors).toEqual([]);
  });

  it('holds an update that arrives during an import until it is stored; one reload after', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'cx-update-')), 'crm.csv');
    // Long enough to store for the update to arrive meanwhile, even on a busy machine.
    const lines = ['client_id;region;score;amount'];
    for (let i = 0; i < 3_000_000; i++) lines.push(`C${i};R${i % 17};${i % 11};${i % 1000}`);
    writeFileSync(file, lines.join('\n'));

    w = await newWatchedPage(server.appUrl);
    const { page } = w;
    let loads = 0;
    page.on('load', () => loads++);
    await firstVisit(page);
    await page.getByRole('button', { name: 'Close' }).click();
    await newNotebook(page);
    await page.getByRole('button', { name: 'Add Import data cell' }).click();
    const cell = page.getByRole('article', { name: /Import data/ });
    await cell.getByLabel('Choose a file…').setInputFiles(file);
    await cell.getByRole('button', { name: 'Import 3,000,000 rows' }).click({ timeout: 90_000 });
    await cell.getByText(/Stored [\d,]+ of 3,000,000 rows/).waitFor({ timeout: 60_000 });

    // A new version is published while the rows are being stored.
    server.override('sw.js', `${readFileSync(`${root}dist/sw.js`, 'utf8')}\n// next release\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
      // Until the new version has installed and waits.
      while (!registration?.waiting) await new Promise((r) => setTimeout(r, 50));
    });
    // The scenario needs the import still running when the update arrived.
    expect(await cell.getByText(/Stored [\d,]+ of 3,000,000 rows/).count()).toBe(1);
    const waiting = page.getByRole('status').filter({
      hasText: 'A new version of CX Trace is ready. It will be offered once the data being stored',
    });
    await waiting.waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    expect(await cell.getByText(/Imported/).count()).toBe(0);

    // Stored in full; only then is the update offered, and taken when the user accepts.
    await cell.getByText('Imported “crm”: 3,000,000 rows.').waitFor({ timeout: 240_000 });
    const prompt = page
      .getByRole('alert')
      .filter({ hasText: 'A new version of CX Trace is ready.' });
    await prompt.waitFor();
    expect(await waiting.count()).toBe(0);
    const before = loads;
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await page.getByRole('banner').waitFor();
    await page.waitForTimeout(2000);
    expect(loads - before).toBe(1);
    await page.getByRole('banner').getByRole('button', { name: 'Datasets' }).click();
    await page.getByText('3,000,000').first().waitFor();
    expect(w.errors).toEqual([]);
  }, 420_000);
});
