import { afterEach, describe, expect, it } from 'vitest';
import { newWatchedPage, openApp, type Watched, drawn } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('key drivers', () => {
  it('finds the demo’s planted drivers of detractors in a worker; every view and the waterfall answer', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    // The demo notebook comes with the cell set up: the survey's NPS, the demo model joined.
    const cell = page.getByRole('article', { name: /Key drivers/ });
    const rule = cell.getByRole('combobox', { name: 'The outcome is' });
    await expect.poll(() => rule.inputValue(), { timeout: 30_000 }).toBe('detractor');
    await cell.getByText(/Features: \d+ features chosen/).click();
    // The decoy indicators are offered as features; identifiers and the comments are not chosen.
    await cell.getByRole('checkbox', { name: /Training hours/ }).waitFor();
    expect(await cell.getByRole('checkbox', { name: /client_id/ }).isChecked()).toBe(false);
    expect(await cell.getByRole('checkbox', { name: /comment/ }).isChecked()).toBe(false);
    expect(await cell.getByRole('checkbox', { name: /rating_delivery/ }).isChecked()).toBe(true);

    await cell.getByRole('button', { name: 'Find drivers' }).click();
    const table = cell.getByRole('table', { name: 'Drivers of the low outcome' });
    await table.waitFor({ timeout: 90_000 });
    // A rating the model reads an indicator from is named by the indicator.
    const drivers = await table.locator('tbody th').allInnerTexts();
    const at = (re: RegExp) => drivers.findIndex((d) => re.test(d));
    // The planted drivers lead; the decoys (training hours, QC tools) rank below them.
    for (const planted of [/^Delivery rating \(CX\)$/, /^Quality rating \(CX\)$/]) {
      expect(at(planted)).toBeGreaterThanOrEqual(0);
      expect(at(planted)).toBeLessThan(at(/Training hours/));
      expect(at(planted)).toBeLessThan(at(/quality-control tools|QC tools/i));
    }
    await expect
      .poll(() => cell.getByRole('group', { name: 'Model quality' }).innerText())
      .toMatch(/Holdout AUC: boosted trees 0\.\d+, linear baseline 0\.\d+/);
    for (const name of [
      /Driver ranking/,
      /SHAP values of every row/,
      /Dependence plot of “Delivery rating \(CX\)”/,
      /Why row “.+” got its prediction/,
      /Calibration/,
    ]) {
      await drawn(cell.getByRole('figure', { name }));
    }
    // A driver's row opens its dependence plot; a chosen row gets its own waterfall.
    await table.getByRole('button', { name: 'Quality rating (CX)', exact: true }).click();
    await cell
      .getByRole('figure', { name: /Dependence plot of “Quality rating \(CX\)”/ })
      .waitFor();
    const why = cell.getByRole('combobox', { name: 'Why this row' });
    const options = await why.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(10);
    expect(options[1]).toMatch(/: (low|not low), predicted \d+%$/);
    await why.selectOption({ index: 5 });
    const label = options[5]!.split(':')[0]!;
    await cell
      .getByRole('figure', { name: `Why row “${label}” got its prediction, chart` })
      .waitFor();

    // A driver hands the detractors to a new trace cell below, starting from its indicator.
    await table.getByRole('button', { name: 'Trace from “Delivery rating (CX)”' }).click();
    const traced = page.getByRole('article', { name: /Trace/ }).first();
    const path = traced.getByRole('region', { name: 'The route to the main cause' });
    await expect
      .poll(async () => (await path.getByRole('listitem').allInnerTexts())[0] ?? '', {
        timeout: 30_000,
      })
      .toMatch(/^Delivery/);
    const population = traced.getByRole('combobox', { name: 'Population' });
    expect(await population.inputValue()).toBe('handed');
    expect(await population.locator('option:checked').innerText()).toBe(
      'answers handed over: detractors (NPS 0–6)',
    );
    expect(await traced.getByRole('combobox', { name: 'Start from' }).inputValue()).toBe(
      'cx.delivery_rating',
    );

    // Leaving a feature out is kept with the cell, and the next run does without it.
    await cell.getByRole('checkbox', { name: /rating_delivery/ }).uncheck();
    await cell.getByRole('button', { name: 'Find drivers' }).click();
    await expect
      .poll(
        async () =>
          (await table.locator('tbody th').allInnerTexts()).includes('Delivery rating (CX)'),
        {
          timeout: 90_000,
        },
      )
      .toBe(false);
    // Cancel stops a run; the page stays usable and shows no error.
    await cell.getByRole('button', { name: 'Find drivers' }).click();
    // The planted warehouses' clients are most often low; the ratings carry that risk.
    const warehouse = table
      .locator('tbody tr')
      .filter({ has: page.locator('th', { hasText: /^warehouse$/ }) });
    expect(await warehouse.innerText()).toMatch(
      /most often low: WH-[25] \(\d+%, against \d+% for the rest\); (no value adds risk beyond the other drivers|most risk given the other drivers: WH-[25])\./,
    );
    await cell.getByRole('button', { name: /Cancel/ }).click();
    await expect
      .poll(() => cell.getByRole('button', { name: 'Find drivers' }).isEnabled())
      .toBe(true);
    expect(await cell.getByRole('alert').count()).toBe(0);

    // Any column can be the outcome to explain: who left (from the client card, joined by the
    // model). A yes/no column offers its file's own words, and explains its yes.
    await cell.getByRole('combobox', { name: 'Outcome to explain' }).selectOption('churned');
    await expect.poll(() => rule.inputValue()).toBe('equals');
    const value = cell.getByRole('combobox', { name: 'Value', exact: true });
    expect(await value.inputValue()).toBe('yes');
    expect(await value.locator('option').allInnerTexts()).toEqual(
      expect.arrayContaining(['yes', 'no']),
    );
    expect(await cell.getByTestId('drv-outcome').innerText()).toBe(
      'Outcome to explain: churned = yes',
    );
    await cell.getByRole('button', { name: 'Find drivers' }).click();
    await expect
      .poll(() => cell.locator('.driver-results').innerText(), { timeout: 90_000 })
      .toMatch(/the outcome to explain \(churned = yes\) in [\d,]+/);
    expect(await table.locator('tbody th').allInnerTexts()).not.toContain('churned');
  }, 180_000);
});
