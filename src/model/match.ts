import { foldAccents, normalizeName } from './names.js';
import { maxOf } from '../lists.js';

/** Something a user can name on the command line: ids match exactly, names also match word by word. */
export interface Nameable<T> {
  item: T;
  ids: string[];
  names: string[];
}

export type MatchResult<T> = { kind: 'one'; item: T } | { kind: 'many'; items: T[] } | { kind: 'none' };

/**
 * Finds what a query names, trying in turn:
 * 1. an exact id;
 * 2. an exact name, ignoring case, spaces and hyphens;
 * 3. a word match: every query word is the prefix, or an in-order abbreviation (`ops` for
 *    `operations`), or the same number (`2` for `II`), of a different word of the name. A match that uses up every word of the name
 *    beats one that leaves words over. Equally good matches are returned together.
 */
export function matchName<T>(entries: Nameable<T>[], query: string): MatchResult<T> {
  const wanted = query.trim();
  const byId = entries.filter((entry) => entry.ids.includes(wanted.toLowerCase()));
  if (byId.length > 0) return collect(byId);

  const normalized = normalizeName(wanted);
  const byName = entries.filter((entry) => [...entry.ids, ...entry.names].some((name) => normalizeName(name) === normalized));
  if (byName.length > 0) return collect(byName);

  const queryWords = wordsOfName(wanted);
  if (queryWords.length === 0) return { kind: 'none' };
  let best = 0;
  let winners: Nameable<T>[] = [];
  for (const entry of entries) {
    const score = maxOf(entry.names.map((name) => wordScore(queryWords, wordsOfName(name))), 0);
    if (score > best) {
      best = score;
      winners = [entry];
    } else if (score === best && score > 0) {
      winners.push(entry);
    }
  }
  return collect(winners);
}

function collect<T>(entries: Nameable<T>[]): MatchResult<T> {
  const items = [...new Set(entries.map((entry) => entry.item))];
  if (items.length === 0) return { kind: 'none' };
  if (items.length === 1) return { kind: 'one', item: items[0] as T };
  return { kind: 'many', items };
}

/** A name's words as matching compares them: accents folded, lower case, split at anything not a letter or digit. */
export function wordsOfName(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Longer queries are not names a person types; they are not matched word by word. */
const MAX_QUERY_WORDS = 32;

/** 0: no match; 1: every query word matched a name word; 2: and no name word was left over. */
function wordScore(queryWords: string[], nameWords: string[]): number {
  if (queryWords.length > nameWords.length || queryWords.length > MAX_QUERY_WORDS) return 0;
  if (!matchesEveryWord(queryWords, nameWords)) return 0;
  return queryWords.length === nameWords.length ? 2 : 1;
}

/**
 * Whether each query word can have a name word of its own: a bipartite matching, found with
 * augmenting paths (Kuhn), so repeated words cost polynomial time rather than a search of every
 * assignment.
 */
function matchesEveryWord(queryWords: string[], nameWords: string[]): boolean {
  const candidates = queryWords.map((query) => nameWords.flatMap((word, position) => (abbreviates(query, word) || sameNumber(query, word) ? [position] : [])));
  const owner = new Array<number>(nameWords.length).fill(-1);
  const augment = (query: number, seen: boolean[]): boolean => {
    for (const position of candidates[query] as number[]) {
      if (seen[position]) continue;
      seen[position] = true;
      const holder = owner[position] as number;
      if (holder === -1 || augment(holder, seen)) {
        owner[position] = query;
        return true;
      }
    }
    return false;
  };
  return candidates.every((_, query) => augment(query, new Array<boolean>(nameWords.length).fill(false)));
}

/** `eng` and `ops` abbreviate `engineer` and `operations`: same first letter, the rest in order. */
export function abbreviates(query: string, word: string): boolean {
  if (query[0] !== word[0]) return false;
  let at = 1;
  for (const char of query.slice(1)) {
    at = word.indexOf(char, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/** The number a word of a title writes, in digits or in Roman numerals up to 12; undefined for any other word. */
function numberOf(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  const roman = ROMAN.indexOf(word);
  return roman === -1 ? undefined : roman + 1;
}

/** `2` and `ii` are one number, as people type `engineer 2` for `Engineer II`; a word is not its own number (that is an exact match). */
function sameNumber(query: string, word: string): boolean {
  const number = numberOf(query);
  return number !== undefined && query !== word && number === numberOf(word);
}

/**
 * Whether `query` found `names` only loosely: not as an id or a whole name, nor word by word as
 * the starts of words (`senior eng`), but by letters skipped within words (`princpal`, `ops`).
 */
export function foundLoosely(query: string, ids: string[], names: string[]): boolean {
  const normalized = normalizeName(query);
  if ([...ids, ...names].some((name) => normalizeName(name) === normalized)) return false;
  const queryWords = wordsOfName(query);
  return !names.some((name) => {
    const nameWords = wordsOfName(name);
    return queryWords.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word) || sameNumber(word, nameWord)));
  });
}
