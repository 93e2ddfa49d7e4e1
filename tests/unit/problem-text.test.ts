import { describe, expect, it } from 'vitest';
import type { DatasetSchema, ModelProblem } from '../../src/core/model/model-types.ts';
import { validateModel } from '../../src/core/model/validate-model.ts';
import { problemTab, problemText } from '../../src/core/model/problem-text.ts';
import { demoModel } from '../../src/core/demo/demo-model.ts';
import { LOCALES } from '../../src/core/i18n/locale.ts';

/** A template broken in every way validation knows, checked against a too-small dataset. */
function brokenProblems(): ModelProblem[] {
  const m = demoModel();
  const [a, b] = m.indicators;
  const broken = {
    ...m,
    indicators: [
      { ...a!, scale: { min: 5, max: 1 }, factor: 'nowhere' },
      { ...b!, id: a!.id, target: 1e9 },
      ...m.indicators.slice(2).map((ind) =>
        ind.binding
          ? {
              ...ind,
              binding: { ...ind.binding, column: 'client_id', aggregate: 'sum' as const },
            }
          : ind,
      ),
    ],
    links: [...m.links, { child: 'tx.churn', parent: 'it.scanner_coverage' }, m.links[0]!],
    datasets: {},
    index: { ...m.index, blocks: m.index.blocks.map((bl) => ({ ...bl, weight: 0 })) },
  };
  const schemas: DatasetSchema[] = [
    ...['clients', 'survey', 'shipments', 'ops', 'staff', 'it'].map((name) => ({
      name,
      columns: [{ name: 'client_id', type: 'string' as const }],
    })),
  ];
  return validateModel(broken, schemas);
}

describe('model problems in words', () => {
  it('every problem reads as a whole sentence in both languages, naming what it is about', () => {
    const problems = brokenProblems();
    const codes = new Set(problems.map((p) => p.code));
    for (const code of [
      'duplicate-id',
      'unknown-reference',
      'cycle',
      'link-down',
      'unknown-column',
      'type-mismatch',
      'missing-key',
      'invalid-value',
    ]) {
      expect(codes).toContain(code);
    }
    for (const locale of LOCALES) {
      for (const p of problems) {
        const text = problemText(locale, p);
        expect(text, JSON.stringify(p)).not.toMatch(/\{\w+\}|undefined|\[object/);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it('names the ids, layers, columns and types it concerns', () => {
    const problems = brokenProblems();
    const down = problems.find((p) => p.code === 'link-down')!;
    expect(problemText('en', down)).toBe(
      'A link cannot run down: “tx.churn” (TX) is above “it.scanner_coverage” (IT). An indicator can only drive one in its own layer or above.',
    );
    expect(problemText('ru', down)).toContain(
      '«tx.churn» (TX) выше, чем «it.scanner_coverage» (IT)',
    );
    const mismatch = problems.find((p) => p.code === 'type-mismatch')!;
    expect(problemText('en', mismatch)).toBe('“client_id” holds text; this needs numbers.');
    expect(problemText('ru', mismatch)).toBe('В «client_id» — текст; здесь нужны числа.');
    const scale = problems.find((p) => p.code === 'invalid-value' && p.path.at(-1) === 'scale')!;
    expect(problemText('en', scale)).toBe(
      'The scale must run from a lower to a higher number (now 5 to 1).',
    );
    expect(
      problemText(
        'en',
        problems.find((p) => p.detail?.sum === 0)!,
      ),
    ).toContain('add up to zero');
  });

  it('sends each problem to the editor tab that shows its element', () => {
    const tabs = new Set(brokenProblems().map((p) => [p.path[0], problemTab(p)].join(':')));
    expect(tabs).toContain('indicators:indicators');
    expect(tabs).toContain('links:links');
    expect(tabs).toContain('index:data');
  });
});
