import { createHash } from 'node:crypto';
import { normalizeName, slugify } from '../../model/names.js';
import type { DraftLevel, DraftTrack } from './draft.js';

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
 * Ids from titles, readable and stable: the id a heading pins (`{#senior}`), else the slug of the
 * whole title (`Senior Data Manager` → `senior-data-manager`; of a title with slashes, the first
 * part: `Senior Vice President / CTO / CIO` → `senior-vice-president`). Where a title repeats on
 * several tracks (each discipline's `Senior Engineer`), the id is qualified by its track's id
 * (`backend-senior-engineer`); a clash that remains gets a number. Linear: every check is a lookup.
 */
export function assignLevelIds(tracks: DraftTrack[], trackIds: Map<DraftTrack, string>): Map<DraftLevel, string> {
  const ids = new Map<DraftLevel, string>();
  const taken = new Set<string>();
  const names = new Map<string, DraftLevel | 'several'>();
  const baseOf = new Map<DraftLevel, string>();
  const tracksOfBase = new Map<string, DraftTrack | 'several'>();
  for (const track of tracks) {
    for (const level of track.levels) {
      for (const name of [level.title, ...(level.code ? [level.code] : [])]) {
        const key = normalizeName(name);
        const owner = names.get(key);
        names.set(key, owner === undefined || owner === level ? level : 'several');
      }
      const base = level.pinnedId ?? (slugify(level.title.split('/')[0] ?? level.title) || fromScript('level', level.title));
      baseOf.set(level, base);
      const owner = tracksOfBase.get(base);
      tracksOfBase.set(base, owner === undefined || owner === track ? track : 'several');
    }
  }
  // Ids are compared as names are (`e-ng` and `eng` are one), and must not read as another level's title or code.
  const free = (id: string, level: DraftLevel) => {
    const owner = names.get(normalizeName(id));
    return !taken.has(normalizeName(id)) && (owner === undefined || owner === level);
  };
  for (const track of tracks) {
    for (const level of track.levels) {
      const base = baseOf.get(level) as string;
      let id = base;
      if (!level.pinnedId && tracksOfBase.get(base) === 'several') id = `${trackIds.get(track) ?? 'track'}-${base}`;
      const stem = id;
      for (let n = 2; !free(id, level); n += 1) id = `${stem}-${n}`;
      taken.add(normalizeName(id));
      ids.set(level, id);
    }
  }
  return ids;
}
