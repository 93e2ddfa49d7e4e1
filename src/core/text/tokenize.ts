/**
 * Words of a comment as terms for counting and clustering, in Russian, English or both mixed:
 * lower-cased with ё→е; web addresses, e-mails and numbers dropped; stop words (a well-kept
 * list plus words every CX comment uses) dropped; a negation joined to the word it negates
 * ("не доволен" → `не_довол`, "not happy", "didn't arrive" → `not_happi`, `not_arriv`) so it
 * stays meaningful; Snowball stems by each word's script; and bigrams of neighbouring terms.
 * Each term keeps the words it came from, to show people words rather than stems.
 */
import { newStemmer } from 'snowball-stemmers';
// Named imports: the bundle keeps these two lists, not the package's other languages.
import { eng as stopEn, rus as stopRu } from 'stopword';

/** The languages the text core reads. */
export type TextLang = 'ru' | 'en';

/** A term of a comment and the words it came from (as written, lower-cased). */
export interface Term {
  term: string;
  surface: string;
  /**
   * The stretch of the comment it spans when that differs from `surface` (a negation over stop
   * words: "не очень доволен" for `не доволен`), to mark it in the comment.
   */
  span?: string;
}

/** What `terms` keeps. */
export interface TermOptions {
  /** Join neighbouring terms into bigrams (`доставк опозда`); true by default. */
  bigrams?: boolean;
  /** Stem words; true by default (the baseline of the quality tests turns it off). */
  stem?: boolean;
  /** Drop stop words; true by default. */
  stopWords?: boolean;
}

const NEGATORS = new Set([
  'не',
  'нет',
  'ни',
  'без',
  'нельзя',
  'not',
  'no',
  'never',
  'nor',
  'without',
  // Contractions typed without the apostrophe.
  'dont',
  'didnt',
  'doesnt',
  'wasnt',
  'werent',
  'isnt',
  'arent',
  'cant',
  'cannot',
  'wont',
  'havent',
  'hasnt',
  'couldnt',
  'wouldnt',
  'shouldnt',
]);

/** Numbers written as words: they count no complaint either. */
const NUMBER_WORDS = (
  'один одна одно два две три четыре пять шесть семь восемь девять десять ' +
  'two three four five six seven eight nine ten'
).split(' ');

/** Words nearly every CX comment uses, which name no complaint. */
const DOMAIN_STOP_WORDS = [
  'это',
  'всё',
  'все',
  'очень',
  'просто',
  'ещё',
  'еще',
  'вообще',
  'также',
  'спасибо',
  'пожалуйста',
  'здравствуйте',
  'добрый',
  'день',
  'компания',
  'компании',
  'компанию',
  'вы',
  'ваш',
  'ваша',
  'ваши',
  'вас',
  'нам',
  'мы',
  'наш',
  'наша',
  'наши',
  'нас',
  'очень',
  'так',
  'там',
  'тут',
  'всегда',
  'иногда',
  'раз',
  'который',
  'которые',
  'also',
  'really',
  'very',
  'just',
  'would',
  'could',
  'get',
  'got',
  'one',
  'us',
  'thank',
  'thanks',
  'please',
  'hello',
  'company',
  'im',
  'ive',
  'dont',
  'didnt',
  'wasnt',
  'isnt',
  'xx',
  'xxxx',
  'xxxxxxxx',
  // Retweet marks and fillers of tweets and long reviews.
  'rt',
  'so',
  'quite',
  ...NUMBER_WORDS,
];

const STOP_WORDS: ReadonlySet<string> = new Set(
  [...stopRu, ...stopEn, ...DOMAIN_STOP_WORDS]
    .map((w) => w.toLowerCase().replace(/ё/g, 'е'))
    .filter((w) => !NEGATORS.has(w)),
);

const stemmers = { ru: newStemmer('russian'), en: newStemmer('english') };
// A comment corpus repeats its words: each word is stemmed once.
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

