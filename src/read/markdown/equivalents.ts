import type { Diagnostic } from '../../errors.js';
import { matchName } from '../../model/match.js';
import { closest, normalizeName } from '../../model/names.js';
import type { DraftLevel, DraftTrack } from './import.js';

/**
 * Turns each level's equivalent, named by title in the document, into the id of a level on another
 * track. An exact title is taken as it is; a looser name (`Lead Engineer`) is matched to the closest
 * title there (`Lead Operations Engineer`) with a warning, and kept as an alias of that level. A name
 * that matches nothing, or two levels that claim one equivalent, are errors. A level named by an
 * equivalent that names nothing back is given the back-reference, so the result always validates.
 */
export function resolveEquivalents(tracks: DraftTrack[], ids: Map<DraftLevel, string>, file: string, warnings: Diagnostic[]): { equivalents: Map<DraftLevel, string>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const target = new Map<DraftLevel, DraftLevel>();
  for (const track of tracks) {
    const others = tracks.filter((other) => other !== track).flatMap((other) => other.levels);
    for (const level of track.levels) {
      if (!level.equivalentName) continue;
      const found = findByTitle(level.equivalentName, others);
      const where = { file, line: level.equivalentLine ?? level.line, col: 1 };
      if (!found) {
        const near = closest(level.equivalentName, others.map((other) => other.title), 1);
        errors.push({
          severity: 'error',
          ...where,
          message: `equivalent \`${level.equivalentName}\` of \`${level.title}\` matches no level on another track`,
          hint: near.length > 0 ? `did you mean \`${near[0]}\`?` : 'name the equivalent by its title, or write _n/a_',
        });
        continue;
      }
      const exact = [found.title, ...found.aliases].some((name) => normalizeName(name) === normalizeName(level.equivalentName as string));
      if (!exact) {
        warnings.push({ severity: 'warning', ...where, message: `equivalent \`${level.equivalentName}\` of \`${level.title}\` taken to be \`${found.title}\`` });
        addAlias(found, level.equivalentName, ids);
      }
      target.set(level, found);
    }
  }
  for (const [level, found] of target) {
    const back = target.get(found);
    if (back === undefined) {
      target.set(found, level);
    } else if (back !== level) {
      errors.push({ severity: 'error', file, line: found.line, col: 1, message: `\`${found.title}\` is the equivalent of \`${level.title}\` but names \`${back.title}\`` });
    }
  }
  return { equivalents: new Map([...target].map(([level, found]) => [level, ids.get(found) as string])), errors };
}

function findByTitle(name: string, levels: DraftLevel[]): DraftLevel | undefined {
  const exact = levels.find((level) => normalizeName(level.title) === normalizeName(name) || level.aliases.some((alias) => normalizeName(alias) === normalizeName(name)));
  if (exact) return exact;
  const byWords = matchName(levels.map((level) => ({ item: level, ids: [], names: [level.title] })), name);
  if (byWords.kind === 'one') return byWords.item;
  const [near] = closest(name, levels.map((level) => level.title), 1);
  return levels.find((level) => level.title === near);
}

/** Keeps the document's name for a level findable, unless it is just the level's own id or title. */
function addAlias(level: DraftLevel, name: string, ids: Map<DraftLevel, string>): void {
  const key = normalizeName(name);
  const known = [ids.get(level) ?? '', level.title, ...level.aliases].map(normalizeName);
  if (!known.includes(key)) level.aliases.push(name);
}
