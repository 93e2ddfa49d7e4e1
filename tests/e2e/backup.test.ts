import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newWatchedPage, openApp, type Watched } from './browser.ts';

const contexts: Watched[] = [];
afterAll(async () => {
  for (const w of contexts) {
    expect(w.errors).toEqual([]);
    await w.context.close();
  }
});

/** A fresh browser profile with the app open. */
async function fresh(): Promise<Page> {
  const w = await newWatchedPage();
  contexts.push(w);
  await openApp(w.page);
  return w.page;
}

/** Each stored dataset's name, rows and the SHA-256 of its stored chunks, read from IndexedDB. */
async function datasetHashes(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('cx-trace');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
      });
    type Meta = { id: string; name: string; rowCount: number; storageId?: string };
    type Chunk = { datasetId: string; index: number; bytes: Uint8Array };
    const chunks = await all<Chunk>('chunks');
    const out: Record<string, string> = {};
    for (const meta of await all<Meta>('datasets')) {
      const mine = chunks
        .filter((c) => c.datasetId === (meta.storageId ?? meta.id))
        .sort((a, b) => a.index - b.index);
      const size = mine.reduce((s, c) => s + c.bytes.length, 0);
      const joined = new Uint8Array(size);
      let at = 0;
      for (const c of mine) {
        joined.set(c.bytes, at);
        at += c.bytes.length;
      }
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
      out[meta.name] =
        `${meta.rowCount}:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    }
    db.close();
    return out;
  });
}

async function restoreIn(page: Page, file: string, passphrase: string): Promise<string> {
  await page.getByRole('button', { name: 'Storage' }).click();
  const panel = page.getByRole('dialog', { name: 'Storage' });
  await panel.getByLabel('Backup file').setInputFiles(file);
  await panel.getByLabel('Passphrase', { exact: true }).last().fill(passphrase);
  await panel.getByRole('button', { name: 'Restore', exact: true }).click();
  const said = panel.getByRole('status').or(panel.getByRole('alert')).last();
  await said.waitFor({ timeout: 60_000 });
  await expect.poll(() => said.innerText(), { timeout: 60_000 }).toMatch(/Restored|Nothing/);
  const text = await said.innerText();
  await panel.getByRole('button', { name: 'Close' }).click();
  return text;
}

describe('backups', () => {
  it('bring every dataset back byte for byte in a wiped profile; a bad file changes nothing', async () => {
    const page = await fresh();
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await page.getByRole('heading', { name: 'The demo world' }).waitFor({ timeout: 60_000 });
    const before = await datasetHashes(page);
    expect(Object.keys(before).sort()).toEqual(
      ['clients', 'it', 'ops', 'shipments', 'staff', 'survey'].sort(),
    );

    await page.getByRole('button', { name: 'Storage' }).click();
    const panel = page.getByRole('dialog', { name: 'Storage' });
    // Storage is not persistent here and six datasets came in: the panel asks for a backup.
    expect(await panel.getByTestId('storage-persistence').innerText()).toMatch(/Not yet protected/);
    const remind = panel.getByText(/^Time for a backup:/);
    expect(await remind.innerText()).toMatch(
      /^Time for a backup: 6 datasets imported(, \d+ edits? saved)? since you started\.$/,
    );
    await panel.getByRole('checkbox', { name: 'Encrypt with a passphrase' }).check();
    await panel.getByLabel('Passphrase', { exact: true }).first().fill('backup passphrase');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: 'Back up everything' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'cx-backup-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/cx-trace backup \d{4}-\d\d-\d\d\.cxbackup$/);
    expect(await panel.getByRole('status').last().innerText()).toMatch(
      /^Saved “.*”: 6 datasets and 1 notebook, [\d.]+ (kB|MB)\.$/,
    );
    expect(await remind.count()).toBe(0);
    expect(await panel.innerText()).toMatch(/Last backup: /);

    // Another profile: a wrong passphrase, a cut file and a flipped byte change nothing.
    const other = await fresh();
    const bytes = readFileSync(file);
    const cut = join(dir, 'cut.cxbackup');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 1;
    const changed = join(dir, 'changed.cxbackup');
    writeFileSync(changed, flipped);
    for (const [f, pass, message] of [
      [file, 'not the passphrase', 'Nothing was changed: wrong passphrase.'],
      [cut, 'backup passphrase', 'Nothing was changed: the file is incomplete (cut short).'],
      [
        changed,
        'backup passphrase',
        'Nothing was changed: the file was changed after it was made.',
      ],
    ] as const) {
      expect(await restoreIn(other, f, pass)).toBe(message);
      expect(await datasetHashes(other)).toEqual({});
    }

    // The right passphrase: everything back, each dataset's bytes the same.
    expect(await restoreIn(other, file, 'backup passphrase')).toMatch(
      /^Restored 6 datasets, 1 notebook, 1 model and \d+ stored results?;/,
    );
    expect(await datasetHashes(other)).toEqual(before);
    await other.reload();
    await other.getByRole('link', { name: 'Demo: a B2B distributor' }).waitFor({ timeout: 30_000 });
  }, 240_000);
});
