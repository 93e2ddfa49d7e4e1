// Makes sure Debian's Chromium is installed for the end-to-end tests (playwright-core drives it;
// a test tool's own browser download does not work on these machines), and poppler-utils, whose
// pdftoppm and pdftotext read the printed reports back. Installs what is missing with apt-get,
// as root or through password-less sudo; otherwise says what to do.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium.mjs';

const PDFTOPPM = '/usr/bin/pdftoppm';
const missing = [
  ...(existsSync(CHROMIUM_PATH) ? [] : ['chromium']),
  ...(existsSync(PDFTOPPM) ? [] : ['poppler-utils']),
];
if (missing.length === 0) process.exit(0);

const fail = (why) => {
  console.error(
    `The browser tests need ${missing.join(' and ')}, missing here.\n${why}\n` +
      `Install with:  sudo apt-get install -y ${missing.join(' ')}   (or set CHROMIUM_PATH to a Chromium binary).`,
  );
  process.exit(1);
};

if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  fail(
    'This is not a Debian/Ubuntu machine with apt-get, so it cannot be installed automatically.',
  );
}
const isRoot = process.getuid?.() === 0;
const sudoOk = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
if (!isRoot && !sudoOk) fail('Installing it needs root (or password-less sudo).');

const run = (args) => {
  const cmd = isRoot ? args[0] : 'sudo';
  const rest = isRoot ? args.slice(1) : args;
  console.log(`> ${isRoot ? '' : 'sudo '}${args.join(' ')}`);
  return spawnSync(cmd, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status;
};

console.log(`Installing ${missing.join(' and ')} for the browser tests…`);
if (run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]) !== 0) {
  run(['apt-get', 'update']);
  if (run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]) !== 0) {
    fail(`apt-get could not install ${missing.join(' ')}.`);
  }
}
if (!existsSync(CHROMIUM_PATH)) fail('apt-get finished but the Chromium binary is still missing.');
if (!existsSync(PDFTOPPM)) fail('apt-get finished but pdftoppm is still missing.');
