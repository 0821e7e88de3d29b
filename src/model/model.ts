import { groupPeers, orderGroups } from './peers.js';

/** The ladder file's shape once it has passed the schema (see schema/ladder.schema.json). */
export interface RawLadder {
  name?: string;
  description?: string;
  /** The grade scale, lowest first (`L3`…`L8`), which levels of every track are placed on. */
  grades?: string[];
  /** The axes every level is described along, with what each means. */
  axes?: AxisDefinition[];
  tracks: RawTrack[];
}

export interface AxisDefinition {
  name: string;
  description?: string;
}

export interface RawTrack {
  id: string;
  name: string;
  equivalentLabel?: string;
  description?: string;
  /** Axes of this track's levels beyond the ladder's own. */
  axes?: AxisDefinition[];
  levels: RawLevel[];
}

export interface RawLevel {
  id: string;
  title: string;
  code?: string;
  grade?: string;
  aliases?: string[];
  /** The peer's id, or one peer's id per other track. */
  equivalent?: string | string[] | null;
  description?: string;
  note?: string;
  axes?: Record<string, AxisValue>;
}

/** An axis as the file writes it: one text whose clauses are separated by `;`, or a list of clauses. */
export type AxisValue = string | string[];

/**
 * A checked ladder in plain, serialisable form: what the cache stores and the model is built from.
 * Axes are name/text pairs in file order (an object would reorder names that look like numbers).
 */
export interface LadderData extends Omit<RawLadder, 'tracks'> {
  tracks: (Omit<RawTrack, 'levels'> & { levels: (Omit<RawLevel, 'axes'> & { axes: [name: string, value: AxisValue][] })[] })[];
}

/** The raw file value in `LadderData` form; `axisOrder` gives axis names in file order where known. */
export function toLadderData(raw: RawLadder, axisOrder?: (track: number, level: number) => string[] | undefined): LadderData {
  return {
    ...raw,
    tracks: raw.tracks.map((track, t) => ({
      ...track,
      levels: track.levels.map((level, l) => {
        const axes = level.axes ?? {};
        const names = axisOrder?.(t, l) ?? Object.keys(axes);
        return { ...level, axes: names.map((name): [string, AxisValue] => [name, axes[name] ?? '']) };
      }),
    })),
  };
}

export interface Axis {
  name: string;
  /** The axis as the file has it: a text, or a list of clauses. */
  value: AxisValue;
  /** The axis as one text: the file's text, or a list's clauses joined by `; `. */
  text: string;
  /** The clauses: the text split at semicolons, or the list's items; each trimmed, empty ones left out. */
  clauses: string[];
}

export interface Level {
  id: string;
  title: string;
  code?: string;
  grade?: string;
  aliases: string[];
  /** The equivalents the file names, as it names them: one id, or a list. */
  declaredEquivalent?: string | string[];
  /** The level's group of peers, itself included, in track order (see peers.ts); shared by the group. */
  group: readonly Level[];
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
  /** The axes defined for this track: the ladder's, then the track's own. */
  axes: AxisDefinition[];
  /** The track's own axis definitions, as the file has them. */
  ownAxes?: AxisDefinition[];
  levels: Level[];
}

/** A checked ladder with its lookups built. */
export interface Ladder {
  source: string;
  name?: string;
  description?: string;
  grades: string[];
  /** The ladder-wide axis definitions, as the file has them. */
  axes?: AxisDefinition[];
  tracks: Track[];
  /** Every level, track by track, in file order. */
  levels: Level[];
  /** The rows of the equivalence grid: each group of peers, lowest first (see peers.ts). */
  peerGroups: Level[][];
  levelById: ReadonlyMap<string, Level>;
  trackById: ReadonlyMap<string, Track>;
}

/** The names a level is found by on the command line, besides its id: its title, its code, its aliases. */
export function levelNames(level: Level): string[] {
  return [level.title, ...(level.code !== undefined ? [level.code] : []), ...(level.grade !== undefined ? [level.grade] : []), ...level.aliases];
}

/** The levels on other tracks that are a level's peers, in track order. */
export function peersOf(level: Level): Level[] {
  return level.group.filter((peer) => peer !== level);
}

/** Each group's member by track, made once per group: a group has at most one level per track. */
const byTrack = new WeakMap<readonly Level[], Map<string, Level>>();

/** The member of a group of peers on a track, found without walking the group. */
export function memberOn(group: readonly Level[], trackId: string): Level | undefined {
  let index = byTrack.get(group);
  if (!index) byTrack.set(group, (index = new Map(group.map((member) => [member.trackId, member]))));
  return index.get(trackId);
}

const NO_EQUIVALENTS: readonly string[] = Object.freeze([]);

/** A level's declared equivalents as a list, however the file writes them (one shared empty list for none: most levels of a large ladder). */
export function equivalentIds(equivalent: string | string[] | null | undefined): readonly string[] {
  if (equivalent === undefined || equivalent === null) return NO_EQUIVALENTS;
  return typeof equivalent === 'string' ? [equivalent] : equivalent;
}

/** Prose split at blank lines into paragraphs, each trimmed, empty ones left out. */
export function splitParagraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

