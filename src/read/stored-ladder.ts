import type { AxisValue, LadderData } from '../model/model.js';
import type { TrackOrigin } from '../check/merge.js';
import type { CacheEntry } from './cache.js';

type LevelData = LadderData['tracks'][number]['levels'][number];

/** A level's names and places: what the cross-reference checks read. */
type LevelNames = Omit<LevelData, 'axes' | 'description' | 'note'>;

/** What a level says, as opposed to what names and places it: the part of a ladder that is most of its bytes. */
interface LevelTexts {
  axes: [name: string, value: AxisValue][];
  description?: string;
  note?: string;
}

/**
 * A checked ladder as a folder's cache keeps it: each level's names and places as data, and each
 * track's level texts as one JSON string. Reading it creates a few objects per level rather than
 * one per clause, and a track's texts are parsed when one of its levels is first read; the
 * cross-reference checks need none of them.
 */
export interface StoredLadder extends Omit<LadderData, 'tracks'> {
  /** Each track's level texts: JSON, as a string when just made, as bytes when read from the cache. */
  tracks: (Omit<LadderData['tracks'][number], 'levels'> & { levels: LevelNames[]; texts: string | Buffer })[];
}

export function toStored(data: LadderData): StoredLadder {
  return {
    ...data,
    tracks: data.tracks.map(({ levels, ...track }) => ({
      ...track,
      levels: levels.map(namesOf),
      texts: JSON.stringify(levels.map(({ axes, description, note }): LevelTexts => ({ axes, description, note }))),
    })),
  };
}

/** A level without its texts. */
function namesOf(level: LevelData): LevelNames {
  const names: Partial<LevelData> = { ...level };
  delete names.axes;
  delete names.description;
  delete names.note;
  return names as LevelNames;
}

/** The ladder data again, each level's texts read from its track's string when first asked for. */
export function fromStored(stored: StoredLadder): LadderData {
  return {
    ...stored,
    tracks: stored.tracks.map((track) => {
      const texts = new TrackTexts(track.texts);
      return {
        id: track.id,
        name: track.name,
        equivalentLabel: track.equivalentLabel,
        description: track.description,
        axes: track.axes,
        levels: track.levels.map((names, index) => new StoredLevel(names, texts, index)),
      };
    }),
  };
}

/** A track's level texts, parsed when a level first needs them. */
class TrackTexts {
  #parsed: LevelTexts[] | undefined;

  readonly #json: string | Buffer;

  constructor(json: string | Buffer) {
    this.#json = json;
  }

  of(index: number): LevelTexts {
    return (this.#parsed ??= JSON.parse(this.#json.toString()) as LevelTexts[])[index] ?? { axes: [] };
  }
}

/** A level as the cache keeps it; a class, so that thousands of them are made quickly (one shape, getters shared). */
class StoredLevel implements LevelData {
  readonly id: string;
  readonly title: string;
  readonly code?: string;
  readonly grade?: string;
  readonly aliases?: string[];
  readonly equivalent?: string | string[] | null;
  readonly #texts: TrackTexts;
  readonly #index: number;

  constructor(names: LevelNames, texts: TrackTexts, index: number) {
    this.id = names.id;
    this.title = names.title;
    this.code = names.code;
    this.grade = names.grade;
    this.aliases = names.aliases;
    this.equivalent = names.equivalent;
    this.#texts = texts;
    this.#index = index;
  }

  get axes(): LevelTexts['axes'] {
    return this.#texts.of(this.#index).axes;
  }

  get description(): string | undefined {
    return this.#texts.of(this.#index).description;
  }

  get note(): string | undefined {
    return this.#texts.of(this.#index).note;
  }
}

/** A stored ladder as a cache entry: the names as the value, each track's texts as an attachment. */
export function toEntry(stored: StoredLadder): { value: unknown; attachments: (string | Buffer)[] } {
  return { value: { ...stored, tracks: stored.tracks.map((track, t) => ({ ...track, texts: t })) }, attachments: stored.tracks.map((track) => track.texts) };
}

/** A cache entry as a stored ladder again, each track's texts as the entry's bytes. */
export function fromEntry(entry: CacheEntry<StoredLadder>): StoredLadder {
  return { ...entry.value, tracks: entry.value.tracks.map((track, t) => ({ ...track, texts: entry.attachments[t] ?? '[]' })) };
}

/**
 * A folder's ladder as its cache entry keeps it: the merged names, with each track's texts left
 * in the entry of the file it came from (`parts`, by key), so that editing one file does not
 * copy every file's texts into a new entry; and the folder's fingerprint and each file's stamp
 * (`stamps[i]` is the file whose check is `parts[i]`), so that once a file is edited, the others
 * are found without being read.
 */
export interface MergedEntry {
  fingerprint: string;
  stamps: string[];
  parts: string[];
  ladder: Omit<StoredLadder, 'tracks'> & { tracks: (Omit<StoredLadder['tracks'][number], 'texts'> & { texts: TrackOrigin })[] };
}

export function toMergedEntry(merged: StoredLadder, origins: TrackOrigin[], files: Omit<MergedEntry, 'ladder'>): MergedEntry {
  return { ...files, ladder: { ...merged, tracks: merged.tracks.map((track, t) => ({ ...track, texts: origins[t] as TrackOrigin })) } };
}

/** The merged ladder again, given each part's texts by its key; none when a part's entry is gone. */
export function fromMergedEntry({ parts, ladder }: MergedEntry, textsOf: (part: string) => (string | Buffer)[] | undefined): StoredLadder | undefined {
  const texts = parts.map(textsOf);
  const tracks: StoredLadder['tracks'] = [];
  for (const { texts: origin, ...track } of ladder.tracks) {
    const found = texts[origin.part]?.[origin.track];
    if (found === undefined) return undefined;
    tracks.push({ ...track, texts: found });
  }
  return { ...ladder, tracks };
}

/** Whether two tracks are the same, texts included (the same JSON, as text or as bytes). */
export function sameTrack(a: StoredLadder['tracks'][number], b: StoredLadder['tracks'][number]): boolean {
  const { texts: textsA, ...namesA } = a;
  const { texts: textsB, ...namesB } = b;
  return JSON.stringify(namesA) === JSON.stringify(namesB) && Buffer.from(textsA).equals(Buffer.from(textsB));
}
