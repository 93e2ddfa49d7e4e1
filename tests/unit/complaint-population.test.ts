import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv } from '../../src/core/index/loaded-dataset.ts';
import type { ServiceModel } from '../../src/core/model/model-types.ts';
import { barrierCounts, barrierHits, barrierThemes } from '../../src/core/text/barrier-match.ts';
import {
  NPS_SCALE,
  countComments,
  populationMask,
  restorePopulation,
  scoreScaleOf,
  scoreSide,
} from '../../src/core/text/complaint-population.ts';
import { frequencyAnalysis } from '../../src/core/text/frequency-analysis.ts';
import { populationText, praiseCaption } from '../../src/core/text/population-text.ts';
import { isPraiseTerm } from '../../src/core/text/praise-words.ts';
import { termsOf, termsOfEach, tokenize } from '../../src/core/text/tokenize.ts';
import {
  createFrequencyCellData,
  frequencyCellQuery,
  restoreFrequencyCellData,
} from '../../src/core/notebook/cell-data/frequency-cell.ts';
import { SLOW } from './slow.ts';

/** The demo model cut to two factors with one barrier each: delivery and price. */
function twoBarrierModel(): ServiceModel {
  const base = generateDemoWorld({ clients: 20, months: 2 }).model;
  const L = (en: string, ru: string) => ({ en, ru });
  return {
    ...base,
    factors: [
      { ...base.factors[0]!, id: 'delivery', name: L('Delivery', 'Доставка') },
      { ...base.factors[0]!, id: 'price', name: L('Price', 'Цена') },
    ],
    journey: {
      ...base.journey,
      touchpoints: [
        {
          ...base.journey.touchpoints[0]!,
          id: 'tp.d',
          barriers: [
            {
              id: 'br.late',
              name: L('Late delivery', 'Опоздание'),
              factor: 'delivery',
              keywords: ['опозд', 'late', 'задерж'],
            },
          ],
        },
        {
          ...base.journey.touchpoints[0]!,
          id: 'tp.p',
          barriers: [
            {
              id: 'br.price',
              name: L('High prices', 'Высокие цены'),
              factor: 'price',
              keywords: ['цен', 'дорог', 'expensive'],
            },
          ],
        },
      ],
    },
  };
}

/** A small survey: every kind of comment (one theme, two, none, only stop words, blank) × every score. */
function smallSurvey() {
  const kinds = [
    'Доставка опять опоздала',
    'Цены выше рынка, дорого',
    'Опоздали с доставкой, и цены выросли',
    '',
    'Всё как всегда',
    'Отличный поставщик, всё хорошо',
    'Late delivery, too expensive',
    '   ',
  ];
  const texts: (string | null)[] = [];
  const scores: (number | null)[] = [];
  for (let i = 0; i < 231; i++) {
    texts.push(kinds[i % kinds.length]!);
    // Every score 0–10, and now and then none.
    scores.push(i % 13 === 5 ? null : i % 11);
  }
  return { texts, scores };
}

/** Spaces as typed: Russian numbers group thousands with a no-break space. */
const plain = (s: string) => s.replace(/\s/gu, ' ');

