import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { fingerprintOf, slotOf } from '../../generated/word-hash.js';
import { englishWordsPath } from '../../paths.js';

/**
 * The English dictionaries (US and British spellings, as Hunspell's en_US and en_GB accept them),
 * compiled at build time into a hash set of their words (scripts/compile-dictionary.mjs). Read
 * only when the spelling rule runs; a lookup hashes the word and probes the table, so nothing is
 * built or decoded at start-up.
 */
export interface SpellChecker {
  /** Whether the dictionary, or the words the ladder makes known, has the word in this case or in a case Hunspell would accept. */
  correct(word: string): boolean;
  /** Known words one edit away (a letter added, left out, changed, or two swapped), as Hunspell's first suggestions are. */
  suggest(word: string): string[];
}

export function spellChecker(known: ReadonlySet<string>): SpellChecker {
  const has = (word: string) => known.has(word) || known.has(word.toLowerCase()) || inList(word);
  const correct = (word: string): boolean => {
    if (has(word)) return true;
    // Hunspell's cases: `Linux` also at the start of a sentence, `LINUX` for any accepted word.
    const lower = word.toLowerCase();
    if (word === capitalized(lower) || word === word.toUpperCase()) return inList(lower) || inList(capitalized(lower));
    return false;
  };
  return {
    correct,
    suggest: (word) => {
      const found: string[] = [];
      for (const candidate of oneEditAway(word.toLowerCase())) {
        if (!found.includes(candidate) && inList(candidate)) found.push(candidate);
        if (found.length === SUGGESTIONS) break;
      }
      return found;
    },
  };
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

let table: Uint32Array | undefined;

/** The table of fingerprints, as the build wrote it (little-endian, 4-byte slots). */
function wordTable(): Uint32Array {
  if (table) return table;
  const bytes = readFileSync(englishWordsPath);
  if (endianness() === 'BE') bytes.swap32();
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return (table = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4));
}

/** Whether the dictionaries have the word: its fingerprint in the run of filled slots from its own. */
function inList(word: string): boolean {
  const slots = wordTable();
  const mask = slots.length - 1;
  const fingerprint = fingerprintOf(word);
  for (let slot = slotOf(word, mask); slots[slot] !== 0; slot = (slot + 1) & mask) if (slots[slot] === fingerprint) return true;
  return false;
}

const SUGGESTIONS = 3;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function* oneEditAway(word: string): Generator<string> {
  for (let i = 0; i < word.length; i += 1) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 0; i + 1 < word.length; i += 1) yield word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
  for (let i = 0; i <= word.length; i += 1) {
    for (const letter of LETTERS) {
      yield word.slice(0, i) + letter + word.slice(i);
      if (i < word.length && letter !== word.charAt(i)) yield word.slice(0, i) + letter + word.slice(i + 1);
    }
  }
}
