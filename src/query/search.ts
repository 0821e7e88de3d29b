import { LadderError } from '../errors.js';
import type { Ladder, Level, Track } from '../model/model.js';
import { splitParagraphs } from '../model/model.js';
import { levelRef } from './views.js';
import type { LevelRef } from './views.js';

export interface SearchHit {
  level: LevelRef;
  /** The axis, or `description` / `note` for a level's prose. */
  section: string;
  clause: string;
  /** Where the text matched in the clause: [start, end) offsets. */
  matches: [number, number][];
}

export interface SearchOptions {
  regex: boolean;
  track?: Track;
  /** Only sections whose name is one of these. */
  sections?: string[];
}

/**
 * Builds the matcher: the text as a whole word or phrase, ignoring case and how words are spaced
 * (`on-call` finds "on-call" but not "non-callable"), or with `regex` a regular expression as given.
 */
export function searchPattern(text: string, regex: boolean): RegExp {
  if (regex) {
    try {
      return new RegExp(text, 'giu');
    } catch (error) {
      throw new LadderError('usage', `not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new LadderError('usage', 'nothing to search for', { hint: 'give a word or phrase, e.g. `ladder search on-call`' });
  const phrase = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Every clause (and prose sentence) that mentions the text, level by level in ladder order. */
export function searchLadder(ladder: Ladder, text: string, options: SearchOptions): SearchHit[] {
  const pattern = searchPattern(text, options.regex);
  const hits: SearchHit[] = [];
  const levels = options.track ? options.track.levels : ladder.levels;
  for (const level of levels) {
    for (const [section, clause] of sectionsOf(level)) {
      if (options.sections && !options.sections.includes(section)) continue;
      const matches = [...clause.matchAll(pattern)].filter((match) => match[0].length > 0).map((match): [number, number] => [match.index, match.index + match[0].length]);
      if (matches.length > 0) hits.push({ level: levelRef(ladder, level), section, clause, matches });
    }
  }
  return hits;
}

function sectionsOf(level: Level): [string, string][] {
  const prose = (name: string, text: string | undefined) => splitParagraphs(text).map((paragraph): [string, string] => [name, paragraph]);
  return [...prose('description', level.description), ...prose('note', level.note), ...level.axes.flatMap((axis) => axis.clauses.map((clause): [string, string] => [axis.name, clause]))];
}
