import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { bugs, version } from '../package.json';
import { runComplete, runCompletion } from './commands/completion.js';
import type { CommandContext, OutputFlags } from './commands/context.js';
import { runDiff } from './commands/diff.js';
import { runEquiv } from './commands/equiv.js';
import type { ExportOptions } from './commands/export.js';
import type { ImportOptions } from './commands/import.js';
import { runList } from './commands/list.js';
import { runShow } from './commands/show.js';
import { runValidate } from './commands/validate.js';
import { runWhich } from './commands/which.js';
import { EXPORT_FORMATS } from './write/formats.js';
import { SHEET_FORMATS } from './read/spreadsheet/table.js';
import { isInternalCommand } from './completion/complete.js';
import { SHELLS } from './completion/scripts.js';
import type { Shell } from './completion/scripts.js';
import { colorFor, processIo, sanitize } from './io.js';
import type { Io } from './io.js';
import { ANNOTATION_FORMATS } from './render/annotations.js';
import type { AnnotationFormat } from './render/annotations.js';
import { FORMATS } from './render/output.js';
import type { Format } from './render/output.js';
import { EXIT, reportError } from './render/diagnostic.js';
import { LadderError } from './errors.js';
import { closest } from './model/names.js';

// Examples first, as clig.dev advises; what the tool reads and how it exits after the options.
const ROOT_EXAMPLES = `Examples:
  $ ladder show principal            one level, every axis
  $ ladder diff engineer lead        what changes from one level to the next
  $ ladder equiv director            the peer level on the other track
  $ ladder list --ids                every level id, one per line
  $ ladder search on-call            every clause that mentions on-call
  $ ladder path admin principal      every step from one level to another
  $ ladder changes old.yaml          what changed between two versions of the file
  $ ladder validate my-ladder.yaml   check a ladder file, every problem as FILE:LINE:COL
  $ ladder completion bash           a script that completes commands and level names
`;

// Where the ladder comes from and how the tool exits: shown after the options, and in the man page.
const LOOKUP_HELP = `The ladder is read from --file, else $LADDER_FILE, else ./ladder.yaml, ./ladder.yml, ./ladder.md or
./ladder.markdown, else a ./ladders folder, else the ladder shipped with ladder (ladder which says
which). YAML or Markdown;
a folder's files are read as one ladder. Levels are named by id (principal), title ("Principal
Operations Engineer"), code, grade (L5), alias (cto) or abbreviation ("ops eng"; "eng 2" for
Engineer II), and as TRACK:LEVEL (sre:L5) where tracks share names. The commands that print a
result (show, diff, equiv, which, list, search, next, path, checklist, changes, assess, validate,
lint) take --format text|json|yaml|tsv|md, and --json for short. Text in a terminal is fitted to
its width, at most 120 columns unless COLUMNS says otherwise.`;

const EXIT_CODES = `  0  success
  1  a level, axis or track was not found or is ambiguous; search found nothing;
     diff/changes --exit-code: there are differences; lint: there are findings;
     assess: an expectation is not yet met (a packet, --format md or html, only
     with --exit-code)
  2  usage error: unknown command or option, bad option value, contradicting options,
     or a refusal to write over a file
  3  the ladder file is missing, unreadable or invalid, or a file could not be written
  70 internal error: a bug in ladder; please report it
  74 standard output could not be written
`;

const ROOT_HELP_AFTER = `\n${LOOKUP_HELP}\n\nExit codes:\n${EXIT_CODES}`;

type GlobalOptions = { file?: string; color?: boolean; cache: boolean };
type OutputOptionValues<F = Format> = { format?: F; json?: boolean; header?: boolean };

/** `--format`, its `--json` short form, and `--header` for TSV: the same on every command, and formats of a command's own. */
function withOutputOptions(command: Command, ownFormats: readonly string[] = []): Command {
  return command
    .addOption(new Option('--format <format>', 'output format (text unless given)').choices([...FORMATS, ...ownFormats]))
    .option('--json', 'same as --format json')
    .option('--header', 'with --format tsv: print the column names first');
}

