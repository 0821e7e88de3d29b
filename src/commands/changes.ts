import { compareLadders, hasChanges } from '../query/changes.js';
import { LadderError } from '../errors.js';
import { loadLadder } from '../read/load.js';
import { changesRenderers } from '../render/changes.js';
import type { CommandContext, OutputFlags } from './context.js';
import { emit, loadContextLadder, loadOptions, readContextSource } from './context.js';

export interface ChangesOptions extends OutputFlags {
  exitCode: boolean;
}

/** `ladder changes OLD [NEW]`: what changed between two versions of a ladder file (NEW: the ladder in effect). */
export async function runChanges(context: CommandContext, oldFile: string, newFile: string | undefined, options: ChangesOptions): Promise<number> {
  if (oldFile === '-' && (newFile === '-' || (newFile === undefined && context.file === '-'))) {
    throw new LadderError('usage', 'only one side can be read from standard input');
  }
  const before = await loadLadder(readContextSource(context, oldFile), loadOptions(context));
  const after = newFile === undefined ? await loadContextLadder(context) : await loadLadder(readContextSource(context, newFile), loadOptions(context));
  const changes = compareLadders(before, after);
  await emit(context, options, changes, changesRenderers);
  return options.exitCode && hasChanges(changes) ? 1 : 0;
}
