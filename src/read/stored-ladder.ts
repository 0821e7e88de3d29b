import type { AxisValue, LadderData } from '../model/model.js';
import type { CacheEntry } from './cache.js';

type LevelData = LadderData['tracks'][number]['levels'][number];

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
  tracks: (Omit<LadderData['tracks'][number], 'levels'> & { levels: Omit<LevelData, 'axes' | 'description' | 'note'>[]; texts: string | Buffer })[];
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
function namesOf(level: LevelData): Omit<LevelData, 'axes' | 'description' | 'note'> {
  const names: Partial<LevelData> = { ...level };
  delete names.axes;
  delete names.description;
  delete names.note;
  return names as Omit<LevelData, 'axes' | 'description' | 'note'>;
}

/** The ladder data again, each level's texts read from its track's string when first asked for. */
export function fromStored(stored: StoredLadder): LadderData {
  return {
    ...stored,
    tracks: stored.tracks.map((track) => {
      let parsed: LevelTexts[] | undefined;
      const textsOf = (index: number): LevelTexts => (parsed ??= JSON.parse(track.texts.toString()) as LevelTexts[])[index] ?? { axes: [] };
      return {
        id: track.id,
        name: track.name,
        equivalentLabel: track.equivalentLabel,
        description: track.description,
        axes: track.axes,
        // One shape for every level, so that thousands of them are made quickly.
        levels: track.levels.map((names, index) => ({
          id: names.id,
          title: names.title,
          code: names.code,
          grade: names.grade,
          aliases: names.aliases,
          equivalent: names.equivalent,
          get axes() {
            return textsOf(index).axes;
          },
          get description() {
            return textsOf(index).description;
          },
          get note() {
            return textsOf(index).note;
          },
        })),
      };
    }),
  };
}

/** A stored ladder as a cache entry: the names as the value, each track's texts as an attachment. */
export function toEntry(stored: StoredLadder): { value: unknown; attachments: (string | Buffer)[] } {
  return { value: { ...stored, tracks: stored.tracks.map((track, t) => ({ ...track, texts: t })) }, attachments: stored.tracks.map((track) => track.texts) };
}

/** A cache entry as a stored ladder again, each track's texts as the entry's bytes. */
export function fromEntry(entry: CacheEntry<StoredLadder>): StoredLadder {
  return { ...entry.value, tracks: entry.value.tracks.map((track, t) => ({ ...track, texts: entry.attachments[t] ?? '[]' })) };
}

/** Whether two tracks are the same, texts included (the same JSON, as text or as bytes). */
export function sameTrack(a: StoredLadder['tracks'][number], b: StoredLadder['tracks'][number]): boolean {
  const { texts: textsA, ...namesA } = a;
  const { texts: textsB, ...namesB } = b;
  return JSON.stringify(namesA) === JSON.stringify(namesB) && Buffer.from(textsA).equals(Buffer.from(textsB));
}
