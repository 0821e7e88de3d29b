import { closestAmong } from '../model/names.js';
import { equivalentIds } from '../model/model.js';
import type { RawLadder } from '../model/model.js';
import { peerGroups } from '../model/peers.js';
import type { PathSegment } from '../read/parse-yaml.js';
import type { Located, Report } from './crossref.js';

/**
 * Did-you-mean suggestions compare a name with every id of a length near its own; a file with
 * thousands of dangling equivalents gets suggestions for the first few only (each still reported),
 * so the check stays linear.
 */
const SUGGESTIONS = 20;

/** Where a level's `equivalent` is, or its n-th entry when it is a list. */
function equivalentPath(entry: Located, index: number): PathSegment[] {
  return typeof entry.level.equivalent === 'string' ? [...entry.path, 'equivalent'] : [...entry.path, 'equivalent', index];
}

/**
 * Each equivalent a level names: a level id, on another track, one per track, that names no
 * other level of this one's track and, where both have grades, is on the same grade. Returns
 * whether all hold.
 */
export function checkEquivalents(levels: Located[], report: Report, trackName: (index: number) => string, placeOf: (path: PathSegment[], here: PathSegment[]) => string): boolean {
  let sound = true;
  const fail: Report = (...args) => {
    sound = false;
    report(...args);
  };
  // A repeated id is reported once, where it repeats; the level that repeats it is not checked
  // again here, and the id names its first level, so no knock-on errors follow.
  const byId = new Map<string, Located>();
  for (const entry of levels) if (!byId.has(entry.level.id)) byId.set(entry.level.id, entry);
  // The peer a repeated level names most likely names that level by the id it was meant to have.
  const peersOfRepeats = new Set(levels.filter((entry) => byId.get(entry.level.id) !== entry).flatMap((entry) => equivalentIds(entry.level.equivalent)));
  let suggestionsLeft = SUGGESTIONS;
  let nearestId: ReturnType<typeof closestAmong> | undefined;
  for (const entry of levels) {
    const { level, trackIndex } = entry;
    const targets = equivalentIds(level.equivalent);
    if (targets.length === 0 || byId.get(level.id) !== entry) continue;
    const onTrack = new Map<number, string>();
    targets.forEach((target, index) => {
      const at = equivalentPath(entry, index);
      if (target === level.id) {
        fail(at, `level \`${level.id}\` names itself as its equivalent`, 'an equivalent is a level on another track; remove the line if there is none');
        return;
      }
      const other = byId.get(target);
      if (!other && peersOfRepeats.has(level.id)) return;
      if (!other) {
        const near = suggestionsLeft-- > 0 ? (nearestId ??= closestAmong(byId.keys()))(target, 1) : [];
        fail(at, `equivalent \`${target}\` is not a level id`, near.length > 0 ? `did you mean \`${near[0]}\`?` : 'use the id of a level on another track');
        return;
      }
      if (other.trackIndex === trackIndex) {
        fail(at, `equivalent \`${target}\` is on the same track as \`${level.id}\``, 'an equivalent is a level on another track');
        return;
      }
      const already = onTrack.get(other.trackIndex);
      if (already !== undefined) {
        fail(at, `\`${level.id}\` names two equivalents on one track: \`${already}\` and \`${target}\``, 'a level has at most one peer on each other track');
        return;
      }
      onTrack.set(other.trackIndex, target);
      // An equivalent is a claim from one side: the level named need not name this one back
      // (peers are the symmetric closure), but it must not name another level of this track.
      const namedBack = equivalentIds(other.level.equivalent).filter((id) => byId.get(id)?.trackIndex === trackIndex);
      const rival = namedBack.find((id) => id !== level.id);
      // One that names two levels of this track is reported as such, once.
      if (rival !== undefined && namedBack.length === 1) {
        const track = trackName(trackIndex);
        fail(at, `\`${track}:${level.id}\` names \`${trackName(other.trackIndex)}:${target}\` as its equivalent, but \`${trackName(other.trackIndex)}:${target}\` names \`${track}:${rival}\` (${placeOf(equivalentPath(other, equivalentIds(other.level.equivalent).indexOf(rival)), at)})`, `a level has at most one peer on each other track; change one of the two`);
        return;
      }
      if (level.grade !== undefined && other.level.grade !== undefined && level.grade !== other.level.grade) {
        fail(at, `\`${level.id}\` (grade ${level.grade}) names \`${target}\` (grade ${other.level.grade}) as its equivalent`, 'peers are on the same grade: change one grade, or the equivalent');
      }
    });
  }
  return sound;
}

