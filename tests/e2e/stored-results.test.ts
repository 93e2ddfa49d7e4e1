import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  countCellRequests,
  newWatchedPage,
  openApp,
  cellRequests as requests,
  type Watched,
} from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** The demo's analysis cells, and what each shows once it has a result. */
const RESULTS = {
  'NPS summary': 'output.nps-value',
  'Satisfaction index': 'output.index-value',
  'Complaint frequency': 'table.term-table',
  'Comment clusters': 'table[aria-label="Clusters of comments"]',
  'Key drivers': 'table.driver-table',
  Trace: 'p.verdict',
  'Clients to recover': 'table.vt',
} as const;
type Kind = keyof typeof RESULTS;
const KINDS = Object.keys(RESULTS) as Kind[];
/** The worker methods of those cells, sorted: one request each when every cell runs. */
const EVERY_CELL_METHOD = [
  'clustersCell',
  'driversCell',
  'frequencyCell',
  'frontLineCell',
  'indexCell',
  'npsCell',
  'traceCell',
];
// The clients to recover wait for the trace's result (they show its causes): until the trace
// has one, the list is not yet a cell to run.

const article = (page: Page, kind: Kind) =>
  page.getByRole('article', { name: new RegExp(`: ${kind}$`) });

async function resultShown(page: Page, kind: Kind): Promise<boolean> {
  return (await article(page, kind).locator('.cell-result').locator(RESULTS[kind]).count()) > 0;
}

const stale = async (page: Page, kind: Kind) =>
  (await article(page, kind).locator('.cell-result.stale').count()) > 0;

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Notebook' });

describe('stored results', () => {
  it('survive a reload without a worker request; a refreshed dataset stales exactly its readers', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await countCellRequests(page);
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    // Nothing runs by itself: every analysis cell waits for the analyst.
    await expect
      .poll(() => toolbar(page).getByRole('status').last().innerText(), { timeout: 30_000 })
      .toBe(`${KINDS.length - 1} cells to run`);
    expect(await requests(page)).toEqual([]);

    await toolbar(page).getByRole('button', { name: 'Run all' }).click();
    await expect
      .poll(() => toolbar(page).getByRole('status').last().innerText(), { timeout: 240_000 })
      .toBe('Every result is current.');
    expect((await requests(page)).sort()).toEqual(EVERY_CELL_METHOD);
    for (const kind of KINDS) expect(await resultShown(page, kind), kind).toBe(true);

    // Reopened: every result is there at once, and no worker is asked for any.
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    for (const kind of KINDS) {
      await expect.poll(() => resultShown(page, kind), { timeout: 30_000 }).toBe(true);
      expect(await stale(page, kind), kind).toBe(false);
    }
    expect(await toolbar(page).getByRole('status').last().innerText()).toBe(
      'Every result is current.',
    );
    await page.waitForTimeout(1_000);
    expect(await requests(page)).toEqual([]);

    // Next month's IT indicators arrive: the rows are added to the same dataset.
    const dir = mkdtempSync(join(tmpdir(), 'cx-stale-'));
    const it = join(dir, 'it.csv');
    writeFileSync(
      it,
      'unit_kind,unit,month,scanner_coverage,crm_usage_share,qc_tools\nwarehouse,WH-1,2026-05,0.97,,3\n',
    );
    await page.getByRole('button', { name: 'Add Import data cell' }).click();
    const importer = page.getByRole('article', { name: /Import data/ });
    await importer.getByLabel('Choose a file…').setInputFiles(it);
    await importer.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: 30_000 });
    await importer
      .getByRole('combobox', { name: 'Import into' })
      .selectOption({ label: 'Add the rows to “it”' });
    await importer.getByRole('button', { name: 'Import 1 row' }).click();
    await importer.getByText(/Imported “it”/).waitFor({ timeout: 30_000 });

    // Exactly the cells that read the IT dataset (through the model) turn stale, saying why.
    const readers: Kind[] = ['Satisfaction index', 'Key drivers', 'Trace', 'Clients to recover'];
    for (const kind of KINDS) {
      await expect.poll(() => stale(page, kind), { timeout: 10_000 }).toBe(readers.includes(kind));
      expect(await resultShown(page, kind), kind).toBe(true);
    }
    expect(await article(page, 'Trace').innerText()).toContain(
      'Stale: the dataset “it” has changed rows',
    );
    expect(await toolbar(page).getByRole('status').last().innerText()).toBe('4 cells to run');

    // Run all re-runs those three, and only them.
    await toolbar(page).getByRole('button', { name: 'Run all' }).click();
    await expect
      .poll(() => toolbar(page).getByRole('status').last().innerText(), { timeout: 240_000 })
      .toBe('Every result is current.');
    expect((await requests(page)).sort()).toEqual([
      'driversCell',
      'frontLineCell',
      'indexCell',
      'traceCell',
    ]);
    for (const kind of KINDS) expect(await stale(page, kind), kind).toBe(false);

    // The Storage panel shows what the results take, and clears them: reopened, the notebook
    // has every cell to run again (and still no worker is asked).
    const title = await page.getByRole('textbox', { name: 'Notebook title' }).inputValue();
    await page.getByRole('button', { name: 'Storage' }).click();
    const panel = page.getByRole('dialog', { name: 'Storage' });
    const table = panel.getByRole('table', { name: 'Stored results' });
    const row = table.getByRole('row', { name: new RegExp(title) });
    expect(await row.innerText()).toMatch(/\d+(\.\d+)? (KB|MB)/);
    await row.getByRole('button', { name: `Clear the results of “${title}”` }).click();
    await panel.getByText('No notebook has stored results yet.').waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => toolbar(page).getByRole('status').last().innerText(), { timeout: 30_000 })
      .toBe(`${KINDS.length - 1} cells to run`);
    for (const kind of KINDS) expect(await resultShown(page, kind), kind).toBe(false);
    expect(await requests(page)).toEqual([]);

    // Set to automatic, the notebook runs every missing result by itself, each once.
    await toolbar(page).getByRole('checkbox', { name: 'Re-run stale cells automatically' }).check();
    await expect
      .poll(() => toolbar(page).getByRole('status').last().innerText(), { timeout: 240_000 })
      .toBe('Every result is current.');
    expect((await requests(page)).sort()).toEqual(EVERY_CELL_METHOD);
    for (const kind of KINDS) expect(await resultShown(page, kind), kind).toBe(true);
  }, 300_000);
});
