import { resolveGrade } from '../model/resolve.js';
import { levelSummary } from '../query/views.js';
import { listRenderers } from '../render/list.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, OutputFlags } from './context.js';

export interface ListOptions extends OutputFlags {
  track?: string;
  grade?: string;
  ids: boolean;
}

/** `ladder list`: every level in order, or those of one track or one grade (`--ids`: just the ids, one per line, for xargs). */
export async function runList(context: CommandContext, options: ListOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const grade = options.grade === undefined ? undefined : resolveGrade(ladder, options.grade);
  const levels = ladder.levels.filter((level) => (!track || level.trackId === track.id) && (grade === undefined || level.grade === grade)).map((level) => levelSummary(ladder, level));
  if (options.ids) {
    context.io.stdout.write(levels.map((level) => `${level.id}\n`).join(''));
    return 0;
  }
  await emit(context, options, levels, listRenderers);
  return 0;
}
