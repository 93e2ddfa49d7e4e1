import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { splitWellFormed } from '../../src/core/ingest/split-well-formed.ts';
import { splitRecords } from '../../src/core/ingest/parse-delimited.ts';
import { unifyRecordEnds } from '../../src/core/ingest/record-ends.ts';
import { mixesRecordEnds } from '../../src/core/ingest/record-ends.ts';
import { IngestError } from '../../src/core/ingest/ingest-error.ts';
import type { Delimiter } from '../../src/core/ingest/delimiters.ts';

const papa = (text: string, delimiter: Delimiter, newline: '\n' | '\r\n') =>
  Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false });

/** `splitRecords` as it was before the fast path: Papa Parse alone. */
function papaSplitRecords(text: string, delimiter: Delimiter) {
  let unified = unifyRecordEnds(text, delimiter, { keepCrlf: true });
  let result = papa(unified.text, delimiter, unified.newline);
  if (unified.kept && result.errors.length > 0) {
    unified = unifyRecordEnds(text, delimiter);
    result = papa(unified.text, delimiter, unified.newline);
  }
  const unterminated = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unterminated) {
    throw new IngestError('unterminated-quote', { row: (unterminated.row ?? 0) + 1 });
  }
  const problems = result.errors
    .filter((e) => e.code === 'InvalidQuotes')
    .slice(0, 20)
    .map((e) => ({ code: 'stray-quote', row: (e.row ?? 0) + 1 }));
  if (mixesRecordEnds(unified.counts)) {
    const { crlf, lf, cr } = unified.counts;
    problems.unshift({ code: 'mixed-line-ends', detail: { crlf, lf, cr } } as never);
  }
  return { records: result.data, problems };
}

const outcome = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: e instanceof IngestError ? [e.code, e.detail] : String(e) };
  }
};

const delimiters = fc.constantFrom<Delimiter>(',', ';', '\t', '|');
/** Text of the characters that matter to a splitter, a few others between them. */
const anyText = fc
  .array(
    fc.constantFrom('a', 'я', ' ', '"', '""', ',', ';', '\t', '|', '\r', '\n', '\r\n', '\uFEFF'),
  )
  .map((parts) => parts.join(''));
/** Well-formed CSV: fields quoted when they must be (and sometimes when not), ragged records. */
const csvText = fc
  .record({
    delimiter: delimiters,
    end: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    last: fc.boolean(),
    records: fc.array(
      fc.array(
        fc.record({
          value: fc
            .array(fc.constantFrom('x', 'Ж', ' ', '"', ',', ';', '\t', '|', '\r', '\n', '\r\n'))
            .map((p) => p.join('')),
          quote: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      { maxLength: 8 },
    ),
  })
  .map(({ delimiter, end, bom, last, records }) => {
    const field = ({ value, quote }: { value: string; quote: boolean }) =>
      quote || /["\r\n,;\t|]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    const body = records.map((r) => r.map(field).join(delimiter)).join(end);
    return { delimiter, text: (bom ? '\uFEFF' : '') + body + (last ? end : '') };
  });

describe('splitWellFormed', () => {
  it('gives exactly what Papa Parse gives, or null where Papa Parse finds a quote problem', () => {
    let split = 0;
    fc.assert(
      fc.property(
        fc.oneof(csvText, fc.record({ delimiter: delimiters, text: anyText })),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        ({ delimiter, text }, newline) => {
          const fast = splitWellFormed(text, delimiter, newline);
          const reference = papa(text, delimiter, newline);
          if (fast === null) return;
          split++;
          expect(reference.errors).toEqual([]);
          expect(fast).toEqual(reference.data);
        },
      ),
      { numRuns: 5_000 },
    );
    expect(split).toBeGreaterThan(1_000);
  }, 60_000);

  it('gives the same cells when values repeat over many blocks, few or many of them', () => {
    const text = Array.from(
      { length: 40_000 },
      (_, i) => `r${i % 50};${i % 5_000};${(i * 7) % 3_000};"${i % 3}";${'x'.repeat(i % 40)}`,
    ).join('\n');
    expect(splitWellFormed(text, ';', '\n')).toEqual(papa(text, ';', '\n').data);
  });

  it('splits records longer than a block, and blocks of mixed widths', () => {
    const wide = Array.from({ length: 70_000 }, (_, i) => `c${i}`).join(';');
    const narrow = Array.from({ length: 30_000 }, (_, i) => `${i};"q""${i}"`).join('\r\n');
    for (const text of [wide, `${narrow}\r\n${wide}\r\n${narrow}\r\n`, `${wide}\r\n${narrow}`]) {
      expect(splitWellFormed(text, ';', '\r\n')).toEqual(papa(text, ';', '\r\n').data);
    }
  });
});

describe('splitRecords', () => {
  it('splits, reports and refuses exactly as with Papa Parse alone', () => {
    fc.assert(
      fc.property(
        fc.oneof(csvText, fc.record({ delimiter: delimiters, text: anyText })),
        ({ delimiter, text }) => {
          expect(outcome(() => splitRecords(text, delimiter))).toEqual(
            outcome(() => papaSplitRecords(text, delimiter)),
          );
        },
      ),
      { numRuns: 5_000 },
    );
  }, 60_000);
});
