import { equivalenceGrid, equivalenceOf } from '../query/equiv.js';
import { resolveTrack } from '../model/resolve.js';
import { equivalenceGridRenderers, equivalenceRenderers } from '../render/equiv.js';
import { LadderError } from '../errors.js';
import { emit, levelNamed, loadContextLadder } from './context.js';
import type { CommandContext, OutputFlags } from './context.js';

export interface EquivOptions extends OutputFlags {
  track?: string[];
}

/**
 * `ladder equiv [LEVEL]`: one level's peer on every other track, or the whole grid. With a level,
 * --track says where to look for it; without, which tracks the grid shows.
 */
export async function runEquiv(context: CommandContext, name: string | undefined, options: EquivOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const tracks = (options.track ?? []).map((track) => resolveTrack(ladder, track));
  if (name === undefined) {
    await emit(context, options, equivalenceGrid(ladder, tracks), equivalenceGridRenderers);
    return 0;
  }
  if (tracks.length > 1) throw new LadderError('usage', 'with a level, --track names the one track to look for it on', { hint: 'give --track once, or leave out the level to see those tracks side by side' });
  await emit(context, options, equivalenceOf(ladder, levelNamed(context, ladder, name, tracks[0])), equivalenceRenderers);
  return 0;
}
