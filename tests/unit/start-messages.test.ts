import { readFileSync, existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/messages.ts';
import { startEn } from '../../src/core/i18n/messages/start.ts';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** The app's modules reached from `src/main.ts` by static imports: the first load's code. */
function firstLoadModules(): string[] {
  const seen = new Set<string>();
  const todo = [resolve(src, 'main.ts')];
  const importFrom =
    /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s*)?['"](\.[^'"]+\.(?:ts|svelte))['"]/gm;
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(importFrom)) {
      const target = resolve(dirname(file), m[1]!);
      if (existsSync(target)) todo.push(target);
    }
  }
  return [...seen];
}

/** Message keys a module names: whole keys in quotes, and the prefixes of keys built in templates. */
function namedKeys(code: string): string[] {
  const keys = [...code.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)]
    .map((m) => m[1]!)
    .filter((k) => Object.hasOwn(en, k));
  const prefixes = [...code.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]!);
  return [...keys, ...Object.keys(en).filter((k) => prefixes.some((p) => k.startsWith(p)))];
}

describe('the messages of the first load', () => {
  it('has every message the home screen and the frame name, so none shows as a bare key', () => {
    const modules = firstLoadModules();
    // The walk must reach the home screen, or the check would pass on nothing.
    expect(modules.map((f) => relative(src, f))).toContain('ui/home/Home.svelte');
    const missing = modules.flatMap((file) =>
      namedKeys(readFileSync(file, 'utf8'))
        .filter((k) => !Object.hasOwn(startEn, k))
        .map((k) => `${k} (${relative(src, file)})`),
    );
    expect(missing).toEqual([]);
  });
});
