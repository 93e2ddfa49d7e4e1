import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** How many notebooks the app has stored, read directly from IndexedDB. */
const storedNotebooks = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('cx-trace');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const count = db.transaction('notebooks').objectStore('notebooks').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );

/**
 * Where the notice is against the page: how it is positioned, whether its box meets the box of
 * the header or of <main> (which holds all the content), and whether anything else is drawn on
 * top of it at its corners and middle.
 */
const placement = (notice: Locator) =>
  notice.evaluate((el) => {
    el.scrollIntoView({ block: 'center' });
    const box = el.getBoundingClientRect();
    const meets = (other: Element | null) => {
      const r = other!.getBoundingClientRect();
      return box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom;
    };
    // Inset past the rounded corners, where the page behind shows through by design.
    const points = [
      [box.left + 10, box.top + 10],
      [box.right - 10, box.bottom - 10],
      [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
    ] as const;
    return {
      position: getComputedStyle(el).position,
      overMain: meets(document.querySelector('main')),
      overHeader: meets(document.querySelector('header')),
      height: box.height,
      uncovered: points.every(([x, y]) => {
        const top = document.elementFromPoint(x, y);
        return top !== null && el.contains(top);
      }),
    };
  });

describe('the offline-ready notice', () => {
  it('takes its own place after the content, covering nothing, and closes', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await page.setViewportSize({ width: 900, height: 520 });
    await openApp(page);
    // The service worker has installed: the notice appears (and goes by itself after a while).
    const notice = page.getByRole('status').filter({ hasText: 'ready to work offline' });
    await notice.waitFor();
    for (const where of ['home', 'models'] as const) {
      if (where === 'models') {
        await page.getByRole('button', { name: 'Service models' }).click();
        await page.getByRole('heading', { name: 'Service models' }).waitFor();
      }
      const at = await placement(notice);
      expect(at.position, where).toBe('static');
      expect(at.overMain, where).toBe(false);
      expect(at.overHeader, where).toBe(false);
      expect(at.uncovered, where).toBe(true);
      expect(at.height, where).toBeGreaterThan(0);
    }
    await notice.getByRole('button', { name: 'Close' }).click();
    expect(await notice.count()).toBe(0);
  });
});

describe('a new notebook', () => {
  it('asks for its name, suggested, focused and selected; the typed name makes it', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'New notebook' }).click();
    const dialog = page.getByRole('dialog', { name: 'New notebook' });
    const field = dialog.getByRole('textbox', { name: 'Notebook name' });
    expect(await field.inputValue()).toBe('Notebook 1');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return { value: el.value, from: el.selectionStart, to: el.selectionEnd };
    });
    expect(focus).toEqual({ value: 'Notebook 1', from: 0, to: 'Notebook 1'.length });
    // Typing replaces the selected suggestion; Enter creates.
    await page.keyboard.type('Churn review Q3');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/notebook\//);
    const title = page.getByRole('textbox', { name: 'Notebook title' });
    await title.waitFor();
    expect(await title.inputValue()).toBe('Churn review Q3');

    await page.getByRole('link', { name: /All notebooks/ }).click();
    await page.getByRole('link', { name: 'Churn review Q3' }).waitFor();
    await page.getByRole('button', { name: 'New notebook' }).click();
    expect(await field.inputValue()).toBe('Notebook 2');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/#\/notebook\//);
    await title.waitFor();
    expect(await title.inputValue()).toBe('Notebook 2');
    expect(await storedNotebooks(page)).toBe(2);
  });

  it('makes none on Cancel or Escape, and refuses a blank name with a message', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    const start = page.url();
    const dialog = page.getByRole('dialog', { name: 'New notebook' });
    const newButton = page.getByRole('button', { name: 'New notebook' });

    await newButton.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await newButton.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await newButton.click();
    await dialog.getByRole('textbox', { name: 'Notebook name' }).fill('   ');
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Give the notebook a name.' }).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    expect(page.url()).toBe(start);
    await page.getByText('No notebooks yet.').waitFor();
    expect(await storedNotebooks(page)).toBe(0);
  });

  it('asks in Russian: «Блокнот 1», «Создать»', async () => {
    w = await newWatchedPage(undefined, 'ru-RU');
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Новый блокнот' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый блокнот' });
    const field = dialog.getByRole('textbox', { name: 'Название блокнота' });
    expect(await field.inputValue()).toBe('Блокнот 1');
    await field.fill('');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Введите название блокнота.' }).waitFor();
    await field.fill('Отток');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/#\/notebook\//);
    expect(await storedNotebooks(page)).toBe(1);
  });
});

describe('an empty home screen', () => {
  it('says how to start with one’s own data, and its button opens an import', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page
      .getByText(
        'Start with your own data: import a CSV, Excel or JSON export of your survey or CRM. It stays in this browser.',
      )
      .waitFor();
    // The demo is still offered beside it.
    await page.getByRole('button', { name: 'Open the demo' }).waitFor();
    await page.getByRole('button', { name: 'Import a file…' }).click();
    await page.waitForURL(/#\/notebook\//);
    const cell = page.getByRole('article', { name: /Import data/ });
    await cell.getByLabel('Choose a file…').setInputFiles({
      name: 'survey.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('client_id,score\nC1,9\nC2,4\nC3,10\n'),
    });
    await cell.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('textbox', { name: 'Notebook title' }).inputValue()).toBe(
      'Notebook 1',
    );
  });

  it('says it in Russian too', async () => {
    w = await newWatchedPage(undefined, 'ru-RU');
    const { page } = w;
    await openApp(page);
    await page.getByText(/^Начните со своих данных: импортируйте выгрузку/).waitFor();
    await page.getByRole('button', { name: 'Импортировать файл…' }).click();
    await page
      .getByRole('article', { name: /Импорт данных/ })
      .getByLabel('Выберите файл…')
      .waitFor({
        state: 'attached',
      });
  });
});
