import type { Ladder, Level, Track } from '../model/model.js';
import { equivalentIds, peersOf } from '../model/model.js';

/** A level as other results refer to it. */
export interface LevelRef {
  id: string;
  title: string;
  track: { id: string; name: string };
}

/** Everything `show` reports about a level: a plain object, ready for any renderer. */
export interface LevelView extends LevelRef {
  /** The level's code on the organisation's scale (`IC3`), if it has one. */
  code: string | null;
  /** The level's grade on the ladder's grade scale (`L5`), if it has one. */
  grade: string | null;
  aliases: string[];
  position: number;
  trackSize: number;
  equivalentLabel: string;
  equivalent: LevelRef | null;
  /** The level's peer on each other track that has one, in track order; `equivalent` is the first. */
  peers: LevelRef[];
  description: string | null;
  note: string | null;
  /** Each axis, with what it means where the ladder defines it. */
  axes: { name: string; text: string; clauses: string[]; description?: string }[];
  /** With `--axis`: the axes asked for that this level does not have. */
  absentAxes?: string[];
}

/** The titles that levels of more than one track have (lower-cased), found once per ladder. */
const sharedTitles = new WeakMap<Ladder, Set<string>>();

/**
 * A level's title as a heading shows it: `Senior Engineer (Backend Engineering)` where another
 * track has a level of that title too, else the title alone.
 */
export function qualifiedTitle(ladder: Ladder, level: Level): string {
  let shared = sharedTitles.get(ladder);
  if (!shared) {
    const trackOf = new Map<string, string>();
    shared = new Set();
    for (const track of ladder.tracks)
      for (const other of track.levels) {
        const title = other.title.toLowerCase();
        const first = trackOf.get(title);
        if (first === undefined) trackOf.set(title, track.id);
        else if (first !== track.id) shared.add(title);
      }
    sharedTitles.set(ladder, shared);
  }
  return shared.has(level.title.toLowerCase()) ? `${level.title} (${ladder.trackById.get(level.trackId)?.name ?? level.trackId})` : level.title;
}

/** A level with the title a heading gives it (see qualifiedTitle), for the documents that show titles without ids. */
export type HeadedRef = LevelRef & { heading: string };

export function headedRef(ladder: Ladder, level: Level): HeadedRef {
  return { ...levelRef(ladder, level), heading: qualifiedTitle(ladder, level) };
}

export function levelRef(ladder: Ladder, level: Level): LevelRef {
  const track = ladder.trackById.get(level.trackId);
  return { id: level.id, title: level.title, track: { id: level.trackId, name: track?.name ?? level.trackId } };
}

/**
 * The peer a level's track labels (`Management Equivalent: Manager`): its one peer; or, with peers
 * on several tracks, the first on a track the label names (`Management` names `Managers`), else
 * none; a label that names no track (`Equivalent`) takes the first peer the level itself names,
 * else the first of the others. `peers` has them all.
 */
export function equivalentOf(ladder: Ladder, level: Level): Level | undefined {
  if (level.group.length <= 2) return level.group.find((peer) => peer !== level);
  const label = ladder.trackById.get(level.trackId)?.equivalentLabel ?? '';
  // The group's first two members on a track the label names: every level of the group with that
  // label takes the first that is not itself, so a group of thousands is walked once per label.
  let named = labelled.get(level.group)?.get(label);
  if (!named) {
    const names = trackNamer(ladder, label);
    named = level.group.filter((member) => names(member.trackId)).slice(0, 2);
    const byLabel = labelled.get(level.group) ?? new Map<string, Level[]>();
    labelled.set(level.group, byLabel.set(label, named));
  }
  const peer = named.find((member) => member !== level);
  // A label that names a track (`Management Equivalent`) is answered by that track only.
  if (peer || namedTracks(ladder, label).size > 0) return peer;
  return firstNamedPeer(ladder, level) ?? level.group.find((member) => member !== level);
}

/** The first of the equivalents a level's own file names that is among its peers. */
function firstNamedPeer(ladder: Ladder, level: Level): Level | undefined {
  for (const id of equivalentIds(level.declaredEquivalent)) {
    const peer = ladder.levelById.get(id);
    if (peer && peer !== level && peer.group === level.group) return peer;
  }
  return undefined;
}