/**
 * The groups of peers (see peers.ts): no two levels of one track in a group, and the order of
 * every track kept (if A is below B on one track, A's peer is below B's peer on every other).
 */
export function checkPeerGroups(raw: RawLadder, levels: Located[], report: Report): void {
  const { groups, unordered } = peerGroups(
    levels.map((entry) => ({ entry, id: entry.level.id, track: entry.trackIndex, position: entry.position, grade: entry.level.grade, equivalents: equivalentIds(entry.level.equivalent) })),
    raw.grades,
  );
  const trackId = (entry: Located) => raw.tracks[entry.trackIndex]?.id ?? '';
  const name = (entry: Located) => `\`${entry.level.id}\` (level ${entry.position} of \`${trackId(entry)}\`)`;
  const whereDeclared = (entry: Located): PathSegment[] => [...entry.path, entry.level.equivalent !== undefined && entry.level.equivalent !== null ? 'equivalent' : 'grade'];
  let crossed = false;
  for (const group of [...groups, ...unordered]) {
    const seen = new Map<number, Located>();
    for (const { entry } of group) {
      const twin = seen.get(entry.trackIndex);
      if (twin) {
        const through = group.find((member) => member.entry.trackIndex !== entry.trackIndex)?.entry;
        report(whereDeclared(entry), `${name(twin)} and ${name(entry)} are peers of each other${through ? ` through ${name(through)}` : ''}`, 'a level has at most one peer on each other track: peers of peers are peers');
        crossed = true;
      } else seen.set(entry.trackIndex, entry);
    }
  }
  // A crossing always leaves some groups out of every order (the two pairs wait on each other), so
  // the pairs are only looked through when the order failed, and only among the groups it left out.
  if (crossed || unordered.length === 0) return;
  const crossing = firstCrossing(unordered.map((group) => group.map((member) => member.entry)));
  if (crossing) {
    const [[lowA, lowB], [highA, highB]] = crossing;
    report(whereDeclared(highA), `equivalents cross: ${name(lowA)} ↔ ${name(lowB)}, but ${name(highA)} ↔ ${name(highB)}`, `\`${highA.level.id}\` is above \`${lowA.level.id}\`, so its peer must be above \`${lowB.level.id}\``);
    return;
  }
  const first = unordered[0]?.[0]?.entry as Located;
  report(whereDeclared(first), `the peers of ${name(first)} cannot be put in order: the equivalents between three or more tracks go round in a circle`, 'a level is below the peers of every level above it on each track');
}

/** Pairs of tracks looked through for a crossing before the circle is reported instead: a bound on the work for a hostile file. */
const CROSSING_PAIRS = 1_000_000;

/** Two pairs of peers on the same two tracks in opposite orders, if the groups have such. */
function firstCrossing(groups: Located[][]): [[Located, Located], [Located, Located]] | undefined {
  const pairs = new Map<string, [Located, Located][]>();
  let budget = CROSSING_PAIRS;
  for (const group of groups) {
    for (const a of group) {
      for (const b of group) {
        if (a.trackIndex >= b.trackIndex) continue;
        if (budget-- <= 0) return undefined;
        const key = `${a.trackIndex}:${b.trackIndex}`;
        const list = pairs.get(key);
        if (list) list.push([a, b]);
        else pairs.set(key, [[a, b]]);
      }
    }
  }
  for (const list of pairs.values()) {
    list.sort((x, y) => x[0].position - y[0].position);
    for (let i = 1; i < list.length; i++) {
      const low = list[i - 1] as [Located, Located];
      const high = list[i] as [Located, Located];
      if (high[1].position < low[1].position) return [low, high];
    }
  }
  return undefined;
}
