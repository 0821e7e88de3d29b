import type { Command, Option } from 'commander';
import { levelNames } from '../model/model.js';
import type { Ladder } from '../model/model.js';

/** What a shell should offer for the word under the cursor: these words, or file names. */
export type Completion = { kind: 'words'; words: string[] } | { kind: 'files' };


/** What each value-taking option completes to, beyond its declared choices. */
const VALUE_SOURCES: Record<string, 'files' | 'tracks' | 'axes' | 'grades' | 'levels'> = { file: 'files', output: 'files', track: 'tracks', axis: 'axes', grade: 'grades', from: 'levels', level: 'levels', target: 'levels' };

/** Commands whose arguments are level names, and those whose arguments are files; the rest take neither. */
const LEVEL_ARGUMENTS = new Set(['show', 'diff', 'equiv', 'next', 'path', 'checklist']);
const FILE_ARGUMENTS = new Set(['validate', 'import', 'init', 'changes', 'assess']);

interface Scan {
  /** The subcommand typed so far. */
  command?: Command;
  /** The `--file` typed so far. */
  file?: string;
  /** The `--track` typed so far: level names are offered from that track only. */
  track?: string;
  /** The option whose value is being typed. */
  pending?: Option;
  /** Arguments typed after the subcommand. */
  positional: number;
}

/** Reads the words before the cursor: which subcommand, which ladder file and track, how many arguments, and whether an option awaits its value. */
function scan(program: Command, before: string[]): Scan {
  const state: Scan = { positional: 0 };
  for (const word of before.map(dequote)) {
    if (state.pending) {
      // bash splits `--format=` at the `=`, which is then a word of its own.
      if (word === '=') continue;
      if (state.pending.attributeName() === 'file') state.file = word;
      if (state.pending.attributeName() === 'track') state.track = word;
      state.pending = undefined;
    } else if (word.startsWith('-')) {
      const [flag, value] = splitAssignment(word);
      const option = takesValue(findOption(program, state.command, flag));
      if (option && value !== undefined) {
        if (option.attributeName() === 'file') state.file = value;
        if (option.attributeName() === 'track') state.track = value;
      } else {
        state.pending = option;
      }
    } else if (!state.command) {
      state.command = program.commands.find((candidate) => candidate.name() === word);
    } else if (state.positional === 0 && state.command.commands.some((candidate) => candidate.name() === word)) {
      // A command's own subcommand (`assess new`), with its options.
      state.command = state.command.commands.find((candidate) => candidate.name() === word);
    } else {
      state.positional += 1;
    }
  }
  return state;
}

/** `--format=json` as flag and value; a flag alone has no value. */
function splitAssignment(word: string): [string, string | undefined] {
  const at = word.indexOf('=');
  return at === -1 ? [word, undefined] : [word.slice(0, at), word.slice(at + 1)];
}

/**
 * A word as the shell will pass it on: the quote the user opened (`"Principal Op`) and backslash
 * escapes (`Principal\ Op`) removed, so multi-word titles complete however they were typed.
 */
export function dequote(word: string): string {
  const quote = word[0] === '"' || word[0] === "'" ? word[0] : '';
  const body = quote ? word.slice(1).replace(new RegExp(`${quote}$`), '') : word;
  return quote === "'" ? body : body.replace(/\\(.)/g, '$1');
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
  const current = dequote(words[words.length - 1] ?? '');
  const { command, pending, track, positional } = scan(program, words.slice(0, -1));
  const offer = (candidates: Iterable<string>, prefix = ''): Completion => ({ kind: 'words', words: [...new Set(candidates)].map((word) => `${prefix}${word}`).filter((word) => word.startsWith(current)) });

  if (pending) return optionValues(pending, ladder, offer, current);
  const [flag, value] = splitAssignment(current);
  const assigned = value !== undefined ? takesValue(findOption(program, command, flag)) : undefined;
  // `--format=y<TAB>`: the values, written with their flag.
  if (assigned) return optionValues(assigned, ladder, (candidates) => offer(candidates, `${flag}=`), value ?? '');
  if (current.startsWith('-')) return offer(visibleOptions(program, command).flatMap((option) => [option.long, option.short].filter((flag): flag is string => Boolean(flag))));
  if (!command) return offer(program.commands.filter((candidate) => !isInternalCommand(candidate)).map((candidate) => candidate.name()));
  // Past its last argument (`diff a b <TAB>`), a command takes nothing more.
  const argumentsTaken = command.registeredArguments;
  if (argumentsTaken.length > 0 && !argumentsTaken.some((argument) => argument.variadic) && positional >= argumentsTaken.length) return offer([]);
  if (FILE_ARGUMENTS.has(command.name())) return { kind: 'files' };
  if (command.name() === 'completion') return offer(['bash', 'zsh', 'fish']);
  if (!LEVEL_ARGUMENTS.has(command.name())) return offer([]);
  return offer(levelCandidates(ladder, current, track));
}

/** Level names for the word being typed: on `track` if one is given; `sre:<TAB>` gives that track's, qualified (`sre:L5`, `sre:sre-senior`). */
function levelCandidates(ladder: Ladder | undefined, current: string, track?: string): string[] {
  if (!ladder) return [];
  const levels = ladder.levels.filter((level) => !track || matchesTrack(ladder, level.trackId, track));
  const colon = current.indexOf(':');
  if (colon > 0) {
    const prefix = current.slice(0, colon);
    return levels.filter((level) => matchesTrack(ladder, level.trackId, prefix)).flatMap((level) => [level.id, ...levelNames(level)].map((name) => `${prefix}:${name}`));
  }
  // On a ladder of several tracks, `TRACK:` begins a qualified name.
  const qualifiers = ladder.tracks.length > 2 && !track ? ladder.tracks.map((candidate) => `${candidate.id}:`) : [];
  return [...levels.flatMap((level) => [level.id, ...levelNames(level)]), ...qualifiers];
}

/** Whether `name` (as typed after `--track`) names the track: its id or name, ignoring case. */
function matchesTrack(ladder: Ladder, trackId: string, name: string): boolean {
  const track = ladder.trackById.get(trackId);
  return [trackId, track?.name ?? ''].some((known) => known.toLowerCase() === name.toLowerCase());
}

/** The values of `option`, for `current`, the value typed so far. */
function optionValues(option: Option, loaded: Ladder | undefined, offer: (candidates: Iterable<string>) => Completion, current: string): Completion {
  if (option.argChoices) return offer(option.argChoices);
  const source = VALUE_SOURCES[option.attributeName()];
  if (source === 'files') return { kind: 'files' };
  if (!loaded) return offer([]);
  if (source === 'tracks') return offer(loaded.tracks.flatMap((track) => [track.id, track.name]));
  if (source === 'axes') return offer(loaded.levels.flatMap((level) => level.axes.map((axis) => axis.name)));
  if (source === 'grades') return offer(loaded.grades);
  if (source === 'levels') return offer(levelCandidates(loaded, current));
  return offer([]);
}

function visibleOptions(program: Command, command: Command | undefined): Option[] {
  const own = command ? command.options : [];
  return [...own, ...program.options].filter((option) => !option.hidden);
}

function findOption(program: Command, command: Command | undefined, flag: string): Option | undefined {
  return visibleOptions(program, command).find((option) => option.long === flag || option.short === flag);
}

function takesValue(option: Option | undefined): Option | undefined {
  return option && (option.required || option.optional) ? option : undefined;
}

/** Commands for ladder's own use (`__complete`), which no help or completion lists. */
export function isInternalCommand(command: Command): boolean {
  return command.name().startsWith('__');
}
