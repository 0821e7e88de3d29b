import { normalizeName, slugify } from '../../model/names.js';
import type { DraftLevel, DraftTrack, Findings } from './draft.js';

/**
 * Tracks that several files of one ladder name alike, made into what their authors meant:
 * - a copy (the managers section pasted into each discipline's file: same levels, same texts) is
 *   kept once, and the equivalent lines of every copy count as claims of the level kept;
 * - a copy whose texts differ is an error that names both places;
 * - tracks that only share a heading (each discipline's `# Individual Contributors`) are
 *   different tracks, named and given an id after their file (`Individual Contributors (ops)`, `ops`).
 * Linear in the tracks' size: each track is compared with the first of its name only.
 */
export function mergeRepeatedTracks(tracks: DraftTrack[], findings: Findings): DraftTrack[] {
  const byName = new Map<string, DraftTrack[]>();
  for (const track of tracks) {
    const key = normalizeName(track.name);
    byName.set(key, [...(byName.get(key) ?? []), track]);
  }
  const dropped = new Set<DraftTrack>();
  for (const group of byName.values()) {
    if (group.length < 2 || new Set(group.map((track) => track.file)).size < 2) continue;
    const kept: { track: DraftTrack; content: string }[] = [];
    const byTitles = new Map<string, { track: DraftTrack; content: string }>();
    for (const track of group) {
      const titles = track.levels.map((level) => normalizeName(level.title)).join('\n');
      const content = contentOf(track);
      const first = byTitles.get(titles);
      const copyOf = first && first.track.file !== track.file ? first : undefined;
      if (copyOf && copyOf.content === content) {
        track.levels.forEach((level, index) => {
          const original = copyOf.track.levels[index] as DraftLevel;
          original.copies = [...(original.copies ?? []), level];
        });
        dropped.add(track);
      } else if (copyOf) {
        const differing = track.levels.find((level, index) => levelContent(level) !== levelContent(copyOf.track.levels[index] as DraftLevel)) ?? track.levels[0];
        const original = differing ? copyOf.track.levels[track.levels.indexOf(differing)] : undefined;
        findings.error(
          differing?.file ?? track.file,
          differing?.line ?? track.line,
          `track \`${track.name}\` is repeated from ${copyOf.track.file}:${copyOf.track.line} with other texts${differing && original ? `: \`${differing.title}\` differs from the one at ${original.file}:${original.line}` : ''}`,
          'a track kept in several files must say the same in each; make the copies agree, or rename one track',
        );
        dropped.add(track);
      } else {
        kept.push({ track, content });
        if (!first) byTitles.set(titles, { track, content });
      }
    }
    // Different tracks under one heading: each is its file's discipline.
    if (kept.length > 1) {
      // `ops.md` beside `ops.markdown`: a stem two of them share would name both alike, so those keep their whole file name.
      const stems = kept.map(({ track }) => fileStem(track.file));
      kept.forEach(({ track }, index) => {
        const stem = stems[index] as string;
        const name = stems.indexOf(stem) === stems.lastIndexOf(stem) ? stem : baseName(track.file);
        track.id = slugify(name) || undefined;
        track.name = `${track.name} (${name})`;
      });
    }
  }
  return tracks.filter((track) => !dropped.has(track));
}

/** A file's name without its folder and extension: `ladders/ops.md` → `ops`. */
export function fileStem(file: string): string {
  return baseName(file).replace(/\.(md|markdown)$/i, '');
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Everything a track says except where it is and the equivalents its levels claim. */
function contentOf(track: DraftTrack): string {
  return JSON.stringify([track.equivalentLabel ?? '', track.description, track.levels.map(levelContent)]);
}

function levelContent(level: DraftLevel): string {
  const axes = [...level.axes.values()].map((axis) => [axis.name, axis.parts.map((part) => [part.kind, part.text])]);
  return JSON.stringify([level.title, level.code ?? '', level.grade ?? '', level.aliases, level.description, level.note ?? '', axes]);
}
