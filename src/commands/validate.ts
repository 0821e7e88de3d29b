import { LadderError, withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { lintLadder } from '../check/lint.js';
import { VALIDATE_RULES } from '../check/validate-rules.js';
import { basename, dirname, join, resolve } from 'node:path';
import { readLadderFolder } from '../read/folder.js';
import { checkLadderSource, isFolderInput } from '../read/load.js';
import type { Checked, LadderInput } from '../read/load.js';
import type { Ladder } from '../model/model.js';
import { sourceFormat, STDIN_NAME } from '../read/source.js';
import { renderAnnotations } from '../render/annotations.js';
import type { AnnotationFormat } from '../render/annotations.js';
import { validationRenderers } from '../render/validate.js';
import type { ValidationResult } from '../render/validate.js';
import type { CommandContext, OutputFlags } from './context.js';
import { contextLocation, emit, loadOptions, readContextSource, warn } from './context.js';

export interface ValidateOptions extends Omit<OutputFlags, 'format'> {
  format: OutputFlags['format'] | AnnotationFormat;
  /** Treat warnings as errors. */
  strict: boolean;
}

/**
 * `ladder validate [FILE]`: a one-line summary and exit 0, or every problem and exit 3. Warnings
 * (see lint.ts) do not fail the file unless --strict. In text, problems are messages on stderr; in
 * the data formats, and as CI annotations (github, sarif), they are the result, on stdout.
 */
export async function runValidate(context: CommandContext, file: string | undefined, options: ValidateOptions): Promise<number> {
  const location = contextLocation(context, file ?? context.file);
  const shipped = location.reason === 'shipped';
  let source: LadderInput;
  try {
    source = readContextSource(context, file ?? context.file);
  } catch (error) {
    // A script that asked for data gets it, for a file that cannot be read too.
    if (options.format === 'text' || !(error instanceof LadderError)) throw error;
    const name = location.kind === 'stdin' ? STDIN_NAME : location.display;
    const problems: Diagnostic[] = [{ severity: 'error', rule: 'unreadable', file: name, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }];
    await report(context, options, { file: name, shipped, valid: false, levelCount: 0, trackCount: 0, problems });
    return 3;
  }
  // What the Markdown reader noticed is not cached, so a Markdown ladder is read afresh.
  const markdown = (isFolderInput(source) ? source.files : [source]).some((file) => sourceFormat(file) === 'markdown');
  const alone = await checkLadderSource(source, { ...(markdown ? {} : loadOptions(context)), alone: true });
  // One file of a ladder kept as a folder names levels and grades its other files hold: alone it
  // is not the ladder its authors wrote, so it is checked with its folder.
  const part = !alone.ladder && !isFolderInput(source) && location.kind === 'path' ? await withItsFolder(location.path, location.display) : undefined;
  const checked = part?.checked ?? alone;
  if (part) context.io.stderr.write(`ladder: ${source.name} is one file of the ladder in ${part.folder}; checked with the folder's other files\n`);
  const readerWarnings = (checked.readerWarnings ?? []).map((problem) => (options.strict ? { ...problem, severity: 'error' as const } : problem));
  // The lint's findings are about the folder's ladder, which `validate FOLDER` places in its files.
  const problems = checked.ladder ? [...readerWarnings, ...(part ? [] : await warnings(source, checked.ladder, options.strict))] : checked.diagnostics;
  const valid = problems.every((problem) => problem.severity === 'warning');
  if (options.format === 'text') {
    if (!valid) throw new LadderError('invalid', `${source.name}: not a valid ladder`, { diagnostics: problems });
    await warn(context, problems);
  }
  const result: ValidationResult = {
    file: source.name,
    shipped,
    valid,
    levelCount: checked.ladder?.levels.length ?? 0,
    trackCount: checked.ladder?.tracks.length ?? 0,
    problems,
  };
  await report(context, options, result);
  return valid ? 0 : 3;
}

/**
 * A file's check as one file of the ladder kept in its folder, when the folder holds other ladder
 * files and checks clean as a whole: that is the ladder the file belongs to. A folder with problems
 * of its own says nothing about this file, which is then reported as it reads alone.
 */
async function withItsFolder(path: string, display: string): Promise<{ folder: string; checked: Checked } | undefined> {
  let folder;
  try {
    folder = readLadderFolder({ kind: 'path', path: dirname(path), display: dirname(display), reason: 'command line' });
  } catch {
    return undefined;
  }
  const isEntry = folder.entries.some((candidate) => join(folder.path, basename(candidate.name)) === resolve(path));
  if (!isEntry || folder.entries.length < 2) return undefined;
  try {
    const checked = await checkLadderSource(folder, {});
    return checked.ladder ? { folder: folder.name, checked } : undefined;
  } catch {
    // A file of the folder that cannot be read as a ladder at all: the folder is not its ladder.
    return undefined;
  }
}

async function report(context: CommandContext, options: ValidateOptions, result: ValidationResult): Promise<void> {
  if (options.format === 'github' || options.format === 'sarif') context.io.stdout.write(renderAnnotations(result, options.format, VALIDATE_RULES));
  else await emit(context, { ...options, format: options.format }, result, validationRenderers);
}

/** The lint findings of a ladder that checked clean, placed in the file (positions need the slower parser); in a folder, in the file each comes from. */
async function warnings(source: LadderInput, ladder: Ladder, strict: boolean): Promise<Diagnostic[]> {
  const findings = lintLadder(ladder);
  if (findings.length === 0) return [];
  const { locate, locateInFolder } = await import('../check/check.js');
  const positions = isFolderInput(source) ? await locateInFolder(source.files, findings) : (await locate(source, findings)).map((position) => ({ file: source.name, ...position }));
  const files = isFolderInput(source) ? source.files : [source];
  return withExcerpts(findings.map((finding, i) => ({ severity: strict ? 'error' : 'warning', rule: finding.rule, file: source.name, ...positions[i], message: finding.message, hint: finding.hint })), files);
}
