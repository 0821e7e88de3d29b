import type { Command, Option } from 'commander';
import { levelNames } from '../model/model.js';
import type { Ladder } from '../model/model.js';

/** What a shell should offer for the word under the cursor: these words, or file names. */
export type Completion = { kind: 'words'; words: string[] } | { kind: 'files' };


/** What each value-taking option completes to, beyond its declared choices. */
const VALUE_SOURCES: Record<string, 'files' | 'tracks' | 'axes'> = { file: 'files', track: 'tracks', axis: 'axes' };

/** Commands whose arguments are level names, and those whose arguments are files; the rest take neither. */
const LEVEL_ARGUMENTS = new Set(['show', 'diff', 'equiv', 'next', 'path']);
const FILE_ARGUMENTS = new Set(['validate', 'import', 'init', 'changes']);

interface Scan {
  /** The subcommand typed so far. */
  command?: Command;
  /** The `--file` typed so far. */
  file?: string;
  /** The option whose value is being typed. */
  pending?: Option;
}

/** Reads the words before the cursor: which subcommand, which ladder file, and whether an option awaits its value. */
function scan(program: Command, before: string[]): Scan {
  const state: Scan = {};
  for (const word of before) {
    if (state.pending) {
      if (state.pending.attributeName() === 'file') state.file = word;
      state.pending = undefined;
    } else if (word.startsWith('-')) {
      state.pending = takesValue(findOption(program, state.command, word));
    } else {
      state.command ??= program.commands.find((candidate) => candidate.name() === word);
    }
  }
  return state;
}

/** The ladder file named on the command line being completed, if any. */
export function completionFile(program: Command, words: string[]): string | undefined {
  return scan(program, words.slice(0, -1)).file;
}

/**
 * Completes `words`, the command line after `ladder` up to and including the word being typed,
 * from the program's own commands and options, so completion never drifts from the CLI. Level,
 * track and axis names come from `ladder` (see `completionFile`). Candidates are filtered by prefix,
 * case-sensitively, so `pri` completes to the id `principal` and `Pri` to the titles.
 */
export function complete(program: Command, words: string[], ladder: Ladder | undefined): Completion {
  const current = words[words.length - 1] ?? '';
  const { command, pending } = scan(program, words.slice(0, -1));
  const offer = (candidates: Iterable<string>): Completion => ({ kind: 'words', words: [...new Set(candidates)].filter((word) => word.startsWith(current)) });

  if (pending) return optionValues(pending, ladder, offer);
  if (current.startsWith('-')) return offer(visibleOptions(program, command).flatMap((option) => [option.long, option.short].filter((flag): flag is string => Boolean(flag))));
  if (!command) return offer(program.commands.filter((candidate) => !isInternalCommand(candidate)).map((candidate) => candidate.name()));
  if (FILE_ARGUMENTS.has(command.name())) return { kind: 'files' };
  if (command.name() === 'completion') return offer(['bash', 'zsh', 'fish']);
  if (!LEVEL_ARGUMENTS.has(command.name())) return offer([]);
  return offer(ladder ? ladder.levels.flatMap((level) => [level.id, ...levelNames(level)]) : []);
}

function optionValues(option: Option, loaded: Ladder | undefined, offer: (candidates: Iterable<string>) => Completion): Completion {
  if (option.argChoices) return offer(option.argChoices);
  const source = VALUE_SOURCES[option.attributeName()];
  if (source === 'files') return { kind: 'files' };
  if (!loaded) return offer([]);
  if (source === 'tracks') return offer(loaded.tracks.flatMap((track) => [track.id, track.name]));
  if (source === 'axes') return offer(loaded.levels.flatMap((level) => level.axes.map((axis) => axis.name)));
  return offer([]);
}

function visibleOptions(program: Command, command: Command | undefined): Option[] {
  const own = command ? command.options : [];
  return [...own, ...program.options].filter((option) => !option.hidden);
}

function findOption(program: Command, command: Command | undefined, word: string): Option | undefined {
  const flag = word.split('=')[0];
  if (word.includes('=')) return undefined; // --format=json carries its value with it
  return visibleOptions(program, command).find((option) => option.long === flag || option.short === flag);
}

function takesValue(option: Option | undefined): Option | undefined {
  return option && (option.required || option.optional) ? option : undefined;
}

/** Commands for ladder's own use (`__complete`), which no help or completion lists. */
export function isInternalCommand(command: Command): boolean {
  return command.name().startsWith('__');
}
