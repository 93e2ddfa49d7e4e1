// Installs the npm dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone. Uses only Node's own modules.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const stamp = 'node_modules/.package-lock.json';
const newer = (a, b) => statSync(a).mtimeMs > statSync(b).mtimeMs;
const stale =
  !existsSync(stamp) ||
  (existsSync('package-lock.json') && newer('package-lock.json', stamp)) ||
  newer('package.json', stamp);

if (stale) {
  // Not `npm ci`: this machine's registry lacks some other platforms' optional binaries (e.g.
  // rollup's darwin build), so the lock cannot list them and `npm ci` refuses it as out of sync.
  // `npm install --no-save` installs exactly the locked versions and leaves the lock untouched.
  const args = ['install', '--no-audit', '--no-fund', '--no-save'];
  console.log(`Installing dependencies: npm ${args.join(' ')}`);
  const r = spawnSync('npm', args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('Could not install the npm dependencies (see the npm output above).');
    process.exit(r.status ?? 1);
  }
}
