import { afterEach, describe, expect, it } from 'vitest';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  await w.context.close();
});

describe('app shell', () => {
  it('loads at a sub-path with no console errors, no CSP violations and no foreign requests', async () => {
    w = await newWatchedPage();
    await openApp(w.page);
    await expect(w.page.getByRole('heading', { name: 'Notebooks' }).isVisible()).resolves.toBe(
      true,
    );
    // Let the service worker install and precache everything (more requests, all same-origin).
    await w.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await w.page.getByText('ready to work offline').waitFor();
    await w.page.reload();
    await w.page.getByRole('heading', { name: 'Notebooks' }).waitFor();
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    const csp = await w.page.evaluate(
      () =>
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content') ?? '',
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("connect-src 'self'");
    // No inline scripts: every script is a bundled file.
    const inline = await w.page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
    expect(inline).toBe(0);
  });

  it('is an installable PWA: manifest with 192/512/maskable icons, theme colour, service worker', async () => {
    w = await newWatchedPage();
    await openApp(w.page);
    const href = await w.page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = await w.page.evaluate(async (h) => (await fetch(h!)).json(), href);
    expect(manifest.name).toMatch(/CX Trace/);
    expect(manifest.short_name).toBe('CX Trace');
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.display).toBe('standalone');
    const sizes = manifest.icons.map(
      (i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`,
    );
    expect(sizes).toEqual(
      expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']),
    );
    for (const icon of manifest.icons as { src: string }[]) {
      const status = await w.page.evaluate(async (src) => (await fetch(src)).status, icon.src);
      expect(status, icon.src).toBe(200);
    }
    const scope = await w.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(new URL('.', w.page.url()).href);
    // Installability as Chromium judges it.
    const cdp = await w.context.newCDPSession(w.page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Test contexts are incognito profiles, which Chromium never installs into; nothing else may fail.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  });
});
