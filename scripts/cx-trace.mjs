#!/usr/bin/env node
// The `cx-trace` command: runs the command line (src/cli) from its esbuild bundle in dist-cli/,
// which starts several times faster than compiling the TypeScript through tsx on each run. The
// bundle is built by `npm install` (the `prepare` script) and rebuilt here, in about a second,
// when it is missing or any source it was built from changed (scripts/build-cli.mjs), so it
// works right after `npm install` with no build step. When it cannot be built (a read-only
// folder, a failed build) the sources run through tsx as before.
//
// CX_TRACE_RUNTIME=source runs the sources through tsx; CX_TRACE_RUNTIME=bundle runs only the
// bundle (building it if stale) and fails rather than fall back to tsx.
import { pathToFileURL } from 'node:url';
import { buildCli, freshBundle } from './build-cli.mjs';

const runtime = process.env.CX_TRACE_RUNTIME;

/** `main` of the bundle, rebuilt first if stale; of the sources through tsx if it cannot be. */
async function loadMain() {
  if (runtime !== 'source') {
    try {
      let bundle = freshBundle();
      try {
        if (bundle) return (await import(pathToFileURL(bundle).href)).main;
      } catch (e) {
        // Removed by concurrent rebuilds between the stamp and the import: build it again.
        if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
      }
      bundle = await buildCli();
      return (await import(pathToFileURL(bundle).href)).main;
    } catch (e) {
      if (runtime === 'bundle') throw e;
      const why = String(e?.message ?? e)
        .replace(/\s*\n\s*/g, ' ')
        .slice(0, 300);
      process.stderr.write(`cx-trace: running the sources through tsx (no bundle: ${why})\n`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

const main = await loadMain();
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