/**
 * The tracks in the order a grid shows them: the ladder's order, except that a track the labels of
 * several other tracks name (the managers track that every discipline's `Management Equivalent`
 * names) comes after the disciplines, wherever its file sorts in a folder.
 */
export function gridOrder(ladder: Ladder): Track[] {
  // Counted per distinct label, so a ladder of many tracks with few labels stays linear.
  const labels = new Map<string, number>();
  for (const track of ladder.tracks) labels.set(track.equivalentLabel, (labels.get(track.equivalentLabel) ?? 0) + 1);
  const namedBy = (track: Track) => {
    let count = 0;
    for (const [label, tracks] of labels) if (trackNamer(ladder, label)(track.id)) count += label === track.equivalentLabel ? tracks - 1 : tracks;
    return count;
  };
  const shared = new Set(ladder.tracks.length > 2 ? ladder.tracks.filter((track) => namedBy(track) > 1) : []);
  return [...ladder.tracks.filter((track) => !shared.has(track)), ...ladder.tracks.filter((track) => shared.has(track))];
}

/** Per group of peers, and per label, the members on tracks the label names (the first two). */
const labelled = new WeakMap<readonly Level[], Map<string, Level[]>>();
/** Per ladder, and per label, the ids of the tracks the label names. */
const namers = new WeakMap<Ladder, Map<string, Set<string>>>();

function namedTracks(ladder: Ladder, label: string): Set<string> {
  const known = namers.get(ladder) ?? new Map<string, Set<string>>();
  namers.set(ladder, known);
  let named = known.get(label);
  if (!named) {
    named = new Set(ladder.tracks.filter((track) => sharesStem(label, `${track.name} ${track.id}`)).map((track) => track.id));
    known.set(label, named);
  }
  return named;
}

function trackNamer(ladder: Ladder, label: string): (trackId: string) => boolean {
  const named = namedTracks(ladder, label);
  return (trackId) => named.has(trackId);
}

/** Whether two texts share a word, or words that begin alike for five letters (`Management`, `Managers`); `equivalent` does not count. */
function sharesStem(a: string, b: string): boolean {
  const stems = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word !== 'equivalent').map((word) => word.slice(0, 5));
  const theirs = new Set(stems(b));
  return stems(a).some((stem) => theirs.has(stem));
}

export function levelView(ladder: Ladder, level: Level): LevelView {
  const track = ladder.trackById.get(level.trackId);
  const equivalent = equivalentOf(ladder, level);
  const meaning = new Map((track?.axes ?? []).map((axis) => [axis.name, axis.description]));
  return {
    ...levelRef(ladder, level),
    code: level.code ?? null,
    grade: level.grade ?? null,
    aliases: level.aliases,
    position: level.position,
    trackSize: track?.levels.length ?? level.position,
    equivalentLabel: track?.equivalentLabel ?? 'Equivalent',
    equivalent: equivalent ? levelRef(ladder, equivalent) : null,
    peers: peersOf(level).map((peer) => levelRef(ladder, peer)),
    description: level.description ?? null,
    note: level.note ?? null,
    axes: level.axes.map(({ name, text, clauses }) => {
      const description = meaning.get(name);
      return { name, text, clauses, ...(description !== undefined ? { description } : {}) };
    }),
  };
}

/** The short form `list` reports for each level; `grade` only on a ladder with a grade scale. */
export type LevelSummary = Pick<LevelView, 'id' | 'title' | 'track' | 'position' | 'aliases' | 'equivalent'> & { grade?: string | null };

export function levelSummary(ladder: Ladder, level: Level): LevelSummary {
  // Not from levelView: a list of thousands of levels needs no one's every peer.
  const equivalent = equivalentOf(ladder, level);
  const { id, title, track } = levelRef(ladder, level);
  return { id, title, track, position: level.position, ...(ladder.grades.length > 0 ? { grade: level.grade ?? null } : {}), aliases: level.aliases, equivalent: equivalent ? levelRef(ladder, equivalent) : null };
}
