/**
 * Keyed pseudonyms for what a share or a report lets out about clients: each client id, name or
 * chosen value becomes an HMAC-SHA256 of it under a key made for that one share, so the same
 * client has the same pseudonym everywhere in the share (its aggregates do not change) and
 * another one in the next share (two shares cannot be joined). Comments are scrubbed of e-mail
 * addresses, phone numbers, card-like numbers and the names the client card holds.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** Hex digits of a pseudonym: 48 bits, so a million clients collide with odds of about 1 in 500. */
const DIGITS = 12;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** 13–19 digits, in groups of any size separated by spaces or dashes (a payment card). */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
/** A phone: an optional +, then 7–15 digits with spaces, dashes, dots or brackets between. */
const PHONE = /(?<![\p{L}\p{N}])\+?\d(?:[\s().-]{0,2}\d){6,14}(?![\p{L}\p{N}])/gu;

/** What replaces each kind of scrubbed text. */
export interface ScrubMarks {
  email: string;
  phone: string;
  card: string;
  name: string;
}

/** Columns that name or reach a person. */
const PERSONAL =
  /(^|[_\s-])(name|first|last|surname|e-?mail|phone|tel|contact|имя|фио|фамилия|почта|телефон|контакт)([_\s-]|$)/i;

const MARKS: ScrubMarks = { email: '[e-mail]', phone: '[phone]', card: '[card]', name: '[name]' };

/** A name's letters in lower case, ё as е, for matching it in a comment. */
function fold(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

/** Pseudonyms under one share's key, and comment scrubbing with the names to look for. */
export class Pseudonymiser {
  readonly #key: Uint8Array;
  readonly #cache = new Map<string, string>();
  readonly #words = new Set<string>();

  /** A pseudonymiser under `key` (a fresh random one by default: one per share). */
  constructor(key: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(32))) {
    this.#key = key;
  }

  /** The pseudonym of `value` in its `kind` (a client id, a name…): `prefix` + 12 hex digits. */
  of(value: string, prefix = 'P-'): string {
    const id = `${prefix}\u0000${value}`;
    let out = this.#cache.get(id);
    if (out === undefined) {
      const mac = hmac(sha256, this.#key, new TextEncoder().encode(id));
      out =
        prefix +
        Array.from(mac.subarray(0, DIGITS / 2), (b) => b.toString(16).padStart(2, '0')).join('');
      this.#cache.set(id, out);
    }
    return out;
  }

  /** A client id's pseudonym. */
  client(id: string): string {
    return this.of(id, 'C-');
  }

  /**
   * Names to scrub from comments: each name's words of three letters or more (a client card's
   * "name" column, a contact person), matched as whole words, any case.
   */
  addNames(names: Iterable<string>): void {
    for (const n of names) {
      for (const w of n.split(/[^\p{L}\p{N}]+/u)) {
        if (w.length >= 3 && !/^\d+$/.test(w)) this.#words.add(fold(w));
      }
    }
  }

  /** A comment with e-mail addresses, card-like numbers, phones and known names replaced. */
  scrub(text: string, marks: ScrubMarks = MARKS): string {
    const out = text
      .replace(EMAIL, marks.email)
      .replace(CARD, marks.card)
      .replace(PHONE, marks.phone);
    if (this.#words.size === 0) return out;
    return out.replace(/[\p{L}\p{N}]+/gu, (w) => (this.#words.has(fold(w)) ? marks.name : w));
  }

  /** Whether a column's name says it names or reaches a person (name, e-mail, phone). */
  static personal(column: string): boolean {
    return PERSONAL.test(column);
  }
}
