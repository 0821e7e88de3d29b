import { levelSummary } from '../ladder/views.js';
import { renderListText } from '../render/text/list.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, Format } from './context.js';

export interface ListOptions {
  track?: string;
  ids: boolean;
  format: Format;
}

/** `ladder list`: every level in order (`--ids`: just the ids, one per line, for xargs). */
export function runList(context: CommandContext, options: ListOptions): number {
  const ladder = loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const levels = ladder.levels.filter((level) => !track || level.trackId === track.id).map((level) => levelSummary(ladder, level));
  if (options.ids) {
    context.io.stdout.write(levels.map((level) => `${level.id}\n`).join(''));
    return 0;
  }
  emit(context, options.format, levels, renderListText);
  return 0;
}
