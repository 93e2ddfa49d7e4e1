import { describe, expect, it } from 'vitest';
import { npsReportSection, indexReportSection } from '../../src/core/report/summary-sections.ts';
import { renderReportHtml } from '../../src/core/report/render-report-html.ts';
import {
  driversReportSection,
  frequencyReportSection,
} from '../../src/core/report/analysis-sections.ts';
import type { DriversCellResult } from '../../src/core/worker-api/drivers-api.ts';
import type { FrequencyCellResult } from '../../src/core/worker-api/text-api.ts';
import { npsOf } from '../../src/core/metrics/nps.ts';
import type { NpsCellResult } from '../../src/core/worker-api/analysis-api.ts';
import type { IndexView } from '../../src/core/index/index-view.ts';

/** An NPS summary of scores drawn so that the share of each class is as given. */
const summaryOf = (promoters: number, passives: number, detractors: number) =>
  npsOf([
    ...Array<number>(promoters).fill(10),
    ...Array<number>(passives).fill(8),
    ...Array<number>(detractors).fill(3),
  ]);

const nps: NpsCellResult = {
  summary: { ok: true, summary: summaryOf(120, 50, 30), rows: 200 },
  groups: {
    ok: true,
    result: {
      overall: summaryOf(120, 50, 30),
      groups: [
        { key: '2026-Q1', summary: summaryOf(70, 20, 10), unreliable: false },
        { key: '2026-Q2', summary: summaryOf(50, 30, 20), unreliable: false },
        { key: '2026-Q3', summary: summaryOf(5, 3, 2), unreliable: true },
      ],
      blankGroup: 0,
    },
  },
};

const point = (mean: number, n: number) => ({
  mean,
  n,
  low: mean - 2,
  high: mean + 2,
  unreliable: n < 30,
});
const index = {
  periods: ['2026-01', '2026-02'],
  byPeriod: [
    { period: '2026-01', ...point(61.2, 400) },
    { period: '2026-02', ...point(63.4, 12) },
  ],
  bySegment: [],
  blocks: [{ layer: 'index', ...point(62.1, 412) }],
  clients: [{ client: 'C-SECRET-1' }],
  equalWeightClients: 0,
  incompleteClients: 0,
  segmentColumns: [],
} as unknown as IndexView;

describe('the executives’ figures in a report', () => {
  it('NPS: the headline with its interval, the trend drawn, the periods with small ones flagged', async () => {
    const s = (await npsReportSection('en', nps))!;
    expect(s.blocks[0]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(
        /^NPS \+45\.0 \(95% interval \+[\d.]+ to \+[\d.]+\) from 200 answers; 120 promoters and 30 detractors\.$/,
      ),
    });
    expect(s.blocks[1]).toMatchObject({ kind: 'chart', svg: expect.stringMatching(/^<svg /) });
    const table = s.blocks[2]!;
    expect(table.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3 (few answers: read with care)',
    ]);
    expect(table.kind === 'table' && table.rows[0]![1]).toBe('+60.0');
    const ru = (await npsReportSection('ru', nps))!;
    expect(ru.blocks[0]).toMatchObject({
      text: expect.stringMatching(
        /^NPS \+45,0 \(95% интервал от \+[\d,]+ до \+[\d,]+\) по 200 ответам/,
      ),
    });
    const none = {
      summary: { ok: false, reason: 'column-missing' },
      groups: null,
    } as NpsCellResult;
    expect(await npsReportSection('en', none)).toBeNull();
  });

  it('the index: overall with its interval and by period, with no client in it', async () => {
    const s = (await indexReportSection('en', index))!;
    expect(s.blocks[0]).toMatchObject({
      text: 'Satisfaction index 62.1 of 100 (95% interval 60.1 to 64.1) across 412 clients.',
    });
    const html = renderReportHtml({ locale: 'en', title: 'Executives', about: [], sections: [s] });
    expect(html).toContain('2026-02 (few answers: read with care)');
    expect(html).not.toContain('C-SECRET-1');
    expect(html).toMatch(/<figure aria-label="Mean satisfaction index by period, chart"><svg /);
    expect(await indexReportSection('en', { ...index, blocks: [] })).toBeNull();
  });

  it('the managers’ drivers and themes: the leaders in a sentence, the rest in a table', () => {
    const driver = (feature: string, shapShare: number, direction: 'up' | 'down') => ({
      feature,
      shapShare,
      relativeWeight: shapShare * 0.9,
      weightInterval: [shapShare * 0.7, shapShare * 1.1],
      direction,
    });
    const drivers = {
      input: { target: 'nps' },
      output: {
        ok: true,
        result: {
          drivers: [
            driver('rating_delivery', 0.41, 'down'),
            driver('late_share', 0.22, 'up'),
            driver('grade', 0.1, 'up'),
          ],
          quality: { holdoutAuc: 0.8412 },
        },
        // The cell's columns: the rating the model reads an indicator from is named by it.
        columns: [
          {
            name: 'rating_delivery',
            source: {
              kind: 'dataset',
              indicator: {
                id: 'cx.delivery_rating',
                name: { en: 'Delivery rating', ru: 'Оценка доставки' },
                layer: 'CX',
              },
            },
          },
          { name: 'late_share', source: { kind: 'dataset' } },
          { name: 'grade', source: { kind: 'card' } },
        ],
      },
    } as unknown as DriversCellResult;
    const d = driversReportSection('en', drivers)!;
    expect(d.title).toBe('Key drivers');
    expect(d.blocks[0]).toMatchObject({
      text: 'What makes “nps” low most: Delivery rating (CX) (41.0%), late_share (22.0%), grade (10.0%) of the explained risk (boosted trees with SHAP values; holdout AUC 0.84).',
    });
    const table = d.blocks[1]!;
    expect(table.kind === 'table' && table.rows[0]).toEqual([
      'Delivery rating (CX)',
      '41.0%',
      '36.9% (28.7% … 45.1%)',
      'higher → less often low',
    ]);
    const theme = (key: string, count: number, share: number, cumulative: number) => ({
      key,
      count,
      share,
      cumulative,
    });
    const frequency = {
      input: {},
      output: {
        ok: true,
        segments: [],
        result: {
          comments: 1200,
          byCount: [
            theme('Late delivery', 300, 0.5, 0.5),
            theme('Damaged goods', 180, 0.3, 0.8),
            theme('Invoices', 120, 0.2, 1),
          ],
        },
      },
    } as unknown as FrequencyCellResult;
    const f = frequencyReportSection('ru', frequency)!;
    const lead = (f.blocks[0] as { text: string }).text.replace(/[\u00a0\u202f]/g, ' ');
    expect(lead).toBe(
      'Из 1 200 комментариев чаще всего жалуются на: Late delivery (50,0 %), Damaged goods (30,0 %), Invoices (20,0 %).',
    );
    expect(
      driversReportSection('en', {
        ...drivers,
        output: { ok: false, reason: 'dataset-missing' },
      } as DriversCellResult),
    ).toBeNull();
  });
});
