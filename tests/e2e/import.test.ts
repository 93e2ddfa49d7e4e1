import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newNotebook, newWatchedPage, openApp, openHarness, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

let bigCsv: string;
let hugeCsv: string;
beforeAll(() => {
  // CRM-like exports: 400,000 rows (24 MB) and 1,000,000 rows (62 MB), which imports for long
  // enough to be interrupted after its first chunk is stored, before it is committed.
  const csv = (rows: number) => {
    const lines = ['client_id;region;score;amount;comment'];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `C${i};Регион ${i % 17};${i % 11};${(i % 1000) + 0.5};"Комментарий номер ${i}, всё ""ок"""`,
      );
    }
    return lines.join('\n');
  };
  const dir = mkdtempSync(join(tmpdir(), 'cx-import-'));
  bigCsv = join(dir, 'crm-export.csv');
  writeFileSync(bigCsv, csv(400_000));
  hugeCsv = join(dir, 'crm-full.csv');
  writeFileSync(hugeCsv, csv(1_000_000));
});

/**
 * What the app's IndexedDB holds, read directly (not through the app): each chunk's bytes (a
 * Blob, or a Uint8Array as older versions stored them) hashed.
 */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cx-trace');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => resolve(req.result);
    });
    const out = { datasets: 0, chunks: 0, chunkBytes: [] as number[] };
    let all: { bytes: Blob | Uint8Array }[] = [];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['datasets', 'chunks'], 'readonly');
      tx.objectStore('datasets').count().onsuccess = (e) =>
        (out.datasets = (e.target as IDBRequest<number>).result);
      tx.objectStore('chunks').getAll().onsuccess = (e) =>
        (all = (e.target as IDBRequest<{ bytes: Blob | Uint8Array }[]>).result);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    out.chunks = all.length;
    for (const c of all) {
      const bytes = c.bytes instanceof Blob ? new Uint8Array(await c.bytes.arrayBuffer()) : c.bytes;
      out.chunkBytes.push(bytes.reduce((h, b) => (h * 31 + b) >>> 0, 7));
    }
    return out;
  });

async function importCell(page: Page, file: string) {
  await openApp(page);
  await newNotebook(page);
  await page.getByRole('button', { name: 'Add Import data cell' }).click();
  const cell = page.getByRole('article', { name: /Import data/ });
  await cell.getByLabel('Choose a file…').setInputFiles(file);
  await cell.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 30_000 });
  return cell;
}

