import type { Diagnostic } from '../errors.js';
import { normalizeName } from '../model/names.js';
import type { RawLadder, RawLevel } from '../model/model.js';
import type { Position, PathSegment } from '../read/parse-yaml.js';
import { checkEquivalents, checkPeerGroups } from './equivalents.js';
import { checkGrades } from './grades.js';

/** Where a value sits in the file; the fast path, which only needs to know whether there are problems, has no positions. */
export type Locate = (path: readonly PathSegment[], at?: 'key' | 'value') => (Partial<Position> & { file?: string }) | undefined;

/** A level and where it is; its path is made only for a level that is reported. */
export class Located {
  constructor(
    readonly level: RawLevel,
    readonly trackIndex: number,
    /** 1-based position on its track. */
    readonly position: number,
  ) {}

  get path(): PathSegment[] {
    return ['tracks', this.trackIndex, 'levels', this.position - 1];
  }
}

/**
 * The rules a JSON Schema cannot express: unique names; grades on the scale, rising along each
 * track; equivalents that exist, cross tracks, point back and agree with the grades; and peers
 * that keep each track's order.
 */
export function checkCrossReferences(raw: RawLadder, file: string, locate: Locate = () => undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (path: PathSegment[], message: string, hint?: string) => {
    diagnostics.push({ severity: 'error', file, ...locate(path), message, hint });
  };
  /** Where another name is, for a message about `here`: `line 8`, or `backend.yaml:8` when it is in another file of a folder. */
  const placeOf = (path: PathSegment[], here: PathSegment[]) => {
    const there = locate(path);
    return there?.file !== undefined && there.file !== locate(here)?.file ? `${there.file}:${there.line}` : `line ${there?.line}`;
  };

  const trackIds = new Map<string, PathSegment[]>();
  raw.tracks.forEach((track, t) => {
    const path = ['tracks', t, 'id'];
    const first = trackIds.get(track.id);
    if (first) report(path, `duplicate track id \`${track.id}\` (first used on ${placeOf(first, path)})`);
    else trackIds.set(track.id, path);
  });

  const levels: Located[] = raw.tracks.flatMap((track, t) => track.levels.map((level, l) => new Located(level, t, l + 1)));
  checkNames(levels, report, placeOf);
  const gradesSound = checkGrades(raw, levels, report);
  const equivalentsSound = checkEquivalents(levels, report, (t) => raw.tracks[t]?.id ?? '', placeOf);
  // Peer groups are only worth checking once each level's own references hold. Without named
  // equivalents, the groups are the grades, which rise along each track: they cannot cross.
  const named = levels.some((entry) => entry.level.equivalent !== undefined && entry.level.equivalent !== null);
  if (named && gradesSound && equivalentsSound && diagnostics.length === 0) checkPeerGroups(raw, levels, report);
  return diagnostics;
}

export type Report = (path: PathSegment[], message: string, hint?: string) => void;

const UNIQUE_IDS = 'names are compared ignoring case, spaces and hyphens, and must be unique across the ladder';
const UNIQUE_IN_TRACK = 'names are compared ignoring case, spaces and hyphens; a title, code or alias must be unique on its track, and no other level\'s id';

/**
 * Ids are unique across the ladder, so an id names one level wherever it is used (equivalents,
 * `list --ids` piped to `show`). Titles, codes and aliases are unique on their track: two
 * disciplines may each have a "Senior Engineer", found as `backend:senior` or by its id.
 */
function checkNames(levels: Located[], report: Report, placeOf: (path: PathSegment[], here: PathSegment[]) => string): void {
  // Paths are made only for what is reported: a ladder of thousands of levels makes no garbage here.
  const ids = new Map<string, Located>();
  for (const entry of levels) {
    // An id is lower-case letters, digits and hyphens (the schema's pattern): its name is it without hyphens.
    const key = entry.level.id.replace(/-/g, '');
    const owner = ids.get(key);
    if (!owner) {
      ids.set(key, entry);
      continue;
    }
    const here = [...entry.path, 'id'];
    report(here, `id \`${entry.level.id}\` is already another level's id (${placeOf([...owner.path, 'id'], here)})`, UNIQUE_IDS);
  }
  /** Where a name is: the level, and which of its names (an alias by its index). */
  type Place = { entry: Located; what: 'title' | 'code' | 'alias'; alias: number };
  const pathOf = ({ entry, what, alias }: Place): PathSegment[] => (what === 'alias' ? [...entry.path, 'aliases', alias] : [...entry.path, what]);
  const tracks: Map<string, Place>[] = [];
  // A place is made only for a name that is kept (each level's title, most often) or reported.
  const check = (entry: Located, what: Place['what'], alias: number, name: string) => {
    const key = normalizeName(name);
    const idOwner = ids.get(key);
    if (idOwner && idOwner.level.id !== entry.level.id) {
      const place = { entry, what, alias };
      report(pathOf(place), `${what} \`${name}\` is already the id of \`${idOwner.level.id}\` (${placeOf([...idOwner.path, 'id'], pathOf(place))})`, UNIQUE_IDS);
      return;
    }
    let owners = tracks[entry.trackIndex];
    if (!owners) tracks[entry.trackIndex] = owners = new Map();
    const owner = owners.get(key);
    if (!owner) owners.set(key, { entry, what, alias });
    else if (owner.entry.level.id !== entry.level.id) {
      const place = { entry, what, alias };
      const clash = owner.what === what ? `another level's ${what}` : `the ${owner.what} of \`${owner.entry.level.id}\``;
      report(pathOf(place), `${what} \`${name}\` is already ${clash} (${placeOf(pathOf(owner), pathOf(place))})`, UNIQUE_IN_TRACK);
    }
  };
  for (const entry of levels) {
    const { level } = entry;
    check(entry, 'title', 0, level.title);
    if (level.code !== undefined) check(entry, 'code', 0, level.code);
    if (level.aliases) level.aliases.forEach((alias, a) => check(entry, 'alias', a, alias));
  }
}
