import { diffLevels } from '../ladder/diff.js';
import { resolveLevel } from '../ladder/resolve.js';
import { renderDiffText } from '../render/text/diff.js';
import { emit, loadContextLadder, trackOption } from './context.js';
import type { CommandContext, Format } from './context.js';

export interface DiffOptions {
  all: boolean;
  track?: string;
  exitCode: boolean;
  format: Format;
}

/** `ladder diff FROM TO`: what changes between two levels, on any tracks, in either direction. */
export function runDiff(context: CommandContext, fromName: string, toName: string, options: DiffOptions): number {
  const ladder = loadContextLadder(context);
  const track = trackOption(ladder, options.track);
  const from = resolveLevel(ladder, fromName, track);
  const to = resolveLevel(ladder, toName, track);
  const diff = diffLevels(ladder, from, to);
  emit(context, options.format, diff, (result, text) => renderDiffText(result, { ...text, all: options.all, color: context.color }));
  const differs = diff.summary.added + diff.summary.removed + diff.summary.changed > 0;
  return options.exitCode && differs ? 1 : 0;
}
