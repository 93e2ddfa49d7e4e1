/**
 * Words of praise and approval ("устраивает", "нормально", "отличный", "хорошо", "fine",
 * "good", "ok", "great"…), left out of what complaints say but kept for what promoters praise.
 *
 * Why not stop words: the pure fillers ("хотя", "в целом", "очень", "overall", "really") say
 * nothing on either side and are stop words (`tokenize.ts`); these words say what promoters
 * like, so the praise list needs them. In a complaint they are the polite frame of a mild one
 * ("В целом всё устраивает, но поставки задерживают") and crowd out what it is about — so the
 * complaint tables drop them. Negated, they are complaints and stay: "не устраивает" is the
 * term `не_устраива`, not `устраива`.
 */
import { tokenize, type Term } from './tokenize.ts';

const PRAISE_WORDS = [
  // Russian: approval in the forms comments use.
  'устраивает',
  'устраивают',
  'устраивало',
  'устроило',
  'нормально',
  'нормальный',
  'нормальная',
  'нормальное',
  'нормальные',
  'отличный',
  'отличная',
  'отличное',
  'отличные',
  'отлично',
  'хорошо',
  'хороший',
  'хорошая',
  'хорошее',
  'хорошие',
  'неплохо',
  'неплохой',
  'прекрасно',
  'замечательно',
  'доволен',
  'довольны',
  'довольна',
  'супер',
  'молодцы',
  // English.
  'fine',
  'good',
  'ok',
  'okay',
  'great',
  'excellent',
  'nice',
  'decent',
  'perfect',
  'satisfied',
  'happy',
  'awesome',
];

/** The praise words as terms (stems), as `termsOf` makes them. */
const PRAISE_TERMS: ReadonlySet<string> = new Set(
  PRAISE_WORDS.flatMap((w) => tokenize(w, { bigrams: false, stopWords: false })),
);

/** Whether a term (a stem or a bigram of stems) is or holds a praise word. */
export function isPraiseTerm(term: string): boolean {
  if (PRAISE_TERMS.has(term)) return true;
  const space = term.indexOf(' ');
  return (
    space > 0 && (PRAISE_TERMS.has(term.slice(0, space)) || PRAISE_TERMS.has(term.slice(space + 1)))
  );
}

/** A complaint's terms without the praise words (and the phrases that hold one). */
export function withoutPraise(doc: readonly Term[]): Term[] {
  return doc.filter((t) => !isPraiseTerm(t.term));
}
