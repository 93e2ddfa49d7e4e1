import type { CliIo } from '../../src/cli/main.ts';

/**
 * A command line's surroundings for a test: standard input, files by path, environment; what
 * it prints is collected (`out()`, `err()`).
 */
export function io(
  stdin = '',
  files: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const host: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (p) => {
      if (p in files) return files[p]!;
      throw new Error(`ENOENT: no such file '${p}'`);
    },
    readStdin: async () => stdin,
    readBytes: async (p) => {
      if (p in files) return new TextEncoder().encode(files[p]!);
      throw new Error(`ENOENT: no such file '${p}'`);
    },
    env,
  };
  return { host, out: () => out.join(''), err: () => err.join('') };
}