/** The format asked for; flags that contradict each other are a usage error rather than one silently winning. */
function outputFlags<F extends string = Format>(options: OutputOptionValues<F>): Omit<OutputFlags, 'format'> & { format: F | 'json' | 'text' } {
  if (options.json && options.format && options.format !== 'json') {
    throw new LadderError('usage', `--json and --format ${options.format} ask for two formats`, { hint: 'give one of them' });
  }
  const format = options.json ? 'json' : (options.format ?? 'text');
  if (options.header && format !== 'tsv') throw new LadderError('usage', `--header goes with --format tsv, not ${format}`, { hint: 'add --format tsv, or leave out --header' });
  return { format, header: options.header === true };
}

/** `--level-depth`: a heading depth, 1 to 6. */
function headingDepth(value: string): number {
  const depth = Number(value);
  if (!/^[1-6]$/.test(value.trim())) throw new LadderError('usage', `--level-depth ${value} is not a heading depth`, { hint: 'give a number from 1 (`#`) to 6 (`######`)' });
  return depth;
}

function examples(...lines: string[]): string {
  return `Examples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Builds the program; every action stores its exit code through `setExit`. With `only`, the one
 * command a command line names is the only one defined: defining all of them (their options,
 * arguments and help) is a large share of a short run's time.
 */
function buildProgram(io: Io, setExit: (code: number) => void, only?: string): Command {
  const wanted = (name: string) => only === undefined || name === only;
  const contextOf = (command: Command): CommandContext => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    return {
      io,
      file: globals.file,
      color: colorFor(io, io.stdoutIsTTY, globals.color),
      stderrColor: colorFor(io, io.stderrIsTTY, globals.color),
      noCache: !globals.cache,
    };
  };

  const program = new Command('ladder')
    .description('Look up, compare and check an engineering career ladder.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .option('-f, --file <path>', 'ladder file, or folder of ladder files, to read; - reads standard input')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('--no-cache', 'check the ladder afresh instead of using the cache (also LADDER_NO_CACHE=1)')
    .showSuggestionAfterError(true)
    // A flag that is off unless given needs no "(default: false)" in its help.
    .configureHelp({ optionDescription: (option) => (typeof option.defaultValue === 'boolean' ? option.description : new Help().optionDescription(option)) })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Help is wrapped to the terminal it is shown in (80 columns elsewhere).
      getOutHelpWidth: () => (io.stdoutIsTTY && io.columns ? io.columns : 80),
      getErrHelpWidth: () => (io.stderrIsTTY && io.columns ? io.columns : 80),
      // The command line is echoed in these messages; it is shown escaped like any other text.
      // Commander's own suggestion, `(Did you mean show?)`, in the tool's `hint:` form.
      outputError: (text, write) => write(`ladder: ${sanitize(text).replace(/\n\(Did you mean (.*)\?\)\n?$/, '\nhint: did you mean $1?\n')}`),
    })
    .addHelpText('before', ROOT_EXAMPLES)
    .addHelpText('after', ROOT_HELP_AFTER);

  program.commandsGroup('Look up a ladder:');

  if (wanted('show')) {
    withOutputOptions(
      program
        .command('show')
        .summary('show a level along every axis')
        .description('Show one or more levels: title, track, position, equivalent, then every axis clause by clause.')
        .argument('<level...>', 'each an id, title, code, grade (L5), alias or abbreviation ("ops eng"); TRACK:LEVEL (sre:L5) picks it on one track')
        .option('-a, --axis <name>', 'only this axis (repeatable)', collect)
        .option('-t, --track <track>', 'only look for levels on this track')
        .option('--explain', 'also print what each axis means, where the ladder defines its axes', false),
    )
      .addHelpText('before', examples('ladder show principal', 'ladder show "ops eng" --axis domain', 'ladder show lead manager --format json', 'ladder show sre:L5 --explain'))
      .action(async (levels: string[], options: OutputOptionValues & { axis?: string[]; track?: string; explain: boolean }, command: Command) => {
        setExit(await runShow(contextOf(command), levels, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('diff')) {
    withOutputOptions(
      program
        .command('diff')
        .summary('what changes from one level to another')
        .description(
          'Compare two levels axis by axis and clause by clause. Unchanged clauses are hidden unless --all. Up one track, a clause the second level does not repeat is "not restated"; between levels of two tracks (sre:L5 backend:L5) it is "only in" the one that has it, and the grades are shown.',
        )
        .argument('<from>', 'the level you compare from')
        .argument('<to>', 'the level you compare to')
        .option('--all', 'also show unchanged clauses and axes', false)
        .option('-a, --axis <name>', 'only this axis (repeatable)', collect)
        .option('-t, --track <track>', 'only look for levels on this track')
        .option('--exit-code', 'exit 1 when the levels differ, 0 when they do not', false),
    )
      .addHelpText('before', examples('ladder diff engineer lead', 'ladder diff lead manager --all', 'ladder diff engineer lead --format md > promotion.md'))
      .action(async (from: string, to: string, options: OutputOptionValues & { all: boolean; axis?: string[]; track?: string; exitCode: boolean }, command: Command) => {
        setExit(await runDiff(contextOf(command), from, to, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('equiv')) {
    withOutputOptions(
      program
        .command('equiv')
        .summary('peers across tracks: one level, or the whole grid')
        .description(
          "Show a level's peer on every other track, or, with no level, the grid of peers: a column per track and a row per grade or group of peers, with n/a where a track has none.",
        )
        .argument('[level]', 'a level; leave out for the whole grid')
        .option('-t, --track <track>', 'with a level: where to look for it; without: a track to show (repeatable)', collect),
    )
      .addHelpText('before', examples('ladder equiv director', 'ladder equiv', 'ladder equiv --track backend --track managers', 'ladder equiv --format tsv'))
      .action(async (level: string | undefined, options: OutputOptionValues & { track?: string[] }, command: Command) => {
        setExit(await runEquiv(contextOf(command), level, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('which')) {
    withOutputOptions(
      program
        .command('which')
        .summary('the ladder file in effect, and why')
        .description('Print the ladder file (or folder) the other commands read, and why it is that one: named with --file, by $LADDER_FILE, found in the working directory (ladder.yaml, ladder.yml, ladder.md, ladder.markdown or a ladders folder), or the example that ships with ladder.'),
    )
      .option('--explain', 'for a Markdown ladder, also print the outline the reader inferred: each heading, table and list, its role and the rule that decided it')
      .addHelpText('before', examples('ladder which', 'LADDER_FILE=eng.md ladder which --json', 'ladder -f LADDER.md which --explain'))
      .action(async (options: OutputOptionValues & { explain?: boolean }, command: Command) => {
        await runWhich(contextOf(command), outputFlags(options), options.explain === true);
        setExit(0);
      });
  }

  if (wanted('list')) {
    withOutputOptions(
      program
        .command('list')
        .summary('every level in order')
        .description('List the levels in order with id, title, track and equivalent.')
        .option('-t, --track <track>', 'only this track')
        .option('-g, --grade <grade>', 'only the levels on this grade (on a ladder with a grade scale)')
        .option('--ids', 'print only the ids, one per line', false),
    )
      .addHelpText('before', examples('ladder list', 'ladder list --ids | xargs -n1 ladder show --format json', 'ladder list --track management --format tsv', 'ladder list --grade L5'))
      .action(async (options: OutputOptionValues & { track?: string; grade?: string; ids: boolean }, command: Command) => {
        if (options.ids && (options.format || options.json)) throw new LadderError('usage', '--ids prints bare ids, one per line, in no other format', { hint: 'leave out --ids, or leave out the format' });
        setExit(await runList(contextOf(command), { ...options, ...outputFlags(options) }));
      });
  }

  program.commandsGroup('Explore a ladder:');

  if (wanted('search')) {
    withOutputOptions(
      program
        .command('search')
        .summary('find every clause that mentions a word or phrase')
        .description('Find every clause (and prose paragraph) that mentions TEXT, ignoring case and accents: each word as the start of a word (mentor finds mentoring; on call finds on-call), whole words only with --word, or a regular expression with --regex. Exits 1 when nothing matches, as grep does.')
        .argument('<text>', 'a word or phrase, or with --regex a regular expression')
        .option('-t, --track <track>', 'only this track')
        .option('-a, --axis <name>', 'only this axis (repeatable; also description or note)', collect)
        .option('-w, --word', 'match whole words only, as grep -w does', false)
        .option('-E, --regex', 'TEXT is a regular expression', false),
    )
      .addHelpText('before', examples('ladder search on-call', 'ladder search mentor --axis teaching', "ladder search --regex 'on-?call' --format tsv"))
      .action(async (text: string, options: OutputOptionValues & { track?: string; axis?: string[]; regex: boolean; word: boolean }, command: Command) => {
        const { runSearch } = await import('./commands/explore.js');
        setExit(await runSearch(contextOf(command), text, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('next')) {
    withOutputOptions(
      program
        .command('next')
        .summary('what changes with the next level up')
        .description('Show the next level up on the same track as a diff from this one, or say that this is the top of the track.')
        .argument('<level>', 'the level you are at')
        .option('-a, --axis <name>', 'only this axis (repeatable)', collect)
        .option('-t, --track <track>', 'only look for the level on this track'),
    )
      .addHelpText('before', examples('ladder next engineer', 'ladder next lead --format md', 'ladder next lead --axis domain'))
      .action(async (level: string, options: OutputOptionValues & { track?: string; axis?: string[] }, command: Command) => {
        const { runNext } = await import('./commands/explore.js');
        setExit(await runNext(contextOf(command), level, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('path')) {
    withOutputOptions(
      program
        .command('path')
        .summary('every step between two levels of a track')
        .description('Walk every step between two levels of one track: what each step adds, changes and does not restate, then (over more than one step) what the last level asks for that the first did not.')
        .argument('<from>', 'where you are')
        .argument('<to>', 'where you are going')
        .option('--all', 'also show unchanged clauses', false)
        .option('-a, --axis <name>', 'only this axis (repeatable)', collect)
        .option('-t, --track <track>', 'only look for levels on this track'),
    )
      .addHelpText('before', examples('ladder path admin principal', 'ladder path engineer distinguished --format md > case.md', 'ladder path admin principal --axis teaching'))
      .action(async (from: string, to: string, options: OutputOptionValues & { track?: string; all: boolean; axis?: string[] }, command: Command) => {
        const { runPath } = await import('./commands/explore.js');
        setExit(await runPath(contextOf(command), from, to, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('checklist')) {
    withOutputOptions(
      program
        .command('checklist')
        .summary("a level's expectations as a checklist")
        .description(
          "List every expectation of LEVEL, axis by axis, as a checklist to tick off (in Markdown, `- [ ]` task-list items that GitHub, GitLab and most editors render); with --from, only what is new or changed since that level, paired clause by clause as diff pairs them.",
        )
        .argument('<level>', 'the level whose expectations to list')
        .option('--from <level>', 'only what is new or changed since this level')
        .option('-a, --axis <name>', 'only this axis (repeatable)', collect)
        .option('-t, --track <track>', 'only look for levels on this track'),
    )
      .addHelpText('before', examples('ladder checklist lead --from engineer --format md', 'ladder checklist principal', 'ladder checklist lead --from engineer --format tsv'))
      .action(async (level: string, options: OutputOptionValues & { from?: string; axis?: string[]; track?: string }, command: Command) => {
        const { runChecklist } = await import('./commands/explore.js');
        setExit(await runChecklist(contextOf(command), level, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('changes')) {
    withOutputOptions(
      program
        .command('changes')
        .summary('what changed between two versions of a ladder file')
        .description(
          'Compare two versions of a ladder file: levels added, removed or renamed (matched by id, then by title), equivalents that changed, levels that moved, and clause-by-clause edits. NEW defaults to the ladder in effect; either side may be - for standard input.',
        )
        .argument('<old>', 'the earlier version; - reads standard input')
        .argument('[new]', 'the later version (default: the ladder in effect)')
        .option('--exit-code', 'exit 1 when anything changed', false),
    )
      .addHelpText('before', examples('git show main:ladder.yaml | ladder changes -', 'ladder changes old.yaml new.yaml --format md', 'git difftool -y -x "ladder changes" main -- ladder.yaml'))
      .action(async (oldFile: string, newFile: string | undefined, options: OutputOptionValues & { exitCode: boolean }, command: Command) => {
        const { runChanges } = await import('./commands/explore.js');
        setExit(await runChanges(contextOf(command), oldFile, newFile, { ...options, ...outputFlags(options) }));
      });
  }

  if (wanted('assess')) {
    const assess = withOutputOptions(
      program
        .command('assess')
        .summary('a self-assessment against a level, with evidence')
        .description(
          'Show an assessment file against the ladder as it is now: coverage by axis, what is not yet rated consistently or has no evidence, and what changed in the ladder since; --format md or html makes a promotion packet. The views exit 0 when every expectation is rated consistently, 1 otherwise; a packet exits 0 once written, unless --exit-code asks for the verdict. `ladder assess new` writes the file. Nothing is sent anywhere and nothing but the named file is written.',
        )
        .argument('[file]', 'the assessment file')
        .option('--update', 'rewrite the file to match the ladder as it is now, keeping every rating and piece of evidence', false)
        .option('--exit-code', 'exit 1 while an expectation is not yet rated consistently, in every format (md and html too)', false),
      ['html'],
    )
      .addHelpText('before', examples('ladder assess new --level engineer --target lead -o me.yaml', 'ladder assess me.yaml', 'ladder assess me.yaml --format html > packet.html', 'ladder assess me.yaml --update'))
      .action(async (file: string | undefined, options: OutputOptionValues<Format | 'html'> & { update: boolean; exitCode: boolean }, command: Command) => {
        if (file === undefined) throw new LadderError('usage', 'name the assessment file', { hint: 'write one with `ladder assess new --level LEVEL --target LEVEL -o FILE`' });
        const { runAssess } = await import('./commands/assess.js');
        setExit(await runAssess(contextOf(command), file, { ...outputFlags(options), update: options.update, exitCode: options.exitCode }));
      });
    assess
      .command('new')
      .summary('write an assessment file for a level')
      .description(
        "Write an assessment file: the target level's expectations in ladder order, each with an empty rating and evidence list to fill in, those new or changed since the current level marked (as checklist --from marks them), and optional name, date and reviewer fields. The target must lie above the current level.",
      )
      .requiredOption('--level <level>', 'your current level')
      .requiredOption('--target <level>', 'the level you are working towards')
      .option('-o, --output <file>', 'write the file here (never over an existing one without --force) instead of to stdout')
      .option('--force', 'replace an existing file', false)
      .option('--schema', 'also copy the schema beside the file, and point the modeline at the copy (works offline)', false)
      .addHelpText('before', examples('ladder assess new --level engineer --target lead -o me.yaml', 'ladder assess new --level engineer --target lead -o me.yaml --schema'))
      .action(async (options: { level: string; target: string; output?: string; force: boolean; schema: boolean }, command: Command) => {
        const { runAssessNew } = await import('./commands/assess.js');
        setExit(await runAssessNew(contextOf(command), options));
      });
  }

  program.commandsGroup('Maintain a ladder file:');

  if (wanted('validate')) {
    withOutputOptions(
      program
        .command('validate')
        .summary('check a ladder file')
        .description(
          'Check a ladder file against the schema and the cross-reference rules and report every problem as FILE:LINE:COL. In CI, --format github prints workflow commands that annotate a pull request at each line, and --format sarif a SARIF 2.1.0 log for code scanning.',
        )
        .argument('[file]', 'the file to check (default: the ladder in effect); - reads standard input')
        .option('--strict', 'treat warnings (a missing axis, a near-duplicate axis name, empty text) as errors', false),
      ANNOTATION_FORMATS,
    )
      .addHelpText('before', examples('ladder validate', 'ladder validate my-ladder.yaml --strict', 'git show HEAD:ladder.yaml | ladder validate -', 'ladder validate ladder.yaml --format github'))
      .action(async (file: string | undefined, options: OutputOptionValues<Format | AnnotationFormat> & { strict: boolean }, command: Command) => {
        setExit(await runValidate(contextOf(command), file, { ...outputFlags(options), strict: options.strict }));
      });
  }

  if (wanted('lint')) {
    withOutputOptions(
      program
        .command('lint')
        .summary("find content problems in a ladder: repeats, thin steps, style, spelling")
        .description(
          'Report what a valid ladder says badly: clauses restated word for word from the level below (restated), nearly the same text in different places (near-duplicate), levels that add almost nothing (thin-step), house style (house-style/…), spelling, and structure (structure/…). Each finding has a rule id, a severity, FILE:LINE:COL, the text and a reason. .ladderlint.yaml beside the ladder configures the rules and known words; a `ladder-lint-ignore RULE` comment suppresses a finding for one clause. Exits 1 when there are findings at or above --fail-on, 3 for an invalid ladder.',
        )
        .argument('[file]', 'the ladder file or folder to lint (default: the ladder in effect); - reads standard input')
        .option('--rule <id>', 'run only this rule or family (repeatable)', collect)
        .addOption(new Option('--fail-on <severity>', 'exit 1 when there are findings of this severity or worse').choices(['error', 'warning']).default('warning'))
        .option('--config <file>', 'the configuration to use instead of .ladderlint.yaml beside the ladder'),
      ANNOTATION_FORMATS,
    )
      .addHelpText('before', examples('ladder lint', 'ladder lint ladders/ --rule spelling', 'ladder lint ladder.yaml --format sarif > lint.sarif', 'ladder lint --fail-on error --format github'))
      .action(async (file: string | undefined, options: OutputOptionValues<Format | AnnotationFormat> & { rule?: string[]; failOn: 'error' | 'warning'; config?: string }, command: Command) => {
        const { runLint } = await import('./commands/lint.js');
        setExit(await runLint(contextOf(command), file, { ...outputFlags(options), rule: options.rule, failOn: options.failOn, config: options.config }));
      });
  }

  if (wanted('init')) {
    program
      .command('init')
      .summary('write a starter ladder file')
      .description(
        'Write a starter ladder file: a copy of the shipped ladder with the schema modeline and a header that explains the format. With --org, a starter organisation: a folder with a file per discipline (backend, frontend, SRE), the managers track and a grade scale.',
      )
      .argument('[path]', 'where to write it (default: ladder.yaml, or with --org the folder ladders)')
      .option('--org', 'write a starter organisation: several disciplines, one managers track and a grade scale, a file each', false)
      .option('--force', 'replace an existing file', false)
      .option('--schema', 'also copy the schema beside the file, and point the modeline at the copy (works offline)', false)
      .addHelpText('before', examples('ladder init', 'ladder init ladders/platform.yaml', 'ladder init --schema', 'ladder init --org && ladder equiv'))
      .action(async (path: string | undefined, options: { force: boolean; schema: boolean; org: boolean }, command: Command) => {
        const { runInit } = await import('./commands/authoring.js');
        setExit(runInit(contextOf(command), path, options));
      });
  }

  if (wanted('import')) {
    program
      .command('import')
      .summary('turn Markdown ladders or spreadsheets into a ladder file')
      .description(
        'Read a ladder written in Markdown, kept in a spreadsheet (CSV, TSV, XLSX) or in the FT job-family YAML format, and write it as a ladder file. Levels may be headings with axes as sub-headings, `**Label:** text` lines or labelled list items; rows or columns of a table; or one file per level. Several files, or a folder of them, are read as one ladder. A spreadsheet may have levels as columns or rows (wide), one row per clause (long, blanks under a value read as that value), or one sheet per level. Every word the reader cannot place is named in a warning, and a summary line ends the run.',
      )
      .argument('<files...>', 'Markdown files, or one folder of them, or one spreadsheet or job-family YAML file; - reads standard input')
      .option('-o, --output <file>', 'write the ladder file here instead of to stdout')
      .option('--force', 'replace an existing output file', false)
      .option('--keep-unresolved', 'import an equivalent that names no level read here without it, with a warning', false)
      .option('--track <name>', 'name the track of levels that no track heading claims (default: the folder name)')
      .addOption(new Option('--from <format>', 'read standard input (or a file of another name) as this spreadsheet format').choices(SHEET_FORMATS))
      .addOption(new Option('--layout <layout>', 'read a spreadsheet in this layout instead of the one detected').choices(['wide', 'long', 'sheets']))
      .addOption(new Option('--levels-are <where>', 'in a wide spreadsheet, the levels are its rows or its columns').choices(['rows', 'columns']))
      .option('--explain', 'print how the input was read instead of the ladder: for Markdown each heading, table and list with its role and the rule that decided it; for a spreadsheet, each sheet')
      .option('--not-level <title>', 'keep the section with this title as prose, not a level (repeatable)', (title: string, titles: string[] = []) => [...titles, title])
      .option('--level-depth <n>', 'the headings of this depth (1 to 6) are the levels', headingDepth)
      .option('--transpose', 'read competency-first: each section is an axis, and the labels under it are the levels')
      .option('--no-shared-topics', 'read each front-matter matrix alone, without the topics it names from the shared file (generic.md) beside it or above')
      .option('--no-transpose', 'never read competency-first: sections and the headings over tables are what they seem')
      .option('--axis-labels', "read the bold words that open the levels' list items as axis names, even where they change from level to level")
      .option('--no-axis-labels', "read those bold words as each level's own words: its items are its description")
      .option('--keep-page <file>', "in a folder, read this page as one of the ladder's, even where it seems to hold no ladder (repeatable)", (file: string, files: string[] = []) => [...files, file])
      .option('--skip-page <file>', 'in a folder, leave this page out: it holds no ladder (repeatable)', (file: string, files: string[] = []) => [...files, file])
      .option('--no-introduction', "in a folder, read the README or index as a page like the others, not as the ladder's introduction")
      .option('--no-navigation', 'in a folder, read a heading over nothing but links to pages as content, not as navigation left out')
      .option('--no-tracks-by-name', 'in a folder of one level per page, keep pages titled a name and a rank (`Tech Lead 5`) in one track, not a track per name')
      .option('--no-group-row', "read a table's header row as the level titles, never as a row of groups over them")
      .option('--no-summary-tables', 'read every table of levels as levels, never as a summary of levels held elsewhere')
      .addHelpText('before', examples('ladder import LADDER.md -o ladder.yaml', 'ladder import levels/ -o ladder.yaml', 'ladder import team.xlsx -o ladder.yaml', 'ladder import LADDER.md | ladder -f - list', 'ladder import LADDER.md --explain', 'ladder import LADDER.md --level-depth 2 --not-level "About us"'))
      .action(async (files: string[], options: ImportOptions, command: Command) => {
        const { runImport } = await import('./commands/import.js');
        setExit(await runImport(contextOf(command), files, options));
      });
  }

  if (wanted('export')) {
    program
      .command('export')
      .summary('publish the ladder as Markdown, HTML, CSV, XLSX, JSON or YAML')
      .description('Render the whole ladder: Markdown in the structure `import` reads, one self-contained HTML file that compares, searches and self-assesses offline, CSV for spreadsheets, an XLSX workbook that `import` reads back, or JSON/YAML in the file format.')
      .addOption(new Option('--format <format>', 'document format').choices(EXPORT_FORMATS).default('md'))
      .option('-o, --output <file>', 'write to this file instead of to stdout')
      .option('--force', 'replace an existing output file', false)
      .addHelpText('before', examples('ladder export --format html -o ladder.html', 'ladder export > LADDER.md', 'ladder export --format csv -o ladder.csv', 'ladder export --format xlsx -o ladder.xlsx'))
      .action(async (options: ExportOptions, command: Command) => {
        const { runExport } = await import('./commands/authoring.js');
        setExit(await runExport(contextOf(command), options));
      });
  }

  program.commandsGroup('Shell integration:');

  if (wanted('completion')) {
    program
      .command('completion')
      .summary('print a shell completion script')
      .description('Print a script that completes commands, options, formats, tracks and level names.')
      .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
      .addHelpText('before', examples("echo 'source <(ladder completion bash)' >> ~/.bashrc", "echo 'source <(ladder completion zsh)' >> ~/.zshrc", 'ladder completion fish > ~/.config/fish/completions/ladder.fish'))
      .action(async (shell: Shell, _options: object, command: Command) => {
        setExit(runCompletion(contextOf(command), shell));
      });
  }

  if (wanted('__complete')) {
    program
      .command('__complete', { hidden: true })
      .argument('[words...]')
      .action(async (words: string[], _options: object, command: Command) => {
        setExit(await runComplete(contextOf(command), program, words));
      });
  }

  if (wanted('__man')) {
    // The man page, written at build time from these definitions (see package.json's build script).
    program
      .command('__man', { hidden: true })
      .action(async () => {
        const { manPage } = await import('./render/man-page.js');
        const { releaseDate } = await import('./read/release-date.js');
        io.stdout.write(manPage(program, { version, date: releaseDate(io.env), bugsUrl: bugs.url, examples: ROOT_EXAMPLES, lookup: LOOKUP_HELP, exitCodes: EXIT_CODES, examplesOf: helpExamples }));
        setExit(0);
      });
  }

  return program;
}

/** The `$ ladder …` lines a command's --help shows, read from that help. */
function helpExamples(command: Command): string[] {
  let help = '';
  command.configureOutput({ ...command.configureOutput(), writeOut: (text) => (help += text) });
  command.outputHelp();
  return help.split('\n').filter((line) => line.startsWith('  $ ')).map((line) => line.trim());
}

/** The first word of a command line that is neither an option nor the file `-f` names: the command's name, if it is one. */
function namedCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] as string;
    if (word === '-f' || word === '--file') i += 1;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/** The command (and subcommand) a command line names, skipping the global options and the file `-f` names. */
function commandPath(program: Command, argv: string[]): Command[] {
  const path: Command[] = [];
  let current = program;
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] as string;
    if (word === '-f' || word === '--file') i += 1;
    if (word.startsWith('-')) continue;
    const next = current.commands.find((candidate) => candidate.name() === word);
    if (!next) break;
    path.push(next);
    current = next;
  }
  return path;
}

/** Runs one command line and returns the exit code; nothing here calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => (exitCode = code);
  // Help, completion, the man page and a word that names no command (a typo to suggest a command
  // for) need every command defined; otherwise the command named is enough.
  const named = namedCommand(argv);
  let program = buildProgram(io, setExit, named === 'help' || named?.startsWith('__') ? undefined : named);
  if (named !== undefined && !program.commands.some((command) => command.name() === named)) program = buildProgram(io, setExit);
  try {
    // Bare `ladder` is a request for help, as bare `git` is.
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    const helpFor = argv[0] === 'help' ? argv[1] : undefined;
    if (helpFor !== undefined && !program.commands.some((command) => command.name() === helpFor && !isInternalCommand(command))) {
      const names = program.commands.filter((command) => !isInternalCommand(command)).map((command) => command.name());
      const [near] = closest(helpFor, names, 1);
      throw new LadderError('usage', `no command is called \`${helpFor}\``, { hint: near ? `did you mean \`ladder help ${near}\`?` : 'run `ladder help` for the list of commands' });
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message; --help and --version end here too, successfully.
      if (error.exitCode === 0) return EXIT.ok;
      // Every usage error ends with a hint; commander's own suggestion (did you mean …?) is one.
      if (/\(Did you mean /.test(error.message)) return EXIT.usage;
      const path = commandPath(program, argv);
      const name = path.map((command) => command.name()).join(' ');
      const command = path.at(-1);
      // A command missing an argument, or given one too many, shows how it is called.
      if (command && /missingArgument|excessArguments/.test(error.code)) io.stderr.write(`usage: ladder ${name} ${command.usage()}\n`);
      io.stderr.write(command ? `hint: \`ladder ${name} --help\` shows the options and examples\n` : 'hint: `ladder --help` lists the commands and the options\n');
      return EXIT.usage;
    }
    const { file, color } = program.opts<GlobalOptions>();
    return await reportError(file === undefined ? error : withFileInHint(error, file), io, colorFor(io, io.stderrIsTTY, color));
  }
}

/**
 * A lookup whose hint suggests a command (`run \`ladder list\``) suggests it for the file the
 * user named with -f: without it, the command would read another ladder. (A file that could not
 * be read is another matter: its hints are about the file.)
 */
function withFileInHint(error: unknown, file: string): unknown {
  if (!(error instanceof LadderError) || (error.code !== 'not-found' && error.code !== 'ambiguous') || !error.hint?.includes('`ladder ')) return error;
  const quoted = /^[\w./:@%+=,-]+$/.test(file) ? file : `'${file.replace(/'/g, "'\\''")}'`;
  const hint = error.hint.replace(/`ladder (?!-f )/g, `\`ladder -f ${quoted} `);
  return new LadderError(error.code, error.message, { hint, diagnostics: error.diagnostics, candidates: error.candidates });
}

export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processIo());
}
