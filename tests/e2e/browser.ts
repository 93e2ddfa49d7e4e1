import { inject } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { Harness } from './harness/harness.ts';

let shared: Browser | null = null;

/** The shared Chromium started by the global setup. */
export async function browser(): Promise<Browser> {
  shared ??= await chromium.connect(inject('wsEndpoint'));
  return shared;
}

/** Everything a test may want to assert about what the page did. */
export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** URLs requested from any origin but the app's own. */
  foreignRequests: string[];
  /** Dialogs (alert/confirm/prompt) the page opened. */
  dialogs: string[];
}

/**
 * A fresh browser context (its own IndexedDB and service worker) and page, watched for console
 * errors, CSP violations, dialogs and requests to other origins.
 */
export async function newWatchedPage(
  appUrl = inject('appUrl'),
  locale = 'en-US',
): Promise<Watched> {
  const context = await (await browser()).newContext({ locale, serviceWorkers: 'allow' });
  const origin = new URL(appUrl).origin;
  const page = await context.newPage();
  const watched: Watched = { page, context, errors: [], foreignRequests: [], dialogs: [] };
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
      watched.foreignRequests.push(url);
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(String(e)));
  // Report every Content-Security-Policy violation as a console error, whatever Chromium logs.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  return watched;
}

/** Opens the app and waits until it has rendered. */
export async function openApp(page: Page, url = inject('appUrl')): Promise<void> {
  await page.goto(url);
  await page.getByRole('banner').waitFor();
}

/**
 * Opens the harness page: same origin as the app (it shares the app's storage) but not the app,
 * so nothing there cleans or changes what the app left.
 */
export async function openHarness(page: Page): Promise<void> {
  await page.goto(inject('harnessUrl'));
  await page.waitForSelector('body[data-ready="true"]');
}

/** Calls a harness function in the harness page of the same origin (it shares the app's storage). */
export async function callHarness<K extends keyof Harness>(
  page: Page,
  name: K,
  ...args: Parameters<Harness[K]>
): Promise<Awaited<ReturnType<Harness[K]>>> {
  await openHarness(page);
  return page.evaluate(
    ([n, a]) => {
      const h = (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> })
        .harness;
      return h[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Harness[K]>>>;
}

/**
 * Waits until a chart is drawn (as SVG, or on a canvas when dense). Charts are drawn as they
 * near the screen, so it is scrolled into view first, as the analyst would.
 */
export async function drawn(figure: Locator, timeout = 30_000): Promise<void> {
  await figure.scrollIntoViewIfNeeded({ timeout });
  await figure.locator('svg, canvas').first().waitFor({ timeout });
}

/**
 * Counts, in the page, the cell requests the app's workers receive: every Comlink call of
 * `answerCell` posted to a worker, with the cell method it asks for. Installed before the app
 * loads (again on each reload, from zero).
 */
export async function countCellRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cellRequests: string[] }).__cellRequests = seen;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      const m = message as {
        type?: string;
        path?: string[];
        argumentList?: { value?: { request?: { method?: string } } }[];
      } | null;
      if (m?.type === 'APPLY' && m.path?.[0] === 'answerCell') {
        seen.push(m.argumentList?.[0]?.value?.request?.method ?? '?');
      }
      return post.call(this, message, ...rest);
    } as typeof Worker.prototype.postMessage;
  });
}

/** The cell requests the workers received since the page (re)loaded (see `countCellRequests`). */
export const cellRequests = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { __cellRequests: string[] }).__cellRequests]);

/**
 * Makes a notebook from the home screen as the analyst does: “New notebook” (in English or
 * Russian), then the name it asks for (its suggestion, unless `name` is given), and waits until
 * the notebook is open.
 */
export async function newNotebook(page: Page, name?: string): Promise<void> {
  await page.getByRole('button', { name: /^(New notebook|Новый блокнот)$/ }).click();
  const field = page.getByRole('dialog').getByRole('textbox');
  if (name !== undefined) await field.fill(name);
  await field.press('Enter');
  await page.waitForURL(/#\/notebook\//);
}
