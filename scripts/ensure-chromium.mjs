// Makes sure Debian's Chromium is installed for the end-to-end tests (playwright-core drives it;
// a test tool's own browser download does not work on these machines). Installs it with apt-get
// when missing, as root or through password-less sudo; otherwise says what to do.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium.mjs';

if (existsSync(CHROMIUM_PATH)) process.exit(0);

const fail = (why) => {
  console.error(
    `Chromium is needed for the browser tests and is not at ${CHROMIUM_PATH}.\n${why}\n` +
      'Install it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary).',
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

console.log('Installing Debian Chromium for the browser tests…');
if (run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']) !== 0) {
  run(['apt-get', 'update']);
  if (run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']) !== 0) {
    fail('apt-get could not install the chromium package.');
  }
}
if (!existsSync(CHROMIUM_PATH)) fail('apt-get finished but the binary is still missing.');
