import type { Ladder, Level } from '../model/model.js';

/** What every view is given: the ladder, and what the export command knew about it. */
export interface PageContext {
  ladder: Ladder;
  /** The ladder's fingerprint as `ladder assess` computes it: the assessment's storage key, and what a downloaded file records. */
  fingerprint: string;
  /** The ladder file as an assessment names it (`ladder.file`). */
  file: string;
}

/** The level above and below on its track, where there is one. */
export function neighbours(context: PageContext, level: Level): { below?: Level; above?: Level } {
  const track = context.ladder.trackById.get(level.trackId);
  return { below: track?.levels[level.position - 2], above: track?.levels[level.position] };
}
