import { readFileSync } from 'node:fs';
import { englishWordsPath } from '../../paths.js';

/**
 * The English dictionaries (US and British spellings, as Hunspell's en_US and en_GB accept them),
 * compiled at build time into one sorted list of words (scripts/compile-dictionary.mjs). Read as
 * text only when the spelling rule runs; a lookup is a binary search of that text, so nothing is
 * built at start-up.
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
    suggest: (word) => [...new Set(oneEditAway(word.toLowerCase()))].filter((candidate) => inList(candidate)).slice(0, 3),
  };
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

let words: string | undefined;

/** Binary search of the sorted list, line by line. */
function inList(word: string): boolean {
  const text = (words ??= readFileSync(englishWordsPath, 'utf8'));
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = text.lastIndexOf('\n', middle - 1) + 1;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line === word) return true;
    if (line < word) low = end + 1;
    else high = start;
  }
  return false;
}

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
