import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'scripts', 'cx-trace.mjs');
const fixture = (path: string) => join(ROOT, 'tests', 'fixtures', path);

type Runtime = 'bundle' | 'source';
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The demo's model and its folder, as `trace` and `report` take them. */
const DEMO = ['--model', 'demo/model.json', '--data', 'demo'];

/**
 * Every command `cx-trace help` lists, in order, in one folder per runtime: `demo` first (a
 * small world), then the commands that read it. Relative paths, so both print the same text.
 */
const CASES: { argv: string[]; stdin?: string }[] = [
  { argv: ['demo', '--out', 'demo', '--clients', '300', '--months', '6', '--json'] },
  { argv: ['help', '--json'] },
  { argv: ['version'] },
  { argv: ['inspect', fixture('xlsx/survey.xlsx'), '--json'] },
  { argv: ['nps', '--lang', 'ru'], stdin: '10 9 7 3 0 10 x\n' },
  { argv: ['nps', 'demo/survey.csv', '--score', 'nps', '--by', 'contact_role', '--json'] },
  { argv: ['frequency', 'demo/survey.csv', '--text', 'comment', '--by', 'contact_role'] },
  { argv: ['clusters', 'demo/survey.csv', '--text', 'comment', '--k', '3', '--seed', '1'] },
  { argv: ['drivers', 'demo/survey.csv', '--target', 'nps', '--json'] },
  {
    argv: [
      'trace',
      ...DEMO,
      '--json',
      '--what-if',
      'it.scanner_coverage=median',
      '--at',
      'warehouse=WH-2,WH-5',
    ],
  },
  { argv: ['trace', ...DEMO, '--population', 'detractors'] },
  { argv: ['report', ...DEMO, '--out', 'managers.html'] },
  {
    argv: [
      'report',
      ...DEMO,
      '--out',
      'front.html',
      '--audience',
      'frontline',
      '--pseudonymise',
      'yes',
    ],
  },
  { argv: ['bogus'] },
];

let root = '';

/** `cx-trace ARGV` as a child process in `root/RUNTIME`, its clock stopped at 2026-01-01. */
function cxTrace(runtime: Runtime, argv: string[], stdin = ''): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, CX_TRACE_RUNTIME: runtime, LANG: 'en_US.UTF-8' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const fixed = pathToFileURL(join(root, 'fixed.mjs')).href;
  const child = spawn(process.execPath, ['--import', fixed, BIN, ...argv], {
    cwd: join(root, runtime),
    env,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** The files under `dir`, by path relative to it. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path));
  }
  return files;
}

describe('the bundled command line (dist-cli)', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cx-trace-bundle-'));
    for (const runtime of ['bundle', 'source']) mkdirSync(join(root, runtime));
    // The same clock and random bytes in both: the report's date, trace's seconds, the
    // front line's pseudonyms (random per report) print the same.
    writeFileSync(
      join(root, 'fixed.mjs'),
      'Date.now = () => 1767225600000;\n' +
        'globalThis.crypto.getRandomValues = (a) => {\n' +
        '  for (let i = 0; i < a.length; i++) a[i] = (i * 151 + 7) & 255;\n' +
        '  return a;\n' +
        '};\n',
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/build-cli.mjs'], {
      cwd: ROOT,
    });
    expect(stdout).toMatch(/^Built the command line: dist-cli\/[0-9a-f]{16}\/cx-trace\.mjs\n$/);
  }, 120_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('is built from the sources of src/cli, with their modification times', () => {
    const stamp = JSON.parse(readFileSync(join(ROOT, 'dist-cli', 'stamp.json'), 'utf8'));
    expect(existsSync(join(ROOT, 'dist-cli', stamp.build, 'cx-trace.mjs'))).toBe(true);
    expect(Object.keys(stamp.inputs)).toEqual(
      expect.arrayContaining(['src/cli/main.ts', 'src/cli/report-command.ts']),
    );
  });

  it(
    'prints and writes the same bytes as the sources through tsx, for every command',
    { timeout: 240_000 },
    async () => {
      let help = '';
      for (const { argv, stdin } of CASES) {
        const [bundle, source] = await Promise.all([
          cxTrace('bundle', argv, stdin),
          cxTrace('source', argv, stdin),
        ]);
        const what = `cx-trace ${argv.join(' ')}`;
        expect(bundle, what).toEqual(source);
        expect(bundle.code, `${what}\n${bundle.stderr}`).toBe(argv[0] === 'bogus' ? 2 : 0);
        if (bundle.code === 0) expect(bundle.stdout, what).not.toBe('');
        if (argv.join(' ') === 'help --json') help = bundle.stdout;
      }
      // A command added to `help` needs its case here.
      const names: string[] = JSON.parse(help).commands.map((c: { name: string }) => c.name);
      const covered = new Set(CASES.map((c) => c.argv[0]));
      expect(names).toContain('report');
      expect(names.filter((name) => !covered.has(name))).toEqual([]);
      const written = filesOf(join(root, 'bundle'));
      const expected = filesOf(join(root, 'source'));
      expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
      expect(written.size).toBe(10); // the demo's 8 files and 2 reports
      for (const [path, bytes] of written) {
        expect(bytes.equals(expected.get(path)!), path).toBe(true);
      }
    },
  );
});
