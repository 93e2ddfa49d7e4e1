import { afterEach, describe, expect, it, vi } from 'vitest';
import * as aq from 'arquero';
import { generateDemoWorld } from '../../src/core/demo/demo-world.ts';
import { loadCsv, type LoadedDataset } from '../../src/core/index/loaded-dataset.ts';
import {
  runTransform,
  TransformError,
  type TransformResult,
} from '../../src/core/transform/run-transform.ts';
import {
  restoreTransformSteps,
  type TransformStep,
} from '../../src/core/transform/transform-steps.ts';

/** The demo's survey and client card, as the app stores them. */
const world = generateDemoWorld({ clients: 150, months: 12, lang: 'en' });
const data = await Promise.all(world.files.map((f) => loadCsv(f.name, f.csv)));
const survey = data.find((d) => d.name === 'survey')!;
const clients = data.find((d) => d.name === 'clients')!;
const lookup = (id: string) => (id === 'clients' ? clients : null);

type Query = ReturnType<typeof aq.table>;
/** A hand-written Arquero query's result as plain arrays, to compare with the transform's. */
const plain = (t: Query) =>
  Object.fromEntries(t.columnNames().map((n) => [n, Array.from(t.array(n) as ArrayLike<unknown>)]));
const ours = (r: TransformResult) =>
  Object.fromEntries(r.names.map((n) => [n, Array.from(r.columns[n]!)]));
const run = (steps: TransformStep[], from: LoadedDataset = survey) =>
  runTransform(from, steps, lookup);
const table = (d: LoadedDataset) => aq.table(d.columns);

describe('a transform gives the table of the same hand-written Arquero query', () => {
  it('filters rows on several conditions with and / or', () => {
    const and = run([
      {
        kind: 'filter',
        combine: 'and',
        conditions: [
          { column: 'nps', op: 'le', value: '6' },
          { column: 'contact_role', op: 'eq', value: 'buyer' },
        ],
      },
    ]);
    const expected = table(survey).filter(
      (d: Record<string, unknown>) => (d.nps as number) <= 6 && d.contact_role === 'Buyer',
    );
    expect(ours(and)).toEqual(plain(expected));
    expect(and.rows).toBeGreaterThan(0);
    const or = run([
      {
        kind: 'filter',
        combine: 'or',
        conditions: [
          { column: 'nps', op: 'ge', value: 10 },
          { column: 'comment', op: 'contains', value: 'LATE' },
        ],
      },
    ]);
    // String methods need escaped functions in a hand-written query too.
    const expectedOr = table(survey).filter(
      aq.escape(
        (d: Record<string, unknown>) =>
          d.nps === 10 ||
          (typeof d.comment === 'string' && d.comment.toLowerCase().includes('late')),
      ),
    );
    expect(ours(or)).toEqual(plain(expectedOr));
  });

  it('derives quarters, arithmetic, ranges, if/else and text contains', () => {
    const r = run([
      {
        kind: 'derive',
        name: 'quarter',
        derivation: { kind: 'datePart', column: 'date', part: 'quarter' },
      },
      {
        kind: 'derive',
        name: 'gap',
        derivation: {
          kind: 'arith',
          left: { column: 'nps' },
          op: '-',
          right: { column: 'rating_delivery' },
        },
      },
      {
        kind: 'derive',
        name: 'band',
        derivation: { kind: 'bucket', column: 'nps', edges: [7, 9] },
      },
      {
        kind: 'derive',
        name: 'who',
        derivation: {
          kind: 'ifElse',
          condition: { column: 'nps', op: 'le', value: 6 },
          then: { text: 'detractor' },
          otherwise: { text: 'other' },
        },
      },
      {
        kind: 'derive',
        name: 'late',
        derivation: { kind: 'contains', column: 'comment', text: 'late' },
      },
    ]);
    const expected = table(survey).derive({
      quarter: (d: Record<string, number>) =>
        d.date == null
          ? null
          : `${aq.op.utcyear(d.date)}-Q${Math.floor(aq.op.utcmonth(d.date) / 3) + 1}`,
      gap: (d: Record<string, number>) =>
        d.nps == null || d.rating_delivery == null ? null : d.nps - d.rating_delivery,
      band: (d: Record<string, number>) =>
        d.nps == null ? null : d.nps < 7 ? '< 7' : d.nps < 9 ? '7–9' : '≥ 9',
      who: (d: Record<string, number>) => (d.nps != null && d.nps <= 6 ? 'detractor' : 'other'),
      late: aq.escape((d: Record<string, string>) =>
        d.comment == null || d.comment.trim() === ''
          ? null
          : d.comment.toLowerCase().includes('late'),
      ),
    });
    expect(ours(r)).toEqual(plain(expected));
    expect(r.types).toMatchObject({
      quarter: 'string',
      gap: 'number',
      band: 'string',
      late: 'boolean',
    });
  });

  it('groups with count, share, mean, median, sum, min, max and NPS', () => {
    const r = run([
      {
        kind: 'group',
        by: ['contact_role'],
        aggregates: [
          { name: 'answers', op: 'count', column: null },
          { name: 'share', op: 'share', column: null },
          { name: 'mean', op: 'mean', column: 'rating_delivery' },
          { name: 'median', op: 'median', column: 'rating_delivery' },
          { name: 'sum', op: 'sum', column: 'rating_delivery' },
          { name: 'min', op: 'min', column: 'nps' },
          { name: 'max', op: 'max', column: 'nps' },
          { name: 'NPS', op: 'nps', column: 'nps' },
        ],
      },
    ]);
    const total = survey.columns.nps!.length;
    const expected = table(survey)
      .groupby('contact_role')
      .rollup({
        answers: aq.op.count(),
        share: aq.op.count(),
        mean: aq.op.mean('rating_delivery'),
        median: aq.op.median('rating_delivery'),
        sum: aq.op.sum('rating_delivery'),
        min: aq.op.min('nps'),
        max: aq.op.max('nps'),
        NPS: (d: { nps: number }) =>
          ((aq.op.sum(d.nps >= 9) - aq.op.sum(d.nps <= 6)) / aq.op.valid(d.nps)) * 100,
      })
      .derive({ share: aq.escape((d: { share: number }) => d.share / total) });
    expect(ours(r)).toEqual(plain(expected));
  });

  it('joins another dataset by key, left or inner', () => {
    const r = run([
      {
        kind: 'join',
        dataset: 'clients',
        leftKey: 'client_id',
        rightKey: 'client_id',
        how: 'left',
      },
    ]);
    const expected = table(survey).join_left(table(clients).rename({ client_id: 'cid' }), [
      'client_id',
      'cid',
    ]);
    const want = plain(expected);
    delete want.cid;
    expect(ours(r)).toEqual(want);
    expect(r.types.warehouse).toBe('string');
    expect(r.types.churn_month).toBe('date');
  });

  it('pivots rows × a column’s values, each cell an aggregate', () => {
    const r = run([
      {
        kind: 'derive',
        name: 'quarter',
        derivation: { kind: 'datePart', column: 'date', part: 'quarter' },
      },
      {
        kind: 'pivot',
        rows: ['contact_role'],
        columns: 'quarter',
        value: 'rating_delivery',
        op: 'mean',
      },
    ]);
    const expected = table(survey)
      .derive({
        quarter: (d: { date: number }) =>
          `${aq.op.utcyear(d.date)}-Q${Math.floor(aq.op.utcmonth(d.date) / 3) + 1}`,
      })
      .groupby('contact_role')
      .pivot('quarter', { value: aq.op.mean('rating_delivery') });
    expect(ours(r)).toEqual(plain(expected));
    expect(r.names[0]).toBe('contact_role');
  });
});

