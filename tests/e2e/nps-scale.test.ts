import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** The demo an English interface opens: English names, headers and comments. */
const world = generateDemoWorld({ lang: 'en' });

/** How many answers of the demo survey's 1–5 delivery rating are filled in. */
async function deliveryRatings(): Promise<number> {
  const survey = await loadCsv('survey', world.files.find((f) => f.name === 'survey')!.csv);
  const column = Array.from(survey.columns.rating_delivery!);
  return column.filter((v) => typeof v === 'number' && !Number.isNaN(v)).length;
}

describe('NPS cell on a 1–5 scale', () => {
  it('refuses a 1–5 rating with what it found instead of −100, and computes it when told 0–10', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    const nps = page.getByRole('article', { name: /NPS summary/ });
    await nps.getByRole('button', { name: 'Compute NPS' }).click();
    await nps.locator('output.nps-value').waitFor();

    await nps
      .getByRole('combobox', { name: 'Score column (0–10)' })
      .selectOption('rating_delivery');
    const refusal = nps.getByRole('alert');
    await refusal.waitFor();
    const n = (await deliveryRatings()).toLocaleString('en-US');
    expect(await refusal.innerText()).toMatch(
      new RegExp(
        `^All ${n} scores in “rating_delivery” are between 1 and 5: this looks like a 1–5 scale, ` +
          'and NPS needs 0–10 ratings\\. Use CSAT \\(the share of 4–5\\)',
      ),
    );
    // No figure, and no NPS by quarter, from scores it refused.
    expect(await nps.locator('output.nps-value').count()).toBe(0);
    expect(await nps.getByRole('table', { name: /NPS by/ }).count()).toBe(0);
    expect(await nps.innerText()).not.toMatch(/[−-]100\b/);

    // The override is a setting of the cell: the scores are then counted as 0–10.
    const scale = nps.getByRole('combobox', { name: 'Scale' });
    expect(await scale.inputValue()).toBe('');
    await scale.selectOption({ label: '0–10' });
    await nps.locator('output.nps-value').waitFor();
    expect(await nps.locator('output.nps-value').innerText()).toMatch(/^[−-]100\.0$/);
    expect(await refusal.count()).toBe(0);

    // Another column is detected afresh: the demo's 0–10 NPS computes as before.
    await nps.getByRole('combobox', { name: 'Score column (0–10)' }).selectOption('nps');
    expect(await scale.inputValue()).toBe('');
    await nps.getByRole('table', { name: 'NPS by date' }).waitFor();
    expect(await nps.locator('output.nps-value').innerText()).toMatch(/^[+−-]?\d+\.\d$/);
  });
});