function stemOf(word: string, lang: TextLang): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmers[lang].stem(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** @mentions name people, not complaints; a hashtag's word is kept. */
const MENTION = /(^|\s)@[\p{L}\p{N}_]+/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /\b[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}\b/giu;
/** Words: letters, with an apostrophe or hyphen inside (don't, из-за, e-mail). */
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Lower-cased, ё→е, addresses, e-mails and @mentions blanked (numbers are never words). */
export function normalizeText(text: string): string {
  let normal = text.toLowerCase();
  // Each pass only where it can match: most comments hold no address and no @.
  if (normal.includes('ё')) normal = normal.replace(/ё/g, 'е');
  if (normal.includes('http') || normal.includes('www.')) normal = normal.replace(URL, ' ');
  if (normal.includes('@')) normal = normal.replace(EMAIL, ' ').replace(MENTION, '$1 ');
  return normal;
}

/** Whether a word holds a Cyrillic letter (as `CYRILLIC` tests, without a regex for most). */
function hasCyrillic(word: string): boolean {
  let other = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // The Cyrillic block but for its two combining marks (of the Inherited script).
    if (c >= 0x400 && c <= 0x4ff && c !== 0x485 && c !== 0x486) return true;
    if (c >= 0x80) other = true;
  }
  return other && CYRILLIC.test(word);
}

