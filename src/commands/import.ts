import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { LadderError, withExcerpts } from '../errors.js';
import { trackNameOf } from '../read/folder.js';
import { isFolderInput } from '../read/load.js';
import { sourceFormat } from '../read/source.js';
import { prepareMarkdown, readMarkdown } from '../read/markdown/read-markdown.js';
import { isDirectory } from '../read/source.js';
import type { MarkdownFile, MarkdownResult, ReadSummary } from '../read/markdown/read-markdown.js';
import { spreadsheetFormat } from '../read/spreadsheet/table.js';
import type { SpreadsheetImportOptions } from './import-formats.js';
import { renderOutline } from '../render/outline.js';
import { ladderYaml } from '../write/ladder-yaml.js';
import { writeFileSafely } from '../write/write-file.js';
import type { CommandContext } from './context.js';
import { readContextSource, warn } from './context.js';

export interface ImportOptions extends SpreadsheetImportOptions {
  output?: string;
  force: boolean;
  /** Print how the input was read instead of the ladder. */
  explain?: boolean;
  notLevel?: string[];
  levelDepth?: number;
  transpose?: boolean;
}

/**
 * `ladder import FILE…|DIR|-`: Markdown ladders as one ladder file, on stdout or in `-o FILE`.
 * Several files (or a folder of them) are read as one ladder: a file per level makes one track,
 * a file per discipline one track each, and equivalents resolve across them. Everything the
 * reader could not place is named in a warning, and a summary line ends the run. With `--explain`,
 * the outline the reader inferred is printed instead of the ladder (and before any error).
 */
export async function runImport(context: CommandContext, inputs: string[], options: ImportOptions): Promise<number> {
  const { io } = context;
  let result: MarkdownResult;
  if (inputs.length === 1 && (options.from !== undefined || spreadsheetFormat(inputs[0] as string))) {
    const { readSpreadsheetInput } = await import('./import-formats.js');
    result = await readSpreadsheetInput(context, inputs[0] as string, options);
  } else if (inputs.length === 1 && /\.ya?ml$/i.test(inputs[0] as string)) {
    const { readJobFamilyInput } = await import('./import-formats.js');
    result = await readJobFamilyInput(context, inputs[0] as string);
  } else {
    result = await readMarkdownInputs(context, inputs, options);
  }
  if (!result.data) throw new Error('a reader returned no ladder and no error');
  if (options.explain) {
    io.stderr.write(`${summaryLine(result.summary)}\n`);
    return 0;
  }
  const origin = inputs.length === 1 ? (inputs[0] === '-' ? 'standard input' : basename(inputs[0] as string)) : `${inputs.length} files`;
  const text = ladderYaml(result.data, ['', `Imported from ${origin} by \`ladder import\`. Check edits with \`ladder validate\`.`]);
  // The result must be a ladder every command accepts; if not, the importer has a bug.
  const { checkLadderText } = await import('../check/check.js');
  const { diagnostics } = checkLadderText({ name: options.output ?? '<import>', text });
  if (diagnostics.length > 0) throw new Error(`import produced an invalid ladder: ${diagnostics.map((d) => d.message).join('; ')}`);
  if (options.output === undefined || options.output === '-') io.stdout.write(text);
  else {
    writeFileSafely(options.output, text, { force: options.force, inputs, cwd: io.cwd, makeParents: true });
    io.stderr.write(`ladder: wrote ${options.output}; check it with: ladder -f ${options.output} validate\n`);
  }
  io.stderr.write(`${summaryLine(result.summary)}\n`);
  return 0;
}

async function readMarkdownInputs(context: CommandContext, inputs: string[], options: ImportOptions): Promise<MarkdownResult> {
  const { files, folder } = markdownFiles(context, inputs);
  await prepareMarkdown(files.map((file) => file.text));
  const overrides = { notLevel: options.notLevel ?? [], ...(options.levelDepth !== undefined ? { levelDepth: options.levelDepth } : {}), ...(options.transpose ? { transpose: true } : {}) };
  const result = readMarkdown(files, { keepUnresolved: options.keepUnresolved, trackName: options.track ?? (folder ? trackNameOf(folder) : undefined), overrides });
  await warn(context, withExcerpts(result.warnings, files));
  if (options.explain) context.io.stdout.write(renderOutline(result.decisions, files.map((file) => file.name)));
  if (!result.data) throw new LadderError('invalid', `${files.length === 1 ? files[0]?.name : `${files.length} files`}: cannot import`, { diagnostics: withExcerpts(result.errors, files) });
  return result;
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
  const result = readMarkdown(files);
  context.io.stdout.write(renderOutline(result.decisions, files.map((file) => file.name)));
}

/** `import: 2 tracks, 11 levels, 7 axes; 1 section kept as prose; no words left out`. */
export function summaryLine(summary: ReadSummary): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const prose = summary.sectionsAsProse > 0 ? `; ${count(summary.sectionsAsProse, 'section', 'sections')} kept as prose` : '';
  const lost = summary.wordsLeftOut > 0 ? `${count(summary.wordsLeftOut, 'word', 'words')} left out (see the warnings above)` : 'no words left out';
  return `import: ${count(summary.tracks, 'track', 'tracks')}, ${count(summary.levels, 'level', 'levels')}, ${count(summary.axes, 'axis', 'axes')}${prose}; ${lost}`;
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

