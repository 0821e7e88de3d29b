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

/**
 * Candidates a shell would put raw into the command line and echo to the terminal: control
 * characters (a line break would split a candidate in two) and bidirectional controls. Names
 * holding them are left out of completion; they can still be typed, or named by id.
 */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const UNSHELLABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** `ladder __complete -- WORDS…`: what the completion scripts call on every TAB. */
export async function runComplete(context: CommandContext, program: Command, words: string[]): Promise<number> {
  const typed = words.length > 0 ? words : [''];
  const file = completionFile(program, typed);
  // A broken ladder completes nothing rather than printing errors into the prompt.
  const ladder = await loadContextLadder(context, file ?? context.file).catch(() => undefined);
  const result = complete(program, typed, ladder);
  const lines = result.kind === 'files' ? ['files'] : ['words', ...result.words.filter((word) => !UNSHELLABLE.test(word))];
  context.io.stdout.write(lines.map((line) => `${line}\n`).join(''));
  return 0;
}
