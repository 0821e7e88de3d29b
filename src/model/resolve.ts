import { LadderError } from '../errors.js';
import { matchName } from './match.js';
import type { Nameable } from './match.js';
import { levelNames } from './model.js';
import type { Axis, Ladder, Level, Track } from './model.js';
import { closest, normalizeName, quoteList } from './names.js';
import { shortNames } from './short-names.js';

function trackEntries(ladder: Ladder): Nameable<Track>[] {
  return ladder.tracks.map((track) => ({ item: track, ids: [track.id], names: [track.name] }));
}

function levelEntries(levels: Level[]): Nameable<Level>[] {
  return levels.map((level) => ({ item: level, ids: [level.id], names: levelNames(level) }));
}

/**
 * Among levels a query names equally well, all on one track, the one it names best by its name
 * within the track (`engineer` or `eng` for Operations Engineer among the Operations levels).
 * Levels of several tracks stay ambiguous: `lead` is not Lead Customer Engineer just because
 * `Customer Engineer` is what every title of its track shares, when Lead Engineer is on another.
 */
function byShortName(ladder: Ladder, candidates: Level[], query: string): Level | undefined {
  if (new Set(candidates.map((level) => level.trackId)).size !== 1) return undefined;
  const short = shortNames(ladder);
  const result = matchName(candidates.map((level) => ({ item: level, ids: [], names: [short.get(level) ?? level.title] })), query);
  return result.kind === 'one' ? result.item : undefined;
}

/**
 * Finds the one level a user means by `query` (an id, title, code, grade, alias or abbreviation),
 * optionally on one track. `TRACK:LEVEL` names the track in the query itself (`sre:senior`,
 * `backend:L5`); a query whose part before the colon is no track is taken whole.
 */
export function resolveLevel(ladder: Ladder, query: string, track?: Track, preferred?: string): Level {
  const qualified = qualifiedName(ladder, query);
  if (qualified?.exact) {
    if (track && qualified.track !== track) throw new LadderError('usage', `\`${query}\` names track \`${qualified.track.id}\`, but --track names \`${track.id}\``, { hint: 'give the track once' });
    return resolveQualified(ladder, query, qualified);
  }
  if (qualified && (!track || qualified.track === track)) {
    // A track named loosely (`backend:L3`) may be the start of a title with a colon in it instead.
    try {
      return resolveQualified(ladder, query, qualified);
    } catch (error) {
      try {
        return resolveUnqualified(ladder, query, track, preferred);
      } catch {
        throw error;
      }
    }
  }
  return resolveUnqualified(ladder, query, track, preferred);
}

function resolveUnqualified(ladder: Ladder, query: string, track?: Track, preferred?: string): Level {
  // An id names its level before anything else does (see matchName); found without listing every name.
  const byId = ladder.levelById.get(query.trim().toLowerCase());
  if (byId && (!track || byId.trackId === track.id)) return byId;
  const scope = track ? track.levels : ladder.levels;
  const result = matchName(levelEntries(scope), query);
  if (result.kind === 'one') return result.item;
  if (result.kind === 'many') {
    const named = byShortName(ladder, result.items, query) ?? (preferred ? onlyOn(result.items, preferred) : undefined);
    if (named) return named;
    // Levels of different tracks are told apart by their qualified names (`backend:senior`).
    const tracks = new Set(result.items.map((level) => level.trackId));
    throw new LadderError('ambiguous', `\`${query}\` matches ${result.items.length} levels`, {
      candidates: result.items.map(({ id, title, trackId }) => ({ id: tracks.size > 1 ? `${trackId}:${id}` : id, title })),
      hint: tracks.size > 1 ? 'name one of them as TRACK:LEVEL, or by its id' : 'name one of them by its id',
    });
  }
  throw new LadderError('not-found', `no level matches \`${query}\`${track ? ` on track \`${track.id}\`` : ''}`, {
    hint: notFoundHint(ladder, query, track),
  });
}

/** The one level of `items` on the track `trackId`, when there is exactly one. */
function onlyOn(items: Level[], trackId: string): Level | undefined {
  const on = items.filter((level) => level.trackId === trackId);
  return on.length === 1 ? on[0] : undefined;
}

/**
 * Two levels named together (`diff engineer lead`, `path`, `checklist --from`): a name that
 * matches levels of several tracks is taken on the other level's track when exactly one of them
 * is there, as a person comparing two levels means.
 */
export function resolveLevelPair(ladder: Ladder, first: string, second: string, track?: Track): [Level, Level] {
  const attempt = (query: string) => {
    try {
      return resolveLevel(ladder, query, track);
    } catch (error) {
      if (error instanceof LadderError && error.code === 'ambiguous') return error;
      throw error;
    }
  };
  const one = attempt(first);
  const other = attempt(second);
  if (one instanceof LadderError && other instanceof LadderError) throw one;
  if (one instanceof LadderError) return [resolveLevel(ladder, first, track, (other as Level).trackId), other as Level];
  if (other instanceof LadderError) return [one, resolveLevel(ladder, second, track, one.trackId)];
  return [one, other];
}

/**
 * `sre:L5` as its track and the level name after the colon, when the part before it names a track
 * as --track does (`backend` for `Backend Engineering`); `exact` when it is the track's id or name.
 */
function qualifiedName(ladder: Ladder, query: string): { track: Track; level: string; exact: boolean } | undefined {
  const colon = query.indexOf(':');
  if (colon <= 0 || colon === query.length - 1) return undefined;
  const named = query.slice(0, colon);
  const prefix = normalizeName(named);
  const exact = ladder.tracks.find((candidate) => normalizeName(candidate.id) === prefix || normalizeName(candidate.name) === prefix);
  if (exact) return { track: exact, level: query.slice(colon + 1).trim(), exact: true };
  const loose = matchName(trackEntries(ladder), named);
  return loose.kind === 'one' ? { track: loose.item, level: query.slice(colon + 1).trim(), exact: false } : undefined;
}

/**
 * The level `TRACK:LEVEL` names. A level titled with the whole query (`Backend: Senior`) is not
 * hidden by backend's `Senior`: both are listed.
 */
function resolveQualified(ladder: Ladder, query: string, qualified: { track: Track; level: string }): Level {
  const wanted = normalizeName(query);
  const exact = ladder.levels.find((level) => levelNames(level).some((name) => normalizeName(name) === wanted));
  if (!exact) return resolveLevel(ladder, qualified.level, qualified.track);
  let byTrack: Level;
  try {
    byTrack = resolveLevel(ladder, qualified.level, qualified.track);
  } catch {
    return exact;
  }
  if (byTrack === exact) return exact;
  throw new LadderError('ambiguous', `\`${query}\` matches 2 levels: one by that exact name, one as TRACK:LEVEL`, {
    candidates: [exact, byTrack].map(({ id, title, trackId }) => ({ id: `${trackId}:${id}`, title })),
    hint: 'name one of them by its qualified id',
  });
}