describe('import', () => {
  it('imports a windows-1251 export through the UI; after a reload it is stored and usable', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const cell = await importCell(page, 'tests/fixtures/csv/ru-1251-semicolon.csv');
    expect(await cell.getByRole('combobox', { name: 'Encoding' }).inputValue()).toBe(
      'windows-1251',
    );
    expect(await cell.getByRole('combobox', { name: 'Delimiter' }).inputValue()).toBe(';');
    expect(await cell.getByRole('combobox', { name: 'Type of “Сумма заказа”' }).inputValue()).toBe(
      'decimal',
    );
    expect(await cell.getByRole('combobox', { name: 'Role of “Оценка NPS”' }).inputValue()).toBe(
      'nps',
    );
    await cell.getByRole('button', { name: 'Import 5 rows' }).click();
    await cell.getByText('Imported “ru-1251-semicolon”: 5 rows.').waitFor();

    await page.reload();
    await cell.getByText('ru-1251-semicolon — 5 rows, 5 columns').waitFor();
    // The stored column feeds an analysis: NPS of 9, 4, 7, 10 (and one blank) is +25.
    await page.getByRole('button', { name: 'Add NPS summary cell' }).click();
    const nps = page.getByRole('article', { name: /NPS summary/ });
    await nps
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'ru-1251-semicolon — 5 rows' });
    await nps.getByRole('combobox', { name: 'Score column (0–10)' }).selectOption('Оценка NPS');
    await nps.getByRole('button', { name: 'Compute NPS' }).click();
    expect(await nps.locator('output.nps-value').innerText()).toBe('+25.0');
    expect(await nps.innerText()).toContain('1 blank answer skipped');
  });

  it('refuses a bad file with a clear message and stores nothing', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await newNotebook(page);
    await page.getByRole('button', { name: 'Add Import data cell' }).click();
    const cell = page.getByRole('article', { name: /Import data/ });
    await cell.getByLabel('Choose a file…').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('a,b\n1,2\n3,"never closed\n4,5\n'),
    });
    await cell
      .getByRole('alert')
      .filter({ hasText: 'A quote opened in row 3 is never closed' })
      .waitFor();
    expect(await stored(page)).toMatchObject({ datasets: 0, chunks: 0 });
  });

  it('imports a large export read by two workers at once, every row counted once', async () => {
    w = await newWatchedPage();
    const { page } = w;
    // 24 MB: the ingest worker reads the first part, a part worker the rest.
    const cell = await importCell(page, bigCsv);
    await cell.getByRole('button', { name: 'Import 400,000 rows' }).click();
    await cell.getByText('Imported “crm-export”: 400,000 rows.').waitFor({ timeout: 60_000 });
    // Scores are i mod 11 over both parts: 72,726 promoters and 254,548 detractors of 400,000.
    await page.getByRole('button', { name: 'Add NPS summary cell' }).click();
    const nps = page.getByRole('article', { name: /NPS summary/ });
    await nps
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'crm-export — 400,000 rows' });
    await nps.getByRole('combobox', { name: 'Score column (0–10)' }).selectOption('score');
    await nps.getByRole('button', { name: 'Compute NPS' }).click();
    expect(await nps.locator('output.nps-value').innerText()).toMatch(/^[−-]45\.5$/);
  });

  it('cancelling mid-import leaves nothing behind', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const cell = await importCell(page, hugeCsv);
    await cell.getByRole('button', { name: 'Import 1,000,000 rows' }).click();
    await cell.getByText(/Stored [\d,]+ of 1,000,000 rows/).waitFor({ timeout: 60_000 });
    await cell.getByRole('button', { name: 'Cancel' }).click();
    await cell.getByText('Import cancelled. Nothing was stored.').waitFor();
    await expect.poll(() => stored(page)).toMatchObject({ datasets: 0, chunks: 0 });
  });

  it('a page closed mid-import leaves nothing partial after reopening', async () => {
    w = await newWatchedPage();
    const { page, context } = w;
    const cell = await importCell(page, hugeCsv);
    await cell.getByRole('button', { name: 'Import 1,000,000 rows' }).click();
    await cell.getByText(/Stored [\d,]+ of 1,000,000 rows/).waitFor({ timeout: 60_000 });
    await page.close();
    // What the closed page left, seen from a page that is not the app: chunks of no dataset.
    const again = await context.newPage();
    await openHarness(again);
    const left = await stored(again);
    expect(left.datasets).toBe(0);
    expect(left.chunks).toBeGreaterThan(0);
    // The app, opening, removes them.
    await openApp(again);
    await expect.poll(() => stored(again)).toMatchObject({ datasets: 0, chunks: 0 });
  });

  it('refreshes a dataset with next month’s export: rows added under the same dataset, differences shown first', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const dir = mkdtempSync(join(tmpdir(), 'cx-refresh-'));
    const jan = join(dir, 'survey.csv');
    writeFileSync(jan, 'client;month;nps\nA;2026-01;9\nB;2026-01;6\n');
    const feb = join(dir, 'survey-feb.csv');
    writeFileSync(feb, 'client;nps;channel\nA;10;app\nC;3;web\nD;9;app\n');
    const cell = await importCell(page, jan);
    await cell.getByRole('button', { name: 'Import 2 rows' }).click();
    await cell.getByText('Imported “survey”: 2 rows.').waitFor();
    // An NPS cell bound to the dataset before the refresh.
    await page.getByRole('button', { name: 'Add NPS summary cell' }).click();
    const nps = page.getByRole('article', { name: /NPS summary/ });
    await nps.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'survey — 2 rows' });
    await nps.getByRole('combobox', { name: 'Score column (0–10)' }).selectOption('nps');

    await cell.getByRole('button', { name: 'Import another file…' }).click();
    await cell.getByLabel('Import another file…').setInputFiles(feb);
    await cell.getByRole('region', { name: 'Import preview' }).waitFor();
    expect(
      await cell
        .getByRole('combobox', { name: 'Import into' })
        .locator('option:checked')
        .innerText(),
    ).toBe('Add the rows to “survey”');
    const diff = cell.getByRole('list', { name: 'Differences from “survey”' });
    expect(await diff.innerText()).toContain('New columns (blank in the earlier rows): channel');
    expect(await diff.innerText()).toContain(
      'Columns missing from the file (blank in the new rows): month',
    );
    await cell.getByRole('button', { name: 'Import 3 rows' }).click();
    await cell.getByText('Imported “survey”: 5 rows.').waitFor();

    // Same dataset: the NPS cell now counts all five answers (9, 6, 10, 3, 9 → +20).
    await nps.getByRole('button', { name: 'Compute NPS' }).click();
    expect(await nps.locator('output.nps-value').innerText()).toBe('+20.0');
    expect(await nps.innerText()).toContain('5 responses');
    expect((await stored(page)).datasets).toBe(1);
  });

  it('joins survey answers to the client card by client id and reports keys without a partner', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const dir = mkdtempSync(join(tmpdir(), 'cx-join-'));
    const clients = join(dir, 'clients.csv');
    writeFileSync(clients, 'client_id;grade;region\nK1;A;Москва\nK2;B;Казань\nK3;C;Омск\n');
    const survey = join(dir, 'survey.csv');
    writeFileSync(survey, 'client;nps;comment\nK1;9;ok\nK2;4;долго\nK9;7;кто я\nK1;10;спасибо\n');
    const first = await importCell(page, clients);
    await first.getByRole('button', { name: 'Import 3 rows' }).click();
    await first.getByText(/Imported/).waitFor();
    await page.getByRole('button', { name: 'Add Import data cell' }).click();
    const second = page.getByRole('article', { name: /Cell 2 of 2: Import data/ });
    await second.getByLabel('Choose a file…').setInputFiles(survey);
    await second.getByRole('combobox', { name: 'Import into' }).selectOption('new');
    await second.getByRole('button', { name: 'Import 4 rows' }).click();
    await second.getByText(/Imported/).waitFor();

    await page.getByRole('button', { name: 'Add Join datasets cell' }).click();
    const cell = page.getByRole('article', { name: /Join datasets/ });
    await cell.getByRole('combobox', { name: 'Rows from' }).selectOption({ label: 'survey' });
    await cell.getByRole('combobox', { name: 'Key column', exact: true }).selectOption('client');
    await cell
      .getByRole('combobox', { name: 'Add columns from' })
      .selectOption({ label: 'clients' });
    await cell.getByRole('combobox', { name: 'Matching key column' }).selectOption('client_id');
    await cell.getByRole('button', { name: 'Join', exact: true }).click();
    const report = cell.getByRole('region', { name: 'Join' });
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toContain('Made “survey + clients”: 4 rows.');
    expect(text).toContain('Rows with a match: 3 of 4.');
    expect(text).toContain('1 key of “survey” has no match in “clients”: K9.');
    expect(text).toContain('1 key of “clients” is not in “survey”: K3.');
    expect((await stored(page)).datasets).toBe(3);
    // The joined dataset is usable like any other.
    await page.getByRole('button', { name: 'Add NPS summary cell' }).click();
    const nps = page.getByRole('article', { name: /NPS summary/ });
    await nps
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'survey + clients — 4 rows' });
    await nps.getByRole('combobox', { name: 'Score column (0–10)' }).selectOption('nps');
    await nps.getByRole('button', { name: 'Compute NPS' }).click();
    expect(await nps.locator('output.nps-value').innerText()).toBe('+25.0');
  });
});