describe('names and values from the form stay data', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a hostile column name and filter value run no code', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const hostile = `") || fetch('x') //`;
    const quote = `'] + fetch('y') + d['`;
    const input = {
      columns: { [hostile]: [hostile, 'plain', hostile], [quote]: [1, 2, 3], key: ['a', 'b', 'a'] },
      types: { [hostile]: 'string', [quote]: 'number', key: 'string' } as const,
    };
    const other = {
      columns: { k: ['a'], [`${hostile}2`]: [hostile] },
      types: { k: 'string', [`${hostile}2`]: 'string' } as const,
    };
    const r = runTransform(
      input,
      [
        {
          kind: 'filter',
          combine: 'and',
          conditions: [{ column: hostile, op: 'eq', value: hostile }],
        },
        {
          kind: 'derive',
          name: `${quote}!`,
          derivation: { kind: 'arith', left: { column: quote }, op: '*', right: { number: 2 } },
        },
        { kind: 'join', dataset: 'o', leftKey: 'key', rightKey: 'k', how: 'left' },
        {
          kind: 'group',
          by: [hostile],
          aggregates: [{ name: hostile, op: 'sum', column: `${quote}!` }],
        },
      ],
      () => other,
    );
    expect(fetch).not.toHaveBeenCalled();
    // The two rows holding the hostile text were kept, doubled and summed under its name.
    expect(r.names).toEqual([hostile]);
    expect(r.rows).toBe(1);
  });
});

describe('a step that cannot run says which and where', () => {
  it('names the step and the column', () => {
    const fail = (steps: TransformStep[]) => {
      try {
        run(steps);
      } catch (e) {
        return e instanceof TransformError ? [e.code, e.step, e.column] : e;
      }
      return null;
    };
    expect(
      fail([
        { kind: 'filter', combine: 'and', conditions: [{ column: 'nope', op: 'eq', value: 1 }] },
      ]),
    ).toEqual(['no-column', 0, 'nope']);
    expect(
      fail([
        {
          kind: 'derive',
          name: 'x',
          derivation: { kind: 'contains', column: 'comment', text: 'a' },
        },
        {
          kind: 'derive',
          name: 'x',
          derivation: { kind: 'contains', column: 'comment', text: 'b' },
        },
      ]),
    ).toEqual(['name-taken', 1, 'x']);
    expect(
      fail([{ kind: 'group', by: [], aggregates: [{ name: 'm', op: 'mean', column: 'comment' }] }]),
    ).toEqual(['not-number', 0, 'comment']);
    expect(
      fail([{ kind: 'join', dataset: 'gone', leftKey: 'client_id', rightKey: 'x', how: 'left' }]),
    ).toEqual(['no-dataset', 0, 'gone']);
  });

  it('restores stored steps, dropping broken ones', () => {
    const steps = restoreTransformSteps([
      {
        kind: 'filter',
        combine: 'xor',
        conditions: [{ column: 'a', op: '=~', value: { x: 1 } }, { op: 'eq' }],
      },
      { kind: 'derive', name: '', derivation: { kind: 'arith' } },
      {
        kind: 'group',
        by: ['a', 3],
        aggregates: [
          { name: 'm', op: 'mean' },
          { name: 'n', op: 'count', column: 'z' },
        ],
      },
      { kind: 'pivot', rows: ['a'], columns: 'b', value: 'c', op: 'nps' },
      'junk',
    ]);
    expect(steps).toEqual([
      { kind: 'filter', combine: 'and', conditions: [{ column: 'a', op: 'eq', value: null }] },
      { kind: 'group', by: ['a'], aggregates: [{ name: 'n', op: 'count', column: null }] },
      { kind: 'pivot', rows: ['a'], columns: 'b', value: 'c', op: 'nps' },
    ]);
  });
});
