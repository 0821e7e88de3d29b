import { LadderError } from '../errors.js';
import type { Ladder, Level, Track } from '../model/model.js';
import { splitParagraphs } from '../model/model.js';
import { foldAccents, NON_ASCII } from '../model/names.js';
import { headedRef } from './views.js';
import type { HeadedRef } from './views.js';

export interface SearchHit {
  level: HeadedRef;
  /** The axis, or `description` / `note` for a level's prose. */
  section: string;
  clause: string;
  /** Where the text matched in the clause: [start, end) offsets. */
  matches: [number, number][];
}

/** How the text is matched: as the start of words (`mentor` finds "mentoring"), as whole words, or as a regular expression. */
export type SearchMode = 'forms' | 'word' | 'regex';

export interface SearchOptions {
  mode: SearchMode;
  track?: Track;
  /** Only sections whose name is one of these. */
  sections?: string[];
}

/**
 * Builds the matcher, which runs on text with its accents folded (see `folded`), so `maitrise`
 * finds "Maîtrise". By default each word of the text matches the start of a word (`mentor` finds
 * "mentors" and "mentoring"), and words may be joined by spaces, hyphens or slashes, or not at all
 * (`on call` finds "on-call" and "oncall"); `word` matches whole words only, as `grep -w` does; `regex` takes a regular
 * expression as given, on the text as written.
 */
export function searchPattern(text: string, mode: SearchMode): RegExp {
  if (mode === 'regex') {
    try {
      return new RegExp(text, 'giu');
    } catch (error) {
      throw new LadderError('usage', `not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const words = foldAccents(text).trim().split(/[\s\-_/]+/).filter(Boolean);
  if (words.length === 0) throw new LadderError('usage', 'nothing to search for', { hint: 'give a word or phrase, e.g. `ladder search on-call`' });
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const rest = mode === 'forms' ? '[\\p{L}\\p{N}]*' : '';
  // Between two words: the rest of the first and a separator, or nothing (`on call` finds "oncall").
  const phrase = escaped.map((word, index) => (index === escaped.length - 1 ? `${word}${rest}` : `${word}(?:${rest}[\\s\\-_/]+)?`)).join('');
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * A clause with its accents folded, and for each of its code units the offset in the clause as
 * written, so matches found in the folded text are reported where they are in the original.
 */
function folded(clause: string): { text: string; origin: number[] } {
  if (!NON_ASCII.test(clause)) return { text: clause, origin: [] };
  let text = '';
  const origin: number[] = [];
  for (let at = 0; at < clause.length; ) {
    const code = clause.codePointAt(at) as number;
    const char = String.fromCodePoint(code);
    const plain = foldAccents(char);
    for (let i = 0; i < plain.length; i += 1) origin.push(at);
    text += plain;
    at += char.length;
  }
  origin.push(clause.length);
  return { text, origin };
}

/** Every clause (and prose sentence) that mentions the text, level by level in ladder order. */
export function searchLadder(ladder: Ladder, text: string, options: SearchOptions): SearchHit[] {
  const pattern = searchPattern(text, options.mode);
  const hits: SearchHit[] = [];
  const levels = options.track ? options.track.levels : ladder.levels;
  for (const level of levels) {
    for (const [section, clause] of sectionsOf(level)) {
      if (options.sections && !options.sections.includes(section)) continue;
      const { text: haystack, origin } = options.mode === 'regex' ? { text: clause, origin: [] } : folded(clause);
      const at = (offset: number) => origin[offset] ?? offset;
      const matches = [...haystack.matchAll(pattern)].filter((match) => match[0].length > 0).map((match): [number, number] => [at(match.index), at(match.index + match[0].length)]);
      if (matches.length > 0) hits.push({ level: headedRef(ladder, level), section, clause, matches });
    }
  }
  return hits;
}

function sectionsOf(level: Level): [string, string][] {
  const prose = (name: string, text: string | undefined) => splitParagraphs(text).map((paragraph): [string, string] => [name, paragraph]);
  return [...prose('description', level.description), ...prose('note', level.note), ...level.axes.flatMap((axis) => axis.clauses.map((clause): [string, string] => [axis.name, clause]))];
}
