import type { Ladder, Level, Track } from '../model/model.js';
import { peersOf } from '../model/model.js';
import { equivalentOf, levelRef } from './views.js';
import type { LevelRef } from './views.js';

/** One level and its peers: the one its track's label names, and the peer (or none) on every other track. */
export interface Equivalence {
  level: LevelRef;
  equivalentLabel: string;
  equivalent: LevelRef | null;
  peers: { track: LevelRef['track']; level: LevelRef | null }[];
}

export function equivalenceOf(ladder: Ladder, level: Level): Equivalence {
  const equivalent = equivalentOf(ladder, level);
  return {
    level: levelRef(ladder, level),
    equivalentLabel: ladder.trackById.get(level.trackId)?.equivalentLabel ?? 'Equivalent',
    equivalent: equivalent ? levelRef(ladder, equivalent) : null,
    peers: ladder.tracks
      .filter((track) => track.id !== level.trackId)
      .map((track) => {
        const peer = peersOf(level).find((candidate) => candidate.trackId === track.id);
        return { track: { id: track.id, name: track.name }, level: peer ? levelRef(ladder, peer) : null };
      }),
  };
}

/** The equivalence grid: a column per track, a row per group of peers (see peers.ts), lowest first; `null` where a track has no level. */
export interface EquivalenceGrid {
  /** Whether rows are grades of the ladder's scale. */
  graded: boolean;
  tracks: LevelRef['track'][];
  rows: { grade: string | null; levels: (LevelRef | null)[] }[];
}

/**
 * The grid, narrowed by --track: one track gives its levels with their peers on the tracks that
 * have them (so `--track managers` keeps its mapping); several give just those columns.
 */
export function equivalenceGrid(ladder: Ladder, chosen: Track[] = []): EquivalenceGrid {
  const wanted = new Set(chosen.map((track) => track.id));
  const groups = ladder.peerGroups.filter((group) => wanted.size === 0 || group.some((level) => wanted.has(level.trackId)));
  let columns: Track[];
  if (chosen.length === 1) {
    const withPeers = new Set(groups.flatMap((group) => group.map((level) => level.trackId)));
    columns = [chosen[0] as Track, ...ladder.tracks.filter((track) => track !== chosen[0] && withPeers.has(track.id))];
  } else columns = chosen.length > 0 ? ladder.tracks.filter((track) => wanted.has(track.id)) : ladder.tracks;
  return {
    graded: ladder.grades.length > 0,
    tracks: columns.map((track) => ({ id: track.id, name: track.name })),
    rows: groups.map((group) => ({
      grade: group.find((level) => level.grade !== undefined)?.grade ?? null,
      levels: columns.map((track) => {
        const level = group.find((member) => member.trackId === track.id);
        return level ? levelRef(ladder, level) : null;
      }),
    })),
  };
}
