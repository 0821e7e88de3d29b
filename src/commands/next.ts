import { keepSections, sectionsNamed } from '../query/diff.js';
import { nextStep } from '../query/steps.js';
import { nextRenderers } from '../render/steps.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, levelNamed, loadContextLadder, trackOption } from './context.js';

export interface NextOptions extends OutputFlags {
  track?: string;
  axis?: string[];
}

/** `ladder next LEVEL`: the next level up on the same track, as a diff, or word that this is the top. */
export async function runNext(context: CommandContext, name: string, options: NextOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const step = nextStep(ladder, levelNamed(context, ladder, name, trackOption(ladder, options.track)));
  const diff = step.diff && options.axis?.length ? keepSections(step.diff, sectionsNamed(step.diff, options.axis)) : step.diff;
  await emit(context, options, { ...step, diff }, nextRenderers);
  return 0;
}
