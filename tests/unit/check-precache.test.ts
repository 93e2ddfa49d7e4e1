import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function fakeDist(precached: string[], files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'sw.js'),
    `precacheAndRoute([${precached.map((u) => `{url:"${u}",revision:null}`).join(',')}])`,
  );
  writeFileSync(join(dir, 'workbox-abc123.js'), '');
  for (const f of files) writeFileSync(join(dir, f), 'x');
  return dir;
}

const check = (dir: string) =>
  spawnSync('node', ['scripts/check-precache.mjs', dir], { encoding: 'utf8' });

describe('the build check that nothing is left out of the offline precache', () => {
  it('passes when every app file is precached', () => {
    const r = check(fakeDist(['index.html', 'assets/app.js'], ['index.html', 'assets/app.js']));
    expect(r.status).toBe(0);
  });

  it('fails the build and names a file the service worker would not cache', () => {
    const r = check(fakeDist(['index.html'], ['index.html', 'assets/huge-model.js']));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('assets/huge-model.js');
  });
});
