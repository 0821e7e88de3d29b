import { diffLevels, keepClauses } from './diff.js';
import { pairSimilar } from './pairing.js';
import type { LevelDiff } from './diff.js';
import type { Ladder, Level } from '../model/model.js';
import { peersOf } from '../model/model.js';
import { normalizeName } from '../model/names.js';
import { equivalentOf, levelRef } from './views.js';
import type { LevelRef } from './views.js';

export interface Placement {
  track: string;
  position: number;
}

/** What changed between two versions of a ladder file, as a reviewer of the change wants to see it. */
export interface LadderChanges {
  old: string;
  new: string;
  tracks: { added: TrackRef[]; removed: TrackRef[]; renamed: { id: string; from: string; to: string }[] };
  added: LevelRef[];
  removed: LevelRef[];
  /** Levels matched across the versions whose id or title changed. */
  renamed: { from: LevelRef; to: LevelRef }[];
  /** Levels whose peers changed: the one their track's label names (`from`, `to`), and all of them. */
  equivalents: { level: LevelRef; from: LevelRef | null; to: LevelRef | null; peers: { from: LevelRef[]; to: LevelRef[] } }[];
  /** The grade scale, when it changed, and the levels whose grade changed. */
  grades: { scale: { from: string[]; to: string[] } | null; levels: { level: LevelRef; from: string | null; to: string | null }[] };
  /** Levels that changed track, or whose place among the other levels changed. */
  moved: { level: LevelRef; from: Placement; to: Placement }[];
  /** Matched levels whose text changed: only the sections and clauses that differ. */
  edited: LevelDiff[];
  summary: {
    added: number;
    removed: number;
    renamed: number;
    equivalents: number;
    regraded: number;
    moved: number;
    edited: number;
    clauses: { added: number; removed: number; changed: number };
  };
}

interface TrackRef {
  id: string;
  name: string;
}

/** Two titles at least this similar (Dice over words) are one level renamed, when neither id nor title match. */
const RENAME_THRESHOLD = 0.5;

export function compareLadders(before: Ladder, after: Ladder): LadderChanges {
  const pairs = matchLevels(before, after);
  const matchedOld = new Set(pairs.map(([oldLevel]) => oldLevel));
  const matchedNew = new Set(pairs.map(([, newLevel]) => newLevel));
  const counterpart = new Map(pairs.map(([oldLevel, newLevel]) => [oldLevel.id, newLevel.id]));

  const renamed = pairs.filter(([a, b]) => a.id !== b.id || a.title !== b.title).map(([a, b]) => ({ from: levelRef(before, a), to: levelRef(after, b) }));
  // Peers compared as sets, each old peer by the id its new version has: a level's peers are its
  // group without it, so each pair of groups is compared once, however many levels they share.
  const compared = new Map<readonly Level[], Map<readonly Level[], boolean>>();
  const sameGroup = (old: readonly Level[], now: readonly Level[]): boolean => {
    const known = compared.get(old)?.get(now);
    if (known !== undefined) return known;
    const was = new Set(old.map((member) => counterpart.get(member.id) ?? `\u0000${member.id}`));
    const same = was.size === now.length && now.every((member) => was.has(member.id));
    compared.set(old, (compared.get(old) ?? new Map<readonly Level[], boolean>()).set(now, same));
    return same;
  };
  const equivalents = pairs.flatMap(([a, b]) => {
    if (sameGroup(a.group, b.group)) return [];
    const from = equivalentOf(before, a);
    const to = equivalentOf(after, b);
    const peers = { from: peersOf(a).map((peer) => levelRef(before, peer)), to: peersOf(b).map((peer) => levelRef(after, peer)) };
    // Groups that differ only in levels that are not this one's peers (or by the same names) change nothing to show here.
    const names = (refs: LevelRef[]) => refs.map((ref) => `${ref.id}\u0000${ref.title}`).join('\u0001');
    if (names(peers.from) === names(peers.to)) return [];
    return [{ level: levelRef(after, b), from: from ? levelRef(before, from) : null, to: to ? levelRef(after, to) : null, peers }];
  });
  const sameScale = before.grades.length === after.grades.length && before.grades.every((grade, g) => after.grades[g] === grade);
  const grades = {
    scale: sameScale ? null : { from: before.grades, to: after.grades },
    levels: pairs.filter(([a, b]) => (a.grade ?? null) !== (b.grade ?? null)).map(([a, b]) => ({ level: levelRef(after, b), from: a.grade ?? null, to: b.grade ?? null })),
  };
  const edited = pairs
    .map(([a, b]) => diffLevels(before, a, b, after))
    .filter((diff) => diff.summary.added + diff.summary.removed + diff.summary.changed > 0)
    .map((diff) => keepClauses(diff, ['added', 'removed', 'changed']));
  const clauses = { added: 0, removed: 0, changed: 0 };
  for (const diff of edited) for (const kind of ['added', 'removed', 'changed'] as const) clauses[kind] += diff.summary[kind];

  const oldTracks = new Map(before.tracks.map((track) => [track.id, track]));
  const newTracks = new Map(after.tracks.map((track) => [track.id, track]));
  const tracks = {
    added: after.tracks.filter((track) => !oldTracks.has(track.id)).map(({ id, name }) => ({ id, name })),
    removed: before.tracks.filter((track) => !newTracks.has(track.id)).map(({ id, name }) => ({ id, name })),
    renamed: after.tracks.flatMap((track) => {
      const old = oldTracks.get(track.id);
      return old && old.name !== track.name ? [{ id: track.id, from: old.name, to: track.name }] : [];
    }),
  };
  const added = after.levels.filter((level) => !matchedNew.has(level)).map((level) => levelRef(after, level));
  const removed = before.levels.filter((level) => !matchedOld.has(level)).map((level) => levelRef(before, level));
  const moved = movedLevels(after, pairs);
  return {
    old: before.source,
    new: after.source,
    tracks,
    added,
    removed,
    renamed,
    equivalents,
    grades,
    moved,
    edited,
    summary: { added: added.length, removed: removed.length, renamed: renamed.length, equivalents: equivalents.length, regraded: grades.levels.length, moved: moved.length, edited: edited.length, clauses },
  };
}

