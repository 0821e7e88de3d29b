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
  const previous = new Map<number, Located>();
  for (const entry of levels) {
    const { level, trackIndex, path } = entry;
    if (level.grade === undefined) continue;
    const at = [...path, 'grade'];
    if (grades.length === 0) {
      report(at, `\`${level.id}\` has grade \`${level.grade}\`, but the ladder has no grade scale`, 'list the grades at the top of the file, lowest first: `grades: [L3, L4, L5]`');
      sound = false;
      continue;
    }
    const own = rank.get(normalizeName(level.grade));
    if (own === undefined || grades[own] !== level.grade) {
      const near = own !== undefined ? [grades[own] as string] : closest(level.grade, grades, 1);
      report(at, `grade \`${level.grade}\` of \`${level.id}\` is not on the grade scale`, near.length > 0 ? `did you mean \`${near[0]}\`?` : `the grades are ${grades.map((grade) => `\`${grade}\``).join(', ')}`);
      sound = false;
      continue;
    }
    const below = previous.get(trackIndex);
    const belowRank = below?.level.grade === undefined ? undefined : rank.get(normalizeName(below.level.grade));
    if (below && belowRank !== undefined && own <= belowRank) {
      report(at, `grade \`${level.grade}\` of \`${level.id}\` is not above grade \`${below.level.grade}\` of \`${below.level.id}\`, the level below it`, 'grades rise along a track, most junior first');
      sound = false;
    }
    previous.set(trackIndex, entry);
  }
  return sound;
}
