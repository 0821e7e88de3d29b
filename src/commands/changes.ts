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
  const changes = { ...compareLadders(before, after), ...difftoolNames(context.io.env) };
  await emit(context, options, changes, changesRenderers);
  return options.exitCode && hasChanges(changes) ? 1 : 0;
}

/**
 * Under `git difftool -x`, git passes a temporary copy of each version, and the file's own name in
 * $BASE: the header names that file, as `git diff` does (a/ladder.yaml → b/ladder.yaml), rather
 * than git's temporary path.
 */
function difftoolNames(env: Record<string, string | undefined>): { old: string; new: string } | undefined {
  return env.GIT_DIFFTOOL_EXTCMD && env.BASE ? { old: `a/${env.BASE}`, new: `b/${env.BASE}` } : undefined;
}
