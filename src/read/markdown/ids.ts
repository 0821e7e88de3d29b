import { slug } from '../../check/schema.js';
import type { DraftLevel, DraftTrack } from './import.js';

const words = (text: string) => slug(text).split('-').filter(Boolean);

/** `Individual Contributors` → `ic`, `Managers` → `managers`. */
export function trackId(name: string): string {
  const parts = words(name);
  return parts.length > 1 ? parts.map((part) => part[0]).join('') : (parts[0] ?? 'track');
}

/**
 * Short, unique ids from titles. Words every title of a track shares (`Operations`) are dropped;
 * then the first word no other title of the track uses is the id (`Principal Operations Engineer`
 * → `principal`); failing that, a title of one or two words is used whole (`senior-manager`) and a
 * longer one by its initials (`Senior Vice President / CTO / CIO` → `svp`). Clashes across tracks
 * get a number.
 */
export function assignLevelIds(tracks: DraftTrack[]): Map<DraftLevel, string> {
  const ids = new Map<DraftLevel, string>();
  const taken = new Set<string>();
  for (const track of tracks) {
    const titleWords = track.levels.map((level) => words(level.title.split('/')[0] ?? level.title));
    const shared = track.levels.length > 1 ? titleWords.reduce((common, current) => common.filter((word) => current.includes(word))) : [];
    const remaining = titleWords.map((list) => {
      const kept = list.filter((word) => !shared.includes(word));
      return kept.length > 0 ? kept : list;
    });
    track.levels.forEach((level, index) => {
      const own = remaining[index] as string[];
      const others = remaining.filter((_, other) => other !== index).flat();
      const distinctive = own.find((word) => !others.includes(word));
      const base = distinctive ?? (own.length <= 2 ? own.join('-') : own.map((word) => word[0]).join(''));
      let id = base || 'level';
      for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
      taken.add(id);
      ids.set(level, id);
    });
  }
  return ids;
}
