#!/usr/bin/env node
// The `cx-trace` command: runs the TypeScript command line (src/cli) through tsx, so it works
// right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
  readBytes: async (path) =>
    new Uint8Array(await (await import('node:fs/promises')).readFile(path)),
  readStdin: async () => {
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
});
