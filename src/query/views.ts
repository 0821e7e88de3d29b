import type { Ladder, Level } from '../model/model.js';

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
  aliases: string[];
  position: number;
  trackSize: number;
  equivalentLabel: string;
  equivalent: LevelRef | null;
  description: string | null;
  note: string | null;
  axes: { name: string; text: string; clauses: string[] }[];
  /** With `--axis`: the axes asked for that this level does not have. */
  absentAxes?: string[];
}

export function levelRef(ladder: Ladder, level: Level): LevelRef {
  const track = ladder.trackById.get(level.trackId);
  return { id: level.id, title: level.title, track: { id: level.trackId, name: track?.name ?? level.trackId } };
}

/** The level's peer: on a ladder of two tracks, its one peer; on more, the first in track order (`peers` has them all). */
export function equivalentOf(level: Level): Level | undefined {
  return level.peers[0];
}

export function levelView(ladder: Ladder, level: Level): LevelView {
  const track = ladder.trackById.get(level.trackId);
  const equivalent = equivalentOf(level);
  return {
    ...levelRef(ladder, level),
    code: level.code ?? null,
    aliases: level.aliases,
    position: level.position,
    trackSize: track?.levels.length ?? level.position,
    equivalentLabel: track?.equivalentLabel ?? 'Equivalent',
    equivalent: equivalent ? levelRef(ladder, equivalent) : null,
    description: level.description ?? null,
    note: level.note ?? null,
    axes: level.axes.map(({ name, text, clauses }) => ({ name, text, clauses })),
  };
}

/** The short form `list` reports for each level. */
export type LevelSummary = Pick<LevelView, 'id' | 'title' | 'track' | 'position' | 'aliases' | 'equivalent'>;

export function levelSummary(ladder: Ladder, level: Level): LevelSummary {
  const { id, title, track, position, aliases, equivalent } = levelView(ladder, level);
  return { id, title, track, position, aliases, equivalent };
}
