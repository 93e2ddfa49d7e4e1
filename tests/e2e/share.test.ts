import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

/** The demo, every cell run, in one context that makes the shares (built once for the file). */
let maker: Watched;
const opened: Watched[] = [];
/** Every URL requested in any context of this file (none may carry a share's fragment). */
const requested: string[] = [];

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Notebook' });

beforeAll(async () => {
  maker = await newWatchedPage();
  maker.context.on('request', (r) => requested.push(r.url()));
  const { page } = maker;
  await openApp(page);
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
  await toolbar(page).getByRole('button', { name: 'Run all' }).click();
  await toolbar(page)
    .getByRole('status')
    .filter({ hasText: 'Every result is current.' })
    .waitFor({ timeout: 240_000 });
}, 300_000);

afterAll(async () => {
  for (const w of [maker, ...opened]) {
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  }
});

/** Makes a share in the open notebook's dialog; its link. */
async function makeShare(
  options: {
    clientLists?: boolean;
    rowsOf?: string[];
    passphrase?: string;
    only?: [column: string, value: string];
  } = {},
): Promise<{ link: string; file: string | null }> {
  const { page } = maker;
  await toolbar(page).getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this notebook' });
  if (options.clientLists) await dialog.getByRole('checkbox', { name: /client lists/ }).check();
  for (const name of options.rowsOf ?? []) {
    await dialog.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) }).check();
  }
  if (options.only) {
    await dialog.getByLabel('Only the rows where').selectOption(options.only[0]);
    await dialog.getByLabel('is', { exact: true }).fill(options.only[1]);
  }
  if (options.passphrase) {
    await dialog.getByRole('checkbox', { name: /passphrase/ }).check();
    await dialog.getByLabel('Passphrase', { exact: true }).fill(options.passphrase);
  }
  await dialog.getByRole('button', { name: 'Make the share' }).click();
  const field = dialog.getByRole('textbox', { name: 'Link' });
  await field.waitFor({ timeout: 60_000 });
  const link = await field.inputValue();
  console.log(`share: ${await dialog.getByText(/^Encrypted share:/).innerText()}`);
  let file: string | null = null;
  if (link.includes('#/open?f=1')) {
    // Too long for a link: the same bytes are saved as a file the link asks for.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save the .cxtrace file' }).click(),
    ]);
    file = join(mkdtempSync(join(tmpdir(), 'cx-share-')), download.suggestedFilename());
    await download.saveAs(file);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { link, file };
}

/** A fresh browser profile (its own storage) with `link` opened. */
async function openFresh(link: string, locale = 'en-US'): Promise<Page> {
  const w = await newWatchedPage(undefined, locale);
  w.context.on('request', (r) => requested.push(r.url()));
  opened.push(w);
  await w.page.goto(link);
  const title = locale === 'ru-RU' ? 'Общий блокнот' : 'A shared notebook';
  await w.page.getByRole('heading', { name: title }).waitFor();
  return w.page;
}

/** The notebooks a profile has stored (read through the app's own list). */
async function storedNotebooks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('cx-trace');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('notebooks')) return resolve(0);
          const count = db.transaction('notebooks').objectStore('notebooks').count();
          count.onsuccess = () => resolve(count.result);
        };
        req.onerror = () => resolve(-1);
      }),
  );
}

/** The payload of an app-made link, opened by the second program (tests/open-share.mjs). */
function decrypt(share: { link: string; file: string | null }, passphrase?: string): string {
  const key = new URLSearchParams(share.link.split('#/open?')[1]).get('k');
  const args = [
    'tests/open-share.mjs',
    ...(share.file ? [share.file, ...(key ? ['--key', key] : [])] : [share.link]),
    ...(passphrase ? ['--passphrase', passphrase] : []),
  ];
  return execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}

const cellText = (page: Page, kind: string) =>
  page
    .getByRole('article', { name: new RegExp(`: ${kind}$`) })
    .locator('.cell-result')
    .innerText();

