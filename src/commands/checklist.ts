import { checklist } from '../query/checklist.js';
import { checklistRenderers } from '../render/checklist.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, levelNamed, levelPairNamed, loadContextLadder, trackOption } from './context.js';

export interface ChecklistOptions extends OutputFlags {
  from?: string;
  axis?: string[];
  track?: string;
}

/** `ladder checklist LEVEL [--from LEVEL]`: a level's expectations to tick off, or only those new or changed since another. */
export async function runChecklist(context: CommandContext, name: string, options: ChecklistOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const [level, from] = options.from === undefined ? [levelNamed(context, ladder, name, track), undefined] : levelPairNamed(context, ladder, name, options.from, track);
  await emit(context, options, checklist(ladder, level, from, options.axis), checklistRenderers);
  return 0;
}
