import { createHash } from 'node:crypto';
import { normalizeName, slugify } from '../../model/names.js';
import type { DraftLevel, DraftTrack, Findings } from './draft.js';

const words = (text: string) => slugify(text).split('-').filter(Boolean);

/** A title with no Latin letters or digits (`工程师`) still needs an id: one made from its text, so it is the same on every import. */
function fromScript(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 6)}`;
}

/** `Individual Contributors` → `ic`, `Managers` → `managers`. */
export function trackId(name: string): string {
  const parts = words(name);
  if (parts.length === 0) return fromScript('track', name);
  return parts.length > 1 ? parts.map((part) => part[0]).join('') : (parts[0] as string);
}

/**
 * Every track's id: the one its heading pins (`# Managers {#management}`), else the one its file
 * gives it (a discipline named after its file), else one made from its name. Two tracks that pin
 * one id are an error naming both places (an author chose the id twice); a made id that another
 * track already has gets the first free number, in reading order (`ic`, `ic-2`), so that tracks
 * are never merged by an id nobody wrote.
 */
export function assignTrackIds(tracks: DraftTrack[], findings?: Findings): Map<DraftTrack, string> {
  const ids = new Map<DraftTrack, string>();
  const pinnedBy = new Map<string, DraftTrack>();
  for (const track of tracks) {
    if (!track.pinnedId) continue;
    const first = pinnedBy.get(track.pinnedId);
    if (first) {
      findings?.error(track.file, track.line, `track id \`${track.pinnedId}\` of \`${track.name}\` is already the id of \`${first.name}\` (${first.file}:${first.line})`, 'a track id names one track; change one of the `{#id}` attributes');
      continue;
    }
    pinnedBy.set(track.pinnedId, track);
    ids.set(track, track.pinnedId);
  }
  const taken = new Set(pinnedBy.keys());
  const nextNumber = new Map<string, number>();
  for (const track of tracks) {
    if (ids.has(track)) continue;
    const base = track.id ?? trackId(track.name);
    let id = base;
    if (taken.has(id)) {
      let n = nextNumber.get(base) ?? 2;
      while (taken.has(`${base}-${n}`)) n += 1;
      id = `${base}-${n}`;
      nextNumber.set(base, n + 1);
    }
    taken.add(id);
    ids.set(track, id);
  }
  return ids;
}

/**
 * A pandoc heading attribute, `## Senior Engineer {#senior}`: the id it pins (other attributes,
 * `.class` or `key=value`, are dropped with it), and the title without it.
 */
export function splitHeadingId(heading: string): { title: string; id?: string } {
  const match = /^(.*\S)\s+\{([^{}]*)\}\s*$/.exec(heading);
  if (!match) return { title: heading };
  const attributes = (match[2] as string).trim().split(/\s+/);
  if (!attributes.every((attribute) => /^(#[\w-]+|\.[\w-]+|[\w-]+=\S*)$/.test(attribute))) return { title: heading };
  const id = attributes.find((attribute) => attribute.startsWith('#'))?.slice(1);
  return { title: match[1] as string, ...(id ? { id: slugify(id) } : {}) };
}

/**
 * Readable, unique ids from titles: the slug of the whole title (`Senior Data Manager` →
 * `senior-data-manager`, `Engineer II` → `engineer-ii`; only the first of titles joined by `/`),
 * so that an id says which level it is without the ladder beside it. A title another track also
 * holds gets the track's first word in front (`frontend-senior-engineer`), on every track that
 * holds it; only what is still taken gets a number. A heading's pandoc attribute pins its id.
 */
export function assignLevelIds(tracks: DraftTrack[]): Map<DraftLevel, string> {
  const ids = new Map<DraftLevel, string>();
  const taken = new Set<string>();
  // The levels each name (title or code) belongs to, in the whole ladder and on each track: sizes
  // answer every question below in constant time, however many levels share a title.
  const names = new Map<string, Set<DraftLevel>>();
  const namesOnTrack = new Map<string, Set<DraftLevel>>();
  const add = (index: Map<string, Set<DraftLevel>>, key: string, level: DraftLevel) => index.set(key, (index.get(key) ?? new Set()).add(level));
  tracks.forEach((track, t) => {
    for (const level of track.levels) {
      for (const name of [level.title, ...(level.code ? [level.code] : [])]) {
        add(names, normalizeName(name), level);
        add(namesOnTrack, `${t}\u0000${normalizeName(name)}`, level);
      }
    }
  });
  // Ids are compared as names are (`e-ng` and `eng` are one), and must not read as another level's title or code.
  const free = (id: string, level: DraftLevel) => {
    const key = normalizeName(id);
    const owners = names.get(key);
    return !taken.has(key) && (!owners || owners.size === 0 || (owners.size === 1 && owners.has(level)));
  };
  // The next number to try after each base: the numbers before it were taken, and stay so.
  const nextNumber = new Map<string, number>();
  tracks.forEach((track, t) => {
    // Where titles repeat across tracks (each discipline's `Senior Engineer`), the track's first word tells the ids apart.
    const prefix = words(track.name)[0];
    for (const level of track.levels) {
      const slug = words(level.title.split('/')[0] ?? level.title).join('-');
      // An id the heading pins (`{#senior}`) is the id, whatever the title says.
      const base = level.pinnedId ?? (slug || fromScript('level', level.title));
      let id = base;
      const key = normalizeName(id);
      const heldElsewhere = (names.get(key)?.size ?? 0) > (namesOnTrack.get(`${t}\u0000${key}`)?.size ?? 0);
      if (!level.pinnedId && prefix && heldElsewhere && free(`${prefix}-${base}`, level)) id = `${prefix}-${base}`;
      if (!free(id, level)) {
        let n = nextNumber.get(base) ?? 2;
        while (!free(`${base}-${n}`, level)) n += 1;
        id = `${base}-${n}`;
        nextNumber.set(base, n + 1);
      }
      taken.add(normalizeName(id));
      ids.set(level, id);
    }
  });
  return ids;
}
