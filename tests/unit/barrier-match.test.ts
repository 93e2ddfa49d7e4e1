import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import { barrierCounts, barrierHits, barrierThemes } from '../../src/core/text/barrier-match.ts';
import { frequencyAnalysis } from '../../src/core/text/frequency-analysis.ts';
import { termsOf } from '../../src/core/text/tokenize.ts';
import { SLOW } from './slow.ts';

describe('complaints tied to the model’s barriers', () => {
  it(
    'on the demo world, the most frequent detractor complaint theme is the one the truth planted',
    SLOW,
    async () => {
      const world = generateDemoWorld();
      const survey = await loadCsv('survey', world.files.find((f) => f.name === 'survey')!.csv);
      const texts = survey.columns.comment!;
      const scores = survey.columns.nps!;
      const hits = barrierHits(world.model, texts);
      const themes = barrierThemes(world.model, hits, 'en');
      const detractor = Array.from(scores, (s) => typeof s === 'number' && s <= 6);
      const result = frequencyAnalysis({
        terms: Array.from(texts, (t) => (typeof t === 'string' ? termsOf(t) : [])),
        themes,
        scores,
        keep: detractor,
      });
      // The truth's strongest planted driver of NPS, and the factor its rating measures.
      const strongest = world.truth.edges
        .filter((e) => e.parent === 'cx.nps')
        .sort((a, b) => b.band[0] + b.band[1] - (a.band[0] + a.band[1]))[0]!;
      const factor = world.model.indicators.find((i) => i.id === strongest.child)!.factor;
      const planted = world.model.factors.find((f) => f.id === factor)!;
      expect(planted.id).toBe('delivery');
      expect(result.byCount[0]!.key).toBe(planted.name.en);
      // Every complaint of a theme names one of that factor's barriers.
      const counts = barrierCounts(hits);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    },
  );

  it('matches keywords inside words, any case, ё as е; a blank comment names nothing', () => {
    const model = generateDemoWorld({ clients: 20, months: 2 }).model;
    const [late, none, blank] = barrierHits(model, [
      'Поставка ОПАЗДЫВАЕТ второй раз',
      'Всё отлично',
      '',
    ]);
    expect(late!.map((h) => h.factor)).toContain('delivery');
    expect(none).toEqual([]);
    expect(blank).toEqual([]);
    expect(barrierThemes(model, [late!, []], 'ru')[1]).toEqual([]);
  });
});
