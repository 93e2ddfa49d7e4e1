import { bench, describe } from 'vitest';
import { CHUNK_ROWS, decodeChunkColumn, encodeChunk } from '../src/core/storage/column-chunk.ts';
import { addNpsScores, emptyNpsCounts } from '../src/core/metrics/nps.ts';

// What the analysis worker does per stored chunk (decode the Arrow column, count NPS classes),
// against a baseline measured in the same run: one plain pass over the same numbers in a
// Float64Array. Read the ratio, not the absolute times.
const scores = Array.from({ length: CHUNK_ROWS }, (_, i) => (i % 97 === 0 ? null : (i * 7) % 11));
const bytes = encodeChunk([{ name: 'score', type: 'number' }], { score: scores });
const plain = Float64Array.from(scores, (v) => v ?? Number.NaN);

describe(`one chunk of ${CHUNK_ROWS} scores`, () => {
  bench('baseline: sum a Float64Array', () => {
    let s = 0;
    for (let i = 0; i < plain.length; i++) s += plain[i]!;
    if (s < 0) throw new Error('unreachable');
  });
  bench('decode Arrow column + count NPS classes', () => {
    addNpsScores(emptyNpsCounts(), decodeChunkColumn(bytes, 'score') as ArrayLike<number | null>);
  });
});
