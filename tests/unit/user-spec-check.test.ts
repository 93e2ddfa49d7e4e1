import { describe, expect, it } from 'vitest';
import { checkUserSpec } from '../../src/core/charts/user-spec-check.ts';
import {
  userSpecProblemMessage,
  type UserSpecProblem,
} from '../../src/core/charts/user-spec-problem.ts';
import { translate } from '../../src/core/i18n/translate.ts';

const WORKSPACE = [
  { id: 'd1', name: 'survey', rowCount: 1200 },
  { id: 'd2', name: 'shipments', rowCount: 250_000 },
  { id: 'd3', name: 'managers', rowCount: 40 },
];

const bars = {
  mark: 'bar',
  encoding: {
    x: { field: 'segment', type: 'nominal' },
    y: { aggregate: 'count', type: 'quantitative' },
  },
};

/** The problems of a refused spec (fails the test when it passes). */
function problems(spec: unknown, maxRows?: number): UserSpecProblem[] {
  const result = checkUserSpec(spec, WORKSPACE, maxRows);
  if (result.ok) throw new Error('the spec passed');
  return result.problems;
}

describe('hand-written chart specs', () => {
  it('pass when they name a workspace dataset, and compile', () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { name: 'survey' },
      ...bars,
    };
    const result = checkUserSpec(spec, WORKSPACE);
    expect(result).toMatchObject({ ok: true, dataset: { id: 'd1', name: 'survey' } });
    if (!result.ok) return;
    expect(result.spec).toEqual(spec);
    expect(result.spec).not.toBe(spec);
  });

  it('pass with values inline, and with a lookup into another workspace dataset', () => {
    expect(
      checkUserSpec({ data: { values: [{ segment: 'A' }] }, ...bars }, WORKSPACE),
    ).toMatchObject({
      ok: true,
      dataset: null,
    });
    const lookup = {
      data: { name: 'survey' },
      transform: [
        {
          lookup: 'manager',
          from: { data: { name: 'managers' }, key: 'id', fields: ['grade'] },
        },
      ],
      ...bars,
    };
    expect(checkUserSpec(lookup, WORKSPACE)).toMatchObject({
      ok: true,
      datasets: [
        { id: 'd1', name: 'survey' },
        { id: 'd3', name: 'managers' },
      ],
    });
  });

  it('must be an object', () => {
    expect(problems('{"mark": "bar"}')).toEqual([{ code: 'not-object', path: '' }]);
    expect(problems([bars])).toEqual([{ code: 'not-object', path: '' }]);
    expect(problems(null)).toEqual([{ code: 'not-object', path: '' }]);
  });

  it('may not load data from an address: at the top, in a layer, in a lookup', () => {
    expect(problems({ data: { url: 'https://example.com/a.csv' }, ...bars })).toEqual([
      { code: 'data-url', path: 'data.url' },
    ]);
    expect(
      problems({
        data: { name: 'survey' },
        layer: [bars, { data: { url: 'data/cars.json' }, ...bars }],
      }),
    ).toEqual([{ code: 'data-url', path: 'layer[1].data.url' }]);
    expect(
      problems({
        data: { name: 'survey' },
        transform: [{ lookup: 'id', from: { data: { url: 'x.json' }, key: 'id' } }],
        ...bars,
      }),
    ).toEqual([{ code: 'data-url', path: 'transform[0].from.data.url' }]);
    expect(
      problems({ hconcat: [{ data: { name: 'survey', format: { url: 'x' } }, ...bars }] }),
    ).toEqual([{ code: 'data-url', path: 'hconcat[0].data.format.url' }]);
  });

  it('may not draw images nor link: image marks, href and url channels at any depth', () => {
    expect(problems({ data: { name: 'survey' }, mark: 'image', encoding: {} })).toEqual([
      { code: 'image-mark', path: 'mark' },
    ]);
    expect(
      problems({ data: { name: 'survey' }, layer: [{ mark: { type: 'image' }, encoding: {} }] }),
    ).toEqual([{ code: 'image-mark', path: 'layer[0].mark' }]);
    expect(
      problems({
        data: { name: 'survey' },
        layer: [bars, { mark: 'point', encoding: { href: { field: 'link' } } }],
      }),
    ).toEqual([{ code: 'href', path: 'layer[1].encoding.href' }]);
    expect(
      problems({ data: { name: 'survey' }, mark: 'bar', encoding: { url: { field: 'u' } } }),
    ).toEqual([{ code: 'href', path: 'encoding.url' }]);
    expect(
      problems({ data: { name: 'survey' }, ...bars, mark: { type: 'bar', href: 'https://x' } }),
    ).toEqual([{ code: 'href', path: 'mark.href' }]);
  });

  it('may not set a loader nor carry usermeta', () => {
    expect(
      problems({ data: { name: 'survey' }, ...bars, config: { loader: { baseURL: 'https://x' } } }),
    ).toEqual([{ code: 'loader', path: 'config.loader' }]);
    expect(problems({ data: { name: 'survey' }, ...bars, usermeta: { embedOptions: {} } })).toEqual(
      [{ code: 'usermeta', path: 'usermeta' }],
    );
    expect(problems({ vconcat: [{ data: { name: 'survey' }, ...bars, usermeta: {} }] })).toEqual([
      { code: 'usermeta', path: 'vconcat[0].usermeta' },
    ]);
  });

  it('names only workspace datasets, of at most maxRows rows', () => {
    expect(problems({ data: { name: 'secret' }, ...bars })).toEqual([
      { code: 'unknown-dataset', path: 'data.name', detail: 'secret' },
    ]);
    expect(problems({ data: { name: 'shipments' }, ...bars })).toEqual([
      { code: 'too-many-rows', path: 'data.name', detail: '250000' },
    ]);
    expect(problems({ data: { name: 'survey' }, ...bars }, 1000)).toEqual([
      { code: 'too-many-rows', path: 'data.name', detail: '1200' },
    ]);
    const values = Array.from({ length: 11 }, (_, i) => ({ segment: String(i) }));
    expect(problems({ data: { values }, ...bars }, 10)).toEqual([
      { code: 'too-many-rows', path: 'data.values', detail: '11' },
    ]);
    // The spec's own named datasets are fine.
    expect(
      checkUserSpec(
        { datasets: { mine: [{ segment: 'A' }] }, data: { name: 'mine' }, ...bars },
        [],
      ),
    ).toMatchObject({ ok: true, dataset: null });
  });

  it('reads inline rows as rows: their fields may be called mark or href, not url', () => {
    const values = [{ segment: 'A', mark: 'image', href: 'x' }];
    expect(checkUserSpec({ data: { values }, ...bars }, []).ok).toBe(true);
    expect(problems({ data: { values: [{ url: 'https://x' }] }, ...bars })).toEqual([
      { code: 'data-url', path: 'data.values[0].url' },
    ]);
  });

  it('lists every problem at once', () => {
    const found = problems({
      data: { url: 'a.csv' },
      usermeta: {},
      layer: [{ data: { name: 'nope' }, mark: 'image', encoding: { href: { field: 'h' } } }],
    });
    expect(found.map((p) => p.code).sort()).toEqual(
      ['data-url', 'href', 'image-mark', 'unknown-dataset', 'usermeta'].sort(),
    );
  });

  it('refuses what Vega-Lite cannot compile, with its message', () => {
    expect(problems({ data: { name: 'survey' }, mark: 'pie-chart', encoding: {} })).toEqual([
      { code: 'invalid', path: 'mark', detail: 'unknown mark type "pie-chart"' },
    ]);
    const found = problems({ data: { name: 'survey' }, description: 'no mark' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'invalid', path: '' });
    expect(found[0]!.detail).toMatch(/Invalid specification/);
    const expression = problems({
      data: { name: 'survey' },
      transform: [{ calculate: 'datum.a +', as: 'b' }],
      ...bars,
    });
    expect(expression[0]).toMatchObject({ code: 'invalid', path: '' });
  });

  it('tells each problem in the user’s language, with its place', () => {
    const problem: UserSpecProblem = { code: 'data-url', path: 'layer[1].data.url' };
    expect(userSpecProblemMessage(problem, (k, p) => translate('en', k, p))).toContain(
      '(layer[1].data.url)',
    );
    expect(
      userSpecProblemMessage(
        { code: 'unknown-dataset', path: 'data.name', detail: 'secret' },
        (k, p) => translate('ru', k, p),
      ),
    ).toContain('«secret»');
  });
});