describe('share links', () => {
  it('open in a fresh profile: what it holds first, a read-only view, then identical results', async () => {
    const share = await makeShare();
    const { link } = share;
    expect(share.file).toBeNull();
    const { hash } = new URL(link);
    expect(hash).toMatch(/^#\/open\?d=[\w-]+&k=[\w-]{43}$/);
    const sealed = Buffer.from(new URLSearchParams(hash.slice(7)).get('d')!, 'base64url').length;
    console.log(`the demo notebook's row-free share: ${sealed} bytes, a link of ${link.length}`);
    const page = await openFresh(link);
    const status = page.getByRole('status').filter({ hasText: 'Nothing is stored' });
    await status.waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toContain(
      'No client rows: aggregates, charts and verdicts only.',
    );
    expect(await storedNotebooks(page)).toBe(0);

    await page.getByRole('button', { name: 'View' }).click();
    const view = page.getByRole('region', { name: 'Read-only view' });
    expect(await view.getByRole('region', { name: 'Trace' }).innerText()).toMatch(
      /WMS scanner coverage at WH-[25] and WH-[25]/,
    );
    expect(await storedNotebooks(page)).toBe(0);

    await page.getByRole('button', { name: 'Add to my workspace' }).click();
    await page.getByRole('textbox', { name: 'Notebook title' }).waitFor({ timeout: 60_000 });
    expect(await storedNotebooks(page)).toBe(1);
    // Every aggregate, chart and verdict as the analyst had it; the rows stayed behind.
    const same: [string, string][] = [
      ['Trace', '.cell-result'],
      ['NPS summary', '.cell-result'],
      ['Complaint frequency', 'table.term-table'],
      ['Satisfaction index', '.index-headline'],
      ['Key drivers', 'table.driver-table'],
    ];
    for (const [kind, part] of same) {
      const text = (p: Page) =>
        p
          .getByRole('article', { name: new RegExp(`: ${kind}$`) })
          .locator(part)
          .first()
          .innerText();
      await expect.poll(() => text(page), { timeout: 30_000 }).toBe(await text(maker.page));
    }
    expect(await cellText(page, 'Satisfaction index')).toContain(
      'shared without client rows: the client table and the distribution of clients are left out',
    );

    // The second program reads the same link; the row-free payload holds no client id or name.
    const payload = decrypt(share);
    expect(JSON.parse(payload).notebook.title).toBe('Demo: a B2B distributor');
    expect(payload.match(/"C\d{5}"/g)).toBeNull();
    expect(payload).not.toContain('ООО «');
  }, 240_000);

  it('fail cleanly when cut short, with a flipped bit or the wrong passphrase; nothing stored', async () => {
    const { link } = await makeShare();
    const [base, query] = link.split('#/open?');
    const params = new URLSearchParams(query);
    const d = params.get('d')!;
    const flip = (at: number) => d.slice(0, at) + (d[at] === 'A' ? 'B' : 'A') + d.slice(at + 1);
    const cases: [string, RegExp][] = [
      [`d=${d.slice(0, d.length - 40)}&k=${params.get('k')}`, /The share is incomplete/],
      [`d=${flip(20)}&k=${params.get('k')}`, /does not open|damaged/],
      [`d=${flip(Math.floor(d.length / 2))}&k=${params.get('k')}`, /its key does not fit/],
      [`d=${d}`, /The link has no key/],
    ];
    for (const [q, message] of cases) {
      const page = await openFresh(`${base}#/open?${q}`);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toMatch(message);
      expect(await alert.innerText()).toContain('Nothing was stored.');
      expect(await page.getByRole('button', { name: 'Add to my workspace' }).count()).toBe(0);
      expect(await storedNotebooks(page)).toBe(0);
    }

    // In Russian, in the user's language.
    const ru = await openFresh(
      `${base}#/open?d=${d.slice(0, d.length - 40)}&k=${params.get('k')}`,
      'ru-RU',
    );
    await ru.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await ru.getByRole('alert').innerText()).toMatch(
      /Содержимое неполное[^]*Ничего не сохранено\./,
    );

    const locked = await makeShare({ passphrase: 'correct horse battery' });
    expect(locked.link).not.toContain('&k=');
    const page = await openFresh(locked.link);
    await page.getByLabel('Passphrase').fill('wrong horse battery');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/Wrong passphrase/)
      .waitFor({ timeout: 30_000 });
    await page.getByLabel('Passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Nothing is stored' })
      .waitFor({ timeout: 30_000 });
    expect(await storedNotebooks(page)).toBe(0);
    // Opened with its passphrase, the share shows the same verdict.
    await page.getByRole('button', { name: 'View' }).click();
    expect(
      await page
        .getByRole('region', { name: 'Read-only view' })
        .getByRole('region', { name: 'Trace' })
        .innerText(),
    ).toMatch(/WMS scanner coverage at WH-[25] and WH-[25]/);
    expect(JSON.parse(decrypt(locked, 'correct horse battery')).format).toBe('cx-trace-share');
  }, 240_000);

  it('pseudonymises client lists and rows, and no request ever carries the fragment', async () => {
    const share = await makeShare({ clientLists: true, rowsOf: ['clients'] });
    const payload = decrypt(share);
    const parsed = JSON.parse(payload);
    expect(parsed.clientRows).toBe('pseudonymised');
    expect(parsed.datasets.map((d: { name: string }) => d.name)).toEqual(['clients']);
    expect(payload.match(/"C\d{5}"/g)).toBeNull();
    expect(payload).not.toContain('ООО «');
    expect(payload).toMatch(/"C-[0-9a-f]{12}"/);
    const front = parsed.results.find(
      (r: { request: { method: string } }) => r.request.method === 'frontLineCell',
    );
    expect(front.value.list.clients.length).toBeGreaterThan(20);

    // A filtered subset: only one warehouse's clients.
    const subset = JSON.parse(
      decrypt(await makeShare({ rowsOf: ['clients'], only: ['warehouse', 'WH-2'] })),
    );
    const card = subset.datasets[0];
    const warehouse = card.columns.findIndex((c: { name: string }) => c.name === 'warehouse');
    expect(card.rows).toBeGreaterThan(100);
    expect(card.rows).toBeLessThan(1000);
    expect(new Set(card.values[warehouse])).toEqual(new Set(['WH-2']));

    // Too long for a link, it is a file the link asks for.
    expect(share.file).not.toBeNull();
    const page = await openFresh(share.link);
    await page.getByLabel('Choose the .cxtrace file').setInputFiles(share.file!);
    const status = page.getByRole('status').filter({ hasText: 'Nothing is stored' });
    await status.waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toContain('Rows of “clients” (2,000 rows).');
    expect(await status.innerText()).toContain('Clients are pseudonymised.');
    expect(await storedNotebooks(page)).toBe(0);

    // What a link carries after # never leaves the browser.
    const { link } = await makeShare();
    const secrets = [...new URLSearchParams(link.split('#/open?')[1]).values()].map((v) =>
      v.slice(0, 24),
    );
    expect(requested.length).toBeGreaterThan(10);

    // The Privacy panel lists the page's and the workers' requests, all to this site, and
    // what the last share held.
    await maker.page.getByRole('button', { name: 'Privacy' }).click();
    const panel = maker.page.getByRole('dialog', { name: 'Privacy' });
    expect(await panel.getByRole('status').innerText()).toMatch(
      /^\d+ requests this session, every one to this site \(http:\/\/127\.0\.0\.1:\d+\)/,
    );
    const table = panel.getByRole('table', { name: 'Requests this session' });
    expect(Number(await table.getAttribute('aria-rowcount'))).toBeGreaterThan(10);
    // (The workers are single files: their scripts are the page's requests, and they make none.)
    // The table shows the rows in view: scroll through it, reading each screenful.
    const scroller = panel.locator('.vt-scroll');
    let listed = '';
    for (let top = 0; top < 20_000; top += 200) {
      await scroller.evaluate((el, y) => el.scrollTo(0, y), top);
      await maker.page.waitForTimeout(30);
      listed += await table.innerText();
      if (/analysis\.worker-/.test(listed)) break;
    }
    expect(listed).toMatch(/analysis\.worker-[\w-]+\.js\tother\tthe page/);
    expect(await panel.innerText()).toMatch(
      /Last share \([\d.]+ kB, made [^)]+\): “Demo: a B2B distributor”, 12 cells, \d+ results\. No client rows/,
    );
    await panel.getByRole('button', { name: 'Close' }).click();
    expect(requested.filter((u) => secrets.some((s) => u.includes(s)))).toEqual([]);
  }, 240_000);
});
