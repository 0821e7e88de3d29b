import { diffRenderers } from '../render/diff.js';
import { emit, levelPairNamed, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, OutputFlags } from './context.js';

export interface DiffOptions extends OutputFlags {
  all: boolean;
  axis?: string[];
  track?: string;
  exitCode: boolean;
}

/** `ladder diff FROM TO`: what changes between two levels, on any tracks, in either direction. */
export async function runDiff(context: CommandContext, fromName: string, toName: string, options: DiffOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  // The word differ is loaded only by this command.
  const { diffLevels, keepSections, sectionsNamed } = await import('../query/diff.js');
  const whole = diffLevels(ladder, ...levelPairNamed(context, ladder, fromName, toName, track));
  const diff = options.axis?.length ? keepSections(whole, sectionsNamed(whole, options.axis)) : whole;
  await emit(context, options, { diff, all: options.all }, diffRenderers);
  const differs = diff.summary.added + diff.summary.removed + diff.summary.changed > 0;
  return options.exitCode && differs ? 1 : 0;
}
