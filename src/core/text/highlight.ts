/**
 * A comment split into plain pieces, some marked as the words being looked at: shown as text
 * with `<mark>` around the hits by the page, never as HTML made from the comment.
 */
export interface TextPiece {
  text: string;
  hit: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` cut into pieces around every occurrence of `words` (any case; е matches ё; the words
 * of a phrase with anything but letters between them, as in "доставка, опоздала").
 */
export function highlightPieces(text: string, words: readonly string[]): TextPiece[] {
  const patterns = words
    .map((w) => w.trim())
    .filter((w) => w !== '')
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .split(/\s+/)
        .map((part) => escape(part).replace(/е/g, '[её]').replace(/'/g, "['’]"))
        .join('[^\\p{L}\\p{N}]+'),
    );
  if (patterns.length === 0) return text ? [{ text, hit: false }] : [];
  // The words are as written in the comments, so a hit is a whole word, never part of one.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}
