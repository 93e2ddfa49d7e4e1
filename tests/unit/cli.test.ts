import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.ts';
import { io } from './cli-io.ts';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { realFile } from '../fixtures/real/real-files.ts';
import { SLOW } from './slow.ts';

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

  // North: 10, 9, 6 and a blank; South: 8, 3, and "x" and 11 that are not scores; one blank region.
  const SURVEY =
    'region,score,date\nNorth,10,2026-01-05\nNorth,9,2026-01-06\nNorth,6,2026-02-01\nSouth,8,2026-02-02\n' +
    'South,3,2026-03-01\n,10,2026-03-02\nNorth,,2026-03-03\nSouth,x,2026-03-04\nSouth,11,2026-03-05\n';

  it('computes NPS of a table column by group as JSON, matching a hand computation', async () => {
    const t = io('', { 'survey.csv': SURVEY });
    expect(
      await main(['nps', 'survey.csv', '--score', 'score', '--by', 'region', '--json'], t.host),
    ).toBe(0);
    const r = JSON.parse(t.out());
    // Overall: promoters 10, 9, 10; passive 8; detractors 6, 3 → n 6, NPS (3 − 2)/6.
    expect(r).toMatchObject({ n: 6, excluded: 3 });
    expect(r.nps).toBeCloseTo(100 / 6, 9);
    expect(r.promoters).toBe(0.5);
    expect(r.passives).toBe(1 / 6);
    expect(r.detractors).toBe(1 / 3);
    // Adjusted Wald: n' = 9, p' = 3.75/9, d' = 2.75/9.
    const wald = (p: number, d: number, n: number) => {
      const [pa, da] = [(p + 0.75) / (n + 3), (d + 0.75) / (n + 3)];
      const se = Math.sqrt((pa + da - (pa - da) ** 2) / (n + 3));
      return [(pa - da - 1.959964 * se) * 100, (pa - da + 1.959964 * se) * 100];
    };
    expect(r.ci[0]).toBeCloseTo(wald(3, 2, 6)[0]!, 9);
    expect(r.ci[1]).toBeCloseTo(wald(3, 2, 6)[1]!, 9);
    expect(r.groups).toHaveLength(2);
    const [north, south] = r.groups;
    expect(north).toMatchObject({ key: 'North', n: 3, unreliable: true });
    expect(north.nps).toBeCloseTo(100 / 3, 9);
    expect(north.ci[0]).toBeCloseTo(wald(2, 1, 3)[0]!, 9);
    expect(north.ci[1]).toBeCloseTo(wald(2, 1, 3)[1]!, 9);
    expect(south).toMatchObject({ key: 'South', n: 2, nps: -50, unreliable: true });
    expect(south.ci[0]).toBeCloseTo(wald(0, 1, 2)[0]!, 9);
    // Without --by: no groups; plain scores on standard input still work as before.
    const plain = io('', { 'survey.csv': SURVEY });
    expect(await main(['nps', 'survey.csv', '--score', 'score', '--json'], plain.host)).toBe(0);
    expect(JSON.parse(plain.out())).toMatchObject({ n: 6, excluded: 3, groups: [] });
  });

  it("prints NPS by group in the user's language, small groups flagged", async () => {
    const en = io('', { 'survey.csv': SURVEY });
    expect(await main(['nps', 'survey.csv', '--score', 'score', '--by', 'region'], en.host)).toBe(
      0,
    );
    expect(en.out()).toMatch(/^NPS \+16\.7 .*6 responses/);
    expect(en.out()).toMatch(/2 values outside 0–10 skipped/);
    expect(en.out()).toMatch(
      /By region:\n {2}North: NPS \+33\.3 .*3 responses — unreliable: fewer than 30/,
    );
    expect(en.out()).toMatch(/South: NPS -50\.0 .*2 responses — unreliable/);
    expect(en.out()).toMatch(/1 row with a blank group is in no group/);
    const ru = io('', { 'survey.csv': SURVEY }, { LANG: 'ru_RU.UTF-8' });
    expect(await main(['nps', 'survey.csv', '--score', 'score', '--by', 'region'], ru.host)).toBe(
      0,
    );
    expect(ru.out()).toMatch(/^NPS \+16,7 .*6 ответов/);
    expect(ru.out()).toMatch(/По столбцу «region»:\n {2}North: NPS \+33,3 .*3 ответа — ненадёжно/);
    expect(ru.out()).toMatch(/1 строка с пустой группой не вошла ни в одну группу/);
  });

  it("refuses an unknown column in one line naming the file's columns, and bad usage with 2", async () => {
    const t = io('', { 'survey.csv': SURVEY });
    expect(await main(['nps', 'survey.csv', '--score', 'rating'], t.host)).toBe(1);
    expect(t.err()).toMatch(
      /^cx-trace: no column “rating” in survey\.csv; its columns: region, score, date\n$/,
    );
    const by = io('', { 'survey.csv': SURVEY });
    expect(await main(['nps', 'survey.csv', '--score', 'score', '--by', 'area'], by.host)).toBe(1);
    expect(by.err()).toMatch(/“area”/);
    const noScore = io('', { 'survey.csv': SURVEY });
    expect(await main(['nps', 'survey.csv', '--by', 'region'], noScore.host)).toBe(2);
    const noFile = io();
    expect(await main(['nps', '--score', 'score'], noFile.host)).toBe(2);
    expect(noFile.err().trim().split('\n')).toHaveLength(1);
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

  it('writes the demo world into a folder: six CSV files, model.json and truth.json', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cx-trace-demo-'));
    try {
      const dir = join(root, 'nested', 'demo');
      const t = io();
      expect(await main(['demo', '--out', dir, '--clients', '150', '--json'], t.host)).toBe(0);
      const report = JSON.parse(t.out());
      expect(report.options).toEqual({
        seed: 20260501,
        clients: 150,
        months: 24,
        scale: 1,
        lang: 'mixed',
      });
      expect(readdirSync(dir).sort()).toEqual(
        [
          'clients.csv',
          'it.csv',
          'model.json',
          'ops.csv',
          'shipments.csv',
          'staff.csv',
          'survey.csv',
          'truth.json',
        ].sort(),
      );
      const world = generateDemoWorld({ clients: 150 });
      for (const f of world.files) {
        const text = readFileSync(join(dir, f.fileName), 'utf8');
        expect(text, f.fileName).toBe(f.csv);
        const entry = report.files.find((w: { file: string }) => w.file === f.fileName);
        expect(entry).toEqual({ file: f.fileName, rows: f.rows, bytes: Buffer.byteLength(text) });
      }
      const truth = readFileSync(join(dir, 'truth.json'), 'utf8');
      expect(truth).toBe(JSON.stringify(world.truth, null, 2) + '\n');
      expect(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'))).toEqual(world.model);

      const plain = io();
      expect(await main(['demo', '--out', dir, '--clients', '150'], plain.host)).toBe(0);
      expect(plain.out()).toMatch(/^Wrote to .*150 clients, 24 months/);
      expect(plain.out().match(/\.(csv|json)\b/g)).toHaveLength(8);
      expect(plain.out()).toMatch(/clients\.csv +150 rows +\d/);
      expect(plain.out()).toMatch(/truth\.json +\d/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes the same demo bytes for the same seed, other bytes for another', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cx-trace-demo-'));
    try {
      const run = async (name: string, seed: string) => {
        const t = io();
        const argv = ['demo', '--out', join(root, name), '--clients', '120', '--seed', seed];
        expect(await main([...argv, '--lang', 'ru'], t.host)).toBe(0);
        expect(t.out()).toMatch(/^Записано в .*клиентов: 120/);
        return Object.fromEntries(
          readdirSync(join(root, name)).map((f) => [f, readFileSync(join(root, name, f))]),
        );
      };
      const a = await run('a', '42');
      const b = await run('b', '42');
      const c = await run('c', '43');
      expect(Object.keys(a)).toHaveLength(8);
      for (const f of Object.keys(a)) {
        expect(Buffer.compare(a[f]!, b[f]!), f).toBe(0);
        if (f !== 'model.json') expect(Buffer.compare(a[f]!, c[f]!), f).not.toBe(0);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses bad demo options and failed writes in one line', async () => {
    for (const argv of [
      ['demo'],
      ['demo', '--out', 'x', '--clients', '0'],
      ['demo', '--out', 'x', '--seed', 'abc'],
      ['demo', '--out', 'x', '--scale', '-2'],
      ['demo', '--out', 'x', '--lang', 'de'],
    ]) {
      const t = io();
      expect(await main(argv, t.host), argv.join(' ')).toBe(2);
      expect(t.err()).toMatch(/^cx-trace: [^\n]+\n$/);
    }
    const ru = io('', {}, { LANG: 'ru_RU.UTF-8' });
    await main(['demo', '--out', 'x', '--months', '999'], ru.host);
    expect(ru.err()).toMatch(/^cx-trace: --months: нужно целое число от 1 до 240/);
    const failing = io();
    failing.host.makeDir = async () => {};
    failing.host.writeFile = async (path) => {
      throw new Error(`EACCES: permission denied, open '${path}'`);
    };
    expect(await main(['demo', '--out', 'out', '--clients', '20'], failing.host)).toBe(1);
    expect(failing.err()).toMatch(/^cx-trace: cannot write out\/clients\.csv: EACCES[^\n]*\n$/);
  });

  /** `io()` reading real files: the fixtures of the comment commands are written to a temp dir. */
  function diskIo(env: Record<string, string> = {}) {
    const t = io('', {}, env);
    t.host.readBytes = async (p) => new Uint8Array(readFileSync(p));
    return t;
  }

  // Comments with words: rows 1–5 (row 6 is blank, row 7 only a number); row 5 has no region.
  // delivery, late: rows 1, 2, 5; "delivery late": 1, 5; invoice, wrong, "invoice wrong": 3, 4.
  const COMMENTS =
    'region,comment\nNorth,"Delivery was late, the courier was rude"\nNorth,Late delivery again\n' +
    'South,The invoice was wrong\nSouth,"Wrong invoice, wrong prices"\n,delivery late\nNorth,\nSouth,12345\n';

  it('counts the terms comments mention, overall and by group, matching a hand count', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cx-trace-freq-'));
    try {
      const file = join(root, 'comments.csv');
      writeFileSync(file, COMMENTS);
      const t = diskIo();
      const argv = ['frequency', file, '--text', 'comment', '--by', 'region', '--json'];
      expect(await main(argv, t.host)).toBe(0);
      expect(JSON.parse(t.out())).toEqual({
        terms: [
          { term: 'delivery', count: 3, share: 0.6 },
          { term: 'late', count: 3, share: 0.6 },
          { term: 'delivery late', count: 2, share: 0.4 },
          { term: 'invoice', count: 2, share: 0.4 },
          { term: 'invoice wrong', count: 2, share: 0.4 },
          { term: 'wrong', count: 2, share: 0.4 },
        ],
        groups: [
          {
            key: 'North',
            n: 2,
            terms: [
              { term: 'delivery', count: 2, share: 1 },
              { term: 'late', count: 2, share: 1 },
            ],
          },
          {
            key: 'South',
            n: 2,
            terms: [
              { term: 'invoice', count: 2, share: 1 },
              { term: 'invoice wrong', count: 2, share: 1 },
              { term: 'wrong', count: 2, share: 1 },
            ],
          },
        ],
      });
      const top = diskIo();
      expect(
        await main(['frequency', file, '--text', 'comment', '--top', '2', '--json'], top.host),
      ).toBe(0);
      expect(JSON.parse(top.out())).toEqual({
        terms: [
          { term: 'delivery', count: 3, share: 0.6 },
          { term: 'late', count: 3, share: 0.6 },
        ],
        groups: [],
      });
      const plain = diskIo();
      expect(
        await main(['frequency', file, '--text', 'comment', '--by', 'region'], plain.host),
      ).toBe(0);
      expect(plain.out()).toMatch(
        /^Most mentioned in “comment” of .*comments\.csv \(5 comments with words\):\n/,
      );
      expect(plain.out()).toMatch(
        /\n {2}term {11}comments {2}share\n {2}delivery {14}3 {2}60\.0%\n/,
      );
      expect(plain.out()).toMatch(/\n {2}South \(2 comments with words\):\n/);
      expect(plain.out()).toMatch(/1 comment with a blank group is in no group\n$/);
      const ru = diskIo({ LANG: 'ru_RU.UTF-8' });
      expect(await main(['frequency', file, '--text', 'comment'], ru.host)).toBe(0);
      expect(ru.out()).toMatch(/со словами: 5 комментариев/);
      expect(ru.out()).toMatch(/delivery +3 +60,0\s%/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a frequency of an unknown column or a bad --top in one line, printing nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cx-trace-freq-'));
    try {
      const file = join(root, 'comments.csv');
      writeFileSync(file, COMMENTS);
      const unknown = diskIo();
      expect(await main(['frequency', file, '--text', 'remark', '--json'], unknown.host)).toBe(1);
      expect(unknown.err()).toBe(
        `cx-trace: no column “remark” in ${file}; its columns: region, comment\n`,
      );
      expect(unknown.out()).toBe('');
      for (const [argv, code, message] of [
        [['--text', 'comment', '--top', '0'], 2, /--top must be a whole number from 1, not “0”/],
        [['--text', 'comment', '--by', 'area'], 1, /no column “area”/],
        [[], 2, /--text COL/],
      ] as const) {
        const t = diskIo();
        expect(await main(['frequency', file, ...argv, '--json'], t.host), argv.join(' ')).toBe(
          code,
        );
        expect(t.err()).toMatch(/^cx-trace: [^\n]+\n$/);
        expect(t.err()).toMatch(message);
        expect(t.out()).toBe('');
      }
      // A column with no words (numbers, blanks) is named with its file.
      const numbers = join(root, 'numbers.csv');
      writeFileSync(numbers, 'id,comment\n1,12\n2,\n3,4.5\n');
      const none = diskIo();
      expect(await main(['frequency', numbers, '--text', 'comment', '--json'], none.host)).toBe(1);
      expect(none.err()).toBe(
        `cx-trace: no comment in column “comment” of ${numbers} has words to count\n`,
      );
      expect(none.out()).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  /** Three clearly separate themes, eight comments each, interleaved; a blank and a Russian one. */
  function themeComments(): { csv: string; theme: (string | null)[] } {
    const themes = {
      delivery: [
        'delivery was late',
        'the courier arrived late with the delivery',
        'late delivery again, courier lost',
        'courier delivery delayed and late',
        'delivery late, courier never called',
        'the delivery came two days late',
        'courier late, delivery slow',
        'slow courier, late delivery',
      ],
      invoice: [
        'invoice had wrong prices',
        'wrong invoice prices again',
        'the invoice prices are wrong',
        'invoice errors, wrong prices charged',
        'prices on the invoice were wrong',
        'wrong prices in every invoice',
        'invoice wrong, prices doubled',
        'billing invoice with wrong prices',
      ],
      manager: [
        'manager rude and never answers',
        'the manager does not answer the phone',
        'rude manager, phone unanswered',
        'manager never answers my phone calls',
        'account manager was rude on the phone',
        'phone the manager, no answer, rude',
        'rude account manager on phone',
        'manager answers phone rarely, rude',
      ],
    };
    const rows: { theme: string | null; text: string }[] = [];
    for (let i = 0; i < 8; i++) {
      for (const [theme, texts] of Object.entries(themes)) rows.push({ theme, text: texts[i]! });
    }
    rows.splice(4, 0, { theme: null, text: '' });
    rows.push({ theme: null, text: 'Доставка опоздала, курьер не позвонил' });
    return {
      csv: 'id,comment\n' + rows.map((r, i) => `${i + 1},"${r.text}"`).join('\n') + '\n',
      theme: rows.map((r) => r.theme),
    };
  }

  it('clusters comments of clearly separate themes, one assignment per row, the same for a seed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cx-trace-clusters-'));
    try {
      const file = join(root, 'comments.csv');
      const { csv, theme } = themeComments();
      writeFileSync(file, csv);
      const run = async (...extra: string[]) => {
        const t = diskIo();
        expect(await main(['clusters', file, '--text', 'comment', ...extra], t.host)).toBe(0);
        return t.out();
      };
      const out = await run('--json', '--seed', '7');
      const r = JSON.parse(out);
      expect(r.k).toBe(3);
      expect(typeof r.silhouette).toBe('number');
      expect(r.assignments).toHaveLength(theme.length);
      expect(r.assignments[4]).toBe(-1);
      // Each theme is one cluster of its own.
      const clusterOf = new Map<string, Set<number>>();
      theme.forEach((th, i) => {
        if (th) clusterOf.set(th, (clusterOf.get(th) ?? new Set()).add(r.assignments[i]));
      });
      expect([...clusterOf.values()].map((s) => s.size)).toEqual([1, 1, 1]);
      expect(new Set([...clusterOf.values()].map((s) => [...s][0])).size).toBe(3);
      expect(r.clusters.map((c: { size: number }) => c.size)).toEqual([8, 8, 8]);
      for (const c of r.clusters) {
        expect(c.terms.every((x: unknown) => typeof x === 'string')).toBe(true);
        expect(c.examples.length).toBeGreaterThan(0);
        for (const e of c.examples) expect(csv).toContain(`"${e}"`);
      }
      const invoices = r.clusters.find((c: { terms: string[] }) => c.terms.includes('invoice'));
      expect(
        invoices.examples.every((e: string) => /invoice|wrong|prices|billing|charged/.test(e)),
      ).toBe(true);
      // The same seed gives the same output, byte for byte; a given k is kept.
      expect(await run('--json', '--seed', '7')).toBe(out);
      const two = JSON.parse(await run('--json', '--k', '2', '--seed', '7'));
      expect(two.k).toBe(2);
      expect(two.clusters).toHaveLength(2);
      // --lang en leaves the Russian comment out; --lang ru keeps only it.
      const en = JSON.parse(await run('--json', '--lang', 'en'));
      expect(en.assignments.at(-1)).toBe(-1);
      expect(en.assignments.filter((a: number) => a >= 0)).toHaveLength(24);
      // Here --lang names the comments' language, not the messages': they stay in English (the
      // one Russian comment has no word found twice, so there is nothing to cluster).
      const ru = diskIo();
      expect(await main(['clusters', file, '--text', 'comment', '--lang', 'ru'], ru.host)).toBe(1);
      expect(ru.err()).toMatch(/^cx-trace: no comment in column “comment” of .* has words/);
      const plain = await run('--seed', '7');
      expect(plain).toMatch(/^3 clusters of 24 comments in “comment” of .*, silhouette \d/);
      expect(plain).toMatch(/\n#\d, 8 comments: /);
      expect(plain).toMatch(/2 rows without usable words are in no cluster\n$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses clusters with a bad --k, --lang or column in one line, printing nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cx-trace-clusters-'));
    try {
      const file = join(root, 'comments.csv');
      writeFileSync(file, themeComments().csv);
      for (const [argv, code, message] of [
        [['--k', '0'], 2, /^cx-trace: --k must be a whole number from 1 to 50 or auto, not “0”\n$/],
        [['--k', 'many'], 2, /--k must be a whole number from 1 to 50 or auto, not “many”/],
        [['--k', '5000'], 2, /--k must be a whole number from 1 to 50 or auto, not “5000”/],
        [['--lang', 'de'], 2, /--lang must be ru, en or auto for clusters, not “de”/],
        [['--seed', 'x'], 2, /--seed must be a whole number/],
      ] as const) {
        const t = diskIo();
        const args = ['clusters', file, '--text', 'comment', ...argv, '--json'];
        expect(await main(args, t.host), argv.join(' ')).toBe(code);
        expect(t.err()).toMatch(message);
        expect(t.out()).toBe('');
      }
      const unknown = diskIo();
      expect(await main(['clusters', file, '--text', 'text', '--json'], unknown.host)).toBe(1);
      expect(unknown.err()).toBe(
        `cx-trace: no column “text” in ${file}; its columns: id, comment\n`,
      );
      expect(unknown.out()).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('runs as the package bin with no build step to run first', SLOW, async () => {
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
  });
});

describe('cx-trace drivers', () => {
  const TELCO = realFile('telco_customer_churn.csv');
  function diskIo(env: Record<string, string> = {}) {
    const t = io('', {}, env);
    t.host.readBytes = async (p) => new Uint8Array(readFileSync(p));
    return t;
  }

  it(
    'ranks the drivers of churn as JSON, grouped by column, reproducible with a seed',
    SLOW,
    async () => {
      const run = async (...extra: string[]) => {
        const t = diskIo();
        expect(await main(['drivers', TELCO, '--target', 'Churn', ...extra], t.host)).toBe(0);
        return t.out();
      };
      const out = await run('--low', 'Yes', '--json', '--seed', '3');
      const r = JSON.parse(out);
      expect(r.rows).toBe(7043);
      expect(r.positives).toBe(1869);
      expect(r.holdoutAuc).toBeGreaterThan(0.8);
      expect(r.baselineAuc).toBeGreaterThan(0.8);
      expect(r.additivityMaxError).toBeLessThan(1e-9);
      const names = r.drivers.map((d: { feature: string }) => d.feature);
      // Every column but the target and the id, each once under its own name.
      expect([...names].sort()).toEqual(
        [
          'gender',
          'SeniorCitizen',
          'Partner',
          'Dependents',
          'tenure',
          'PhoneService',
          'MultipleLines',
          'InternetService',
          'OnlineSecurity',
          'OnlineBackup',
          'DeviceProtection',
          'TechSupport',
          'StreamingTV',
          'StreamingMovies',
          'Contract',
          'PaperlessBilling',
          'PaymentMethod',
          'MonthlyCharges',
          'TotalCharges',
        ].sort(),
      );
      const shap = r.drivers.map((d: { meanAbsShap: number }) => d.meanAbsShap);
      expect(shap).toEqual([...shap].sort((a: number, b: number) => b - a));
      for (const d of r.drivers) expect(['up', 'down', 'mixed']).toContain(d.direction);
      expect(await run('--low', 'Yes', '--json', '--seed', '3')).toBe(out);
      // --features limits the model to the columns named.
      const two = JSON.parse(await run('--low', 'yes', '--features', 'tenure,Contract', '--json'));
      expect(two.drivers.map((d: { feature: string }) => d.feature).sort()).toEqual([
        'Contract',
        'tenure',
      ]);
      const plain = await run('--below', '1', '--features', 'tenure', '--target', 'SeniorCitizen');
      expect(plain).toMatch(/^What drives SeniorCitizen < 1 in .*: 7,043 rows, 5,901 of them low/);
    },
  );

  it('refuses a target it cannot read in one line, in the user’s language', SLOW, async () => {
    for (const [argv, code, message] of [
      [['--target', 'Churn'], 1, /Column “Churn” is not an NPS score/],
      [['--target', 'Churn', '--low', 'Maybe'], 1, /No row of “Churn” holds “Maybe”/],
      [
        ['--target', 'Churn', '--low', 'Yes', '--below', '3'],
        2,
        /give --low VALUE or --below NUMBER, not both/,
      ],
      [['--target', 'Churn', '--below', 'x'], 2, /--below must be a number, not “x”/],
      [['--target', 'Nope'], 1, /There is no column “Nope”/],
      [
        ['--target', 'Churn', '--low', 'Yes', '--features', 'tenure,Colour'],
        1,
        /no column “Colour”/,
      ],
      [[], 2, /name the column to explain: cx-trace drivers .* --target COL/],
    ] as const) {
      const t = diskIo();
      expect(await main(['drivers', TELCO, ...argv, '--json'], t.host), argv.join(' ')).toBe(code);
      expect(t.err()).toMatch(message);
      expect(t.out()).toBe('');
    }
    const ru = diskIo({ LANG: 'ru_RU.UTF-8' });
    expect(await main(['drivers', TELCO, '--target', 'Churn'], ru.host)).toBe(1);
    expect(ru.err()).toMatch(/Столбец «Churn» — не оценка NPS/);
  });
});

describe('cx-trace trace', () => {
  /** The demo written by `cx-trace demo`, read back from disk as a user's folder would be. */
  async function demoDir(): Promise<{
    root: string;
    dir: string;
    io: (env?: Record<string, string>) => ReturnType<typeof io>;
  }> {
    const root = mkdtempSync(join(tmpdir(), 'cx-trace-trace-'));
    const dir = join(root, 'demo');
    expect(await main(['demo', '--out', dir], io().host)).toBe(0);
    const disk = (env: Record<string, string> = {}) => {
      const t = io('', {}, env);
      t.host.readBytes = async (p) => new Uint8Array(readFileSync(p));
      t.host.readFile = async (p) => readFileSync(p, 'utf8');
      t.host.listDir = async (p) => readdirSync(p);
      return t;
    };
    return { root, dir, io: disk };
  }

  it(
    'names WMS scanner coverage at WH-2 and WH-5 on the demo, as JSON and in words',
    SLOW,
    async () => {
      const { root, dir, io: disk } = await demoDir();
      try {
        const model = join(dir, 'model.json');
        const t = disk();
        const whatIf = ['--what-if', 'it.scanner_coverage=median', '--at', 'warehouse=WH-2,WH-5'];
        expect(
          await main(['trace', '--model', model, '--data', dir, '--json', ...whatIf], t.host),
        ).toBe(0);
        const r = JSON.parse(t.out());
        expect(Object.keys(r)).toEqual(
          expect.arrayContaining([
            'verdict',
            'summary',
            'settings',
            'population',
            'gap',
            'causes',
            'unexplained',
            'links',
            'whatIf',
            'seconds',
          ]),
        );
        expect(r.verdict).toBe('cause');
        expect(r.settings).toEqual({ q: 0.05, materiality: 0.02, bootstrap: 200, seed: 1 });
        expect(r.population.answers).toBeGreaterThan(1000);
        expect(r.population.periods.length).toBe(8);
        expect(r.gap).toMatchObject({ indicator: 'cx.nps', population: -100 });
        const first = r.causes.find((c: { layer: string }) => ['OX', 'EX', 'IT'].includes(c.layer));
        expect(first).toMatchObject({
          indicator: 'it.scanner_coverage',
          layer: 'IT',
          supported: true,
        });
        expect(
          first.units
            .slice(0, 2)
            .map((u: { unit: string }) => u.unit)
            .sort(),
        ).toEqual(['WH-2', 'WH-5']);
        expect(first.units[0]).toEqual({
          unitKind: 'warehouse',
          unit: expect.any(String),
          value: expect.any(Number),
          others: expect.any(Number),
          share: expect.any(Number),
        });
        expect(first.path[0]).toBe('cx.nps');
        expect(first.share).toBeCloseTo(first.contribution / r.gap.value, 12);
        expect(first.persistentShare).toBeCloseTo(first.persistent / r.gap.value, 12);
        expect(first.persistentShare).toBeGreaterThanOrEqual(r.settings.materiality);
        // Sorted by contribution, largest first.
        const contribution = r.causes.map((c: { contribution: number }) => c.contribution);
        expect(contribution).toEqual([...contribution].sort((a: number, b: number) => b - a));
        expect(r.links[0]).toEqual({
          child: expect.any(String),
          parent: expect.any(String),
          effect: expect.any(Number),
          standardised: expect.any(Number),
          ci: [expect.any(Number), expect.any(Number)],
          rows: expect.any(Number),
          units: expect.any(Number),
          supported: expect.any(Boolean),
          signMatches: expect.any(Boolean),
        });
        expect(r.whatIf.indicator).toBe('it.scanner_coverage');
        expect(r.whatIf.at).toEqual({ unitKind: 'warehouse', units: ['WH-2', 'WH-5'] });
        expect(
          r.whatIf.effects.find((e: { indicator: string }) => e.indicator === 'cx.nps').change,
        ).toBeGreaterThan(0);
        expect(r.summary).toMatch(
          /The main supported cause: WMS scanner coverage at WH-[25] and WH-[25]/,
        );

        const ru = disk();
        expect(
          await main(['trace', '--model', model, '--data', dir, '--lang', 'ru'], ru.host),
        ).toBe(0);
        expect(ru.out()).toMatch(
          /^Критики: NPS -100,0 против .*Главная подтверждённая причина — Покрытие сканерами WMS \(WH-[25] и WH-[25]: [\d,]+ % и [\d,]+ % против [\d,]+ % у остальных\)/,
        );
        expect(ru.out()).toMatch(/✔ IT Покрытие сканерами WMS/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );

  it('refuses what it cannot trace in one line, in the user’s language', SLOW, async () => {
    const { root, dir, io: disk } = await demoDir();
    try {
      const model = join(dir, 'model.json');
      const cases: [string[], number, RegExp][] = [
        [['trace'], 2, /name the model and the data folder/],
        [['--from', 'cx.nope'], 1, /the model has no indicator “cx.nope”/],
        [['--population', 'region=Atlantis'], 1, /nobody is in this population/],
        [
          ['--population', 'a<b'],
          2,
          /--population must be detractors, COLUMN=VALUE or COLUMN<=NUMBER/,
        ],
        [['--what-if', 'it.scanner_coverage=lots'], 2, /--what-if must be/],
        [
          ['--what-if', 'it.scanner_coverage=median', '--at', 'warehouse=WH-9'],
          1,
          /the what-if cannot be computed/,
        ],
        [['--population', 'nps2<=6'], 1, /the data has no column “nps2”/],
      ];
      for (const [extra, code, message] of cases) {
        const t = disk();
        const argv =
          extra[0] === 'trace' ? extra : ['trace', '--model', model, '--data', dir, ...extra];
        expect(await main(argv, t.host), extra.join(' ')).toBe(code);
        expect(t.err()).toMatch(/^cx-trace: [^\n]+\n$/);
        expect(t.err()).toMatch(message);
        expect(t.out()).toBe('');
      }
      // A dataset file missing from the folder is named.
      rmSync(join(dir, 'ops.csv'));
      const gone = disk({ LANG: 'ru_RU.UTF-8' });
      expect(await main(['trace', '--model', model, '--data', dir], gone.host)).toBe(1);
      expect(gone.err()).toMatch(/^cx-trace: в .* нет файла для набора «ops»/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it(
    'writes each audience its script-free report of the demo: causes and drivers, the 2026-03 detractors, no client for executives',
    SLOW,
    async () => {
      const { root, dir, io: disk } = await demoDir();
      try {
        const model = join(dir, 'model.json');
        const html: Record<string, string> = {};
        for (const audience of ['managers', 'frontline', 'executives']) {
          const out = join(root, `${audience}.html`);
          const t = disk();
          const argv = ['report', '--model', model, '--data', dir, '--out', out];
          expect(await main([...argv, '--audience', audience, '--json'], t.host)).toBe(0);
          expect(JSON.parse(t.out())).toMatchObject({ out, audience, missing: [] });
          html[audience] = readFileSync(out, 'utf8');
        }
        for (const [audience, text] of Object.entries(html)) {
          expect(text, audience).not.toMatch(/<script/i);
          for (const tag of text.matchAll(/<[a-zA-Z][\w:-]*([^>]*)>/g)) {
            for (const a of tag[1]!.matchAll(/([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
              expect(a[1], audience).not.toMatch(/^on/i);
              expect(a[2] ?? '', audience).not.toMatch(/https?:|javascript:/i);
            }
          }
        }
        expect(html.managers).toMatch(
          /The main supported cause: WMS scanner coverage at WH-[25] and WH-[25]/,
        );
        expect(html.managers).toMatch(/<figure aria-label="The gap step by step, chart"><svg /);
        // The standard analyses a managers' report adds: the drivers the demo's detractors have
        // (its delivery rating first) and the complaint themes by the model's barriers.
        expect(html.managers).toMatch(
          /What makes “nps” low most: Delivery rating \(CX\) \(\d+\.\d%\)/,
        );
        expect(html.managers).toMatch(
          /<tr><td>Delivery discipline<\/td><td class="num">[\d,]+<\/td><td class="num">[\d.]+%/,
        );
        // The front line: exactly the detractors of the last month with answers.
        const survey = await loadCsv('survey', readFileSync(join(dir, 'survey.csv'), 'utf8'));
        const wanted = new Set<string>();
        for (let r = 0; r < survey.columns.nps!.length; r++) {
          const score = survey.columns.nps![r];
          const month = new Date(survey.columns.date![r] as number).toISOString().slice(0, 7);
          if (typeof score === 'number' && score <= 6 && month === '2026-03') {
            wanted.add(String(survey.columns.client_id![r]));
          }
        }
        const listed = [...html.frontline!.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]);
        expect(new Set(listed)).toEqual(wanted);
        expect(listed).toHaveLength(wanted.size);
        // Executives: the figures, and no client.
        expect(html.executives).toContain('Satisfaction index');
        expect(html.executives).toMatch(/<td>Churn<\/td><td class="num">[\d.]+%<\/td>/);
        expect(html.executives).toMatch(/NPS [+-][\d.]+ \(95% interval/);
        for (const id of [...wanted].slice(0, 50)) expect(html.executives).not.toContain(id);
        expect(html.managers).not.toMatch(/<tr><td>C\d+<\/td>/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