function notFoundHint(ladder: Ladder, query: string, track?: Track): string {
  // `site:L5`: the part before the colon reads as a track that is not there.
  const colon = query.indexOf(':');
  if (!track && colon > 0) {
    const named = query.slice(0, colon).trim();
    const near = closest(named, ladder.tracks.map((candidate) => candidate.id), 1);
    return `\`${named}\` is not a track; ${near.length > 0 ? `did you mean \`${near[0]}:${query.slice(colon + 1).trim()}\`? ` : ''}the tracks are ${quoteList(ladder.tracks.map((candidate) => candidate.id), 'and')}`;
  }
  // `L9` on a ladder with a grade scale: a grade that is not on it, named by the scale rather than by the nearest-spelled name.
  if (ladder.grades.length > 0 && closest(query, ladder.grades, 1).length > 0) return `\`${query.trim()}\` is not on the grade scale, which runs ${gradeScale(ladder)}`;
  if (track) {
    const elsewhere = matchName(levelEntries(ladder.levels), query);
    if (elsewhere.kind === 'one') return `\`${elsewhere.item.id}\` (${elsewhere.item.title}) is on track \`${elsewhere.item.trackId}\``;
  }
  const scope = track ? track.levels : ladder.levels;
  const names = new Map<string, Level>();
  for (const level of scope) for (const name of [level.id, ...levelNames(level)]) names.set(name, level);
  const near = [...new Set(closest(query, names.keys()).map((name) => names.get(name) as Level))];
  if (near.length > 0) return `did you mean ${near.map((level) => `\`${level.id}\` (${level.title})`).join(' or ')}?`;
  return 'run `ladder list` to see every level';
}

/** The grade scale as a person reads it: `L3` to `L8`, or every grade where there are only a few. */
function gradeScale(ladder: Ladder): string {
  const { grades } = ladder;
  return grades.length > 3 ? `from \`${grades[0]}\` to \`${grades.at(-1)}\`` : quoteList(grades, 'and');
}

/** A grade of the ladder's scale, named ignoring case and spaces (`l5` is `L5`). */
export function resolveGrade(ladder: Ladder, query: string): string {
  if (ladder.grades.length === 0) throw new LadderError('not-found', `no grade \`${query}\`: this ladder has no grade scale`, { hint: 'grades are listed under `grades:` at the top of a ladder file' });
  const wanted = normalizeName(query);
  const grade = ladder.grades.find((candidate) => normalizeName(candidate) === wanted);
  if (grade !== undefined) return grade;
  // Grades are codes: the nearest spelling (`L3` for `L9`) is no better a guess than any other.
  throw new LadderError('not-found', `no grade \`${query}\` on the grade scale`, { hint: `the grade scale runs ${gradeScale(ladder)}` });
}

/** Finds a track by id or name (`ic`, `managers`, `individual`). */
export function resolveTrack(ladder: Ladder, query: string): Track {
  const result = matchName(trackEntries(ladder), query);
  if (result.kind === 'one') return result.item;
  const known = ladder.tracks.map((track) => track.id);
  const message = result.kind === 'many' ? `\`${query}\` matches several tracks` : `no track matches \`${query}\``;
  throw new LadderError(result.kind === 'many' ? 'ambiguous' : 'not-found', message, { hint: `tracks are ${quoteList(known, 'and')}` });
}

/** Finds an axis of the levels shown by name or abbreviation (`domain`, `teaching`): any of them may have it. */
export function resolveAxis(levels: Level[], query: string): Axis {
  const axes = [...new Map(levels.flatMap((level) => level.axes).map((axis) => [axis.name, axis])).values()];
  const result = matchName(axes.map((axis) => ({ item: axis, ids: [], names: [axis.name] })), query);
  if (result.kind === 'one') return result.item;
  const owner = levels.map((level) => `\`${level.id}\``).join(' or ');
  if (result.kind === 'many') {
    throw new LadderError('ambiguous', `\`${query}\` matches several axes of ${owner}: ${quoteList(result.items.map((axis) => axis.name))}`);
  }
  const names = axes.map((axis) => axis.name);
  throw new LadderError('not-found', `${owner} has no axis matching \`${query}\``, {
    hint: names.length > 0 ? `the axes are ${quoteList(names, 'and')}` : `${owner} is described without axes`,
  });
}
