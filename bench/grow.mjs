// Grows the shipped ladder to a given number of levels: its tracks repeated as many times as it
// takes, each copy's titles and ids numbered, equivalents kept within the copy. Written as YAML;
// the bench turns it into Markdown with `ladder export --format md`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const shipped = parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'ladder.yaml'), 'utf8'));
const perCopy = shipped.tracks.reduce((sum, track) => sum + track.levels.length, 0);

export function growShipped(levelCount) {
  const copies = Math.ceil(levelCount / perCopy);
  let left = levelCount;
  const tracks = shipped.tracks.map((track) => ({ ...track, levels: [] }));
  for (let copy = 1; copy <= copies; copy += 1) {
    shipped.tracks.forEach((track, t) => {
      for (const level of track.levels) {
        if (left === 0) return;
        left -= 1;
        // Aliases (`cto`) would name every copy; the copies go without them.
        const copied = { ...level };
        delete copied.aliases;
        tracks[t].levels.push({
          ...copied,
          id: `${level.id}-${copy}`,
          title: `${level.title} ${copy}`,
          ...(level.equivalent ? { equivalent: `${level.equivalent}-${copy}` } : {}),
        });
      }
    });
  }
  // A copy cut short can leave an equivalent pointing at a level it never reached.
  const ids = new Set(tracks.flatMap((track) => track.levels.map((level) => level.id)));
  for (const level of tracks.flatMap((track) => track.levels)) if (level.equivalent && !ids.has(level.equivalent)) delete level.equivalent;
  return stringify({ name: `${shipped.name ?? 'Ladder'} grown to ${levelCount} levels`, tracks: tracks.filter((track) => track.levels.length > 0) }, { lineWidth: 0 });
}