export function hasChanges(changes: LadderChanges): boolean {
  const { summary, tracks, grades } = changes;
  const levels = summary.added + summary.removed + summary.renamed + summary.equivalents + summary.regraded + summary.moved + summary.edited;
  return levels + tracks.added.length + tracks.removed.length + tracks.renamed.length > 0 || grades.scale !== null;
}

/** Pairs each old level with its new version: by id, then by title, then by the most similar title. */
function matchLevels(before: Ladder, after: Ladder): [Level, Level][] {
  const pairs: [Level, Level][] = [];
  const unmatchedOld = new Set(before.levels);
  const unmatchedNew = new Set(after.levels);
  const pair = (a: Level, b: Level) => {
    pairs.push([a, b]);
    unmatchedOld.delete(a);
    unmatchedNew.delete(b);
  };
  for (const level of before.levels) {
    const same = after.levelById.get(level.id);
    if (same) pair(level, same);
  }
  const byTitle = new Map<string, Level>();
  for (const level of unmatchedNew) if (!byTitle.has(normalizeName(level.title))) byTitle.set(normalizeName(level.title), level);
  for (const level of [...unmatchedOld]) {
    const same = byTitle.get(normalizeName(level.title));
    if (same && unmatchedNew.has(same)) pair(level, same);
  }
  const olds = [...unmatchedOld];
  const news = [...unmatchedNew];
  const { pairs: renamed } = pairSimilar(olds.map((level) => level.title), news.map((level) => level.title), RENAME_THRESHOLD);
  for (const [i, j] of renamed) pair(olds[i] as Level, news[j] as Level);
  const order = new Map(after.levels.map((level, index) => [level, index]));
  return pairs.sort(([, x], [, y]) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
}

/**
 * Levels that changed track, and, within a track, those outside the longest run that kept its
 * order: moving one level up reports that level, not every level it passed.
 */
function movedLevels(after: Ladder, pairs: [Level, Level][]): LadderChanges['moved'] {
  const placement = (level: Level): Placement => ({ track: level.trackId, position: level.position });
  const moved: LadderChanges['moved'] = [];
  for (const track of after.tracks) {
    const stayed = pairs.filter(([a, b]) => b.trackId === track.id && a.trackId === b.trackId);
    const kept = longestIncreasing(stayed.map(([a]) => a.position));
    stayed.forEach(([a, b], index) => {
      if (!kept.has(index)) moved.push({ level: levelRef(after, b), from: placement(a), to: placement(b) });
    });
  }
  for (const [a, b] of pairs) if (a.trackId !== b.trackId) moved.push({ level: levelRef(after, b), from: placement(a), to: placement(b) });
  return moved;
}

/** Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index >= 0; index = previous[index] as number) kept.add(index);
  return kept;
}
