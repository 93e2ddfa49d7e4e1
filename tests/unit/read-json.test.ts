import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/core/ingest/read-source.ts';
import { readJsonRecords } from '../../src/core/ingest/read-json.ts';
import { IngestError } from '../../src/core/ingest/ingest-error.ts';
import { describeIngestError, describeProblem } from '../../src/core/ingest/describe-ingest.ts';
import type { IngestProblem } from '../../src/core/ingest/types.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const readJson = (s: string, name = 'r.json') => readSource(bytes(s), name);

async function refusal(text: string): Promise<IngestError> {
  const e = await readJson(text).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IngestError);
  return e as IngestError;
}

function problem(problems: IngestProblem[], code: IngestProblem['code']): IngestProblem {
  const p = problems.find((q) => q.code === code);
  expect(p, code).toBeDefined();
  return p!;
}

describe('JSON wrapped in an object', () => {
  it.each(['data', 'records', 'items', 'rows', 'results'])(
    'reads the records under “%s” and says where they came from',
    async (key) => {
      const t = await readJson(
        `{"total":2,"${key}":[{"id":1,"name":"Анна"},{"id":2,"name":"Bob"}],"page":1}`,
      );
      expect(t.kind).toBe('json');
      expect(t.names).toEqual(['id', 'name']);
      expect(t.rows).toEqual([
        ['1', 'Анна'],
        ['2', 'Bob'],
      ]);
      const p = problem(t.problems, 'json-unwrapped');
      expect(p).toEqual({ code: 'json-unwrapped', detail: { key, count: 2 } });
      expect(describeProblem('en', p)).toBe(
        `The top level is an object: 2 records were read from its “${key}” key.`,
      );
      expect(describeProblem('ru', p)).toBe(
        `Верхний уровень — объект: из его ключа «${key}» прочитаны 2 записи.`,
      );
    },
  );

  it('recognises a wrapper object by its content in a file not named .json', async () => {
    const t = await readJson('{"data":[{"id":1},{"id":2}]}', 'export.txt');
    expect(t.kind).toBe('json');
    expect(t.rows).toEqual([['1'], ['2']]);
  });

  it('takes the first of data, records, items, rows, results that holds records, with plural forms', async () => {
    const t = await readJson('{"items":[{"x":1}],"records":[{"y":2}],"data":"none"}');
    expect(t.names).toEqual(['y']);
    const p = problem(t.problems, 'json-unwrapped');
    expect(p.detail).toEqual({ key: 'records', count: 1 });
    expect(describeProblem('en', p)).toBe(
      'The top level is an object: 1 record was read from its “records” key.',
    );
    expect(describeProblem('ru', p)).toBe(
      'Верхний уровень — объект: из его ключа «records» прочитана 1 запись.',
    );
    const five = problem(
      (await readJson(`{"data":[${'{"a":1},'.repeat(4)}{"a":1}]}`)).problems,
      'json-unwrapped',
    );
    expect(describeProblem('ru', five)).toBe(
      'Верхний уровень — объект: из его ключа «data» прочитано 5 записей.',
    );
  });

  it('keeps the per-record message, with its number, for an element that is not a record', async () => {
    const wrapped = await refusal('{"data":[{"a":1},5]}');
    expect(wrapped.code).toBe('json-not-records');
    expect(wrapped.detail).toEqual({ row: 2 });
    expect(describeIngestError('en', wrapped)).toBe(
      'The JSON must be an array of records like [{"a": 1}, {"a": 2}] (record 2 is not one).',
    );
    const bare = await refusal('[{"a":1},{"b":2},"x"]');
    expect(bare.code).toBe('json-not-records');
    expect(describeIngestError('ru', bare)).toBe(
      'JSON должен быть массивом записей вида [{"a": 1}, {"a": 2}] (запись 3 не такая).',
    );
  });
});

describe('JSON whose top level is not an array of records', () => {
  it('refuses an object without a wrapper key, naming its keys', async () => {
    const e = await refusal('{"a":1,"b":{"c":2},"c":[3]}');
    expect(e.code).toBe('json-not-array');
    expect(describeIngestError('en', e)).toBe(
      'The JSON must be an array of records like [{…}, {…}] (or an object holding one under “data”, “records”, “items”, “rows” or “results”), but its top level is an object with 3 keys: “a”, “b”, “c”.',
    );
    expect(describeIngestError('ru', e)).toBe(
      'JSON должен быть массивом записей вида [{…}, {…}] (или объектом, где такой массив лежит в ключе «data», «records», «items», «rows» или «results»), а на верхнем уровне у него объект с 3 ключами: «a», «b», «c».',
    );
    expect(describeIngestError('en', await refusal('{"a":1}'))).toMatch(
      /top level is an object with 1 key: “a”\.$/,
    );
    expect(describeIngestError('ru', await refusal('{"a":1}'))).toMatch(
      /у него объект с 1 ключом: «a»\.$/,
    );
    expect(describeIngestError('en', await refusal('{}'))).toMatch(
      /top level is an empty object\.$/,
    );
  });

  it('lists at most ten keys and counts the rest', async () => {
    const keys = Array.from({ length: 13 }, (_, i) => `k${i + 1}`);
    const e = await refusal(JSON.stringify(Object.fromEntries(keys.map((k) => [k, 1]))));
    expect(describeIngestError('en', e)).toMatch(
      /an object with 13 keys: “k1”, “k2”, “k3”, “k4”, “k5”, “k6”, “k7”, “k8”, “k9”, “k10” and 3 more\.$/,
    );
    expect(describeIngestError('ru', e)).toMatch(/объект с 13 ключами: «k1», .*, «k10» и ещё 3\.$/);
  });

  it('refuses an object whose wrapper key does not hold records, naming the key', async () => {
    const e = await refusal('{"data":{"id":1}}');
    expect(e.code).toBe('json-not-array');
    expect(describeIngestError('en', e)).toMatch(/an object with 1 key: “data”\.$/);
    expect((await refusal('{"items":[1,2,3]}')).code).toBe('json-not-array');
  });

  it('refuses a number, a string, true/false and null, saying which', async () => {
    const n = await refusal('42');
    expect(n.code).toBe('json-not-array');
    expect(describeIngestError('en', n)).toMatch(/, but its top level is a number\.$/);
    expect(describeIngestError('ru', n)).toMatch(/, а на верхнем уровне у него число\.$/);
    const s = await refusal('"hello"');
    expect(describeIngestError('en', s)).toMatch(/top level is a string\.$/);
    expect(describeIngestError('ru', s)).toMatch(/у него строка\.$/);
    expect(describeIngestError('en', await refusal('true'))).toMatch(/is true or false\.$/);
    expect(describeIngestError('en', await refusal('null'))).toMatch(/top level is null\.$/);
  });
});

