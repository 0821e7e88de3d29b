import type { Ladder, Level } from '../model/model.js';
import { equivalentOf, levelRef } from './views.js';
import type { LevelRef } from './views.js';

/** One row of the equivalence table: a level and its peer on another track, or none. */
export interface EquivalenceRow {
  level: LevelRef;
  equivalentLabel: string;
  equivalent: LevelRef | null;
}

export function equivalenceOf(ladder: Ladder, level: Level): EquivalenceRow {
  const equivalent = equivalentOf(level);
  return {
    level: levelRef(ladder, level),
    equivalentLabel: ladder.trackById.get(level.trackId)?.equivalentLabel ?? 'Equivalent',
    equivalent: equivalent ? levelRef(ladder, equivalent) : null,
  };
}

/** Every level with its equivalent, track by track; levels without one are kept as `n/a` rows. */
export function equivalenceTable(ladder: Ladder): EquivalenceRow[] {
  return ladder.levels.map((level) => equivalenceOf(ladder, level));
}
