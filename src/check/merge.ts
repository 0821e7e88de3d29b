import type { Diagnostic } from '../errors.js';
import type { RawLadder } from '../model/model.js';
import type { PathSegment, Position } from '../read/parse-yaml.js';
import type { LadderSource } from '../read/source.js';
import { sameTrack } from '../read/stored-ladder.js';
import type { StoredLadder } from '../read/stored-ladder.js';
import { isLarge, markdownLevelFinder, positionFinder } from './check.js';
import { checkCrossReferences } from './crossref.js';
import type { Locate } from './crossref.js';

/** One checked part of a folder: a YAML file, or the folder's Markdown files read together. */
export interface Part {
  /** The part's files, read only to place a problem. */
  readonly files: LadderSource[];
  data: StoredLadder;
}

/** What the whole ladder says once, whichever file says it. */
const LADDER_KEYS = ['name', 'description', 'grades', 'axes'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Where a track of the merged ladder comes from: the index of its part, and of the track there. */
export interface TrackOrigin {
  part: number;
  track: number;
}

interface Merged {
  data: StoredLadder;
  origins: TrackOrigin[];
  diagnostics: Diagnostic[];
  /** Where a path of the merged ladder is, in the file it came from. */
  locate: Locate;
}

/**
 * The parts of a folder as one ladder: the ladder's name, description, grades and axes may be
 * given in any file, but the same wherever they are; a track repeated identically in several
 * files (each discipline's file carrying the managers track) is kept once, and repeated
 * differently is an error naming both places.
 */
export function mergeParts(parts: Part[], { outline = false } = {}): Merged {
  const diagnostics: Diagnostic[] = [];
  const finders = new Map<LadderSource, ReturnType<typeof positionFinder>>();
  // Every file with a problem keeps its positions until all are placed: in a large folder, each
  // is placed from its outline, as one large file is (and with `outline`, in any folder).
  let large: boolean | undefined;
  const groups = new Map<Part, ReturnType<typeof markdownLevelFinder>>();
  const where = (part: Part, path: readonly PathSegment[], at?: 'key' | 'value'): Partial<Position> & { file: string } => {
    const file = part.files[0] as LadderSource;
    // A group of Markdown files is read as one ladder: its levels are in any of its files.
    if (part.files.length > 1) {
      let group = groups.get(part);
      if (!group) groups.set(part, (group = markdownLevelFinder(part.files)));
      return group(path) ?? { file: file.name };
    }
    let finder = finders.get(file);
    large ??= outline || isLarge(parts.flatMap(({ files }) => files.map(({ text }) => text)));
    if (!finder) finders.set(file, (finder = positionFinder(file, large)));
    return { file: file.name, ...finder(path, at) };
  };
  const describe = (part: Part, path: PathSegment[]) => {
    const place = where(part, path, 'key');
    return place.line === undefined ? place.file : `${place.file}:${place.line}`;
  };

  const data: StoredLadder = { tracks: [] };
  const keyOrigin = new Map<string, Part>();
  const origins: TrackOrigin[] = [];
  const trackById = new Map<string, number>();
  parts.forEach((part, partIndex) => {
    for (const key of LADDER_KEYS) {
      const value = part.data[key];
      if (value === undefined) continue;
      const first = keyOrigin.get(key);
      if (!first) {
        Object.assign(data, { [key]: value });
        keyOrigin.set(key, part);
      } else if (!same(first.data[key], value)) {
        diagnostics.push({ severity: 'error', ...where(part, [key], 'key'), message: `\`${key}\` differs from the one in ${describe(first, [key])}`, hint: 'the files of a folder are one ladder: give it in one file, or the same in each' });
      }
    }
    part.data.tracks.forEach((track, index) => {
      const existing = trackById.get(track.id);
      if (existing === undefined) {
        trackById.set(track.id, data.tracks.length);
        data.tracks.push(track);
        origins.push({ part: partIndex, track: index });
        return;
      }
      const first = origins[existing] as TrackOrigin;
      if (!sameTrack(data.tracks[existing] as StoredLadder['tracks'][number], track)) {
        diagnostics.push({
          severity: 'error',
          ...where(part, ['tracks', index, 'id']),
          message: `track \`${track.id}\` is defined differently here and in ${describe(parts[first.part] as Part, ['tracks', first.track, 'id'])}`,
          hint: 'a track repeated in several files must be the same in each; or keep it in one file',
        });
      }
    });
  });
  const locate: Locate = (path, at) => {
    const origin = path[0] === 'tracks' ? origins[Number(path[1])] : undefined;
    const part = (origin && parts[origin.part]) ?? keyOrigin.get(String(path[0])) ?? (parts[0] as Part);
    return where(part, origin ? ['tracks', origin.track, ...path.slice(2)] : path, at);
  };
  return { data, origins, diagnostics, locate };
}

/**
 * The parts merged, then checked as one ladder: cross-references across all files, each problem
 * placed in its file. The references are names and places only, so no level's texts are read;
 * `references: false` leaves them out, for names and places already checked.
 */
export function checkMerged(parts: Part[], name: string, { references = true } = {}): { data?: StoredLadder; origins?: TrackOrigin[]; diagnostics: Diagnostic[] } {
  const merged = mergeParts(parts);
  if (merged.diagnostics.length > 0) return { diagnostics: merged.diagnostics.map((problem) => ({ rule: 'folder', ...problem })) };
  const raw = merged.data as RawLadder;
  // Positions cost a parse of each file, so they are only looked for when there is a problem.
  if (!references || checkCrossReferences(raw, name).length === 0) return { data: merged.data, origins: merged.origins, diagnostics: [] };
  return { diagnostics: checkCrossReferences(raw, name, merged.locate).map((problem) => ({ rule: 'cross-reference', ...problem })) };
}
