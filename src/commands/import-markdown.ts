import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { normalizeName } from '../model/names.js';
import { LadderError, withExcerpts } from '../errors.js';
import { folderOfMarkdownFile, readLadderFolder, trackNameOf, UNRESOLVED_IN_FOLDER } from '../read/folder.js';
import { isFolderInput } from '../read/load.js';
import { prepareMarkdown, readMarkdown } from '../read/markdown/read-markdown.js';
import type { MarkdownFile } from '../read/markdown/read-markdown.js';
import type { Overrides } from '../read/markdown/overrides.js';
import type { ReadResult } from '../read/finish.js';
import { findSharedTopics, SHARED_TOPICS_FILE } from '../read/shared-topics-file.js';
import { isDirectory, sourceFormat, STDIN_NAME } from '../read/source.js';
import { renderOutline } from '../render/outline.js';
import type { CommandContext } from './context.js';
import { readContextSource, warn } from './context.js';
import type { ImportOptions } from './import.js';

// The Markdown side of `import` (and of `which --explain`), a bundle of its own: the lexer it
// loads is not needed to import a spreadsheet.

/** Markdown files, or a folder of them, read as one ladder; with `--explain`, the outline the reader inferred is printed first. */
export async function readMarkdownInputs(context: CommandContext, inputs: string[], options: ImportOptions): Promise<ReadResult> {
  const { files, folder } = markdownFiles(context, inputs);
  await prepareMarkdown(files.map((file) => file.text));
  const overrides = overridesOf(options);
  const sharedTopics = sharedTopicsNear(context, files, folder);
  const read = (inFolder?: { folder: string; namedInFolder: (name: string) => boolean }) =>
    readMarkdown(files, { keepUnresolved: options.keepUnresolved, ...inFolder, trackName: options.track ?? (folder ? trackNameOf(folder) : undefined), overrides, pagesInNameOrder: folder !== undefined, ...(sharedTopics ? { sharedTopics } : {}) });
  let result = read();
  // One discipline's file of a folder, imported alone: an equivalent that names a level of a sibling file is kept, with a warning naming the folder.
  const path = folder === undefined && inputs.length === 1 && inputs[0] !== '-' ? resolve(context.io.cwd, inputs[0] as string) : undefined;
  const siblings = !result.data && path !== undefined ? folderOfMarkdownFile(path, inputs[0] as string) : undefined;
  if (siblings !== undefined && path !== undefined) {
    const named = await levelNamesBeside(path, siblings);
    result = read({ folder: siblings, namedInFolder: (name) => named.has(normalizeName(name)) });
  }
  const warnings = result.warnings.map((warning) => (warning.rule === UNRESOLVED_IN_FOLDER && siblings !== undefined ? { ...warning, hint: `import the whole ladder with \`ladder import ${siblings}\`` } : warning));
  await warn(context, withExcerpts(warnings, files));
  if (options.explain) context.io.stdout.write(renderOutline(result.decisions, files.map((file) => file.name)));
  if (!result.data) throw new LadderError('invalid', `${files.length === 1 ? files[0]?.name : `${files.length} files`}: cannot import`, { diagnostics: withExcerpts(result.errors, files) });
  return result;
}

/** The reader's decisions the command line overrides; a rule turned off (`--no-summary-tables`) is false, one left alone is absent. */
function overridesOf(options: ImportOptions): Overrides {
  const overrides: Overrides = { notLevel: options.notLevel ?? [] };
  if (options.levelDepth !== undefined) overrides.levelDepth = options.levelDepth;
  if (options.transpose !== undefined) overrides.transpose = options.transpose;
  if (options.axisLabels !== undefined) overrides.axisLabels = options.axisLabels;
  if (options.keepPage) overrides.keepPage = options.keepPage;
  if (options.skipPage) overrides.skipPage = options.skipPage;
  // `--no-…` options are true unless given: only false says something.
  for (const rule of ['sharedTopics', 'introduction', 'navigation', 'tracksByName', 'groupRow', 'summaryTables'] as const) if (options[rule] === false) overrides[rule] = false;
  return overrides;
}

/**
 * The titles, codes, aliases and ids of the levels of the Markdown ladder files beside this one,
 * each read alone: the files a read of the whole folder takes, read with its limits.
 */