/** Whether `text` holds a clause break (. , ! ? ; : ( ) or a line feed) in `from`…`to`. */
function breaksClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . , ! ? ; : ( ) and a line feed.
    if (
      c === 46 ||
      c === 44 ||
      c === 33 ||
      c === 63 ||
      c === 59 ||
      c === 58 ||
      c === 40 ||
      c === 41 ||
      c === 10
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The language of a comment by its letters: Russian when at least a third of them are
 * Cyrillic (Russian comments carry Latin brand names), else English; null without letters.
 */
export function detectLanguage(text: string): TextLang | null {
  let cyr = 0;
  let lat = 0;
  for (const ch of text) {
    if (ch >= 'a' && ch <= 'z') lat++;
    else if (ch >= 'A' && ch <= 'Z') lat++;
    else if (CYRILLIC.test(ch)) cyr++;
  }
  if (cyr + lat === 0) return null;
  return cyr * 3 >= cyr + lat ? 'ru' : 'en';
}

/** What a word written in a comment does to its terms (see `readWord`). */
interface WordRole {
  /** "didn't": the word as negation (apostrophe straightened) before anything else; or null. */
  contraction: string | null;
  /** What the word is then: dropped, a negator (not, без), or a term of its language. */
  role: 'skip' | 'negator' | 'term';
  /** The word as counted (apostrophes dropped); a negator's word. */
  word: string;
  lang: TextLang;
  /** The word's term: its stem, or the word when not stemming. */
  term: string;
}

/** How a word written in a comment is read, with the options given. */
function readWord(written: string, stem: boolean, stop: boolean): WordRole {
  let word = written.includes('’') ? written.replace(/’/g, "'") : written;
  let contraction: string | null = null;
  const role = (r: WordRole['role']): WordRole => ({
    contraction,
    role: r,
    word,
    lang: 'en',
    term: word,
  });
  // "didn't", "don't", "can't": the verb, negated.
  if (word.endsWith("n't")) {
    contraction = word;
    word = word === "can't" ? 'can' : word === "won't" ? 'will' : word.slice(0, -3);
    if (STOP_WORDS.has(word) || word.length < 2) return role('skip');
  }
  if (word.includes("'")) word = word.replace(/'/g, '');
  if (NEGATORS.has(word)) return role('negator');
  if (word.length < 2 || (stop && STOP_WORDS.has(word))) return role('skip');
  const lang: TextLang = hasCyrillic(word) ? 'ru' : 'en';
  return { contraction, role: 'term', word, lang, term: stem ? stemOf(word, lang) : word };
}

// A comment corpus repeats its words: each word written is read once (with the default
// options, which nearly every call uses).
const wordCache = new Map<string, WordRole>();

function readWordCached(written: string): WordRole {
  let r = wordCache.get(written);
  if (r === undefined) {
    r = readWord(written, true, true);
    if (wordCache.size >= STEM_CACHE_MAX) wordCache.clear();
    wordCache.set(written, r);
  }
  return r;
}

/** The terms of a comment with the words behind each (see the module comment). */
export function termsOf(text: string, options: TermOptions = {}): Term[] {
  const stem = options.stem ?? true;
  const stop = options.stopWords ?? true;
  const cached = stem && stop;
  const out: Term[] = [];
  let negation: string | null = null;
  let negationAt = 0;
  const normal = normalizeText(text);
  let end = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(normal); match !== null; match = WORD.exec(normal)) {
    // A negation reaches over stop words to the next word, not past the end of its phrase.
    if (negation !== null && breaksClause(normal, end, match.index)) negation = null;
    end = match.index + match[0].length;
    const read = cached ? readWordCached(match[0]) : readWord(match[0], stem, stop);
    if (read.contraction !== null) {
      negation = read.contraction;
      negationAt = match.index;
    }
    if (read.role === 'negator') {
      negation = read.word;
      negationAt = match.index;
    }
    if (read.role !== 'term') continue;
    const { word, lang } = read;
    let term = read.term;
    let surface = word;
    let span: string | undefined;
    if (negation !== null) {
      // One negation marker per language, whatever the negating word.
      term = `${lang === 'ru' ? 'не' : 'not'}_${term}`;
      surface = `${negation} ${word}`;
      const written = normal.slice(negationAt, end);
      if (written.split(/[^\p{L}\p{N}'’-]+/u).length > 2) span = written;
      negation = null;
    }
    out.push(span === undefined ? { term, surface } : { term, surface, span });
  }
  if (options.bigrams ?? true) addBigrams(out);
  return out;
}

/** Adds the bigrams of neighbouring terms to a comment's terms. */
function addBigrams(out: Term[]): void {
  const n = out.length;
  for (let i = 0; i + 1 < n; i++) {
    out.push({
      term: `${out[i]!.term} ${out[i + 1]!.term}`,
      surface: `${out[i]!.surface} ${out[i + 1]!.surface}`,
    });
  }
}

/**
 * The terms of each comment (none for a blank one). Comments repeat ("Всё хорошо", "Fine"), so
 * each distinct text is tokenised once; `onStep(done)` is called every `step` rows.
 */
export function termsOfEach(
  texts: readonly (string | null)[],
  onStep?: (done: number) => void,
  step = 5_000,
): Term[][] {
  const terms: Term[][] = new Array(texts.length);
  const seen = new Map<string, Term[]>();
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    let found = t ? seen.get(t) : undefined;
    if (t && !found) seen.set(t, (found = termsOf(t)));
    terms[i] = found ?? [];
    if ((i + 1) % step === 0) onStep?.(i + 1);
  }
  return terms;
}

/** The terms of a comment (see `termsOf`), without the words behind them. */
export function tokenize(text: string, options: TermOptions = {}): string[] {
  return termsOf(text, options).map((t) => t.term);
}

/**
 * The words a person reads for each term: its most frequent surface form in the texts seen
 * (`доставк` → "доставка"), counted as terms are added.
 */
export class SurfaceNames {
  #counts = new Map<string, Map<string, number>>();

  /**
   * Counts the surface forms of some terms, as seen `times` times (once by default); with
   * `only`, of those terms alone.
   */
  add(terms: readonly Term[], times = 1, only?: ReadonlySet<string>): void {
    for (const { term, surface } of terms) {
      if (only && !only.has(term)) continue;
      let forms = this.#counts.get(term);
      if (!forms) this.#counts.set(term, (forms = new Map()));
      forms.set(surface, (forms.get(surface) ?? 0) + times);
    }
  }

  /** The most frequent surface form of `term` (ties: the first seen); the term itself if unseen. */
  name(term: string): string {
    const forms = this.#counts.get(term);
    if (!forms) return term;
    let best = term;
    let most = 0;
    for (const [form, n] of forms) {
      if (n > most) {
        best = form;
        most = n;
      }
    }
    return best;
  }
}
