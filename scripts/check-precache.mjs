// Fails the build when a file the app ships is missing from the service worker's precache
// (for example one skipped for its size or left out by a glob), since the app would then
// break offline. Run after `vite build` by `npm run build`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// The built app's folder: the first argument, or dist/ beside this script's project.
const dist = process.argv[2]
  ? resolve(process.argv[2])
  : new URL('../dist/', import.meta.url).pathname;
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));

/**
 * Files served by the app that the service worker itself loads, not precaches, and the
 * host's header rules (`_headers`), which the host reads and never serves.
 */
const isServiceWorkerFile = (f) =>
  f === 'sw.js' || /^workbox-[\w-]+\.js$/.test(f) || f === '_headers';

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield relative(dist, path).split('\\').join('/');
  }
}

const missing = [...walk(dist)].filter(
  (f) => !isServiceWorkerFile(f) && !f.endsWith('.map') && !precached.has(f),
);
if (missing.length > 0) {
  console.error(
    `Build check failed: ${missing.length} file(s) not precached by the service worker:`,
  );
  for (const f of missing) console.error(`  - ${f} (${statSync(join(dist, f)).size} bytes)`);
  process.exit(1);
}
console.log(`Precache check: all ${precached.size} app files are precached.`);
