import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newNotebook, newWatchedPage, openApp, type Watched } from './browser.ts';

// Files of shapes that froze the tab or took minutes to preview: 20,000 columns, one 50 MB
// comment, a 50 MB file of one line (millions of fields), and a large ordinary export.
let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

const files = { wide: '', longCell: '', oneLine: '', big: '', bigger: '' };
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-shapes-'));
  const columns = 20_000;
  const wide = [Array.from({ length: columns }, (_, c) => `q${c + 1}`).join(',')];
  for (let r = 0; r < 5; r++) {
    wide.push(Array.from({ length: columns }, (_, c) => String((r + c) % 11)).join(','));
  }
  files.wide = join(dir, 'wide.csv');
  writeFileSync(files.wide, wide.join('\n') + '\n');

  files.longCell = join(dir, 'long-comment.csv');
  writeFileSync(
    files.longCell,
    `id,score,comment\n1,3,${'late delivery again '.repeat(2_500_000)}\n`,
  );

  files.oneLine = join(dir, 'one-line.csv');
  writeFileSync(files.oneLine, Array.from({ length: 3_000_000 }, (_, i) => `f${i}`).join(','));

  const big = ['client_id;region;score;amount;comment'];
  for (let i = 0; i < 1_000_000; i++) big.push(`C${i};Регион ${i % 17};${i % 11};${i % 1000};ok`);
  files.big = join(dir, 'big.csv');
  writeFileSync(files.big, big.join('\n'));
  // Three times as long, for a preview slow enough to be cancelled (a file read once is cached).
  files.bigger = join(dir, 'bigger.csv');
  writeFileSync(
    files.bigger,
    [big.join('\n'), big.slice(1).join('\n'), big.slice(1).join('\n')].join('\n'),
  );
});

async function importCell(page: Page) {
  await openApp(page);
  await newNotebook(page);
  await page.getByRole('button', { name: 'Add Import data cell' }).click();
  return page.getByRole('article', { name: /Import data/ });
}

describe('files of odd shapes', () => {
  it('previews 20,000 columns with controls only for the columns in view, finds one, imports', async () => {
    w = await newWatchedPage();
    const cell = await importCell(w.page);
    await cell.getByLabel('Choose a file…').setInputFiles(files.wide);
    const preview = cell.getByRole('region', { name: 'Import preview' });
    await preview.waitFor({ timeout: 60_000 });
    await preview.getByText('wide.csv — 5 rows, 20,000 columns').waitFor();
    // Windowed: a screenful of type and role choosers, not 20,000 of each.
    const typeControls = cell.getByRole('combobox', { name: /^Type of/ });
    expect(await typeControls.count()).toBeGreaterThan(5);
    expect(await typeControls.count()).toBeLessThan(60);
    expect(await cell.locator('option').count()).toBeLessThan(2000);
    // Scrolled to the end, the last columns get their controls.
    await cell.locator('.columns-window').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await cell.getByRole('combobox', { name: 'Type of “q20000”' }).waitFor();
    expect(await typeControls.count()).toBeLessThan(60);
    // Search finds a column by name; its type can be changed.
    await cell.getByRole('searchbox', { name: 'Find a column' }).fill('q12345');
    await cell.getByText('1 column matches').waitFor();
    await cell.getByRole('combobox', { name: 'Type of “q12345”' }).selectOption('text');
    // The first rows show 30 columns at a time.
    await cell.getByText('First 5 rows').click();
    await cell.getByText('Columns 1–30 of 20,000').waitFor();
    await cell.getByRole('button', { name: 'Next columns' }).click();
    await cell.getByText('Columns 31–60 of 20,000').waitFor();
    expect(await cell.locator('.rows-table th').count()).toBe(30);

    await cell.getByRole('button', { name: 'Import 5 rows' }).click();
    await cell.getByText('Imported “wide”: 5 rows.').waitFor({ timeout: 120_000 });
  }, 240_000);

  it('refuses a file of one line and millions of fields at once, saying why', async () => {
    w = await newWatchedPage();
    const cell = await importCell(w.page);
    await cell.getByLabel('Choose a file…').setInputFiles(files.oneLine);
    await cell
      .getByRole('alert')
      .filter({
        hasText:
          'This file has 3,000,000 columns; CX Trace reads at most 50,000. A file this wide is usually one long line or split by the wrong delimiter',
      })
      .waitFor({ timeout: 60_000 });
  }, 120_000);

  it('previews a 50 MB comment cut for showing, the whole comment imported', async () => {
    w = await newWatchedPage();
    const cell = await importCell(w.page);
    await cell.getByLabel('Choose a file…').setInputFiles(files.longCell);
    const preview = cell.getByRole('region', { name: 'Import preview' });
    await preview.waitFor({ timeout: 60_000 });
    const example = await preview.locator('td.examples').last().innerText();
    expect(example.startsWith('late delivery again')).toBe(true);
    expect(example.length).toBeLessThanOrEqual(200);
    expect(example.endsWith('…')).toBe(true);
    await cell.getByRole('button', { name: 'Import 1 row' }).click();
    await cell.getByText('Imported “long-comment”: 1 row.').waitFor({ timeout: 60_000 });
  }, 120_000);

  it('shows the progress of any preview that takes over a second, and can cancel it', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const cell = await importCell(page);
    // Watches, in the page, when the progress bar and the preview first appear.
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (globalThis as { seen?: Record<string, number> }).seen = seen;
      // From the moment the page has the file (handing it over from the test takes a while).
      document.addEventListener('change', () => (seen.start ??= performance.now()), true);
      new MutationObserver(() => {
        if (!seen.progress && document.querySelector('progress[aria-label="Preview progress"]'))
          seen.progress = performance.now();
        if (!seen.preview && document.querySelector('[aria-label="Import preview"]'))
          seen.preview = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await cell.getByLabel('Choose a file…').setInputFiles(files.big);
    await cell.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(
      () => (globalThis as unknown as { seen: Record<string, number> }).seen,
    );
    const took = seen.preview! - seen.start!;
    if (took > 1500) {
      expect(seen.progress).toBeDefined();
      expect(seen.progress! - seen.start!).toBeLessThan(1500);
    }

    // Cancelled while reading, the cell is back to choosing a file.
    await cell.getByRole('button', { name: 'Import another file…' }).click();
    await cell.getByLabel('Choose a file…').setInputFiles(files.bigger);
    await cell.getByRole('progressbar', { name: 'Preview progress' }).waitFor({ timeout: 30_000 });
    await cell.getByRole('button', { name: 'Cancel' }).click();
    await cell.getByLabel('Choose a file…').waitFor();
    expect(await cell.getByRole('region', { name: 'Import preview' }).count()).toBe(0);
  }, 180_000);
});