export function splitClauses(text: string): string[] {
  return text
    .split(';')
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/**
 * An axis of the model from its name and its value in the file. A text's clauses are split when
 * first asked for: a command shows a few levels of a ladder that may have thousands.
 */
export function toAxis(name: string, value: AxisValue): Axis {
  if (typeof value === 'string') return new TextAxis(name, value);
  const clauses = value.map((clause) => clause.trim()).filter((clause) => clause.length > 0);
  return { name, value, text: clauses.join('; '), clauses };
}

/**
 * An axis written as one text. A class, so that the getter lives once on the prototype: an object
 * literal with a getter of its own costs a closure and some 500 bytes, and a level may have a
 * million axes.
 */
class TextAxis implements Axis {
  readonly text: string;
  #clauses?: string[];

  constructor(
    readonly name: string,
    readonly value: string,
  ) {
    this.text = value;
  }

  get clauses(): string[] {
    return (this.#clauses ??= splitClauses(this.value));
  }
}

type LevelData = LadderData['tracks'][number]['levels'][number];

/**
 * One level of the model. A class, so that its getters live once on the prototype: a ladder of
 * thousands of levels makes one small object per level, and a level's axes are built only when
 * first asked for (a command reads a few levels of a ladder that may have thousands).
 */
class ModelLevel implements Level {
  readonly id: string;
  readonly title: string;
  readonly code?: string;
  readonly grade?: string;
  readonly aliases: string[];
  readonly declaredEquivalent?: string | string[];
  group: readonly Level[] = [];
  readonly #data: LevelData;
  #axes: Axis[] | undefined;

  constructor(
    data: LevelData,
    readonly trackId: string,
    readonly position: number,
  ) {
    this.#data = data;
    this.id = data.id;
    this.title = data.title;
    this.code = data.code;
    this.grade = data.grade;
    this.aliases = data.aliases ?? [];
    this.declaredEquivalent = data.equivalent ?? undefined;
  }

  get description(): string | undefined {
    return this.#data.description;
  }

  get note(): string | undefined {
    return this.#data.note;
  }

  get axes(): Axis[] {
    return (this.#axes ??= this.#data.axes.map(([name, value]) => toAxis(name, value)));
  }
}

/** Builds the indexed model from checked ladder data. */
export function buildLadder(data: LadderData, source: string): Ladder {
  const tracks: Track[] = data.tracks.map((track) => ({
    id: track.id,
    name: track.name,
    equivalentLabel: track.equivalentLabel ?? 'Equivalent',
    description: track.description,
    axes: [...(data.axes ?? []), ...(track.axes ?? [])],
    ownAxes: track.axes,
    levels: track.levels.map((level, l) => new ModelLevel(level, track.id, l + 1)),
  }));
  const levels = tracks.flatMap((track) => track.levels);
  const trackIndex = new Map(tracks.map((track, t) => [track.id, t]));
  const grades = data.grades ?? [];
  // Each level's group now (show and diff name a level's peers); their order only for the grid.
  const peerLevels = levels.map((level) => ({ level, id: level.id, track: trackIndex.get(level.trackId) ?? 0, position: level.position, grade: level.grade, equivalents: equivalentIds(level.declaredEquivalent) }));
  const grouped = groupPeers(peerLevels);
  for (const members of grouped) {
    const row = members.map((i) => levels[i] as Level);
    for (const level of row) level.group = row;
  }
  let rows: Level[][] | undefined;
  const orderedRows = () => {
    if (rows) return rows;
    const { groups, unordered } = orderGroups(peerLevels, grouped, grades);
    return (rows = [...groups, ...unordered].map((members) => (members[0] ? (members[0].level.group as Level[]) : [])));
  };
  return {
    source,
    name: data.name,
    description: data.description,
    grades,
    ...(data.axes !== undefined ? { axes: data.axes } : {}),
    tracks,
    levels,
    get peerGroups() {
      return orderedRows();
    },
    levelById: new Map(levels.map((level) => [level.id, level])),
    trackById: new Map(tracks.map((track) => [track.id, track])),
  };
}

/** The ladder back in its file's shape, for export and for writing. */
export function ladderData(ladder: Ladder): LadderData {
  return {
    ...(ladder.name !== undefined ? { name: ladder.name } : {}),
    ...(ladder.description !== undefined ? { description: ladder.description } : {}),
    ...(ladder.grades.length > 0 ? { grades: ladder.grades } : {}),
    ...(ladder.axes !== undefined ? { axes: ladder.axes } : {}),
    tracks: ladder.tracks.map((track) => ({
      id: track.id,
      name: track.name,
      ...(track.equivalentLabel !== 'Equivalent' ? { equivalentLabel: track.equivalentLabel } : {}),
      ...(track.description !== undefined ? { description: track.description } : {}),
      ...(track.ownAxes !== undefined ? { axes: track.ownAxes } : {}),
      levels: track.levels.map((level) => ({
        id: level.id,
        title: level.title,
        ...(level.code !== undefined ? { code: level.code } : {}),
        ...(level.grade !== undefined ? { grade: level.grade } : {}),
        ...(level.aliases.length > 0 ? { aliases: level.aliases } : {}),
        ...(level.declaredEquivalent !== undefined ? { equivalent: level.declaredEquivalent } : {}),
        ...(level.description !== undefined ? { description: level.description } : {}),
        ...(level.note !== undefined ? { note: level.note } : {}),
        axes: level.axes.map((axis): [string, AxisValue] => [axis.name, axis.value]),
      })),
    })),
  };
}

/** Ladder data with axes as a mapping, as the file and the JSON Schema have them. */
export function fileShape(data: LadderData): RawLadder {
  return {
    ...data,
    tracks: data.tracks.map((track) => ({
      ...track,
      levels: track.levels.map(({ axes, ...level }) => ({ ...level, ...(axes.length > 0 ? { axes: Object.fromEntries(axes) } : {}) })),
    })),
  };
}
