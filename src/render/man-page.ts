import type { Command, Option } from 'commander';
import { isInternalCommand } from '../completion/complete.js';
import { LOCAL_FOLDER, LOCAL_NAMES } from '../read/source.js';

/** What the man page says beyond the command definitions: the texts `ladder --help` shows too. */
export interface ManualText {
  version: string;
  /** The page's date, YYYY-MM-DD (see read/release-date.ts), or undefined for none. */
  date: string | undefined;
  bugsUrl: string;
  /** The lines of `Examples:` in `ladder --help`, each `$ ladder …   what it does`. */
  examples: string;
  /** Where the ladder is read from, as `ladder --help` explains it. */
  lookup: string;
  /** `  0  success` lines, continuation lines indented further. */
  exitCodes: string;
  /** The examples of one command, as its --help shows them. */
  examplesOf: (command: Command) => string[];
}

const ENVIRONMENT: [string, string][] = [
  ['LADDER_FILE', 'The ladder file, or folder of ladder files, to read when --file is not given; - reads standard input.'],
  ['LADDER_NO_CACHE', 'Set to anything but 0 to check the ladder afresh on every run, as --no-cache does.'],
  ['XDG_CACHE_HOME', 'The cache of checked ladders is kept in $XDG_CACHE_HOME/ladder (default: ~/.cache/ladder).'],
  ['NO_COLOR', 'Do not colour the output, unless FORCE_COLOR or --color asks for colour.'],
  ['FORCE_COLOR', 'Colour the output even when it is not a terminal (0 turns colour off); it wins over NO_COLOR, and --color and --no-color win over both.'],
  ['COLUMNS', 'The width of text in a terminal (20 or more); without it, the terminal\'s width, at most 120 columns.'],
  ['LADDER_DEBUG', 'Print the stack of an internal error.'],
];

/** Text safe in roff: backslashes escaped, and a line that starts with a control character neutralised. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^(?=[.'])/gm, '\\&');
}

const bold = (text: string) => `\\fB${roff(text)}\\fR`;

/** Where ladder looks for a ladder, and what it keeps, in the order it looks. */
const localNames = LOCAL_NAMES.map((name) => `./${name}`);
const FILES: [string, string][] = [
  [localNames.join(', '), 'The ladder in effect when neither --file nor $LADDER_FILE names one: the first of these that exists.'],
  [`./${LOCAL_FOLDER}/`, `A ladder kept as several files, read as one, when there is none of ${localNames.join(', ')}.`],
  ['$XDG_CACHE_HOME/ladder, ~/.cache/ladder', 'The cache of checked ladders and of compiled code; it can be deleted at any time.'],
];

function optionItem(option: Option): string {
  const choices = option.argChoices ? `; one of ${option.argChoices.join(', ')}` : '';
  const defaultValue = option.defaultValue !== undefined && typeof option.defaultValue !== 'boolean' ? ` (default: ${String(option.defaultValue)})` : '';
  return `.TP\n${bold(option.flags)}\n${roff(`${option.description}${choices}${defaultValue}`)}`;
}

/** `ladder assess new [options]`: the command with the commands above it. */
function usage(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return `ladder ${names.join(' ')} ${command.usage()}`.trimEnd();
}

function commandSection(command: Command, text: ManualText): string {
  const lines = [`.SS ${bold(usage(command))}`, roff(command.description())];
  const options = command.options.filter((option) => !option.hidden);
  if (options.length > 0) lines.push('.RS', ...options.map(optionItem), '.RE');
  const examples = text.examplesOf(command);
  if (examples.length > 0) lines.push('.PP', 'Examples:', '.RS', '.nf', ...examples.map(roff), '.fi', '.RE');
  return lines.join('\n');
}

/** `0  success` lines as a tagged list; an indented line continues the item above it. */
function exitStatus(exitCodes: string): string {
  const items: string[] = [];
  for (const line of exitCodes.split('\n').filter((line) => line.trim())) {
    const item = /^\s{0,3}(\d+)\s+(.*)$/.exec(line);
    if (item) items.push(`.TP\n${bold(item[1] as string)}\n${roff(item[2] as string)}`);
    else items[items.length - 1] += `\n${roff(line.trim())}`;
  }
  return items.join('\n');
}

/** The ladder(1) man page, in roff, from the program's command definitions and help texts. */
export function manPage(program: Command, text: ManualText): string {
  // A command's own subcommands (`assess new`) follow it.
  const commands = program.commands.filter((command) => !isInternalCommand(command) && command.name() !== 'help').flatMap((command) => [command, ...command.commands.filter((sub) => sub.name() !== 'help')]);
  const globalOptions = program.options.filter((option) => !option.hidden);
  return [
    `.TH LADDER 1 "${text.date ?? ''}" "career-ladder ${text.version}" "User Commands"`,
    '.SH NAME',
    `ladder \\- ${roff(program.description().replace(/\.$/, '').replace(/^./, (first) => first.toLowerCase()))}`,
    '.SH SYNOPSIS',
    `${bold('ladder')} [\\fIoptions\\fR] \\fIcommand\\fR [\\fIarguments\\fR]`,
    '.SH DESCRIPTION',
    roff(text.lookup.trim().replace(/\n/g, ' ')),
    '.SH COMMANDS',
    ...commands.map((command) => commandSection(command, text)),
    '.SS \\fBladder help\\fR [\\fIcommand\\fR]',
    'Show the help of ladder, or of a command (as ladder COMMAND --help does).',
    '.SH OPTIONS',
    'These go before or after the command.',
    ...globalOptions.map(optionItem),
    `.TP\n${bold('-h, --help')}\n${roff('Show help: of ladder, or after a command, of that command.')}`,
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.map(([name, meaning]) => `.TP\n${bold(name)}\n${roff(meaning)}`),
    '.SH FILES',
    ...FILES.map(([name, meaning]) => `.TP\n${bold(name)}\n${roff(meaning)}`),
    '.SH EXIT STATUS',
    exitStatus(text.exitCodes),
    '.SH EXAMPLES',
    '.nf',
    ...text.examples.split('\n').filter((line) => line.trim().startsWith('$')).map((line) => roff(line.trim())),
    '.fi',
    '.SH BUGS',
    `Report them at ${roff(text.bugsUrl)}.`,
    '.SH SEE ALSO',
    `${bold('git-difftool')}(1), ${bold('jq')}(1); the README, with every format and the ladder file's schema, at ${roff(text.bugsUrl.replace(/\/issues$/, '#readme'))}`,
    '',
  ].join('\n');
}
