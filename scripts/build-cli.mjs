// The bundled command line: src/cli and what it imports, bundled by esbuild into ES modules in
// dist-cli/ (gitignored), so that `cx-trace` starts without tsx compiling the sources on each
// run. `node scripts/build-cli.mjs` builds it (npm runs it as `prepare` on `npm install`);
// scripts/cx-trace.mjs rebuilds it on first use and whenever a source changed (freshBundle).
//
// Each build goes into its own folder, dist-cli/HASH/ (by content): cx-trace.mjs and, when
// src/cli imports a module with `import()`, the chunks loaded on demand. dist-cli/stamp.json
// names the build and the modification time of each file it was built from: the sources under
// src/ that main.ts reaches, this script and node_modules/.package-lock.json (the installed
// dependencies). The stamp is replaced last, by rename, so a reader sees a complete build and
// the inputs it was built from, or the previous pair.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist-cli');
const STAMP = join(OUT_DIR, 'stamp.json');
const ENTRY = 'cx-trace.mjs';
/** Inputs outside src/ whose change makes the bundle stale. */
const EXTRA_INPUTS = ['scripts/build-cli.mjs', 'node_modules/.package-lock.json'];
/** A source modified this close to the build (ms) may not be the text esbuild read. */
const SETTLE_MS = 2000;

const mtimeOf = (file) => statSync(join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? null;

/**
 * The bundle's entry when it exists and every file it was built from has the modification time
 * it had then; null when it must be (re)built. Cheap: one small JSON file and ~150 `stat`s.
 */
export function freshBundle() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
  const entry = `dist-cli/${stamp.build}/${ENTRY}`;
  if (mtimeOf(entry) === null) return null;
  for (const [file, mtime] of Object.entries(stamp.inputs)) {
    if (mtime === null || mtimeOf(file) !== mtime) return null;
  }
  return join(ROOT, entry);
}

/** Builds the bundle and its stamp; returns the entry's path. Throws when esbuild fails. */
export async function buildCli({ logLevel = 'silent' } = {}) {
  const esbuild = await import('esbuild');
  const started = Date.now();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { 'cx-trace': 'src/cli/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    outdir: 'dist-cli/build',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // vega-canvas tries `import('canvas')` (an optional native module, not a dependency).
    external: ['canvas'],
    // CommonJS dependencies that `require` Node's modules need a `require` in an ES module.
    banner: {
      js: "import { createRequire as __cxCreateRequire } from 'node:module';\nconst require = __cxCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel,
  });
  const buildDir = join(OUT_DIR, 'build');
  const files = result.outputFiles
    .map((f) => ({ path: relative(buildDir, f.path), contents: f.contents }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path}\0${f.contents.length}\0`).update(f.contents);
  const build = hash.digest('hex').slice(0, 16);

  // The metafile names inputs relative to absWorkingDir, with forward slashes.
  const sources = Object.keys(result.metafile.inputs).filter((p) => p.startsWith('src/'));
  const inputs = {};
  for (const file of [...sources.sort(), ...EXTRA_INPUTS]) {
    const mtime = mtimeOf(file);
    inputs[file] = mtime !== null && mtime < started - SETTLE_MS ? mtime : null;
  }

  // The build the stamp names now stays: a run that has just read the stamp may still load it.
  let previous = null;
  try {
    previous = JSON.parse(readFileSync(STAMP, 'utf8')).build;
  } catch {
    // No build yet.
  }
  const tmp = join(OUT_DIR, `.tmp-${process.pid}-${Date.now()}`);
  try {
    for (const f of files) {
      mkdirSync(dirname(join(tmp, f.path)), { recursive: true });
      writeFileSync(join(tmp, f.path), f.contents);
    }
    try {
      renameSync(tmp, join(OUT_DIR, build));
    } catch (e) {
      // The same build is there already (its folder name is its content's hash).
      if (mtimeOf(`dist-cli/${build}/${ENTRY}`) === null) throw e;
    }
    writeFileSync(`${tmp}.json`, JSON.stringify({ build, inputs }, null, 1) + '\n');
    renameSync(`${tmp}.json`, STAMP);
  } finally {
    for (const leftover of [tmp, `${tmp}.json`]) {
      try {
        rmSync(leftover, { recursive: true, force: true });
      } catch {
        // Whatever failed above is the error to report.
      }
    }
  }
  for (const name of readdirSync(OUT_DIR)) {
    if (/^[0-9a-f]{16}$/.test(name) && name !== build && name !== previous) {
      rmSync(join(OUT_DIR, name), { recursive: true, force: true });
    }
  }
  return join(OUT_DIR, build, ENTRY);
}

// `node scripts/build-cli.mjs`: build now. As npm's `prepare` it must not fail the install:
// without a bundle, scripts/cx-trace.mjs builds one on first use or runs the sources with tsx.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  try {
    const entry = await buildCli({ logLevel: 'warning' });
    console.log(`Built the command line: ${relative(process.cwd(), entry) || entry}`);
  } catch (e) {
    console.warn(`Could not bundle the command line (cx-trace will use tsx): ${e.message}`);
  }
}
