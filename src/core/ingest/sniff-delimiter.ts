import Papa from 'papaparse';

import { DELIMITERS, type Delimiter } from './delimiters.ts';
import { unifyRecordEnds } from './record-ends.ts';

/** How many records the sniffer looks at. */
const SAMPLE_RECORDS = 200;

/** How much of the text the sniffer reads (a record cut at the end is dropped below). */
const SAMPLE_CHARS = 256 * 1024;

/**
 * Picks the delimiter under which the first records split most consistently into the same
 * number of fields (more than one). Parsing is quote-aware, so a `;` file with decimal commas
 * is not taken for `,`: its comma counts vary from row to row, its semicolon counts do not.
 */
export function sniffDelimiter(text: string): Delimiter {
  // Papa splits all of a quote-free text even with `preview`: give it only the head.
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: { d: Delimiter; score: number; fields: number } = { d: ',', score: -1, fields: 0 };
  for (const d of DELIMITERS) {
    const unified = unifyRecordEnds(sample, d);
    const rows = Papa.parse<string[]>(unified.text, {
      delimiter: d,
      newline: unified.newline,
      preview: SAMPLE_RECORDS,
    }).data.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
    // The last record of a cut sample is usually incomplete.
    if (sample.length < text.length && rows.length > 1) rows.pop();
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [fields, times] = [...counts].reduce((a, b) =>
      b[1] > a[1] || (b[1] === a[1] && b[0] > a[0]) ? b : a,
    );
    if (fields < 2) continue;
    // Consistency first; among equally consistent splits, more fields is the likelier reading.
    const score = times / rows.length + fields / 1e6;
    if (score > best.score) best = { d, score, fields };
  }
  return best.d;
}
