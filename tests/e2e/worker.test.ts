import { afterEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { callHarness, newNotebook, newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** Opens a new notebook with an NPS cell pointed at the dataset's score column. */
async function npsCell(page: Page, datasetLabel: string) {
  await openApp(page);
  await newNotebook(page);
  await page.getByRole('button', { name: 'Add NPS summary cell' }).click();
  const cell = page.getByRole('article', { name: /NPS summary/ });
  await cell.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: datasetLabel });
  await cell.getByRole('combobox', { name: 'Score column (0–10)' }).selectOption('score');
  return cell;
}

const workers = (page: Page) => {
  const started: Worker[] = [];
  const closed: Worker[] = [];
  page.on('worker', (wk) => {
    started.push(wk);
    wk.on('close', () => closed.push(wk));
  });
  return { started, closed };
};

describe('analysis worker', () => {
  it('computes the NPS of a stored dataset in the worker, with progress', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const seeded = await callHarness(page, 'seedSurvey', 'Survey 2026', 200_000, 7);
    const n = seeded.promoters + seeded.passives + seeded.detractors;
    const expected = ((seeded.promoters - seeded.detractors) / n) * 100;
    const seen = workers(page);
    const cell = await npsCell(page, 'Survey 2026 — 200,000 rows');
    await cell.getByRole('button', { name: 'Compute NPS' }).click();
    const value = cell.locator('output.nps-value');
    await value.waitFor();
    expect(seen.started.map((x) => x.url())).toEqual([expect.stringMatching(/analysis\.worker/)]);
    const shown = Number((await value.innerText()).replace(/[^\d.,-]/g, '').replace(',', '.'));
    expect(shown).toBeCloseTo(expected, 1);
    const text = await cell.innerText();
    expect(text).toContain(`${n.toLocaleString('en-US')} responses`);
    expect(text).toContain(`${seeded.blank.toLocaleString('en-US')} blank answers skipped`);
    expect(text).toMatch(/95% confidence interval: [+-]\d+\.\d to [+-]\d+\.\d/);
  });

  it('cancels a running computation by stopping the worker, and stays usable', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const seeded = await callHarness(page, 'seedSurvey', 'Big survey', 3_000_000, 3);
    const seen = workers(page);
    const cell = await npsCell(page, 'Big survey — 3,000,000 rows');
    // Cancel is pressed in the page as soon as the first stored chunk's progress shows: a
    // click sent from here could arrive after the worker has finished on a busy machine.
    const cancelled = cell.evaluate(
      (article) =>
        new Promise<string>((resolve) => {
          const observer = new MutationObserver(() => {
            const progress = /Processed [1-9][\d,]* of 3,000,000 rows/.exec(article.textContent!);
            const cancel = [...article.querySelectorAll('button')].find(
              (b) => b.textContent === 'Cancel',
            );
            if (!progress || !cancel) return;
            observer.disconnect();
            cancel.click();
            resolve(progress[0]);
          });
          observer.observe(article, { subtree: true, childList: true, characterData: true });
        }),
    );
    await cell.getByRole('button', { name: 'Compute NPS' }).click();
    // Progress reaches the page from the worker while it runs.
    expect(await cancelled).toMatch(/^Processed [\d,]+ of 3,000,000 rows$/);
    await cell
      .getByText('Cancelled. The result shown, if any, is the last one computed.')
      .waitFor();
    await expect.poll(() => seen.closed.length).toBe(1);
    expect(await cell.locator('output.nps-value').count()).toBe(0);

    // The UI still works: a new worker computes the full answer.
    await cell.getByRole('button', { name: 'Compute NPS' }).click();
    await cell.locator('output.nps-value').waitFor({ timeout: 30_000 });
    expect(seen.started).toHaveLength(2);
    const n = seeded.promoters + seeded.passives + seeded.detractors;
    expect(await cell.innerText()).toContain(`${n.toLocaleString('en-US')} responses`);
  });

  it('shuts an idle worker down and starts a fresh one on the next call', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const seeded = await callHarness(page, 'seedSurvey', 'Small', 70_000, 11);
    const r = await callHarness(page, 'idleShutdown', seeded.id, 200);
    expect(r.first).toMatchObject({ ok: true, rows: 70_000 });
    expect(r.second).toEqual(r.first);
    // One progress report per stored chunk of 65,536 rows, after a first report at 0.
    expect(r.progress).toEqual([0, 65_536, 70_000]);
    expect(r.runningAfterCall).toBe(true);
    expect(r.runningAfterIdle).toBe(false);
    expect(r.thirdError).toBe('AbortError');
    expect(r.runningAfterAbort).toBe(false);
    expect(r.fourth).toEqual(r.first);
    expect(r.starts).toBe(3);
  });

  it('cancelling one of two running calls leaves the other to finish', async () => {
    w = await newWatchedPage();
    const { page } = w;
    const seeded = await callHarness(page, 'seedSurvey', 'Two', 300_000, 5);
    const r = await callHarness(page, 'cancelOneOfTwo', seeded.id);
    expect(r.first).toBe('AbortError');
    expect(r.second).toMatchObject({
      ok: true,
      rows: 300_000,
      summary: {
        promoters: seeded.promoters,
        detractors: seeded.detractors,
        missing: seeded.blank,
      },
    });
    expect(r.starts).toBe(2);
  });
});
