/**
 * Words of praise and approval ("устраивает", "нормально", "отличный", "хорошо", "fine",
 * "good", "ok", "great"…), left out of what complaints say but kept for what promoters praise;
 * and fillers ("хотя", "в целом", "в принципе", "overall"…), left out of both.
 *
 * Why not stop words: approval words say what promoters like, so the praise list needs them.
 * In a complaint they are the polite frame of a mild one ("В целом всё устраивает, но поставки
 * задерживают") and crowd out what it is about — so the complaint tables drop them. The
 * fillers say nothing on either side, but they are not stop words either: how a comment is
 * framed still tells kinds of comment apart, and the comment clustering reads it (as stop words
 * they cost the clustering's agreement with known themes 0.06–0.08 NMI). Negated, approval
 * words are complaints and stay: "не устраивает" is the term `не_устраива`, not `устраива`.
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

/** Fillers of mild complaints and praise alike: they say nothing about either. */
const FILLER_WORDS = [
  'хотя',
  'целом',
  'принципе',
  'основном',
  'overall',
  'generally',
  'mostly',
  'anyway',
];

/** The filler words as terms (stems). */
const FILLER_TERMS: ReadonlySet<string> = new Set(
  FILLER_WORDS.flatMap((w) => tokenize(w, { bigrams: false, stopWords: false })),
);

/** Whether a term (a stem or a bigram of stems) is or holds a filler. */
function isFillerTerm(term: string): boolean {
  if (FILLER_TERMS.has(term)) return true;
  const space = term.indexOf(' ');
  return (
    space > 0 && (FILLER_TERMS.has(term.slice(0, space)) || FILLER_TERMS.has(term.slice(space + 1)))
  );
}

/** Praise's terms without the fillers (and the phrases that hold one). */
export function withoutFillers(doc: readonly Term[]): Term[] {
  return doc.filter((t) => !isFillerTerm(t.term));
}

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

/** A complaint's terms without the praise words and fillers (and the phrases that hold one). */
export function withoutPraise(doc: readonly Term[]): Term[] {
  return doc.filter((t) => !isPraiseTerm(t.term) && !isFillerTerm(t.term));
}
