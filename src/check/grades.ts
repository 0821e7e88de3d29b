import { closest, normalizeName } from '../model/names.js';
import type { RawLadder } from '../model/model.js';
import type { Located, Report } from './crossref.js';

/**
 * The grade scale: each grade once, each level's grade on the scale, and grades rising along
 * each track (a track may skip grades). Returns whether every level's grade can be relied on.
 */
export function checkGrades(raw: RawLadder, levels: Located[], report: Report): boolean {
  const grades = raw.grades ?? [];
  const rank = new Map<string, number>();
  let sound = true;
  grades.forEach((grade, g) => {
    const key = normalizeName(grade);
    if (rank.has(key)) {
      report(['grades', g], `grade \`${grade}\` is on the scale twice`, 'each grade is listed once, lowest first');
      sound = false;
    } else rank.set(key, g);
  });
  // The grade each track reached last, and the level that has it: grades rise along a track.
  const previous = new Map<number, { entry: Located; rank: number }>();
  const exact = new Map(grades.map((grade, g) => [grade, g]));
  for (const entry of levels) {
    const { level, trackIndex } = entry;
    if (level.grade === undefined) continue;
    if (grades.length === 0) {
      report([...entry.path, 'grade'], `\`${level.id}\` has grade \`${level.grade}\`, but the ladder has no grade scale`, 'list the grades at the top of the file, lowest first: `grades: [L3, L4, L5]`');
      sound = false;
      continue;
    }
    const own = exact.get(level.grade);
    if (own === undefined) {
      const spelt = rank.get(normalizeName(level.grade));
      const near = spelt !== undefined ? [grades[spelt] as string] : closest(level.grade, grades, 1);
      report([...entry.path, 'grade'], `grade \`${level.grade}\` of \`${level.id}\` is not on the grade scale`, near.length > 0 ? `did you mean \`${near[0]}\`?` : `the grades are ${grades.map((grade) => `\`${grade}\``).join(', ')}`);
      sound = false;
      continue;
    }
    const below = previous.get(trackIndex);
    if (below && own <= below.rank) {
      report([...entry.path, 'grade'], `grade \`${level.grade}\` of \`${level.id}\` is not above grade \`${below.entry.level.grade}\` of \`${below.entry.level.id}\`, the level below it`, 'grades rise along a track, most junior first');
      sound = false;
    }
    previous.set(trackIndex, { entry, rank: own });
  }
  return sound;
}
