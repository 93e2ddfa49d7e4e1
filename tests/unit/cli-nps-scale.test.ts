import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { io } from './cli-io.ts';

/** `n` answers of a 1–`top` survey question `q1`, by region, with a blank now and then. */
function survey(n: number, top: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) => `${i + 1},${(i % top) + 1},${i % 2 ? 'North' : 'South'}`,
  );
  return ['id,q1,region', ...rows, `${n + 1},,North`].join('\n');
}

describe('cx-trace nps on a short scale', () => {
  it('refuses numbers that all lie within 1–5, in one line, and computes them with --scale 0-10', async () => {
    const numbers = Array.from({ length: 40 }, (_, i) => (i % 5) + 1).join(' ');
    const t = io(numbers);
    expect(await main(['nps'], t.host)).toBe(1);
    expect(t.out()).toBe('');
    expect(t.err()).toBe(
      'cx-trace: All 40 scores are between 1 and 5: this looks like a 1–5 scale, and NPS needs 0–10 ratings. ' +
        'Use CSAT (the share of 4–5) or rescale to 0–10; to compute NPS anyway, pass --scale 0-10.\n',
    );
    // JSON asks for figures: it is refused the same way rather than given −100.
    const json = io(numbers);
    expect(await main(['nps', '--json'], json.host)).toBe(1);
    expect(json.out()).toBe('');

    const forced = io(numbers);
    expect(await main(['nps', '--scale', '0-10', '--json'], forced.host)).toBe(0);
    expect(JSON.parse(forced.out())).toMatchObject({ n: 40, nps: -100, detractors: 40 });
  });

  it('refuses a table column of 1–5 answers, with or without --by, in Russian', async () => {
    const files = { 'survey.csv': survey(412, 5) };
    const ru = io('', files, { LANG: 'ru_RU.UTF-8' });
    expect(await main(['nps', 'survey.csv', '--score', 'q1'], ru.host)).toBe(1);
    expect(ru.err()).toBe(
      'cx-trace: В столбце «q1» 412 оценок, и все они от 1 до 5: похоже на шкалу 1–5, а для NPS нужны оценки 0–10. ' +
        'Используйте CSAT (долю оценок 4–5) или переведите оценки в шкалу 0–10; чтобы всё же посчитать NPS, укажите --scale 0-10.\n',
    );
    const by = io('', files);
    expect(await main(['nps', 'survey.csv', '--score', 'q1', '--by', 'region'], by.host)).toBe(1);
    expect(by.err()).toMatch(/^cx-trace: All 412 scores in “q1” are between 1 and 5: /);
    expect(by.out()).toBe('');
  });

  it('computes the column and its groups as 0–10 with --scale 0-10', async () => {
    const t = io('', { 'survey.csv': survey(412, 5) });
    const argv = ['nps', 'survey.csv', '--score', 'q1', '--by', 'region', '--scale', '0-10'];
    expect(await main([...argv, '--json'], t.host)).toBe(0);
    const r = JSON.parse(t.out());
    expect(r).toMatchObject({ n: 412, nps: -100, excluded: 1 });
    expect(r.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ['North', 206],
      ['South', 206],
    ]);
  });

  it('names a 1–7 scale and its top two boxes', async () => {
    const t = io('', { 'survey.csv': survey(70, 7) });
    expect(await main(['nps', 'survey.csv', '--score', 'q1'], t.host)).toBe(1);
    expect(t.err()).toMatch(/between 1 and 7: this looks like a 1–7 scale.*the share of 6–7/);
  });

  it('computes a real 0–10 column as before: few low scores, or a 0 or 8–10 among them', async () => {
    const few = io('', { 'survey.csv': survey(29, 5) });
    expect(await main(['nps', 'survey.csv', '--score', 'q1', '--json'], few.host)).toBe(0);
    expect(JSON.parse(few.out())).toMatchObject({ n: 29, nps: -100 });
    const withTen = io(`${Array.from({ length: 60 }, (_, i) => (i % 5) + 1).join(' ')} 10`);
    expect(await main(['nps'], withTen.host)).toBe(0);
    expect(withTen.out()).toMatch(/^NPS -?\d+\.\d/);
  });

  it('rejects a --scale it does not know as a usage error', async () => {
    const t = io('1 2 3');
    expect(await main(['nps', '--scale', '1-5'], t.host)).toBe(2);
    expect(t.err()).toMatch(/^cx-trace: --scale takes 0-10 .* not “1-5”\n$/);
  });
});
