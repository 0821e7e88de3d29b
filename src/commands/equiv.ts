import { equivalenceOf, equivalenceTable } from '../query/equiv.js';
import { resolveLevel } from '../model/resolve.js';
import { equivalenceRenderers, equivalenceTableRenderers } from '../render/equiv.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, OutputFlags } from './context.js';

export interface EquivOptions extends OutputFlags {
  track?: string;
}

/** `ladder equiv [LEVEL]`: one level's peer on the other track, or the whole mapping. */
export async function runEquiv(context: CommandContext, name: string | undefined, options: EquivOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  if (name === undefined) {
    const rows = equivalenceTable(ladder).filter((row) => !track || row.level.track.id === track.id);
    await emit(context, options, rows, equivalenceTableRenderers);
  } else {
    await emit(context, options, equivalenceOf(ladder, resolveLevel(ladder, name, track)), equivalenceRenderers);
  }
  return 0;
}
