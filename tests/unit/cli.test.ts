import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { main, type CliIo } from '../../src/cli/main.ts';
import { readFileSync } from 'node:fs';

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

  it('inspects a file: encoding, delimiter, decimal, header, rows and typed columns as JSON', async () => {
    const t = io();
    t.host.readBytes = async () =>
      new Uint8Array(readFileSync('tests/fixtures/csv/ru-1251-semicolon.csv'));
    expect(await main(['inspect', 'export.csv', '--json'], t.host)).toBe(0);
    const r = JSON.parse(t.out());
    expect(r).toMatchObject({
      encoding: 'windows-1251',
      delimiter: ';',
      decimal: ',',
      header: 3,
      rows: 5,
    });
    expect(r.columns.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
      ['Код клиента', 'id'],
      ['Дата', 'date'],
      ['Оценка NPS', 'integer'],
      ['Сумма заказа', 'decimal'],
      ['Комментарий', 'text'],
    ]);
    expect(r.columns[2]).toMatchObject({ role: 'nps', nulls: 1, invalid: 0 });
    expect(r.problems[0].code).toBe('title-lines-skipped');
  });

  it('inspects a workbook sheet by name or index, and refuses what it cannot read in one line', async () => {
    const t = io();
    t.host.readBytes = async () => new Uint8Array(readFileSync('tests/fixtures/xlsx/survey.xlsx'));
    expect(await main(['inspect', 'survey.xlsx', '--sheet', '1', '--json'], t.host)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ encoding: null, delimiter: null, sheet: 'Notes' });
    const bad = io();
    bad.host.readBytes = async () =>
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
    expect(await main(['inspect', 'old.xls', '--lang', 'ru'], bad.host)).toBe(1);
    expect(bad.err()).toMatch(/^cx-trace: Это старый файл Excel \.xls\. .*\n$/);
    expect(bad.err().trim().split('\n')).toHaveLength(1);
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
