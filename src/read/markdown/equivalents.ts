import type { Diagnostic } from '../../errors.js';
import { matchName } from '../../model/match.js';
import { closest, normalizeName } from '../../model/names.js';
import type { DraftLevel, DraftTrack } from './draft.js';

/**
 * Comparisons that inexact matching may make in one import. An exact title, code or alias is
 * found by lookup; only a looser name is compared with the levels of the other tracks, and a file
 * full of loose names must not make that quadratic.
 */
const FUZZY_BUDGET = 2_000_000;

/**
 * Turns each level's equivalent, named by title in the document, into the id of a level on another
 * track. An exact title, code or alias is taken as it is; a looser name (`Lead Engineer`) is matched
 * to the closest title there (`Lead Operations Engineer`) with a warning, and kept as an alias of
 * that level. A name that matches nothing, or two levels that claim one equivalent, are errors. A
 * level named by an equivalent that names nothing back is given the back-reference, so the result
 * always validates. With `keepUnresolved`, a name that matches nothing (a level kept in a file not
 * read with this one) is a warning that keeps the name, and the level has no equivalent.
 */
export function resolveEquivalents(tracks: DraftTrack[], ids: Map<DraftLevel, string>, warnings: Diagnostic[], keepUnresolved = false): { equivalents: Map<DraftLevel, string>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const target = new Map<DraftLevel, DraftLevel>();
  const byName = nameIndex(tracks);
  const byWord = wordIndex(tracks);
  const trackOf = new Map(tracks.flatMap((track) => track.levels.map((level): [DraftLevel, DraftTrack] => [level, track])));
  let budget = FUZZY_BUDGET;
  tracks.forEach((track) => {
    let others: DraftLevel[] | undefined;
    for (const level of track.levels) {
      const name = level.equivalentName;
      if (!name) continue;
      const where = { file: level.file, line: level.equivalentLine ?? level.line, col: 1 };
      let found = byName.get(normalizeName(name))?.find((candidate) => trackOf.get(candidate) !== track);
      // Written otherwise (`lead-engineer` for `Lead Engineer`), the name is kept as an alias, as a looser one is.
      const exact = found !== undefined && namesOf(found).includes(name);
      if (!found) {
        // Levels that share the query's rarest word are tried first: numbered titles find their match there at once.
        const sharing = byWord.rarest(name).filter((candidate) => trackOf.get(candidate) !== track);
        found = sharing.length > 0 ? findByWords(name, sharing) : undefined;
      }
      if (!found) {
        others ??= tracks.filter((other) => other !== track).flatMap((other) => other.levels);
        budget -= others.length;
        found = budget >= 0 ? findLoosely(name, others) : undefined;
      }
      if (!found) {
        const message = `equivalent \`${name}\` of \`${level.title}\` matches no level on another track`;
        if (keepUnresolved) {
          warnings.push({ severity: 'warning', ...where, message: `${message}; imported without it` });
          continue;
        }
        budget -= others?.length ?? 0;
        const near = budget >= 0 && others ? closest(name, others.map((other) => other.title), 1) : [];
        errors.push({
          severity: 'error',
          ...where,
          message,
          hint: near.length > 0 ? `did you mean \`${near[0]}\`?` : 'name the equivalent by its title or code, or write _n/a_; `ladder import --keep-unresolved` imports the level without it',
        });
        continue;
      }
      if (!exact) {
        warnings.push({ severity: 'warning', ...where, message: `equivalent \`${name}\` of \`${level.title}\` taken to be \`${found.title}\`` });
        addAlias(found, name, ids);
      }
      target.set(level, found);
    }
  });
  for (const [level, found] of target) {
    const back = target.get(found);
    if (back === undefined) {
      if (found.equivalentLine !== undefined && !found.equivalentName) {
        warnings.push({ severity: 'warning', file: found.file, line: found.equivalentLine, col: 1, message: `\`${found.title}\` gives its equivalent as n/a, but \`${level.title}\` names it; taken to be \`${level.title}\`` });
      }
      target.set(found, level);
    } else if (back !== level) {
      errors.push({ severity: 'error', file: found.file, line: found.line, col: 1, message: `\`${found.title}\` is the equivalent of \`${level.title}\` but names \`${back.title}\`` });
    }
  }
  return { equivalents: new Map([...target].map(([level, found]) => [level, ids.get(found) as string])), errors };
}

/** Every level under each of its names (title, code, aliases), compared as names are everywhere. */
function nameIndex(tracks: DraftTrack[]): Map<string, DraftLevel[]> {
  const index = new Map<string, DraftLevel[]>();
  for (const level of tracks.flatMap((track) => track.levels)) {
    for (const name of namesOf(level)) {
      const key = normalizeName(name);
      const list = index.get(key) ?? [];
      if (!list.includes(level)) list.push(level);
      index.set(key, list);
    }
  }
  return index;
}

/** The levels whose titles hold a word, for the word of a query that the fewest titles hold. */
function wordIndex(tracks: DraftTrack[]): { rarest(query: string): DraftLevel[] } {
  const index = new Map<string, DraftLevel[]>();
  for (const level of tracks.flatMap((track) => track.levels)) {
    for (const word of new Set(titleWords(level.title))) index.set(word, [...(index.get(word) ?? []), level].slice(0, RAREST_CAP + 1));
  }
  return {
    rarest(query) {
      const lists = titleWords(query).map((word) => index.get(word) ?? []).filter((list) => list.length > 0 && list.length <= RAREST_CAP);
      return lists.reduce<DraftLevel[]>((best, list) => (best.length === 0 || list.length < best.length ? list : best), []);
    },
  };
}

/** A word held by more titles than this says little about which one is meant. */
const RAREST_CAP = 64;

function titleWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function findByWords(name: string, levels: DraftLevel[]): DraftLevel | undefined {
  const byWords = matchName(levels.map((level) => ({ item: level, ids: [], names: [level.title] })), name);
  return byWords.kind === 'one' ? byWords.item : undefined;
}

function findLoosely(name: string, levels: DraftLevel[]): DraftLevel | undefined {
  const byWords = findByWords(name, levels);
  if (byWords) return byWords;
  const [near] = closest(name, levels.map((level) => level.title), 1);
  return levels.find((level) => level.title === near);
}

/** Keeps the document's name for a level findable, unless it is just the level's own id or title. */
function addAlias(level: DraftLevel, name: string, ids: Map<DraftLevel, string>): void {
  const key = normalizeName(name);
  const known = [ids.get(level) ?? '', ...namesOf(level)].map(normalizeName);
  if (!known.includes(key)) level.aliases.push(name);
}

function namesOf(level: DraftLevel): string[] {
  return [level.title, ...(level.code ? [level.code] : []), ...level.aliases];
}
