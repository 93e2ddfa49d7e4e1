/** Types of the two untyped text packages, as far as the text core uses them. */
declare module 'snowball-stemmers' {
  /** A Snowball stemmer of one language. */
  export interface Stemmer {
    stem(word: string): string;
  }
  /** A stemmer for a language such as `russian` or `english`. */
  export function newStemmer(language: string): Stemmer;
  /** The languages there are stemmers for. */
  export function algorithms(): string[];
}

declare module 'stopword' {
  /** English stop words (lower case). */
  export const eng: string[];
  /** Russian stop words (lower case). */
  export const rus: string[];
}
