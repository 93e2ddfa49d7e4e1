import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from 'playwright-core';
import { callHarness, newWatchedPage, openApp, drawn, type Watched } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { headersForPath, parseHeadersFile } from '../../scripts/csp.mjs';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
/** The test harness as global setup built it: it starts every worker, the transform's too. */
const harness = fileURLToPath(new URL('../../dist-test', import.meta.url));

let w: Watched | null = null;
afterEach(async () => {
  if (!w) return;
  expect(w.errors).toEqual([]);
  await w.context.close();
  w = null;
});

// Another origin, as an attacker's server would be: it counts what reaches it and serves a
// module anyone may import.
let other: { origin: string; hits: string[]; server: Server };
// The built app served with the headers `dist/_headers` asks of the host.
let strict: StaticServer;
let headers: Record<string, string>;
beforeAll(async () => {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/javascript');
    res.end('export const stolen = true;');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  other = { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
  const file = readFileSync(`${dist}/_headers`, 'utf8');
  headers = parseHeadersFile(file) as Record<string, string>;
  strict = await startStaticServer(dist, harness, (path) => headersForPath(file, path));
});
afterAll(async () => {
  other.server.closeAllConnections();
  await new Promise<void>((resolve) => other.server.close(() => resolve()));
  await strict.close();
});

/** The app's ingest worker, started by opening the demo (it generates the demo's datasets). */
async function demoWithIngestWorker(page: Page): Promise<Worker> {
  const ingest = page.waitForEvent('worker', {
    predicate: (wk) => /ingest\.worker/.test(wk.url()),
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Open the demo' }).click();
  const worker = await ingest;
  await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 90_000 });
  return worker;
}

/** The app's service worker, once it runs. */
async function serviceWorker(watched: Watched): Promise<Worker> {
  return (
    watched.context.serviceWorkers()[0] ??
    (await watched.context.waitForEvent('serviceworker', { timeout: 30_000 }))
  );
}

/**
 * What a worker gets when it tries to reach `url` by `fetch` and by dynamic `import()`. Given as
 * text: a function would be rewritten by the test runner's own handling of `import()`.
 */
const reach = (worker: Worker, url: string) =>
  worker.evaluate(`(async () => {
    const tried = (run) => run().then(() => 'reached', (e) => 'refused: ' + e.name);
    return {
      fetch: await tried(() => fetch(${JSON.stringify(url)} + '/fetch')),
      import: await tried(() => import(${JSON.stringify(url)} + '/import.js')),
    };
  })()`) as Promise<{ fetch: string; import: string }>;

describe('the browser’s own guards', () => {
  it('builds a header policy for every response, stricter than the page’s meta tag', () => {
    const policy = headers['Content-Security-Policy']!;
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(readFileSync(`${dist}/_headers`, 'utf8').startsWith('/*\n')).toBe(true);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync(`${dist}/index.html`, 'utf8'),
    )?.[1];
    expect(meta).toBe(policy.replace("; frame-ancestors 'none'", ''));
  });

  it('a host sending that header stops a worker reaching another origin; a plain host does not', async () => {
    // On a plain host the page's meta policy does not govern workers: the lockdown stops
    // `fetch`, but a dynamic import() of another origin gets through.
    w = await newWatchedPage();
    await openApp(w.page);
    const plain = await reach(await demoWithIngestWorker(w.page), other.origin);
    expect(plain).toEqual({ fetch: 'refused: NetworkLockedError', import: 'reached' });
    // The service worker needs `fetch`, so it is not locked down: on a plain host it can reach out.
    expect((await reach(await serviceWorker(w), other.origin)).fetch).toBe('reached');
    expect(other.hits.sort()).toEqual(['/fetch', '/import.js']);
    await w.context.close();

    other.hits.length = 0;
    w = await newWatchedPage(strict.appUrl);
    // The header blocks it, and says so: the console errors of the blocked import are expected.
    await openApp(w.page, strict.appUrl);
    const worker = await demoWithIngestWorker(w.page);
    const guarded = await reach(worker, other.origin);
    expect(guarded.fetch).toBe('refused: NetworkLockedError');
    expect(guarded.import).toMatch(/^refused/);
    // The header governs the service worker too: its fetch to another origin is refused.
    expect((await reach(await serviceWorker(w), other.origin)).fetch).toMatch(/^refused/);
    expect(other.hits).toEqual([]);
    w.errors.length = 0;
  }, 240_000);

  it('under the header, only the transform worker compiles code: Arquero runs there', async () => {
    w = await newWatchedPage(strict.appUrl);
    const { page } = w;
    await page.goto(`${strict.origin}/__test__/index.html`);
    await page.locator('body[data-ready="true"]').waitFor();
    const call = <T>(name: string, ...args: unknown[]) =>
      page.evaluate(
        ([n, a]) => {
          const h = (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> })
            .harness;
          return h[n as string]!(...(a as unknown[]));
        },
        [name, args] as const,
      ) as Promise<T>;
    // The page's own script refuses: the header governs it.
    expect(await page.locator('body').getAttribute('data-page-compiles')).toBe(
      'refused: EvalError',
    );
    // The transform worker's response carries its own policy: Arquero's queries compile.
    const seeded = await call<{
      id: string;
      promoters: number;
      passives: number;
      detractors: number;
    }>('seedSurvey', 'csp-transform', 2000);
    const out = await call<{ ok: boolean; names: string[]; rows: unknown[][] }>(
      'transformPreview',
      seeded.id,
      [{ kind: 'group', by: [], aggregates: [{ name: 'NPS', op: 'nps', column: 'score' }] }],
    );
    expect(out.ok).toBe(true);
    const answered = seeded.promoters + seeded.passives + seeded.detractors;
    expect(out.names).toEqual(['NPS']);
    expect(out.rows[0]![0]).toBeCloseTo(
      ((seeded.promoters - seeded.detractors) / answered) * 100,
      9,
    );
    // The page's probe is the only thing refused, and it is reported as it should be.
    expect(w.errors).toEqual(['CSP violation: script-src eval']);
    w.errors.length = 0;
  }, 120_000);

  it('every analysis worker refuses every network API once loaded', async () => {
    w = await newWatchedPage();
    const probes = await callHarness(w.page, 'probeWorkers');
    // The control: the same probe on the harness page, which is not locked down, finds it open.
    expect(probes.page!.fetch).toBe('open');
    const workers = Object.keys(probes).filter((k) => k !== 'page');
    expect(workers.sort()).toEqual([
      'analysis',
      'drivers',
      'ingest',
      'ingest-part',
      'text',
      'transform',
    ]);
    for (const name of workers) {
      expect({ worker: name, ...probes[name] }).toEqual({
        worker: name,
        fetch: 'blocked',
        'prototype-fetch': 'blocked',
        XMLHttpRequest: 'blocked',
        WebSocket: 'blocked',
        EventSource: 'blocked',
        WebTransport: 'blocked',
        importScripts: 'blocked',
        caches: 'blocked',
      });
    }
  });

  it('draws every page and chart kind under the strict policy without one violation', async () => {
    w = await newWatchedPage(strict.appUrl);
    const { page } = w;
    await page.addInitScript(() => {
      (globalThis as { violations?: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (globalThis as unknown as { violations: string[] }).violations.push(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    await openApp(page, strict.appUrl);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 90_000 });
    const toolbar = page.getByRole('toolbar', { name: 'Notebook' });
    await toolbar.getByRole('button', { name: 'Run all' }).click();
    await expect
      .poll(() => toolbar.getByRole('status').last().innerText(), { timeout: 240_000 })
      .toBe('Every result is current.');
    const figures = page.locator('figure.chart');
    const count = await figures.count();
    expect(count).toBeGreaterThan(8);
    for (let i = 0; i < count; i++) await drawn(figures.nth(i));

    // A tooltip, styled by the app's stylesheet (its library's own <style> is off).
    const visible = () =>
      page.evaluate(
        () => document.getElementById('vg-tooltip-element')?.classList.contains('visible') ?? false,
      );
    for (let i = 0; i < count && !(await visible()); i++) {
      await figures.nth(i).scrollIntoViewIfNeeded();
      const box = await figures.nth(i).locator('svg, canvas').first().boundingBox();
      for (let y = 1; box && y < 6 && !(await visible()); y++) {
        for (let x = 1; x < 16; x++) {
          await page.mouse.move(box.x + (box.width * x) / 16, box.y + (box.height * y) / 6);
          if (await visible()) break;
        }
      }
    }
    expect(await visible()).toBe(true);
    const tooltip = page.locator('#vg-tooltip-element');
    expect(await tooltip.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await page.locator('style#vega-tooltip-style, head style').count()).toBe(0);

    // The other pages and panels.
    await toolbar.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('dialog', { name: 'Share this notebook' }).waitFor();
    await page.keyboard.press('Escape');
    await toolbar.getByRole('button', { name: 'Report' }).click();
    await page.getByRole('dialog', { name: 'Report' }).waitFor();
    await page.keyboard.press('Escape');
    const banner = page.getByRole('banner');
    await banner.getByRole('button', { name: 'Datasets' }).click();
    await page.getByRole('heading', { name: 'Datasets' }).first().waitFor();
    await banner.getByRole('button', { name: 'Service models' }).click();
    await page
      .getByRole('button', { name: /^Show “.*” with its values$/ })
      .first()
      .click();
    await drawn(page.locator('figure.chart').first());
    await page
      .getByRole('button', { name: /^Open “.*” in the editor$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await banner.getByRole('button', { name: 'Storage' }).click();
    await page.getByRole('dialog', { name: 'Storage' }).waitFor();
    await page.keyboard.press('Escape');
    await banner.getByRole('button', { name: 'Privacy' }).click();
    await page.getByRole('dialog', { name: 'Privacy' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (globalThis as { violations?: string[] }).violations)).toEqual(
      [],
    );
  }, 420_000);
});
