/**
 * True for a blank decoded value: null, undefined, NaN, or a string of nothing but whitespace
 * (free text is stored as written, so an answer of spaces is kept but counts as blank).
 */
export function isBlankValue(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    (typeof v === 'number' && Number.isNaN(v)) ||
    (typeof v === 'string' && v.trim() === '')
  );
}
