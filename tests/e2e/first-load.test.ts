import { afterEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Route } from 'playwright-core';
import { browser } from './browser.ts';

/** The budget: JavaScript before the home screen is usable, uncompressed. */
const FIRST_LOAD_BUDGET = 250_000;

const LANGUAGES = [
  {
    locale: 'en-US',
    home: 'Notebooks',
    demo: 'Open the demo',
    datasets: 'Datasets',
    empty: 'No datasets yet',
    // A message of the other language's catalogue: it must not be loaded.
    other: 'Аналитика клиентского опыта, которая не покидает ваш компьютер',
  },
  {
    locale: 'ru-RU',
    home: 'Блокноты',
    demo: 'Открыть демо',
    datasets: 'Наборы данных',
    empty: 'Наборов данных пока нет',
    other: 'Customer experience analytics that stays on your computer',
  },
];

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

describe('first load', () => {
  for (const lang of LANGUAGES) {
    it(`shows a usable home screen in ${lang.locale} with at most 250 KB of JavaScript`, async () => {
      // No service worker: every script the page asks for passes through the route below.
      context = await (
        await browser()
      ).newContext({ locale: lang.locale, serviceWorkers: 'block' });
      const scripts: { url: string; bytes: number; body: string }[] = [];
      // The rest of the language's messages is held back, to show that the home screen does not
      // wait for it (and is not counted: it loads after the home screen is up).
      const held: Route[] = [];
      let holding = true;
      await context.route(/\.js$/, async (route) => {
        const response = await route.fetch();
        const body = (await response.body()).toString('utf8');
        if (holding && body.includes('common.undo')) {
          held.push(route);
          return;
        }
        scripts.push({ url: route.request().url(), bytes: Buffer.byteLength(body), body });
        await route.fulfill({ response, body });
      });
      const page = await context.newPage();
      await page.goto(inject('appUrl'));
      await page.getByRole('heading', { name: lang.home }).waitFor();
      const demo = page.getByRole('button', { name: lang.demo });
      await expect(demo.isEnabled()).resolves.toBe(true);

      const total = scripts.reduce((s, x) => s + x.bytes, 0);
      const list = scripts.map((s) => `${new URL(s.url).pathname} ${s.bytes}`).join(', ');
      expect(total, list).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
      // The rest of the language's messages is asked for right after, once.
      await expect.poll(() => held.length).toBe(1);
      expect(scripts.filter((s) => s.body.includes(lang.other)).map((s) => s.url)).toEqual([]);
      // Neither markdown, charts, the model editor nor any page but home came with it.
      const names = scripts.map((s) => new URL(s.url).pathname.split('/').pop()!);
      expect(names.filter((n) => /Markdown|vega|Chart|ModelEditor|Page-/.test(n))).toEqual([]);

      // A page opened before the rest of the messages has arrived waits for them: no bare keys.
      await page.getByRole('button', { name: lang.datasets }).click();
      holding = false;
      for (const route of held) await route.continue();
      await page.getByRole('heading', { name: lang.datasets }).waitFor();
      await page.getByText(lang.empty).waitFor();
      await expect(page.locator('main').innerText()).resolves.not.toMatch(
        /\b[a-z]+\.[a-z]+[A-Z]\w*/,
      );
    });
  }
});
