import { afterEach, describe, expect, it } from 'vitest';
import {
  cellRequests,
  countCellRequests,
  newWatchedPage,
  openApp,
  type Watched,
  drawn,
} from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('the trace', () => {
  it('names the demo’s planted cause at its warehouses; a segment and a client click through', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await countCellRequests(page);
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });

    const cell = page.getByRole('article', { name: /Trace/ });
    // Nothing starts by itself: the analyst asks for the trace.
    await cell.getByRole('button', { name: 'Trace', exact: true }).click();
    // The verdict first, in a sentence: the planted cause at its two warehouses.
    const verdict = cell.getByRole('region', { name: 'Verdict' }).locator('p.verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.innerText()).toMatch(
      /^Detractors: NPS -100\.0 against \+[\d.]+ for the other answers, [\d.]+ NPS points worse .*The main supported cause: WMS scanner coverage at WH-[25] and WH-[25] \([\d.]+% and [\d.]+% against [\d.]+% at the other units\) — [\d.]+ NPS points of the gap, [\d.]+% \(95% interval [\d.]+% to [\d.]+%\)\./,
    );
    // The causes below the customer layer: at least three, each with its share and interval;
    // the planted one first, at its two warehouses against the others' value.
    const causes = cell.getByRole('region', { name: 'Causes below the customer layer' });
    const items = causes.locator(':scope > ol > li');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    for (const text of await items.allInnerTexts()) {
      expect(text).toMatch(/of the gap, -?[\d.]+% \(95% interval -?[\d.]+% to -?[\d.]+%\)/);
    }
    const firstCause = await items.first().innerText();
    expect(firstCause).toMatch(/^WMS scanner coverage\s+IT\s+supported/);
    expect(firstCause).toMatch(/WH-[25]: [\d.]+%/);
    expect(firstCause).toMatch(/The other units: [\d.]+% on average\./);
    // A unit opens the population's clients there, with their client card and comments.
    await items.first().getByRole('button', { name: 'WH-2', exact: true }).click();
    const atUnit = cell.getByRole('region', { name: 'Clients of the population at WH-2' });
    const cardTable = atUnit.getByRole('table', { name: 'Clients at WH-2 and their client card' });
    await cardTable.waitFor({ timeout: 30_000 });
    const header = await cardTable.locator('thead th').allInnerTexts();
    expect(header).toEqual(expect.arrayContaining(['Client', 'segment', 'ltv', 'warehouse']));
    const warehouse = header.indexOf('warehouse');
    const cells = await cardTable
      .locator(`tbody tr > :nth-child(${warehouse + 1})`)
      .allInnerTexts();
    expect(cells.length).toBeGreaterThan(3);
    expect(new Set(cells)).toEqual(new Set(['WH-2']));
    expect(
      await atUnit.getByRole('list', { name: 'What they wrote' }).locator('li').count(),
    ).toBeGreaterThan(5);
    await atUnit.getByRole('button', { name: 'Close' }).click();

    // The gap, step by step, from the others' NPS to the detractors'.
    await drawn(cell.getByRole('figure', { name: /The gap step by step/ }));

    // What if the planted cause were at the other units' median at its two warehouses?
    const whatIf = cell.getByRole('form', { name: 'What if' });
    expect(
      await whatIf
        .getByRole('combobox', { name: 'Indicator' })
        .locator('option:checked')
        .innerText(),
    ).toMatch(/^WMS scanner coverage/);
    const ticked = await whatIf
      .getByRole('checkbox', { checked: true })
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value).sort());
    expect(ticked).toEqual(['WH-2', 'WH-5']);
    await whatIf.getByRole('button', { name: 'Predict' }).click();
    const effects = whatIf.getByRole('table', { name: 'Expected changes above the indicator' });
    await effects.waitFor({ timeout: 60_000 });
    expect(await whatIf.innerText()).toMatch(
      /With WMS scanner coverage at [\d.]+% at WH-[25] and WH-[25], the model expects:/,
    );
    const npsRow = effects.getByRole('row', { name: /^NPS / });
    expect(await npsRow.innerText()).toMatch(/^NPS\s+\+[\d.]+ NPS points\s+[-+][\d.]+ … \+[\d.]+$/);
    expect(await whatIf.innerText()).toContain('This assumes that the model’s links are causal');
    const path = cell.getByRole('region', { name: 'The route to the main cause' });
    const steps = () => path.getByRole('listitem').allInnerTexts();
    const list = await steps();
    expect(list[0]).toMatch(/^NPS/);
    expect(list.some((s) => /competency/.test(s))).toBe(true);
    expect(list.at(-1)).toMatch(/WMS scanner coverage: [\d.]+% of the gap/);
    expect(await cell.innerText()).toMatch(
      /[\d,]+ clients in the population \([\d,]+ answers\), against the other answers/,
    );
    await drawn(cell.getByRole('figure', { name: /The trace through the layers/ }));

    // A segment: the clients of the warehouse planted with few scanners.
    await cell.getByRole('combobox', { name: 'Population' }).selectOption('segment');
    await cell.getByRole('combobox', { name: 'Client-card column' }).selectOption('warehouse');
    const value = cell.getByRole('combobox', { name: 'Value', exact: true });
    await expect.poll(() => value.locator('option').count()).toBeGreaterThan(2);
    await value.selectOption('WH-2');
    await expect
      .poll(() => verdict.innerText(), { timeout: 30_000 })
      .toMatch(
        /^Clients with warehouse = WH-2: .*The main supported cause: WMS scanner coverage at WH-2/,
      );

    // An indicator lists the population's clients, worst first; a client opens its records.
    await cell.getByText('Every indicator in detail').click();
    const table = cell.getByRole('table', {
      name: 'Every indicator below the start, by its persistent share of the gap',
    });
    await table.getByRole('button', { name: 'WMS scanner coverage' }).click();
    const clients = cell.getByRole('table', {
      name: /Clients of the population by “WMS scanner coverage”/,
    });
    await clients.waitFor();
    const first = clients.locator('tbody tr').first().getByRole('button');
    const id = (await first.innerText()).trim();
    await first.click();
    await cell
      .getByRole('region', { name: `Client ${id}: answers and CRM records` })
      .getByRole('table', { name: 'clients' })
      .waitFor();

    // The choice is kept with the notebook.
    await page.waitForTimeout(600);
    await page.reload();
    const again = page.getByRole('article', { name: /Trace/ });
    await expect
      .poll(() => again.getByRole('combobox', { name: 'Population' }).inputValue(), {
        timeout: 30_000,
      })
      .toBe('segment');
    // …and so is its result, shown at once without tracing again.
    expect(await again.locator('p.verdict').innerText({ timeout: 10_000 })).toMatch(
      /^Clients with warehouse = WH-2: /,
    );
    await again
      .getByRole('table', { name: 'Expected changes above the indicator' })
      .waitFor({ timeout: 10_000 });
    await again.getByRole('region', { name: 'Causes below the customer layer' }).waitFor();
    await drawn(again.getByRole('figure', { name: /The gap step by step/ }));
    // All of it from the stored result: no worker was asked for the trace again.
    expect(await cellRequests(page)).toEqual([]);
  }, 180_000);

  it('speaks Russian: the verdict, the causes and the what-if', async () => {
    w = await newWatchedPage(undefined, 'ru-RU');
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Открыть демо' }).click();
    const cell = page.getByRole('article', { name: /Трассировка/ });
    await cell.getByRole('button', { name: 'Трассировать', exact: true }).click();
    const verdict = cell.getByRole('region', { name: 'Вывод' }).locator('p.verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.innerText()).toMatch(
      /^Критики: NPS -100,0 против \+[\d,]+ у остальных ответов, хуже на [\d,]+ пункта NPS .*Главная подтверждённая причина — Покрытие сканерами WMS \(WH-[25] и WH-[25]: [\d,]+ % и [\d,]+ % против [\d,]+ % у остальных\): [\d,]+ пункта NPS разрыва/,
    );
    const causes = cell.getByRole('region', { name: 'Причины ниже клиентского слоя' });
    expect(await causes.locator(':scope > ol > li').count()).toBeGreaterThanOrEqual(3);
    expect(await causes.locator(':scope > ol > li').first().innerText()).toMatch(
      /^Покрытие сканерами WMS\s+IT\s+подтверждена/,
    );
    await drawn(cell.getByRole('figure', { name: /Разрыв по шагам/ }));
    const whatIf = cell.getByRole('form', { name: 'Что если' });
    await whatIf.getByRole('button', { name: 'Рассчитать' }).click();
    const effects = whatIf.getByRole('table', { name: 'Ожидаемые изменения выше показателя' });
    await effects.waitFor({ timeout: 60_000 });
    expect(await effects.getByRole('row', { name: /^NPS / }).innerText()).toMatch(
      /^NPS\s+\+[\d,]+ пункта NPS/,
    );
  }, 180_000);
});
