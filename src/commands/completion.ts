import type { Command } from 'commander';
import { complete, completionFile } from '../completion/complete.js';
import { COMPLETION_SCRIPTS } from '../completion/scripts.js';
import type { Shell } from '../completion/scripts.js';
import type { CommandContext } from './context.js';
import { loadContextLadder } from './context.js';

/** `ladder completion SHELL`: the script that makes the shell ask ladder for completions. */
export function runCompletion(context: CommandContext, shell: Shell): number {
  context.io.stdout.write(COMPLETION_SCRIPTS[shell]);
  return 0;
}

/** `ladder __complete -- WORDS…`: what the completion scripts call on every TAB. */
export async function runComplete(context: CommandContext, program: Command, words: string[]): Promise<number> {
  const typed = words.length > 0 ? words : [''];
  const file = completionFile(program, typed);
  // A broken ladder completes nothing rather than printing errors into the prompt.
  const ladder = await loadContextLadder(context, file ?? context.file).catch(() => undefined);
  const result = complete(program, typed, ladder);
  const lines = result.kind === 'files' ? ['files'] : ['words', ...result.words];
  context.io.stdout.write(lines.map((line) => `${line}\n`).join(''));
  return 0;
}
