import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { newNotebook, newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('language', () => {
  it('follows a Russian browser, switches to English and remembers the choice', async () => {
    w = await newWatchedPage(undefined, 'ru-RU');
    const { page } = w;
    await openApp(page);
    await page.getByRole('heading', { name: 'Блокноты' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await newNotebook(page);
    // Plural forms follow Russian rules as cells are added: 1 ячейка, 2 ячейки, 5 ячеек.
    const addText = page.getByRole('button', { name: 'Добавить ячейку «Текст»' });
    await addText.click();
    await page.getByText('1 ячейка', { exact: true }).waitFor();
    await addText.click();
    await page.getByText('2 ячейки', { exact: true }).waitFor();
    for (let i = 0; i < 3; i++) await addText.click();
    await page.getByText('5 ячеек', { exact: true }).waitFor();

    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await page.getByText('5 cells', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByText('5 cells', { exact: true }).waitFor();
    await page.getByRole('link', { name: /All notebooks/ }).click();
    await page.getByRole('heading', { name: 'Notebooks' }).waitFor();
    // The notebook keeps the language it was written in.
    // (The list arrives from storage after the heading: wait for it rather than peek.)
    await page.getByRole('link', { name: 'Блокнот 1' }).waitFor();
  });
});

describe('storage', () => {
  it('asks for persistent storage once, after the first saved work, and shows use and quota', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await page.addInitScript(() => {
      const calls = { n: 0 };
      (window as unknown as { persistCalls: typeof calls }).persistCalls = calls;
      const original = navigator.storage.persist.bind(navigator.storage);
      navigator.storage.persist = () => {
        calls.n++;
        return original();
      };
    });
    await openApp(page);
    const persistCalls = () =>
      page.evaluate(() => (window as unknown as { persistCalls: { n: number } }).persistCalls.n);
    expect(await persistCalls()).toBe(0);
    await newNotebook(page);
    await page.getByRole('button', { name: 'Add Text cell' }).click();
    await page.locator('.save-status[data-status="saved"]').waitFor();
    await expect.poll(persistCalls).toBe(1);
    await page.getByRole('textbox', { name: 'Markdown text' }).fill('more work');
    await page.locator('.save-status[data-status="saved"]').waitFor();
    await page.reload();
    await page.getByRole('banner').waitFor();
    await page.getByRole('button', { name: 'Add Text cell' }).click();
    await page.locator('.save-status[data-status="saved"]').waitFor();
    expect(await persistCalls()).toBe(0); // a fresh page, and it was already asked before

    await page.getByRole('button', { name: 'Storage' }).click();
    const panel = page.getByRole('dialog', { name: 'Storage' });
    await panel.getByTestId('storage-usage').waitFor();
    expect(await panel.getByTestId('storage-usage').innerText()).toMatch(
      /^Used [\d.,]+ \w+ of about [\d.,]+ \w+$/,
    );
    expect(await panel.getByTestId('storage-persistence').innerText()).toMatch(
      /Kept until you delete it|Not yet protected/,
    );
    expect(await panel.innerText()).toContain('only in this browser');
    await panel.getByRole('button', { name: 'Close' }).click();
    expect(await panel.count()).toBe(0);
  });

  it('asks for a reload, without blocking it, when another tab upgrades the database', async () => {
    w = await newWatchedPage();
    const { page, context } = w;
    await openApp(page);
    await newNotebook(page);
    await page.locator('.save-status[data-status="saved"]').waitFor();
    // A newer version of the app opens the same database with a higher schema version.
    const other = await context.newPage();
    await other.goto(inject('harnessUrl'));
    const upgraded = await other.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('cx-trace', 1000);
          req.onsuccess = () => {
            req.result.close();
            resolve('upgraded');
          };
          req.onblocked = () => resolve('blocked');
          req.onerror = () => resolve('error');
        }),
    );
    expect(upgraded).toBe('upgraded');
    await page
      .getByRole('alert')
      .filter({ hasText: 'CX Trace was updated in another tab' })
      .getByRole('button', { name: 'Reload' })
      .waitFor();
    await other.close();
  });
});
