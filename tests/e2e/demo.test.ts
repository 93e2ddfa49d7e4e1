import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newWatchedPage, openApp, openHarness, type Watched, drawn } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

/** Counts of the app's stored datasets and service models, read directly from IndexedDB. */
const storedCounts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ datasets: string[]; models: number }>((resolve, reject) => {
        const req = indexedDB.open('cx-trace');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['datasets', 'models'], 'readonly');
          const out = { datasets: [] as string[], models: 0 };
          tx.objectStore('datasets').getAll().onsuccess = (e) =>
            (out.datasets = (e.target as IDBRequest<{ name: string }[]>).result
              .map((d) => d.name)
              .sort());
          tx.objectStore('models').count().onsuccess = (e) =>
            (out.models = (e.target as IDBRequest<number>).result);
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );

/** The column headers of the stored demo survey, read directly from IndexedDB. */
const surveyHeaders = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('cx-trace');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('datasets').objectStore('datasets').getAll();
          get.onsuccess = () => {
            const all = get.result as { name: string; columns: { name: string }[] }[];
            db.close();
            resolve(all.find((d) => d.name === 'survey')!.columns.map((c) => c.name));
          };
        };
      }),
  );

describe('the demo', () => {
  it('opens in one click: six datasets, a service model and a notebook ready to run', async () => {
    w = await newWatchedPage();
    const { page, context } = w;
    // The model graph's code is its own chunk, fetched only when a graph is first shown.
    const graphChunks: string[] = [];
    page.on('request', (r) => {
      if (/\/ModelGraph-[\w-]+\.js$/.test(r.url())) graphChunks.push(r.url());
    });
    await openApp(page);
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('article').count()).toBe(12);
    // In English, English headers: the identifiers the model, the CLI and the tests use.
    expect(await surveyHeaders(page)).toEqual(
      expect.arrayContaining(['client_id', 'date', 'nps', 'rating_delivery', 'comment']),
    );

    // The NPS cell is set up on the survey: it computes at once.
    const nps = page.getByRole('article', { name: /NPS summary/ });
    await nps.getByRole('button', { name: 'Compute NPS' }).click();
    expect(await nps.locator('output.nps-value').innerText()).toMatch(/^[+−-]?\d+\.\d$/);
    // It is set to split by quarter of the answer date: eight quarters, with a chart.
    const byQuarter = nps.getByRole('table', { name: 'NPS by date' });
    await byQuarter.waitFor();
    expect(await byQuarter.getByRole('row').count()).toBe(1 + 8);
    await drawn(nps.getByRole('figure', { name: /NPS by date/ }));

    // The index cell is set up on the demo's model: 2,000 clients get an index on 0–100.
    const index = page.getByRole('article', { name: /Satisfaction index/ });
    await index.getByRole('button', { name: 'Compute the index' }).click();
    const value = index.locator('output.index-value');
    await value.waitFor({ timeout: 30_000 });
    const mean = Number((await value.innerText()).replace(',', '.'));
    expect(mean).toBeGreaterThan(0);
    expect(mean).toBeLessThan(100);
    // Clients never surveyed (only churn and revenue known) get no index, not a 0 or a 100.
    const text = await index.innerText();
    const scored = Number(
      /mean of ([\d,]+) clients’ latest index/.exec(text)![1]!.replace(',', ''),
    );
    expect(scored).toBeGreaterThan(1500);
    expect(scored).toBeLessThan(2000);
    const thin = (2000 - scored).toLocaleString('en');
    expect(await index.getByTestId('index-thin').innerText()).toMatch(
      new RegExp(`^${thin} clients have no index here: fewer than half of the index’s 9 inputs`),
    );
    // Every client in one virtualised table, lowest index first.
    const clientTable = index.getByRole('table', { name: 'Clients, lowest index first' });
    const shownCount = index.getByRole('status').filter({ hasText: /^[\d,]+ clients?$/ });
    expect(await shownCount.innerText()).toBe('2,000 clients');
    const indexes = async () =>
      (await clientTable.locator('tbody tr td:nth-child(4)').allInnerTexts()).map(Number);
    const firstRows = await indexes();
    expect(firstRows.length).toBeGreaterThan(5);
    expect(firstRows.length).toBeLessThan(40);
    expect(firstRows).toEqual([...firstRows].sort((a, b) => a - b));
    expect(firstRows[0]).toBeGreaterThan(0);
    // Sorted by missing inputs, those without an index come first and say why.
    await clientTable.getByRole('button', { name: 'Sort by Missing inputs' }).click();
    await clientTable.getByRole('button', { name: 'Sort by Missing inputs' }).click();
    expect(await clientTable.locator('tbody tr td:nth-child(4)').first().innerText()).toMatch(
      /^not enough data: [0-4] of 9 inputs$/,
    );
    await clientTable.getByRole('button', { name: /^Sort by Index/ }).click();

    // Linked views: the demo segments clients by warehouse; clicking the planted WH-2 in its
    // chart shows only its clients in the other views.
    const byWarehouse = index.getByRole('figure', { name: /index by warehouse/ });
    await drawn(byWarehouse);
    // Vega labels each mark with its data (the accessibility tree does not expose SVG marks);
    // the axis, and so the label, names the column as the model does (“Warehouse”).
    await byWarehouse
      .locator('[role="graphics-symbol"][aria-label^="Warehouse: WH-2; "][aria-label*="CI low"]')
      .click();
    await index.getByText('warehouse = WH-2').waitFor();
    await expect.poll(() => shownCount.innerText()).not.toBe('2,000 clients');
    const segments = await clientTable.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(new Set(segments)).toEqual(new Set(['WH-2']));

    // A client opens its answers and CRM records.
    const first = clientTable.locator('tbody tr th button').first();
    const id = await first.innerText();
    await first.click();
    const records = index.getByRole('region', { name: `Client ${id}: answers and CRM records` });
    await records.getByRole('heading', { name: '“clients”: 1 row' }).waitFor();
    const card = records.getByRole('table', { name: 'clients' });
    expect(await card.innerText()).toContain('WH-2');
    await records.getByRole('heading', { name: /^“shipments”: \d+ rows?$/ }).waitFor();
    await index.getByRole('button', { name: 'Show every segment' }).click();
    await expect.poll(() => shownCount.innerText()).toBe('2,000 clients');
    // The trend chart draws (Vega with its CSP-safe interpreter) and exports as SVG.
    const chart = index.getByRole('figure', { name: /Mean satisfaction index by period/ });
    await drawn(chart);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('satisfaction-index-by-period.svg');
    await drawn(index.getByRole('figure', { name: /Clients by their latest satisfaction index/ }));

    // The datasets page lists the six datasets; the client card has 2,000 clients.
    await page.getByRole('banner').getByRole('button', { name: 'Datasets' }).click();
    const table = page.getByRole('table', { name: 'Stored datasets' });
    await table.getByRole('row', { name: /^clients / }).waitFor();
    expect(await table.getByRole('row', { name: /^clients / }).innerText()).toContain('2,000');

    // The demo's service model, drawn as layers with each indicator's current value.
    await page.getByRole('banner').getByRole('button', { name: 'Service models' }).click();
    expect(graphChunks).toEqual([]);
    await page
      .getByRole('button', { name: 'Show “Demo distributor: service model” with its values' })
      .click();
    const graph = page.getByRole('figure', { name: /Layered graph of “Demo distributor/ });
    await drawn(graph, 30_000);
    expect(graphChunks.length).toBeGreaterThan(0);
    // Full names, wrapped over lines rather than cut, and the legend's neutral “near target”.
    const texts = await graph.locator('svg text').allTextContents();
    expect(texts.join('\n')).not.toContain('…');
    expect(await graph.locator('svg tspan').allTextContents()).toEqual(
      expect.arrayContaining(['Warehouse staff', 'competency']),
    );
    expect(texts).toContain('near target (within 5% of scale)');
    expect(await page.getByText('No problems found.').count()).toBe(1);
    // A click on an indicator in the graph shows its history and what drives it…
    await graph.locator('[role="graphics-symbol"][aria-label*="; Indicator: NPS; "]').click();
    const detail = page.getByRole('region', { name: 'NPS', exact: true });
    await drawn(detail.getByRole('figure', { name: '“NPS” by period' }));
    await detail.getByRole('button', { name: 'CX · Delivery rating' }).waitFor();
    // …and its edit button opens the model's editor at that indicator's form.
    await detail.getByRole('button', { name: 'Edit “NPS”' }).click();
    await page.getByRole('tab', { name: /^Indicators/, selected: true }).waitFor();
    await page.getByRole('region', { name: 'Indicator “NPS”' }).waitFor();
    expect(page.url()).toContain('?indicator=cx.nps');

    const other = await context.newPage();
    await openHarness(other);
    expect(await storedCounts(other)).toEqual({
      datasets: ['clients', 'it', 'ops', 'shipments', 'staff', 'survey'],
      models: 1,
    });
  });

  it('speaks Russian in Russian', async () => {
    w = await newWatchedPage(undefined, 'ru-RU');
    const { page } = w;
    await openApp(page);
    await page.getByRole('button', { name: 'Открыть демо' }).click();
    await page.getByRole('heading', { name: 'Демо-мир' }).waitFor({ timeout: 60_000 });
    // Its data speaks Russian too: the survey's headers, and the cells bound to them.
    expect(await surveyHeaders(page)).toEqual(
      expect.arrayContaining(['Код клиента', 'Дата', 'NPS', 'Оценка: доставка', 'Комментарий']),
    );
    const nps = page.getByRole('article', { name: /Сводка NPS/ });
    expect(await nps.getByRole('combobox', { name: 'Столбец оценок (0–10)' }).inputValue()).toBe(
      'NPS',
    );
    // Datasets are shown by Russian titles; their keys (`survey`) stay for the model.
    expect(
      await nps
        .getByRole('combobox', { name: 'Набор данных' })
        .locator('option:checked')
        .innerText(),
    ).toMatch(/^Опрос клиентов — [\d\s]+ строк/);
    const frequency = page.getByRole('article', { name: /Частотность жалоб/ });
    expect(await frequency.innerText()).not.toContain('comment');
    await page.getByRole('link', { name: /Все блокноты/ }).click();
    await page.getByRole('link', { name: 'Демо: B2B-дистрибьютор' }).waitFor();
  });
});
