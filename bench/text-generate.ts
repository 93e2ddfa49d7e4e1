import { writeFile } from 'node:fs/promises';
import { Rng } from '../src/core/random.ts';
import {
  complaintText,
  joinComplaints,
  neutralText,
  praiseText,
  roughen,
  type ComplaintTopic,
} from '../src/core/demo/demo-comments.ts';

// Deterministic generator of the text benchmark's file: short survey comments in Russian and
// English, as the demo world writes them (templates × synonyms, roughened as people type), one
// per row, with an NPS score and a channel. Same seed → byte-identical file.

const TOPICS: readonly ComplaintTopic[] = [
  'delivery',
  'quality',
  'communication',
  'documents',
  'price',
];
const CHANNELS = ['App', 'Web', 'Call center', 'Email', 'Офис', 'Telegram'];

/** A CSV field, quoted (with quotes doubled) when it holds a delimiter, quote or line break. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * One survey comment for a score: detractors complain (a quarter about two things), passives
 * complain mildly or make a neutral remark, promoters mostly praise. Never blank: every row
 * carries a comment, so the file holds exactly as many comments as rows.
 */
function comment(rng: Rng, lang: 'ru' | 'en', nps: number): string {
  // Each respondent cares about topics in their own proportions.
  const weights = TOPICS.map(() => rng.next() ** 2);
  const topic = (exclude?: ComplaintTopic) =>
    rng.weighted(
      TOPICS.filter((t) => t !== exclude),
      weights.filter((_, i) => TOPICS[i] !== exclude),
    );
  if (nps <= 6) {
    const first = topic();
    let text = complaintText(rng, lang, first, true);
    if (rng.bernoulli(0.25)) {
      text = joinComplaints(rng, lang, text, complaintText(rng, lang, topic(first), true));
    }
    return roughen(rng, text, true);
  }
  if (nps <= 8) {
    const text = rng.bernoulli(0.75)
      ? complaintText(rng, lang, topic(), false)
      : neutralText(rng, lang);
    return roughen(rng, text, false);
  }
  const text = rng.bernoulli(0.1)
    ? complaintText(rng, lang, topic(), false)
    : praiseText(rng, lang);
  return roughen(rng, text, false);
}

/** The comments of `rows` rows (60% Russian, 40% English), with their scores and channels. */
export function generateComments(
  rows: number,
  seed = 20260601,
): { ids: string[]; nps: number[]; channels: string[]; texts: string[] } {
  const rng = new Rng(seed);
  const ids: string[] = [];
  const nps: number[] = [];
  const channels: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < rows; i++) {
    const lang = rng.bernoulli(0.6) ? 'ru' : 'en';
    const x = rng.next();
    // ~35% detractors, ~30% passives, ~35% promoters.
    const score = x < 0.35 ? rng.int(0, 6) : x < 0.65 ? rng.int(7, 8) : rng.int(9, 10);
    ids.push('R' + String(i + 1).padStart(7, '0'));
    nps.push(score);
    channels.push(rng.pick(CHANNELS));
    texts.push(comment(rng, lang, score));
  }
  return { ids, nps, channels, texts };
}

/**
 * Writes the comments as a `,`-delimited UTF-8 CSV (CRLF; comments quoted when they hold a
 * comma, quote or line break). Returns the file's size in bytes and the comments themselves.
 */
export async function writeCommentsCsv(
  path: string,
  rows: number,
  seed?: number,
): Promise<{ bytes: number; texts: string[] }> {
  const g = generateComments(rows, seed);
  const lines = ['response_id,NPS,Канал,Комментарий'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${g.ids[i]},${g.nps[i]},${field(g.channels[i]!)},${field(g.texts[i]!)}`);
  }
  const bytes = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
  await writeFile(path, bytes);
  return { bytes: bytes.length, texts: g.texts };
}
