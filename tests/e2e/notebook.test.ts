import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newNotebook, newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** The rendered text of each cell, top to bottom. */
const cellTexts = (page: Page) => page.locator('article.cell .cell-body').allInnerTexts();

async function addTextCell(page: Page, text: string) {
  await page.getByRole('button', { name: 'Add Text cell' }).click();
  const editor = page.getByRole('textbox', { name: 'Markdown text' }).last();
  await editor.fill(text);
  await page.getByRole('button', { name: 'Done' }).click();
}

async function waitSaved(page: Page) {
  await page.locator('.save-status[data-status="saved"]').waitFor();
}

describe('notebooks', () => {
  it('creates a notebook, edits and reorders cells, and keeps everything after a reload', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await newNotebook(page);
    await page.getByRole('textbox', { name: 'Notebook title' }).fill('Delivery complaints Q3');
    await addTextCell(page, '# Findings\n\nLate **deliveries** dominate.');
    await addTextCell(page, 'Second note');
    await addTextCell(page, 'Third note');
    expect(await page.getByRole('heading', { name: 'Findings' }).isVisible()).toBe(true);
    expect(await page.locator('strong', { hasText: 'deliveries' }).count()).toBe(1);

    // Move "Third" to the top, then "Findings" down one place.
    const third = page.getByRole('article', { name: /Cell 3 of 3/ });
    await third.getByRole('button', { name: 'Move up' }).click();
    await page
      .getByRole('article', { name: /Cell 2 of 3/ })
      .getByRole('button', { name: 'Move up' })
      .click();
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual([
      'Third note',
      'Findings',
      'Second note',
    ]);
    await page
      .getByRole('article', { name: /Cell 2 of 3/ })
      .getByRole('button', { name: 'Move down' })
      .click();
    const order = ['Third note', 'Second note', 'Findings'];
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual(order);

    // Edit an existing cell.
    const second = page.getByRole('article', { name: /Cell 2 of 3/ });
    await second.getByRole('button', { name: 'Edit text' }).click();
    await second.getByRole('textbox', { name: 'Markdown text' }).fill('Second note, edited');
    await second.getByRole('button', { name: 'Done' }).click();

    // Insert a new cell between the first and second.
    await page
      .getByRole('article', { name: /Cell 1 of 3/ })
      .locator('summary', { hasText: '+' })
      .click();
    await page
      .getByRole('group', { name: 'Add a cell below' })
      .getByRole('button', { name: 'Text' })
      .click();
    await page.getByRole('textbox', { name: 'Markdown text' }).fill('Inserted note');
    await page.getByRole('button', { name: 'Done' }).click();
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual([
      'Third note',
      'Inserted note',
      'Second note, edited',
      'Findings',
    ]);
    await page
      .getByRole('article', { name: /Cell 2 of 4/ })
      .getByRole('button', { name: 'Delete cell' })
      .click();

    // Collapse the first.
    await page
      .getByRole('article', { name: /Cell 1 of 3/ })
      .getByRole('button', { name: 'Collapse' })
      .click();
    await waitSaved(page);

    await page.reload();
    await page.getByRole('article', { name: /Cell 3 of 3/ }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Notebook title' }).inputValue()).toBe(
      'Delivery complaints Q3',
    );
    expect(
      await page
        .getByRole('article', { name: /Cell 1 of 3/ })
        .getByRole('button', { name: 'Expand' })
        .isVisible(),
    ).toBe(true);
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual([
      'Second note, edited',
      'Findings',
    ]);
    await page.getByRole('button', { name: 'Expand' }).click();
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual([
      'Third note',
      'Second note, edited',
      'Findings',
    ]);
  });

  it('keeps text typed just before the tab is reloaded', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await newNotebook(page);
    await page.getByRole('button', { name: 'Add Text cell' }).click();
    await waitSaved(page);
    await page
      .getByRole('textbox', { name: 'Markdown text' })
      .pressSequentially('typed in a hurry');
    await page.reload();
    await page.getByText('typed in a hurry').waitFor();
  });

  it('keeps keyboard focus in place when moving, deleting and restoring cells', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await newNotebook(page);
    for (const text of ['One', 'Two', 'Three']) await addTextCell(page, text);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return `${el?.closest('article')?.querySelector('.markdown')?.textContent?.trim() ?? ''}|${el?.getAttribute('aria-label') ?? el?.textContent}`;
      });
    await page
      .getByRole('article', { name: /Cell 3 of 3/ })
      .getByRole('button', { name: 'Move up' })
      .focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Three|Move up');
    await page.keyboard.press('Enter');
    // At the top, Move up is disabled: focus falls on Move down of the same cell.
    expect(await focused()).toBe('Three|Move down');
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual(['Three', 'One', 'Two']);

    await page
      .getByRole('article', { name: /Cell 2 of 3/ })
      .getByRole('button', { name: 'Delete cell' })
      .focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('|Undo');
    await page.keyboard.press('Enter');
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual(['Three', 'One', 'Two']);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');

    // A dialog gives focus back to the button that opened it.
    await page.getByRole('link', { name: /All notebooks/ }).click();
    const del = page.getByRole('button', { name: /^Delete “/ });
    await del.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => del.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('deletes a cell with undo', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await newNotebook(page);
    await addTextCell(page, 'Keep me');
    await addTextCell(page, 'Delete me');
    await page
      .getByRole('article', { name: /Cell 1 of 2/ })
      .getByRole('button', { name: 'Delete cell' })
      .click();
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual(['Delete me']);
    await page
      .getByRole('status')
      .filter({ hasText: 'Cell deleted.' })
      .getByRole('button', { name: 'Undo' })
      .click();
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual(['Keep me', 'Delete me']);
    await page
      .getByRole('article', { name: /Cell 2 of 2/ })
      .getByRole('button', { name: 'Delete cell' })
      .click();
    await waitSaved(page);
    await page.reload();
    await page.getByRole('article', { name: /Cell 1 of 1/ }).waitFor();
    expect((await cellTexts(page)).map((t) => t.split('\n')[0])).toEqual(['Keep me']);
  });

  it('renames, duplicates and deletes notebooks from the home screen, deleting only on confirmation', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    // (The list comes from storage after the page: wait for it rather than peek.)
    await page.getByText('No notebooks yet').waitFor();
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('article', { name: /Cell 1 of 12/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: /All notebooks/ }).click();

    const list = page.getByRole('list', { name: 'Notebooks' });
    await list.getByRole('link', { name: 'Demo: a B2B distributor' }).waitFor();
    await page.getByRole('button', { name: 'Rename “Demo: a B2B distributor”' }).click();
    await page.getByRole('textbox', { name: /New name for/ }).fill('Pilot study');
    await page.getByRole('button', { name: 'Save' }).click();
    await list.getByRole('link', { name: 'Pilot study' }).waitFor();

    await page.getByRole('button', { name: 'Duplicate “Pilot study”' }).click();
    await list.getByRole('link', { name: 'Pilot study (copy)' }).waitFor();
    await page.getByText('2 notebooks').waitFor();

    // Cancel keeps it; confirming deletes it.
    await page.getByRole('button', { name: 'Delete “Pilot study (copy)”' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('“Pilot study (copy)” with its 12 cells');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await list.getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Delete “Pilot study (copy)”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('1 notebook', { exact: true }).waitFor();

    await page.reload();
    await list.getByRole('link', { name: 'Pilot study' }).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    // The copy was independent: the original still has its 12 cells.
    await list.getByRole('link', { name: 'Pilot study' }).click();
    await page.getByRole('article', { name: /Cell 12 of 12/ }).waitFor();
  });

  it('renders hostile markdown inert: no script runs, no dialog opens, no remote image loads', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await newNotebook(page);
    await addTextCell(
      page,
      [
        '<img src=x onerror=alert(1)>',
        '<script>window.__pwned = true; alert(2)</script>',
        '<a href="javascript:alert(3)">click</a>',
        '<iframe src="https://example.com"></iframe>',
        '![tracker](https://tracker.example.com/pixel.png)',
        '<b onmouseover="alert(4)">bold</b>',
        '<svg><image href="https://evil.example/x.png"></image></svg>',
        '<math><mtext><img src="https://evil.example/m.png"></mtext></math>',
      ].join('\n\n'),
    );
    const body = page.getByRole('article', { name: /Cell 1 of 1/ }).locator('.markdown');
    await body.waitFor();
    await body.locator('b').hover();
    await body.getByText('click').click();
    await page.waitForTimeout(300);
    expect(w.dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    const html = await body.innerHTML();
    expect(html).not.toMatch(
      /<script|onerror|onmouseover|javascript:|<iframe|<img|<svg|<image|<math/i,
    );
    expect(await body.innerText()).toContain('image from another site not loaded');
    expect(w.foreignRequests).toEqual([]);
    await waitSaved(page);
    await page.reload();
    await page
      .getByRole('article', { name: /Cell 1 of 1/ })
      .locator('.markdown')
      .waitFor();
    expect(w.dialogs).toEqual([]);
  });
});
