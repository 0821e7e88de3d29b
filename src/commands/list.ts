import { levelSummary } from '../query/views.js';
import { listRenderers } from '../render/list.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, OutputFlags } from './context.js';

export interface ListOptions extends OutputFlags {
  track?: string;
  ids: boolean;
}

/** `ladder list`: every level in order (`--ids`: just the ids, one per line, for xargs). */
export async function runList(context: CommandContext, options: ListOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const levels = ladder.levels.filter((level) => !track || level.trackId === track.id).map((level) => levelSummary(ladder, level));
  if (options.ids) {
    context.io.stdout.write(levels.map((level) => `${level.id}\n`).join(''));
    return 0;
  }
  await emit(context, options, levels, listRenderers);
  return 0;
}
