import { bench, describe } from 'vitest';
import { inferFormat } from '../src/core/ingest/infer-types.ts';

// Type inference of one 100,000-value column (what the importer does per column before typing
// it), against a baseline measured in the same run: one `Number()` or `Date.parse` per value of
// the same column, which reads but infers nothing. Read the ratio, not the absolute times.
const make = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const columns = {
  'decimal commas': make(100_000, (i) => `${(i * 7919) % 100_000},${i % 100}`),
  'ISO date-times': make(100_000, (i) => new Date(Date.UTC(2026, 0, 1) + i * 61_000).toISOString()),
};

for (const [name, values] of Object.entries(columns)) {
  describe(`100,000 ${name}`, () => {
    const parse = name.startsWith('ISO') ? Date.parse : (v: string) => Number(v.replace(',', '.'));
    bench('baseline: parse each value once', () => {
      let s = 0;
      for (const v of values) s += parse(v);
      if (Number.isNaN(s)) throw new Error('the baseline read a value it cannot parse');
    });
    bench('inferFormat', () => {
      inferFormat(values);
    });
  });
}
