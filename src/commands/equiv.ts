import { equivalenceOf, equivalenceTable } from '../ladder/equiv.js';
import { resolveLevel } from '../ladder/resolve.js';
import { renderEquivalenceTableText, renderEquivalenceText } from '../render/text/equiv.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, Format } from './context.js';

export interface EquivOptions {
  track?: string;
  format: Format;
}

/** `ladder equiv [LEVEL]`: one level's peer on the other track, or the whole mapping. */
export function runEquiv(context: CommandContext, name: string | undefined, options: EquivOptions): number {
  const ladder = loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  if (name === undefined) {
    const rows = equivalenceTable(ladder).filter((row) => !track || row.level.track.id === track.id);
    emit(context, options.format, rows, renderEquivalenceTableText);
  } else {
    emit(context, options.format, equivalenceOf(ladder, resolveLevel(ladder, name, track)), renderEquivalenceText);
  }
  return 0;
}
