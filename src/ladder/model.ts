/** The ladder file's shape once it has passed the schema (see schema/ladder.schema.json). */
export interface RawLadder {
  name?: string;
  description?: string;
  tracks: RawTrack[];
}

export interface RawTrack {
  id: string;
  name: string;
  equivalentLabel?: string;
  description?: string;
  levels: RawLevel[];
}

export interface RawLevel {
  id: string;
  title: string;
  aliases?: string[];
  equivalent?: string | null;
  description?: string;
  note?: string;
  axes?: Record<string, string>;
}

export interface Axis {
  name: string;
  /** The axis text exactly as written in the file. */
  text: string;
  /** The text split at semicolons, each clause trimmed. */
  clauses: string[];
}

export interface Level {
  id: string;
  title: string;
  aliases: string[];
  equivalentId?: string;
  description?: string;
  note?: string;
  axes: Axis[];
  trackId: string;
  /** 1-based position on its track, most junior first. */
  position: number;
}

export interface Track {
  id: string;
  name: string;
  equivalentLabel: string;
  description?: string;
  levels: Level[];
}

/** A checked ladder with its lookups built. */
export interface Ladder {
  source: string;
  name?: string;
  description?: string;
  tracks: Track[];
  /** Every level, track by track, in file order. */
  levels: Level[];
  levelById: ReadonlyMap<string, Level>;
  trackById: ReadonlyMap<string, Track>;
}

export function splitClauses(text: string): string[] {
  return text
    .split(';')
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/**
 * Builds the indexed model from a checked raw ladder. `axisOrder` gives the axis names of a level in
 * file order, which a JavaScript object cannot keep for names that look like numbers.
 */
export function buildLadder(raw: RawLadder, source: string, axisOrder?: (track: number, level: number) => string[] | undefined): Ladder {
  const tracks: Track[] = raw.tracks.map((rawTrack, t) => ({
    id: rawTrack.id,
    name: rawTrack.name,
    equivalentLabel: rawTrack.equivalentLabel ?? 'Equivalent',
    description: rawTrack.description,
    levels: rawTrack.levels.map((rawLevel, l) => {
      const axes = rawLevel.axes ?? {};
      const names = axisOrder?.(t, l) ?? Object.keys(axes);
      return {
        id: rawLevel.id,
        title: rawLevel.title,
        aliases: rawLevel.aliases ?? [],
        equivalentId: rawLevel.equivalent ?? undefined,
        description: rawLevel.description,
        note: rawLevel.note,
        axes: names.map((name) => {
          const text = axes[name] ?? '';
          return { name, text, clauses: splitClauses(text) };
        }),
        trackId: rawTrack.id,
        position: l + 1,
      };
    }),
  }));
  const levels = tracks.flatMap((track) => track.levels);
  return {
    source,
    name: raw.name,
    description: raw.description,
    tracks,
    levels,
    levelById: new Map(levels.map((level) => [level.id, level])),
    trackById: new Map(tracks.map((track) => [track.id, track])),
  };
}
