import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { main, type CliIo } from '../../src/cli/main.ts';

function io(stdin = '', files: Record<string, string> = {}, env: Record<string, string> = {}) {
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

describe('cx-trace command line', () => {
  it('lists its commands with no arguments and with help', async () => {
    for (const argv of [[], ['help'], ['--help']]) {
      const t = io();
      expect(await main(argv, t.host)).toBe(0);
      expect(t.out()).toMatch(/nps/);
      expect(t.out()).toMatch(/help/);
    }
    const ru = io('', {}, { LANG: 'ru_RU.UTF-8' });
    await main([], ru.host);
    expect(ru.out()).toMatch(/Команды/);
  });

  it('computes NPS from a file, in JSON and in the chosen language', async () => {
    const t = io('', { 'scores.txt': '10\n9\n8\n3\n\n7;10' });
    expect(await main(['nps', 'scores.txt', '--json'], t.host)).toBe(0);
    const s = JSON.parse(t.out());
    expect(s).toMatchObject({ n: 6, promoters: 3, passives: 2, detractors: 1 });
    expect(s.nps).toBeCloseTo(33.333, 2);
    const ru = io('10 9 8 3 7 10');
    await main(['nps', '--lang', 'ru'], ru.host);
    expect(ru.out()).toMatch(/^NPS \+33,3 .*6 ответов/);
  });

  it('fails with a one-line message and a non-zero code', async () => {
    const unknown = io();
    expect(await main(['frobnicate'], unknown.host)).toBe(2);
    expect(unknown.err()).toMatch(/^cx-trace: unknown command “frobnicate”.*\n$/);
    const missing = io();
    expect(await main(['nps', 'nope.txt'], missing.host)).toBe(1);
    expect(missing.err().trim().split('\n')).toHaveLength(1);
    expect(missing.err()).toMatch(/nope\.txt/);
    const words = io('10 9 x');
    expect(await main(['nps'], words.host)).toBe(0);
    expect(words.out()).toMatch(/2 responses/);
    expect(words.out()).toMatch(/1 value outside 0–10 skipped/);
    const empty = io('abc');
    expect(await main(['nps'], empty.host)).toBe(1);
  });

  it('runs as the package bin straight from the TypeScript sources', async () => {
    const { stdout } = await promisify(execFile)('node', [
      'scripts/cx-trace.mjs',
      'help',
      '--json',
    ]);
    expect(JSON.parse(stdout).commands.map((c: { name: string }) => c.name)).toContain('nps');
    const failed = await promisify(execFile)('node', ['scripts/cx-trace.mjs', 'bogus']).catch(
      (e) => e,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^cx-trace: /);
  }, 30_000);
});
