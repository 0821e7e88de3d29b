import { resolveLevel } from '../model/resolve.js';
import { nextStep } from '../query/steps.js';
import { nextRenderers } from '../render/steps.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, loadContextLadder, trackOption } from './context.js';

export interface NextOptions extends OutputFlags {
  track?: string;
}

/** `ladder next LEVEL`: the next level up on the same track, as a diff, or word that this is the top. */
export async function runNext(context: CommandContext, name: string, options: NextOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  await emit(context, options, nextStep(ladder, resolveLevel(ladder, name, trackOption(ladder, options.track))), nextRenderers);
  return 0;
}
