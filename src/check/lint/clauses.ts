import type { Ladder, Level } from '../../model/model.js';
import type { PathSegment } from '../../read/parse-yaml.js';
import { levelPath } from './rule.js';
import { NOT_WORD } from './letters.js';

/** One clause of the ladder with its place: the unit every content rule reads. */
export interface ClauseEntry {
  track: number;
  /** Index of the level on its track, as in the file. */
  index: number;
  level: Level;
  axis: string;
  text: string;
  /** Lower case, punctuation and runs of space folded: what `restated` compares. */
  normal: string;
  /** The value that holds it: the axis text, or its item in a list. */
  path: PathSegment[];
  /** A list item, or the first or last clause of an axis text: where a sentence begins or ends. */
  starts: boolean;
  ends: boolean;
}

/** Lower case, with punctuation and runs of space folded to one space. */
export function normalizeClause(text: string): string {
  return text
    .toLowerCase()
    .replace(NOT_WORD.for(text), ' ')
    .trim();
}

/** Every clause of the ladder, track by track and level by level, in file order. */
export function clausesOf(ladder: Ladder): ClauseEntry[] {
  const entries: ClauseEntry[] = [];
  ladder.tracks.forEach((track, t) => {
    track.levels.forEach((level, l) => {
      for (const axis of level.axes) {
        const axisPath = levelPath(t, l, 'axes', axis.name);
        const add = (text: string, path: PathSegment[], starts: boolean, ends: boolean) => entries.push({ track: t, index: l, level, axis: axis.name, text, normal: normalizeClause(text), path, starts, ends });
        if (typeof axis.value === 'string') {
          const clauses = axis.clauses;
          clauses.forEach((text, c) => add(text, axisPath, c === 0, c === clauses.length - 1));
        } else {
          axis.value.forEach((item, i) => {
            if (item.trim()) add(item.trim(), [...axisPath, i], true, true);
          });
        }
      }
    });
  });
  return entries;
}

/** The clauses grouped by level and axis: `track/index/axis` → clauses in order. */
export function byLevelAxis(clauses: ClauseEntry[]): Map<string, ClauseEntry[]> {
  const groups = new Map<string, ClauseEntry[]>();
  for (const clause of clauses) {
    const key = levelAxisKey(clause.track, clause.index, clause.axis);
    const group = groups.get(key);
    if (group) group.push(clause);
    else groups.set(key, [clause]);
  }
  return groups;
}

export const levelAxisKey = (track: number, index: number, axis: string) => `${track}\u0000${index}\u0000${axis}`;

/** `3 clauses`, `1 clause`. */
export const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
