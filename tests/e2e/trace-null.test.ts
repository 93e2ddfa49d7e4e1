import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newNotebook, newWatchedPage, openApp, type Watched } from './browser.ts';
import { generateTraceWorld, traceWorldFiles } from '../../src/core/demo/trace-worlds.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('the trace of a world with no cause', () => {
  it('says in Russian that no supported cause was found, and what finding one needs', async () => {
    // A generated world whose detractors have no cause in the model, as an analyst's files.
    const world = generateTraceWorld({
      seed: 1,
      variant: 'null',
      clients: 800,
      months: 12,
      unitKinds: [{ id: 'branch', units: 8 }],
    });
    const files = traceWorldFiles(world);
    const dir = mkdtempSync(join(tmpdir(), 'cx-null-'));
    const paths = files.datasets.map((d) => {
      const path = join(dir, `${d.name}.csv`);
      writeFileSync(path, d.csv);
      return path;
    });
    const modelPath = join(dir, 'model.json');
    writeFileSync(modelPath, files.model);

    w = await newWatchedPage(undefined, 'ru-RU');
    const { page } = w;
    await openApp(page);
    await page.getByRole('banner').getByRole('button', { name: 'Сервисные модели' }).click();
    await page.getByLabel('Импортировать модель (JSON)…').setInputFiles(modelPath);
    await page.getByText(/^Импортировано: «/).waitFor({ timeout: 30_000 });

    await page.getByRole('banner').getByRole('link', { name: 'Блокноты' }).click();
    await newNotebook(page);
    for (const path of paths) {
      await page.getByRole('button', { name: 'Добавить ячейку «Импорт данных»' }).click();
      const cell = page.getByRole('article', { name: /Импорт данных/ }).last();
      await cell.getByLabel('Выберите файл…').setInputFiles(path);
      await cell.getByRole('button', { name: /^Импортировать [\d\s]+строк/ }).click();
      await cell.getByText(/^Импортирован набор «/).waitFor({ timeout: 60_000 });
    }

    await page.getByRole('button', { name: 'Добавить ячейку «Трассировка»' }).click();
    const trace = page.getByRole('article', { name: /Трассировка/ });
    await trace.getByRole('button', { name: 'Трассировать', exact: true }).click();
    const verdict = trace.getByRole('region', { name: 'Вывод' }).locator('p.verdict');
    await verdict.waitFor({ timeout: 120_000 });
    const text = await verdict.innerText();
    expect(text).toMatch(/^Критики: NPS -100,0 против \+[\d,]+ у остальных ответов/);
    expect(text).toContain(
      'Ни один показатель процессов, персонала или ИТ в модели не несёт подтверждённой и существенной части разрыва',
    );
    expect(text).toContain('Чтобы её найти, в модель нужно добавить показатели');
    expect(text).not.toContain('Главная подтверждённая причина');
    // No cause is marked supported in the list either.
    const causes = trace.getByRole('region', { name: 'Причины ниже клиентского слоя' });
    expect(await causes.locator(':scope > ol > li').count()).toBeGreaterThanOrEqual(3);
    const badges = await causes.locator('.cause-badge').allInnerTexts();
    expect(badges.length).toBeGreaterThanOrEqual(3);
    expect(new Set(badges)).toEqual(new Set(['не подтверждена']));
  });
});
