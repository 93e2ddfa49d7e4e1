/**
 * A clone of the repository holds everything its tests, benchmarks and scripts read: the folder
 * our own workspace keeps beside the project (real data, the design notes) is not there on a
 * user's machine or in CI, so nothing may name it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built, installed or scratch folders: not part of a clone. */
const SKIPPED = new Set(['.git', 'node_modules', 'dist', 'dist-test', 'dist-bench', 'coverage']);
const SKIPPED_PREFIX = ['.vite', '.scratch'];
/** Built from parts so that this file does not name the folder itself. */
const OUTSIDE = new RegExp(String.raw`\.\.[\\/]+` + 'shared' + String.raw`(?![\w-])`);

/** The lines of `text` that name the folder beside the repository, as `line: text`. */
function outsideReferences(text: string): string[] {
  if (!OUTSIDE.test(text)) return [];
  return text
    .split('\n')
    .flatMap((line, i) => (OUTSIDE.test(line) ? [`${i + 1}: ${line.trim().slice(0, 120)}`] : []));
}

/** Every file of the working tree a clone would have, relative to the repository's root. */
function cloneFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name) || SKIPPED_PREFIX.some((p) => entry.name.startsWith(p))) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cloneFiles(path);
    return entry.isFile() ? [relative(ROOT, path)] : [];
  });
}

describe('the repository needs nothing beside it', () => {
  it('recognises a path to the folder beside the repository, and only that', () => {
    const beside = ['..', 'shared'];
    expect(outsideReferences(`read('${beside.join('/')}/data/telco.csv')`)).toHaveLength(1);
    expect(outsideReferences(`See ${beside.join('/')}/DESIGN.md §1.`)).toHaveLength(1);
    expect(outsideReferences(`"${beside.join('\\')}\\data"`)).toHaveLength(1);
    expect(outsideReferences(`import '../${beside.join('/')}';\nok\nx`)).toEqual([
      `1: import '../${beside.join('/')}';`,
    ]);
    expect(outsideReferences("import './shared.ts'; '../shared-worker'; sharedStrings")).toEqual(
      [],
    );
  });

  it('no source, test, benchmark, script, CI step or document names it', () => {
    const files = cloneFiles();
    for (const expected of ['README.md', 'vite.config.ts', '.ci/run', 'src/main.ts'])
      expect(files).toContain(expected);
    const found = files.flatMap((file) => {
      if (file === relative(ROOT, fileURLToPath(import.meta.url))) return [];
      const bytes = readFileSync(join(ROOT, file));
      if (bytes.includes(0)) return []; // binary (images, workbooks)
      return outsideReferences(bytes.toString('utf8')).map((line) => `${file}:${line}`);
    });
    expect(found).toEqual([]);
  });
});
