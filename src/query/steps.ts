import { diffLevels, keepClauses } from './diff.js';
import type { LevelDiff } from './diff.js';
import { LadderError } from '../errors.js';
import type { Ladder, Level } from '../model/model.js';
import { levelRef } from './views.js';
import type { LevelRef } from './views.js';

/** `next`: the level after this one on its track and what changes, or nothing at the top. */
export interface NextStep {
  level: LevelRef;
  next: LevelRef | null;
  diff: LevelDiff | null;
}

export function nextStep(ladder: Ladder, level: Level): NextStep {
  const track = ladder.trackById.get(level.trackId);
  const next = track?.levels[level.position];
  return { level: levelRef(ladder, level), next: next ? levelRef(ladder, next) : null, diff: next ? diffLevels(ladder, level, next) : null };
}

/** `path`: every step between two levels of one track, and what the last asks for that the first did not. */
export interface LevelPath {
  from: LevelRef;
  to: LevelRef;
  steps: LevelDiff[];
  /** FROM against TO: the clauses with no counterpart in FROM, and those that changed. */
  overall: LevelDiff;
}

export function levelPath(ladder: Ladder, from: Level, to: Level): LevelPath {
  if (from.trackId !== to.trackId) {
    throw new LadderError('usage', `\`${from.id}\` and \`${to.id}\` are on different tracks`, { hint: `a path runs along one track; compare across tracks with \`ladder diff ${from.id} ${to.id}\`` });
  }
  const levels = ladder.trackById.get(from.trackId)?.levels ?? [];
  const direction = to.position >= from.position ? 1 : -1;
  const steps: LevelDiff[] = [];
  for (let position = from.position; position !== to.position; position += direction) {
    const a = levels[position - 1];
    const b = levels[position - 1 + direction];
    if (a && b) steps.push(diffLevels(ladder, a, b));
  }
  const overall = keepClauses(diffLevels(ladder, from, to), ['added', 'changed']);
  return { from: levelRef(ladder, from), to: levelRef(ladder, to), steps, overall };
}
