import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/**
 * Makes the browser fail to open the app's database with the error named in localStorage
 * (`cx-test-fail-open`), as a broken profile or a private window would — injected from the
 * test, before the app's scripts run; the app itself has no hook for it.
 */
function failOpen(): void {
  const real = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    const fail = localStorage.getItem('cx-test-fail-open');
    if (name !== 'cx-trace' || !fail) return real.call(this, name, version);
    const req = new EventTarget() as IDBOpenDBRequest;
    const error = new DOMException('Internal error opening backing store.', fail);
    Object.defineProperties(req, {
      error: { get: () => error },
      readyState: { get: () => 'done' },
      onerror: { value: null, writable: true },
      onsuccess: { value: null, writable: true },
      onupgradeneeded: { value: null, writable: true },
      onblocked: { value: null, writable: true },
    });
    setTimeout(() => {
      const event = new Event('error', { cancelable: true });
      req.dispatchEvent(event);
      req.onerror?.call(req, event);
    });
    return req;
  };
}

async function failWith(page: Page, error: string | null): Promise<void> {
  await page.evaluate((e) => {
    if (e) localStorage.setItem('cx-test-fail-open', e);
    else localStorage.removeItem('cx-test-fail-open');
  }, error);
}

describe('when the database does not open', () => {
  it('says what happened, offers no new work, tries again without reloading, and resets only when confirmed', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await page.addInitScript(failOpen);
    let loads = 0;
    page.on('load', () => loads++);
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    await failWith(page, 'UnknownError');
    await page.reload();
    await page.getByRole('heading', { name: 'Your workspace could not be opened' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('UnknownError');
    for (const name of ['New notebook', 'Open the demo']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    // Trying again while it still fails: the same screen, no reload.
    const before = loads;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await page.waitForTimeout(500);
    expect(loads).toBe(before);
    await page.getByRole('heading', { name: 'Your workspace could not be opened' }).waitFor();

    // It opens again: the work is still there.
    await failWith(page, null);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: /All notebooks/ }).click();
    await page.getByRole('link', { name: 'Demo: a B2B distributor' }).waitFor({ timeout: 30_000 });

    // A database that keeps failing can be reset, only after saying yes.
    await failWith(page, 'InvalidStateError');
    await page.reload();
    expect(await page.getByRole('alert').innerText()).toContain('InvalidStateError');
    await page.getByRole('button', { name: 'Reset the database…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await failWith(page, null);
    await page.getByRole('button', { name: 'Reset the database…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete and start empty' }).click();
    await page.getByText('No notebooks yet').waitFor({ timeout: 30_000 });
    // The only load since the first failure is the test's own reload: no loop, no reset reload.
    expect(loads).toBe(before + 1);
  });

  it('in a browser that allows no storage here, says so and offers no reset', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await page.addInitScript(failOpen);
    await openApp(page);
    await failWith(page, 'SecurityError');
    await page.reload();
    await page
      .getByRole('heading', { name: 'This browser does not let CX Trace keep data here' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Reset the database…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New notebook' }).count()).toBe(0);
  });
});

describe('when some stored records cannot be read', () => {
  it('lists them, keeps working with the rest, backs up what it can, deletes them on confirmation', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    // Records as a damaged profile or another program might leave them.
    const raw = (store: string, value?: unknown) =>
      page.evaluate(
        ([s, v]) =>
          new Promise<number>((resolve, reject) => {
            const req = indexedDB.open('cx-trace');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const tx = req.result.transaction(s as string, 'readwrite');
              if (v !== undefined) tx.objectStore(s as string).put(v);
              const count = tx.objectStore(s as string).count();
              tx.oncomplete = () => {
                req.result.close();
                resolve(count.result);
              };
            };
          }),
        [store, value] as const,
      );
    await raw('notebooks', { id: 42, title: 'not a notebook' });
    await raw('datasets', { id: 'bad-ds', name: 'bad' });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain(
      '2 stored records could not be read and are left aside (notebook 42, dataset bad-ds)',
    );
    await page.getByRole('link', { name: /All notebooks/ }).click();
    await page.getByRole('link', { name: 'Demo: a B2B distributor' }).waitFor();

    // Back up what can be read: the demo's six datasets and one notebook.
    await alert.getByRole('button', { name: 'Open Storage' }).click();
    const panel = page.getByRole('dialog', { name: 'Storage' });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: 'Back up everything' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.cxbackup$/);
    expect(await panel.getByRole('status').last().innerText()).toMatch(
      /: 6 datasets and 1 notebook,/,
    );
    await panel.getByRole('button', { name: 'Close' }).click();

    await alert.getByRole('button', { name: 'Delete the unreadable records…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete them' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    expect(await raw('notebooks')).toBe(1);
    expect(await raw('datasets')).toBe(6);
  });
});