describe('which comments are complaints', () => {
  it('NPS 0–8 and CSAT 1–3 of 5 complain, the top two answers praise, no score is neither', () => {
    expect([0, 6, 8, 9, 10].map((s) => scoreSide(s, NPS_SCALE))).toEqual([
      'complaint',
      'complaint',
      'complaint',
      'praise',
      'praise',
    ]);
    const csat = scoreScaleOf('csat', [1, 2, 5, 4, null]);
    expect(csat).toEqual({ kind: 'csat', min: 1, max: 5 });
    expect([1, 3, 4, 5, 0, null].map((s) => scoreSide(s, csat))).toEqual([
      'complaint',
      'complaint',
      'praise',
      'praise',
      null,
      null,
    ]);
    expect(scoreScaleOf('nps', [1, 2, 3])).toBe(NPS_SCALE);
    expect(scoreScaleOf(undefined, [0, 7, 10])).toBe(NPS_SCALE);
    expect(scoreScaleOf('csat', [1, 7, 10])).toEqual({ kind: 'csat', min: 0, max: 10 });
    const mask = populationMask(4, { population: 'complaints', scores: [3, 9, null, 8] });
    expect(mask).toEqual([true, false, false, true]);
    expect(populationMask(4, { population: 'all', scores: [3, 9, null, 8] })).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('the frequency counts detractors and passives by default and says so; all comments is a choice', () => {
    const texts = ['Доставка опоздала', 'Доставка опоздала', 'Доставка быстрая', '', 'Цена'];
    const terms = texts.map((t) => termsOf(t));
    const scores = [3, 8, 10, 2, null];
    const complaints = frequencyAnalysis({ terms, texts, scores });
    expect(complaints.population).toEqual({
      kind: 'complaints',
      comments: 2,
      total: 4,
      scale: NPS_SCALE,
    });
    expect(complaints.terms.find((t) => t.term === 'доставк')?.count).toBe(2);
    const all = frequencyAnalysis({ terms, texts, scores, population: 'all' });
    expect(all.population).toMatchObject({ kind: 'all', comments: 4, total: 4 });
    expect(all.terms.find((t) => t.term === 'доставк')?.count).toBe(3);
    // Without scores there is nothing to tell complaints by: all comments are counted.
    expect(frequencyAnalysis({ terms, texts }).population).toMatchObject({
      kind: 'all',
      comments: 4,
    });
    expect(populationText('en', complaints.population!)).toBe(
      '2 comments of detractors and passives (0–8), of 4 in all.',
    );
    expect(
      plain(populationText('ru', { ...complaints.population!, comments: 1234, total: 6275 })),
    ).toBe('1 234 комментария критиков и нейтралов (0–8) из 6 275.');
    expect(
      plain(populationText('ru', { ...complaints.population!, comments: 21, total: 6275 })),
    ).toBe('21 комментарий критиков и нейтралов (0–8) из 6 275.');
    expect(plain(populationText('ru', { ...complaints.population!, comments: 5 }))).toBe(
      '5 комментариев критиков и нейтралов (0–8) из 4.',
    );
    expect(populationText('en', { ...all.population!, comments: 1 })).toBe(
      '1 comment: all comments counted.',
    );
    const csat = { kind: 'csat' as const, min: 1, max: 5 };
    expect(populationText('en', { kind: 'complaints', comments: 3, total: 9, scale: csat })).toBe(
      '3 comments with a low rating (1–3 on a 1–5 scale), of 9 in all.',
    );
    expect(praiseCaption('ru', NPS_SCALE)).toBe('За что хвалят промоутеры (9–10)');
    expect(praiseCaption('en', csat)).toBe('What high ratings praise (4–5)');
  });

  it('a frequency cell counts complaints by default; a stored cell without the choice gets it, “all” stays', () => {
    expect(createFrequencyCellData().population).toBe('complaints');
    const old = { datasetId: 'd', text: 'comment', score: 'nps', grain: 'month' };
    expect(restoreFrequencyCellData(old)).toMatchObject({ population: 'complaints' });
    expect(restoreFrequencyCellData({ ...old, population: 'all' }).population).toBe('all');
    expect(restoreFrequencyCellData({ ...old, population: 42 }).population).toBe('complaints');
    expect(restorePopulation(undefined)).toBe('complaints');
    const q = frequencyCellQuery(
      { ...createFrequencyCellData(), datasetId: 'd', text: 'c' },
      'en',
    )!;
    expect((q.input as { population: unknown }).population).toBe('complaints');
  });
});

describe('fillers and praise words', () => {
  it('fillers of both languages leave the complaint words and the praise, but stay in the text', () => {
    // Not stop words: the comment clustering still reads how a comment is framed.
    expect(
      tokenize('В целом нормально, хотя в принципе всё очень просто', { bigrams: false }),
    ).toEqual(['цел', 'нормальн', 'хот', 'принцип']);
    const texts = [
      'В целом, в принципе, доставка опаздывает, хотя',
      'В целом доставка опаздывает, хотя звонили',
      'Overall great, generally fine',
      'Overall great service, generally',
    ];
    const r = frequencyAnalysis({
      terms: texts.map((t) => termsOf(t)),
      texts,
      scores: [3, 5, 10, 9],
    });
    const words = r.terms.map((t) => t.name);
    expect(words).toContain('доставка');
    for (const filler of ['целом', 'принципе', 'хотя']) expect(words).not.toContain(filler);
    const praised = r.praise!.terms.map((t) => t.name);
    expect(praised).toContain('great');
    for (const filler of ['overall', 'generally']) expect(praised).not.toContain(filler);
  });

  it('praise words leave the complaint words but make what promoters praise; negated, they stay complaints', () => {
    const texts = [
      'В целом всё устраивает, хотя доставка опаздывает',
      'Нормально, но доставка опаздывает',
      'Не устраивает доставка, не устраивает совсем',
      'Не устраивает качество',
      'Отличный поставщик, всё хорошо',
      'Отличный сервис, good job',
      'Fine overall, okay',
    ];
    const scores = [7, 8, 2, 3, 10, 9, 9];
    const r = frequencyAnalysis({ terms: texts.map((t) => termsOf(t)), texts, scores });
    const words = r.terms.map((t) => t.name);
    expect(words).toContain('доставка');
    expect(words).toContain('не устраивает');
    for (const filler of ['устраивает', 'нормально', 'хотя', 'целом', 'отличный', 'хорошо']) {
      expect(words).not.toContain(filler);
    }
    expect(r.phrases.every((t) => !isPraiseTerm(t.term))).toBe(true);
    expect(r.praise?.comments).toBe(3);
    expect(r.praise?.terms.map((t) => [t.name, t.count])).toEqual([['отличный', 2]]);
    expect(isPraiseTerm('не_устраива')).toBe(false);
    expect(isPraiseTerm('отличн поставщик')).toBe(true);
  });
});

describe('the frequency and the barrier matrix count alike', () => {
  it('under the same filter, each theme counts what its barrier counts, of the same comments', () => {
    const model = twoBarrierModel();
    const { texts, scores } = smallSurvey();
    const hits = barrierHits(model, texts);
    const terms = termsOfEach(texts);
    const themes = barrierThemes(model, hits, 'en');
    const seen: Record<string, number[]> = {};
    for (const population of ['complaints', 'all'] as const) {
      const mask = populationMask(texts.length, { population, scores, scale: NPS_SCALE });
      const matrix = barrierCounts(hits, mask);
      const r = frequencyAnalysis({ terms, texts, themes, scores, population });
      const theme = (key: string) => r.byCount.find((t) => t.key === key)?.count;
      expect(theme('Delivery')).toBe(matrix.get('tp.d\u0000br.late'));
      expect(theme('Price')).toBe(matrix.get('tp.p\u0000br.price'));
      expect(r.population!.comments).toBe(countComments(texts, mask));
      seen[population] = [theme('Delivery')!, theme('Price')!, r.population!.comments];
    }
    // All: 29 rows of each kind (3 of the 8 kinds name delivery, 3 price); 6 kinds are comments.
    expect(seen.all).toEqual([87, 87, 174]);
    expect(seen.complaints![0]).toBeLessThan(87);
    expect(seen.complaints![0]).toBeGreaterThan(0);
  });

  it(
    'on the demo world, the frequency’s themes and the matrix’s barriers agree, and the complaint words are complaints',
    SLOW,
    async () => {
      const world = generateDemoWorld();
      const survey = await loadCsv('survey', world.files.find((f) => f.name === 'survey')!.csv);
      const texts = survey.columns.comment!;
      const scores = survey.columns.nps!;
      const hits = barrierHits(world.model, texts);
      const themes = barrierThemes(world.model, hits, 'en');
      const terms = termsOfEach(Array.from(texts, (t) => (typeof t === 'string' ? t : null)));
      const late = world.model.journey.touchpoints
        .flatMap((tp) => tp.barriers.map((b) => ({ tp: tp.id, b })))
        .find(({ b }) => b.factor === 'delivery')!;
      const delivery = world.model.factors.find((f) => f.id === 'delivery')!.name.en;
      for (const population of ['complaints', 'all'] as const) {
        const mask = populationMask(texts.length, { population, scores, scale: NPS_SCALE });
        const r = frequencyAnalysis({ terms, texts, themes, scores, population });
        expect(r.byCount.find((t) => t.key === delivery)!.count).toBe(
          barrierCounts(hits, mask).get(`${late.tp}\u0000${late.b.id}`),
        );
        expect(r.population!.comments).toBe(countComments(texts, mask));
        if (population === 'complaints') {
          const top = r.terms.slice(0, 20).map((t) => t.name);
          for (const w of ['устраивает', 'нормально', 'хотя', 'целом', 'отличный']) {
            expect(top).not.toContain(w);
          }
          expect(r.praise!.terms.map((t) => t.name)).toContain('отличный');
        }
      }
    },
  );
});