describe('nested JSON records', () => {
  it('flattens nested objects into parent.child columns, keeps arrays as JSON text, and says so', async () => {
    const t = await readJson(
      '[{"client":{"id":1,"address":{"city":"X"}},"tags":["a","b"]},{"client":{"id":2,"address":{"city":"Y"}},"tags":[]}]',
    );
    expect(t.names).toEqual(['client.id', 'client.address.city', 'tags']);
    expect(t.rows).toEqual([
      ['1', 'X', '["a","b"]'],
      ['2', 'Y', '[]'],
    ]);
    const p = problem(t.problems, 'json-flattened');
    expect(describeProblem('en', p)).toBe(
      'Nested fields were flattened into 2 columns: “client.id”, “client.address.city”.',
    );
    expect(describeProblem('ru', p)).toBe(
      'Вложенные поля развёрнуты в 2 столбца: «client.id», «client.address.city».',
    );
  });

  it('puts a nested object’s columns where the parent first appears, across records', async () => {
    const t = readJsonRecords(
      '[{"a":1,"client":{"id":1},"z":0},{"b":2,"client":{"name":"N","id":2}},{"client":{"geo":{"lat":5}}}]',
    );
    expect(t.names).toEqual(['a', 'client.id', 'client.name', 'client.geo.lat', 'z', 'b']);
    expect(t.rows).toEqual([
      ['1', '1', '', '', '0', ''],
      ['', '2', 'N', '', '', '2'],
      ['', '', '', '5', '', ''],
    ]);
    const p = problem(t.problems, 'json-flattened');
    expect(describeProblem('en', p)).toBe(
      'Nested fields were flattened into 3 columns: “client.id”, “client.name”, “client.geo.lat”.',
    );
    expect(describeProblem('ru', p)).toBe(
      'Вложенные поля развёрнуты в 3 столбца: «client.id», «client.name», «client.geo.lat».',
    );
  });

  it('reads an empty object as a blank cell under the parent’s name, or nothing when it has nested columns', async () => {
    const t = readJsonRecords('[{"meta":{},"n":1},{"meta":{},"n":2}]');
    expect(t.names).toEqual(['meta', 'n']);
    expect(t.rows).toEqual([
      ['', '1'],
      ['', '2'],
    ]);
    expect(t.problems).toEqual([]);
    const mixed = readJsonRecords('[{"meta":{},"n":1},{"meta":{"v":"x"},"n":2},{"meta":null}]');
    expect(mixed.names).toEqual(['meta.v', 'n']);
    expect(mixed.rows).toEqual([
      ['', '1'],
      ['x', '2'],
      ['', ''],
    ]);
    // A key that is sometimes a value and sometimes an object keeps both.
    const both = readJsonRecords('[{"p":"flat"},{"p":{"q":1}}]');
    expect(both.names).toEqual(['p', 'p.q']);
    expect(both.rows).toEqual([
      ['flat', ''],
      ['', '1'],
    ]);
  });

  it('keeps a top-level key literally named "a.b" apart from a flattened a.b', async () => {
    const t = await readJson('[{"a.b":"literal","a":{"b":"nested"}},{"a":{"b":"n2"},"a.b":"l2"}]');
    expect(t.names).toEqual(['a.b', 'a.b (2)']);
    expect(t.rows).toEqual([
      ['literal', 'nested'],
      ['l2', 'n2'],
    ]);
    const renamed = problem(t.problems, 'duplicate-header');
    expect(describeProblem('en', renamed)).toBe(
      'The column name “a.b” repeats; the copy is named “a.b (2)”.',
    );
    expect(problem(t.problems, 'json-flattened').detail).toMatchObject({ count: 1 });
  });

  it('names at most ten flattened columns in the notice and counts the rest', async () => {
    const inner = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i + 1}`, i]));
    const t = await readJson(JSON.stringify([{ id: 1, q: inner }]));
    expect(t.names).toHaveLength(26);
    expect(t.names[25]).toBe('q.f25');
    const p = problem(t.problems, 'json-flattened');
    expect(describeProblem('en', p)).toBe(
      `Nested fields were flattened into 25 columns: ${Array.from({ length: 10 }, (_, i) => `“q.f${i + 1}”`).join(', ')} and 15 more.`,
    );
    expect(describeProblem('ru', p)).toBe(
      `Вложенные поля развёрнуты в 25 столбцов: ${Array.from({ length: 10 }, (_, i) => `«q.f${i + 1}»`).join(', ')} и ещё 15.`,
    );
  });
});
