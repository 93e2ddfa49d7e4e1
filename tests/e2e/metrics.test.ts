import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { newWatchedPage, openApp, type Watched, drawn } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** The demo an English interface opens: English names, headers and comments. */
const world = generateDemoWorld({ lang: 'en' });

/** Churn by segment, counted straight from the demo's client card (the CSV the app imports). */
function churnBySegment(): Map<string, { churned: number; n: number }> {
  const csv = world.files.find((f) => f.name === 'clients')!.csv;
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head!.split(',');
  const seg = cols.indexOf('segment');
  const churned = cols.indexOf('churned');
  const out = new Map<string, { churned: number; n: number }>();
  for (const line of lines) {
    // The card's text fields hold no commas before `churned` except inside quotes (names).
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const g = out.get(cells[seg]!) ?? { churned: 0, n: 0 };
    g.n++;
    if (cells[churned] === 'yes') g.churned++;
    out.set(cells[seg]!, g);
  }
  return out;
}

describe('metric cell', () => {
  it('shows churn by segment and CSAT trend lines by role, with intervals and small-group flags', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Add Metric by group cell' }).last().click();
    const cell = page.getByRole('article', { name: /Metric by group/ });
    await cell
      .getByRole('combobox', { name: 'Dataset' })
      .selectOption({ label: 'clients — 2,000 rows' });
    await cell
      .getByRole('combobox', { name: 'Metric' })
      .selectOption({ label: 'Churn rate (yes/no)' });
    await cell.getByRole('combobox', { name: 'Column', exact: true }).selectOption('churned');
    await cell.getByRole('combobox', { name: 'By column' }).selectOption('segment');
    await cell.getByRole('button', { name: 'Compute' }).click();

    const table = cell.getByRole('table', { name: 'Churn rate by segment' });
    await table.waitFor();
    const expected = churnBySegment();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)),
      );
    expect(rows.length).toBe(expected.size);
    for (const [segment, rate, , , n] of rows) {
      const e = expected.get(segment!)!;
      expect(Number(n!.replace(/,/g, ''))).toBe(e.n);
      expect(rate).toBe(`${((100 * e.churned) / e.n).toFixed(1)}%`);
    }
    await drawn(cell.getByRole('figure', { name: /Churn rate by segment with 95% intervals/ }));
    // A column the service model names (the client card's warehouse) is shown by that name.
    await cell.getByRole('combobox', { name: 'By column' }).selectOption('warehouse');
    const byWarehouse = cell.getByRole('table', { name: 'Churn rate by Warehouse' });
    await byWarehouse.waitFor();
    expect(await byWarehouse.locator('thead th').first().innerText()).toBe('Warehouse');

    // CSAT of delivery by contact role and quarter: one trend line per role; changing a
    // choice recomputes at once.
    await cell.getByRole('combobox', { name: 'Dataset' }).selectOption({
      label: `survey — ${world.files.find((f) => f.name === 'survey')!.rows.toLocaleString('en-US')} rows`,
    });
    await cell
      .getByRole('combobox', { name: 'Metric' })
      .selectOption({ label: 'CSAT (share satisfied)' });
    await cell
      .getByRole('combobox', { name: 'Column', exact: true })
      .selectOption('rating_delivery');
    await cell.getByRole('combobox', { name: 'By column' }).selectOption('contact_role');
    await cell.getByRole('combobox', { name: 'By period of' }).selectOption('date');
    const trend = cell.getByRole('table', { name: 'CSAT by contact_role and date' });
    await trend.waitFor();
    const roles = new Set(await trend.locator('tbody tr th').allInnerTexts());
    const quarters = new Set(await trend.locator('tbody tr td:nth-child(2)').allInnerTexts());
    expect(quarters.size).toBe(8);
    expect(await trend.locator('tbody tr').count()).toBe(roles.size * quarters.size);
    // A point is flagged exactly when it rests on fewer than 30 answers.
    const flags = await trend.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.children].map((c) => (c as HTMLElement).innerText);
        return [Number(cells[5]!.replace(/,/g, '')), cells[7]];
      }),
    );
    for (const [n, flag] of flags) expect(flag).toBe((n as number) < 30 ? 'yes' : '');
    const figure = cell.getByRole('figure', { name: /CSAT by contact_role and date/ });
    await drawn(figure);
    expect(await figure.innerText()).toContain('How to read this: CSAT is the share of satisfied');

    // The same 1–5 rating as an NPS would be −100 (every answer a detractor): refused instead.
    await cell
      .getByRole('combobox', { name: 'Metric' })
      .selectOption({ label: 'NPS (0–10 scores)' });
    const refusal = cell.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(
      /^All [\d,]+ scores in “rating_delivery” are between 1 and 5: this looks like a 1–5 scale.*Choose CSAT \(the share of 4–5\)/,
    );
    expect(await cell.getByRole('table').count()).toBe(0);
  });
});
