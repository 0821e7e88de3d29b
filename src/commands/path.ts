import { resolveLevel } from '../model/resolve.js';
import { levelPath } from '../query/steps.js';
import { pathRenderers } from '../render/steps.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, loadContextLadder, trackOption } from './context.js';

export interface PathOptions extends OutputFlags {
  track?: string;
}

/** `ladder path FROM TO`: every step between two levels of one track, then what the whole way asks for. */
export async function runPath(context: CommandContext, fromName: string, toName: string, options: PathOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  await emit(context, options, levelPath(ladder, resolveLevel(ladder, fromName, track), resolveLevel(ladder, toName, track)), pathRenderers);
  return 0;
}