async function levelNamesBeside(path: string, folder: string): Promise<Set<string>> {
  const { entries } = readLadderFolder({ kind: 'path', path: dirname(path), display: folder, reason: 'command line' });
  const siblings = entries
    .filter((entry) => basename(entry.name) !== basename(path))
    .flatMap((entry) => {
      try {
        const { name, text } = entry.read();
        return [{ name, text }];
      } catch {
        // A file that cannot be read names no level; reading the folder whole says why.
        return [];
      }
    });
  await prepareMarkdown(siblings.map((file) => file.text));
  const names = new Set<string>();
  for (const file of siblings) {
    for (const track of readMarkdown([file], { keepUnresolved: true }).data?.tracks ?? []) {
      for (const level of track.levels) for (const name of [level.title, level.id, level.code, ...(level.aliases ?? [])]) if (name) names.add(normalizeName(name));
    }
  }
  return names;
}

/**
 * `ladder -f FILE.md which --explain`: the outline the reader infers from the ladder in effect,
 * with the overrides its front matter keeps. A YAML ladder has nothing to infer.
 */
export async function explainLadder(context: CommandContext): Promise<void> {
  const input = readContextSource(context);
  const files = (isFolderInput(input) ? input.files : [input]).filter((file) => sourceFormat(file) === 'markdown').map(({ name, text }) => ({ name, text }));
  if (files.length === 0) {
    context.io.stderr.write(`ladder: ${input.name} is a ladder file: it says what each part is, so there is no outline to infer\n`);
    return;
  }
  await prepareMarkdown(files.map((file) => file.text));
  const sharedTopics = isFolderInput(input) ? input.sharedTopics : sharedTopicsNear(context, files);
  const result = readMarkdown(files, sharedTopics ? { sharedTopics: { name: sharedTopics.name, text: sharedTopics.text } } : {});
  context.io.stdout.write(renderOutline(result.decisions, files.map((file) => file.name)));
}

/**
 * The files to read, in order: those named, in the order given; for a folder, its Markdown files
 * with a `README`/`index` first (the introduction), then by front-matter `weight`, then by name
 * (numbers in names compared as numbers, so `level-10` follows `level-9`).
 */
function markdownFiles(context: CommandContext, inputs: string[]): { files: MarkdownFile[]; folder?: string } {
  // `resolve`, not `join`: a folder may be named by an absolute path.
  const folderPath = inputs.length === 1 && inputs[0] !== '-' ? resolve(context.io.cwd, inputs[0] as string) : undefined;
  if (folderPath !== undefined && isDirectory(folderPath)) {
    const folder = inputs[0] as string;
    const names = readdirSync(folderPath).filter((name) => /\.(md|markdown)$/i.test(name));
    if (names.length === 0) throw new LadderError('file', `${folder}: no Markdown files (*.md) in this folder`);
    const files = names.map((name) => toMarkdownFile(context, join(folder, name)));
    const intro = (file: MarkdownFile) => (/^(readme|index|_index)\.(md|markdown)$/i.test(basename(file.name)) ? 0 : 1);
    files.sort((a, b) => intro(a) - intro(b) || weight(a) - weight(b) || basename(a.name).localeCompare(basename(b.name), 'en', { numeric: true }));
    return { files, folder };
  }
  return { files: inputs.map((input) => toMarkdownFile(context, input)) };
}

/** The shared topics' file beside the files read (see shared-topics-file.ts), when it is not one of them. */
function sharedTopicsNear(context: CommandContext, files: MarkdownFile[], folder?: string): MarkdownFile | undefined {
  const [first] = files;
  if (!first || first.name === STDIN_NAME || files.some((file) => basename(file.name).toLowerCase() === SHARED_TOPICS_FILE)) return undefined;
  const named = folder ?? first.name;
  const found = findSharedTopics({ path: resolve(context.io.cwd, named), display: named }, folder !== undefined);
  return found && { name: found.name, text: found.text };
}

function toMarkdownFile(context: CommandContext, path: string): MarkdownFile {
  const input = readContextSource(context, path);
  if (isFolderInput(input)) throw new LadderError('usage', `${input.name}: import reads one folder at a time, given alone`, { hint: `run \`ladder import ${input.name}\`` });
  return { name: input.name, text: input.text };
}

/** A front-matter `weight:` (or `order:`), as static-site generators use to order pages; files without one come last. */
function weight(file: MarkdownFile): number {
  const front = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*$/m.exec(file.text.slice(0, 4096));
  const value = front && file.text.startsWith('---') ? /^(?:weight|order)[ \t]*:[ \t]*(-?\d+(?:\.\d+)?)[ \t]*$/m.exec(front[1] as string) : null;
  return value ? Number(value[1]) : Number.POSITIVE_INFINITY;
}

