import { NON_ASCII } from '../../model/names.js';

/**
 * A letter class the lint rules read text with, in a Unicode form and an ASCII form that reads
 * ASCII text exactly as the Unicode one does. V8 parses a Unicode property class (`\p{L}`) when the
 * expression is made, building the set of every letter, which cost more than checking every word
 * of the shipped ladder: text with nothing outside ASCII (most ladders in English) is read with the
 * ASCII form, and the Unicode one is made only for text that needs it.
 */
export class Forms {
  #unicode?: RegExp;

  constructor(
    private readonly ascii: RegExp,
    private readonly unicodeSource: string,
    private readonly unicodeFlags: string,
  ) {}

  /** The form that reads `text`. */
  for(text: string): RegExp {
    return NON_ASCII.test(text) ? (this.#unicode ??= new RegExp(this.unicodeSource, this.unicodeFlags)) : this.ascii;
  }
}

/** What lies between words (letters and digits). */
export const NOT_WORD = new Forms(/[^A-Za-z0-9]+/g, '[^\\p{L}\\p{N}]+', 'gu');
/** A run of letters and digits. */
export const WORD_RUN = new Forms(/[A-Za-z0-9]+/g, '[\\p{L}\\p{N}]+', 'gu');
/** A text that starts with a small letter. */
export const STARTS_SMALL = new Forms(/^[a-z]/, '^\\p{Ll}', 'u');
/** A text that starts with a capital. */
export const STARTS_CAPITAL = new Forms(/^[A-Z]/, '^\\p{Lu}', 'u');
