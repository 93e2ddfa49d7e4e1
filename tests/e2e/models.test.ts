import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

let w: Watched;
afterEach(async () => {
  expect(w.errors).toEqual([]);
  await w.context.close();
});

describe('service models', () => {
  it('creates a model from a template, exports it, and shows an imported model’s problems', async () => {
    w = await newWatchedPage();
    const { page } = w;
    await openApp(page);
    await page.getByRole('banner').getByRole('button', { name: 'Service models' }).click();
    await page.getByText('No service model yet').waitFor();

    await page.getByRole('button', { name: 'Create from template' }).click();
    const list = page.getByRole('list', { name: 'Service models' });
    const item = list
      .getByRole('listitem')
      .filter({ hasText: 'B2B manufacturing and distribution' });
    await item.waitFor();
    expect(await item.innerText()).toContain('No problems found.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: /^Export “B2B manufacturing and distribution”/ }).click(),
    ]);
    const saved = join(mkdtempSync(join(tmpdir(), 'cx-model-')), 'model.json');
    await download.saveAs(saved);
    const exported = JSON.parse(readFileSync(saved, 'utf8')) as {
      format: string;
      id: string;
      name: { en: string };
      links: { child: string; parent: string }[];
    };
    expect(exported.format).toBe('cx-trace-model');

    // Not JSON at all: refused with the file's name.
    const input = page.getByLabel('Import a model (JSON)…');
    await input.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: 'The file “notes.json” is not JSON' })
      .waitFor();

    // The exported model with a link turned upside down: imported, and the problem is shown
    // at the link, in words.
    const broken = {
      ...exported,
      id: 'broken-model',
      name: { en: 'Broken links', ru: 'Сломанные связи' },
      links: [{ child: 'tx.churn', parent: 'it.scanner_coverage' }, ...exported.links],
    };
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByRole('status').filter({ hasText: 'Imported “Broken links”' }).waitFor();
    const brokenItem = list.getByRole('listitem').filter({ hasText: 'Broken links' });
    const problems = brokenItem.getByRole('list');
    await problems.waitFor();
    expect(await problems.innerText()).toContain(
      'tx.churn → it.scanner_coverage — A link cannot run down: “tx.churn” (TX) is above “it.scanner_coverage” (IT).',
    );
  });
});
