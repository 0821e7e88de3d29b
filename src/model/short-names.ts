import { wordsOfName } from './match.js';
import type { Ladder, Level } from './model.js';

const byLadder = new WeakMap<Ladder, Map<Level, string>>();

/**
 * What each level is called within its track: its title without the words every title of the
 * track shares (`Lead Operations Engineer` → `lead engineer`, `Operations Engineer` → `engineer`).
 * Ids are whole titles, so this is what lets `ladder diff engineer lead` name them briefly.
 */
export function shortNames(ladder: Ladder): Map<Level, string> {
  const known = byLadder.get(ladder);
  if (known) return known;
  const names = new Map<Level, string>();
  for (const track of ladder.tracks) {
    if (track.levels.length < 2) continue;
    const wordsOf = track.levels.map((level) => wordsOfName(level.title));
    const shared = new Set(wordsOf.reduce((common, current) => common.filter((word) => current.includes(word))));
    if (shared.size === 0) continue;
    track.levels.forEach((level, index) => {
      const own = (wordsOf[index] as string[]).filter((word) => !shared.has(word));
      if (own.length > 0) names.set(level, own.join(' '));
    });
  }
  byLadder.set(ladder, names);
  return names;
}
