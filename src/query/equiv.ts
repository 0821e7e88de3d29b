import { LadderError } from '../errors.js';
import type { Ladder, Level, Track } from '../model/model.js';
import { memberOn } from '../model/model.js';
import { equivalentOf, gridOrder, levelRef } from './views.js';
import type { LevelRef } from './views.js';

/**
 * One level and its peers, in one vocabulary: the peer (or none) on every other track, the one its
 * track's label names (`Management Equivalent: Manager`) marked `labelled`.
 */
export interface Equivalence {
  level: LevelRef;
  equivalentLabel: string;
  peers: { track: LevelRef['track']; level: LevelRef | null; labelled?: true }[];
}

export function equivalenceOf(ladder: Ladder, level: Level): Equivalence {
  const equivalent = equivalentOf(ladder, level);
  return {
    level: levelRef(ladder, level),
    equivalentLabel: ladder.trackById.get(level.trackId)?.equivalentLabel ?? 'Equivalent',
    peers: ladder.tracks
      .filter((track) => track.id !== level.trackId)
      .map((track) => {
        const peer = memberOn(level.group, track.id);
        return { track: { id: track.id, name: track.name }, level: peer ? levelRef(ladder, peer) : null, ...(peer && peer === equivalent ? { labelled: true as const } : {}) };
      }),
  };
}

/** The peer the level's track labels, if any. */
export const labelledPeer = (entry: Equivalence): LevelRef | null => entry.peers.find((peer) => peer.labelled)?.level ?? null;

/** The most cells a grid may have: far beyond any organisation's (30 tracks of 20 grades is 600). */
const MAX_GRID_CELLS = 1_000_000;

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
  } else columns = gridOrder(ladder).filter((track) => wanted.size === 0 || wanted.has(track.id));
  // Thousands of tracks none of which meet make a grid of millions of empty cells: refused, with the way out.
  if (groups.length * columns.length > MAX_GRID_CELLS) {
    throw new LadderError('usage', `the grid would have ${groups.length} rows and ${columns.length} columns, more than ${MAX_GRID_CELLS.toLocaleString('en')} cells`, {
      hint: 'pick the tracks to show with --track (repeatable), or name a level: `ladder equiv LEVEL`',
    });
  }
  return {
    graded: ladder.grades.length > 0,
    tracks: columns.map((track) => ({ id: track.id, name: track.name })),
    rows: groups.map((group) => ({
      grade: group.find((level) => level.grade !== undefined)?.grade ?? null,
      levels: columns.map((track) => {
        const level = memberOn(group, track.id);
        return level ? levelRef(ladder, level) : null;
      }),
    })),
  };
}
