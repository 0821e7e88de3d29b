import { bundledLadderPath } from '../paths.js';
import type { Io } from '../io.js';
import { sanitize, wrapWidth } from '../io.js';
import { cacheDirectory } from '../read/cache.js';
import { folderOfMarkdownFile, readLadderFolder, UNRESOLVED_IN_FOLDER } from '../read/folder.js';
import { checkLadderSource, isFolderInput, ladderOf } from '../read/load.js';
import type { LadderInput } from '../read/load.js';
import type { LoadOptions } from '../read/load.js';
import { foundLoosely } from '../model/match.js';
import { levelNames } from '../model/model.js';
import type { Ladder, Level, Track } from '../model/model.js';
import { resolveLevel, resolveLevelPair, resolveTrack } from '../model/resolve.js';
import { isDirectory, locateLadder, readLadderSource } from '../read/source.js';
import type { SourceLocation } from '../read/source.js';
import type { Diagnostic } from '../errors.js';
import { formatDiagnostic } from '../render/diagnostic.js';
import { renderResult } from '../render/output.js';
import type { Format, Renderers } from '../render/output.js';
import { createStyle, PLAIN } from '../render/style.js';
import { fitToWidth } from '../render/text/layout.js';
import type { TextOptions } from '../render/text/layout.js';

/** What the CLI hands every command: the streams, the global options, and how to draw text. */
export interface CommandContext {
  io: Io;
  /** `--file`, when given. */
  file?: string;
  /** Whether stdout gets colour. */
  color: boolean;
  /** Whether stderr gets colour. */
  stderrColor: boolean;
  /** `--no-cache` was given. */
  noCache?: boolean;
}

/** The output options every command takes. */
export interface OutputFlags {
  format: Format;
  /** TSV: print column names first. */
  header: boolean;
}

export async function textOptions(context: CommandContext): Promise<TextOptions> {
  const width = wrapWidth(context.io);
  const wrap = width === undefined ? undefined : { width, ...(await import('../render/text/wrap.js')) };
  return { style: await createStyle(context.color), wrap, lines: !context.io.stdoutIsTTY };
}

/** Where the ladder in effect comes from: `--file`, `$LADDER_FILE`, `./ladder.yaml`, or the bundled one. */
export function contextLocation(context: CommandContext, file = context.file): SourceLocation {
  const { io } = context;
  return locateLadder({ file, env: io.env, cwd: io.cwd, bundled: bundledLadderPath });
}

/** Runs already told, in a terminal, that the shipped example is in use: they are told once. */
const told = new WeakSet<Io>();

/**
 * The text of the ladder in effect. When that is the shipped example because nothing else names
 * a ladder, a person at a terminal is told so once, on stderr; a pipe is not.
 */
export function readContextSource(context: CommandContext, file = context.file): LadderInput {
  const location = contextLocation(context, file);
  if (location.passedOver !== undefined) {
    context.io.stderr.write(`ladder: ${location.passedOver} is where this command's output goes, so it was not read as the ladder\n`);
  }
  if (location.reason === 'shipped' && context.io.stderrIsTTY && !told.has(context.io)) {
    told.add(context.io);
    context.io.stderr.write(`ladder: no ladder.yaml here; using the example ladder that ships with ladder (name yours with -f FILE or LADDER_FILE)\n`);
  }
  if (location.kind === 'path' && isDirectory(location.path)) return readLadderFolder(location);
  return readLadderSource(location, context.io.readStdin);
}

/** Prints warnings (or other diagnostics) on stderr, one line each. */
export async function warn(context: CommandContext, diagnostics: Diagnostic[]): Promise<void> {
  const style = await createStyle(context.stderrColor);
  for (const diagnostic of diagnostics) context.io.stderr.write(formatDiagnostic(diagnostic, style, context.io.stderrIsTTY));
}

export function loadOptions(context: CommandContext): LoadOptions {
  return { cacheDirectory: context.noCache ? undefined : cacheDirectory(context.io.env) };
}

/** The ladder in effect, checked. */
export async function loadContextLadder(context: CommandContext, file = context.file): Promise<Ladder> {
  const source = readContextSource(context, file);
  const checked = await checkLadderSource(source, loadOptions(context));
  // One discipline's file of a Markdown organisation, read alone: the equivalents its sibling files resolve are left out, and the user is told once.
  const unresolved = (checked.readerWarnings ?? []).filter((warning) => warning.rule === UNRESOLVED_IN_FOLDER);
  const folder = checked.ladder && unresolved.length > 0 && !isFolderInput(source) && source.path ? folderOfMarkdownFile(source.path, source.name) : undefined;
  if (folder !== undefined) {
    const count = unresolved.length === 1 ? 'an equivalent that names a level' : `${unresolved.length} equivalents that name levels`;
    context.io.stderr.write(`ladder: ${sanitize(source.name)} is one file of the ladder in ${sanitize(folder)}; ${count} of its other files left out (read the whole ladder with: ladder -f ${sanitize(folder)})\n`);
  }
  return ladderOf(source, checked);
}

/**
 * The level a name means, as resolveLevel finds it. A name that found it only loosely (`princpal`
 * for Principal Operations Engineer) is said on stderr to a person at a terminal, so a typo is
 * never taken silently; scripts, on pipes, are not told.
 */
export function levelNamed(context: CommandContext, ladder: Ladder, name: string, track?: Track): Level {
  const level = resolveLevel(ladder, name, track);
  sayIfLoose(context, name, level);
  return level;
}

/** Two levels named together, as resolveLevelPair finds them (a name several tracks share is taken on the other's track). */
export function levelPairNamed(context: CommandContext, ladder: Ladder, first: string, second: string, track?: Track): [Level, Level] {
  const pair = resolveLevelPair(ladder, first, second, track);
  sayIfLoose(context, first, pair[0]);
  sayIfLoose(context, second, pair[1]);
  return pair;
}

function sayIfLoose(context: CommandContext, name: string, level: Level): void {
  if (context.io.stderrIsTTY && foundLoosely(name.slice(name.indexOf(':') + 1), [level.id], levelNames(level))) {
    context.io.stderr.write(`ladder: taking "${sanitize(name)}" as ${sanitize(level.title)} (${level.id})\n`);
  }
}

export function trackOption(ladder: Ladder, name: string | undefined): Track | undefined {
  return name === undefined ? undefined : resolveTrack(ladder, name);
}

/** Writes a command's result to stdout in the format asked for. */
export async function emit<T>(context: CommandContext, flags: OutputFlags, value: T, renderers: Renderers<T>): Promise<void> {
  const text = flags.format === 'text' ? await textOptions(context) : { style: PLAIN, lines: true };
  const output = await renderResult(value, renderers, { ...flags, text });
  context.io.stdout.write(text.wrap ? fitToWidth(output, text.wrap) : output);
}
